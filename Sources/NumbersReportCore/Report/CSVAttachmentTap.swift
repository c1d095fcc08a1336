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
    /// The CSV as it is, while ``State/plain``.
    private var plainBytes: [UInt8] = []

    private enum State {
        /// Collecting the CSV as it is, in ``plainBytes``.
        case plain
        /// Gzipping, and gzipping the first `sampleSize` bytes apart for the estimate.
        case gzipping(gzip: GzipSink, output: MemorySink, sample: GzipSink, sampleOutput: MemorySink, sampled: Int)
        /// The estimate passed: gzipping the rest.
        case gzippingRest(gzip: GzipSink, output: MemorySink)
        case decided(CSVAttachment)
    }

    /// - Parameter size: the CSV's size in bytes, header included.
    init(settings: EmailSettings, size: Int) throws {
        self.settings = settings
        self.size = size
        if size <= settings.gzipAttachmentAboveBytes {
            state = size > settings.maxAttachmentBytes ? .decided(.notAttached("it is ")) : .plain
        } else {
            let output = MemorySink()
            let sampleOutput = MemorySink()
            // One zlib member, not libdeflate's members of a MiB: the attachment is opened by whatever the reader has
            // (archive tools, mail clients' previews), some of which are said to stop after a gzip file's first member.
            // The sample that estimates its size is deflated the same way.
            state = .gzipping(
                gzip: try GzipSink(
                    downstream: CappedSink(downstream: output, limit: settings.maxAttachmentBytes), level: 6,
                    members: .one),
                output: output, sample: try GzipSink(downstream: sampleOutput, level: 6, members: .one),
                sampleOutput: sampleOutput, sampled: 0)
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
        case .gzipping(let gzip, let output, let sample, let sampleOutput, let sampled):
            let taken = min(bytes.count, sampleSize - sampled)
            try sample.write(UnsafeRawBufferPointer(rebasing: bytes[..<taken]))
            guard try gzipCapped(gzip, bytes) else { return }
            if sampled + taken < sampleSize {
                state = .gzipping(
                    gzip: gzip, output: output, sample: sample, sampleOutput: sampleOutput, sampled: sampled + taken)
                return
            }
            try sample.close()
            let estimate = Int(Double(sampleOutput.bytes.count) * Double(size) / Double(max(1, sampleSize)))
            if estimate > settings.maxAttachmentBytes + settings.maxAttachmentBytes / 4 {
                state = .decided(
                    .notAttached(
                        "gzipped, it would be about \(estimate) bytes (estimated from its first \(sampleSize) bytes), ")
                )
            } else {
                state = .gzippingRest(gzip: gzip, output: output)
            }
        case .gzippingRest(let gzip, _):
            _ = try gzipCapped(gzip, bytes)
        }
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
        case .gzipping(let gzip, let output, _, _, _), .gzippingRest(let gzip, let output):
            do {
                try gzip.close()
            } catch is CappedSink.LimitExceeded {
                return Self.tooLargeGzipped
            }
            return .gzipped(output.bytes)
        }
    }
}
