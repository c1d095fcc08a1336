import ReportWriters

/// Sees the bytes of `numbers.csv` as they are joined and prepares the email's attachment from them:
/// as they are when small; gzipped (at most `email.maxAttachmentBytes`) when larger than
/// `email.gzipAttachmentAboveBytes` — unless the first quarter of the file (at most
/// ``sampleBytes``), gzipped, shows the whole would clearly be too large, which saves compressing a
/// large CSV only to drop it.
final class CSVAttachmentTap {
    /// The gzipped CSV outgrew `email.maxAttachmentBytes`.
    private static let tooLargeGzipped = CSVAttachment.notAttached("even gzipped, it is ")

    /// How much of a large CSV is compressed to estimate the size of all of it gzipped.
    static let sampleBytes = 4 << 20

    private let settings: EmailSettings
    private let size: Int
    private var state: State
    /// The CSV as it is, while ``State/plain``; its first bytes while ``State/sampling``.
    private var plainBytes: [UInt8] = []

    private enum State {
        /// Collecting the CSV as it is, in ``plainBytes``.
        case plain
        /// Deflating the first `sampleSize` bytes for the estimate, and keeping them (in ``plainBytes``) for the
        /// attachment, which is begun only once the estimate passes.
        case sampling(sample: GzipSink, sampleOutput: MemorySink)
        /// The estimate passed: gzipping the CSV.
        case gzipping(gzip: GzipSink, output: MemorySink)
        case decided(CSVAttachment)
    }

    /// - Parameter size: the CSV's size in bytes, header included.
    init(settings: EmailSettings, size: Int) throws {
        self.settings = settings
        self.size = size
        if size <= settings.gzipAttachmentAboveBytes {
            state = size > settings.maxAttachmentBytes ? .decided(.notAttached("it is ")) : .plain
        } else {
            // Only an estimate: deflated by libdeflate in members of a MiB, about twice zlib's speed, within 2% of
            // zlib's size.
            let sampleOutput = MemorySink()
            state = .sampling(
                sample: try GzipSink(downstream: sampleOutput, level: 6, members: .every(inputBytes: 1 << 20)),
                sampleOutput: sampleOutput)
        }
    }

    /// The size of the sample the estimate is made from.
    private var sampleSize: Int { min(Self.sampleBytes, max(1, size / 4)) }

    /// The next bytes of the CSV.
    func take(_ bytes: UnsafeRawBufferPointer) throws {
        switch state {
        case .decided: return
        case .plain:
            plainBytes.append(contentsOf: bytes)
        case .sampling(let sample, let sampleOutput):
            let taken = min(bytes.count, sampleSize - plainBytes.count)
            let head = UnsafeRawBufferPointer(rebasing: bytes[..<taken])
            try sample.write(head)
            plainBytes.append(contentsOf: head)
            guard plainBytes.count == sampleSize else { return }
            try sample.close()
            let estimate = Int(Double(sampleOutput.bytes.count) * Double(size) / Double(max(1, sampleSize)))
            if estimate > settings.maxAttachmentBytes + settings.maxAttachmentBytes / 4 {
                state = .decided(
                    .notAttached(
                        "gzipped, it would be about \(estimate) bytes (estimated from its first \(sampleSize) bytes), ")
                )
                plainBytes = []
                return
            }
            let (gzip, _) = try startGzipping()
            let kept = plainBytes
            plainBytes = []
            guard try kept.withUnsafeBytes({ try gzipCapped(gzip, $0) }) else { return }
            _ = try gzipCapped(gzip, UnsafeRawBufferPointer(rebasing: bytes[taken...]))
        case .gzipping(let gzip, _):
            _ = try gzipCapped(gzip, bytes)
        }
    }

    /// Begins the attachment (state ``State/gzipping``). One zlib member, not libdeflate's members of a MiB: the
    /// attachment is opened by whatever the reader has (archive tools, mail clients' previews), some of which are
    /// said to stop after a gzip file's first member.
    private func startGzipping() throws -> (GzipSink, MemorySink) {
        let output = MemorySink()
        let gzip = try GzipSink(
            downstream: CappedSink(downstream: output, limit: settings.maxAttachmentBytes), level: 6, members: .one)
        state = .gzipping(gzip: gzip, output: output)
        return (gzip, output)
    }

    /// Gzips `bytes`; false (and the decision made) once the result outgrows the cap.
    private func gzipCapped(_ gzip: GzipSink, _ bytes: UnsafeRawBufferPointer) throws -> Bool {
        do {
            try gzip.write(bytes)
            return true
        } catch is CappedSink.LimitExceeded {
            state = .decided(Self.tooLargeGzipped)
            return false
        }
    }

    /// The attachment, once every byte was taken.
    func finish() throws -> CSVAttachment {
        switch state {
        case .decided(let attachment): return attachment
        case .plain: return .plain(plainBytes)
        case .sampling:
            // Fewer bytes than the size given (a part that shrank): what came is gzipped, without an estimate.
            let (gzip, _) = try startGzipping()
            let kept = plainBytes
            plainBytes = []
            _ = try kept.withUnsafeBytes { try gzipCapped(gzip, $0) }
            return try finish()
        case .gzipping(let gzip, let output):
            do {
                try gzip.close()
            } catch is CappedSink.LimitExceeded {
                return Self.tooLargeGzipped
            }
            return .gzipped(output.bytes)
        }
    }
}
