import CLibDeflate

/// Deflates input into gzip members of a fixed input size with libdeflate, handing each member to a closure: the
/// compressor behind ``GzipSink`` for ``GzipMembers/every(inputBytes:)``.
final class MemberDeflater: GzipSink.Compressor {
    private let compressor: OpaquePointer
    private let memberInputBytes: Int
    /// Input not yet deflated: less than one member.
    private let pending: UnsafeMutableRawBufferPointer
    private var pendingCount = 0
    /// Where a member is deflated to: room for the largest one.
    private let output: UnsafeMutableRawBufferPointer
    private var membersWritten = 0

    /// - Parameters:
    ///   - level: 0 (store) to 9 (smallest).
    ///   - memberInputBytes: the input of one member.
    init(level: Int32, memberInputBytes: Int) throws {
        guard (0...9).contains(level), let compressor = libdeflate_alloc_compressor(level) else {
            throw GzipError(operation: "libdeflate_alloc_compressor(\(level))", code: -1)
        }
        self.compressor = compressor
        self.memberInputBytes = max(1, memberInputBytes)
        pending = .allocate(byteCount: self.memberInputBytes, alignment: 16)
        output = .allocate(byteCount: libdeflate_gzip_compress_bound(compressor, self.memberInputBytes), alignment: 16)
    }

    deinit {
        libdeflate_free_compressor(compressor)
        pending.deallocate()
        output.deallocate()
    }

    /// Takes `bytes`, handing every member they complete to `emit`.
    func compress(_ bytes: UnsafeRawBufferPointer, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        var rest = bytes
        while !rest.isEmpty {
            if pendingCount == 0 && rest.count >= memberInputBytes {
                // A whole member in the caller's bytes: deflated from there, not copied first.
                try deflateMember(UnsafeRawBufferPointer(rebasing: rest[..<memberInputBytes]), emit: emit)
                rest = UnsafeRawBufferPointer(rebasing: rest[memberInputBytes...])
                continue
            }
            let taken = min(rest.count, memberInputBytes - pendingCount)
            (pending.baseAddress! + pendingCount).copyMemory(from: rest.baseAddress!, byteCount: taken)
            pendingCount += taken
            rest = UnsafeRawBufferPointer(rebasing: rest[taken...])
            if pendingCount == memberInputBytes {
                pendingCount = 0
                try deflateMember(UnsafeRawBufferPointer(pending), emit: emit)
            }
        }
    }

    /// Deflates what is left as the last member (an empty member when there was no input at all).
    func finish(emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard pendingCount > 0 || membersWritten == 0 else { return }
        let count = pendingCount
        pendingCount = 0
        try deflateMember(UnsafeRawBufferPointer(rebasing: pending[..<count]), emit: emit)
    }

    private func deflateMember(_ input: UnsafeRawBufferPointer, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        let size = libdeflate_gzip_compress(
            compressor, input.baseAddress, input.count, output.baseAddress, output.count)
        // The output has room for libdeflate's bound for a member of this size: 0 is not expected.
        guard size > 0 else { throw GzipError(operation: "libdeflate_gzip_compress", code: 0) }
        membersWritten += 1
        try emit(UnsafeRawBufferPointer(rebasing: output[..<size]))
    }
}
