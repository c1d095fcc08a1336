import CZlib

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a gzip file (one or more members) and hands out its lines, streaming.
public final class GzipReader {
    public let path: String
    private let file: UnsafeMutablePointer<FILE>
    private let stream: UnsafeMutablePointer<z_stream>
    private var input = [UInt8](repeating: 0, count: 1 << 16)
    private var inputLength = 0
    private var inputOffset = 0
    private var output: [UInt8] = []
    private var outputOffset = 0
    private var endOfFile = false
    private var finished = false

    public init(path: String) throws {
        self.path = path
        guard let file = fopen(path, "rb") else { throw OutputFileError(operation: "open", path: path, errno: errno) }
        self.file = file
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = inflateInit2_(stream, MAX_WBITS + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            fclose(file)
            stream.deallocate()
            throw GzipError(operation: "inflateInit2", code: status)
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        fclose(file)
    }

    /// The next line without its `\n`; `nil` at the end.
    public func nextLine() throws -> [UInt8]? {
        while true {
            if let newline = output[outputOffset...].firstIndex(of: 10) {
                let line = Array(output[outputOffset..<newline])
                outputOffset = newline + 1
                return line
            }
            if finished {
                guard outputOffset < output.count else { return nil }
                let line = Array(output[outputOffset...])
                outputOffset = output.count
                return line
            }
            output.removeFirst(outputOffset)
            outputOffset = 0
            try inflateMore()
        }
    }

    private func inflateMore() throws {
        if inputOffset == inputLength {
            if endOfFile {
                guard stream.pointee.total_in == 0 else {
                    throw GzipError(operation: "inflate (the file ends inside a gzip member)", code: Z_BUF_ERROR)
                }
                finished = true
                return
            }
            inputLength = input.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            inputOffset = 0
            if inputLength == 0 {
                endOfFile = true
                if ferror(file) != 0 { throw OutputFileError(operation: "read", path: path, errno: errno) }
                return
            }
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let (status, produced, consumed) = input.withUnsafeMutableBufferPointer { source in
            chunk.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_in = source.baseAddress! + inputOffset
                stream.pointee.avail_in = uInt(inputLength - inputOffset)
                stream.pointee.next_out = target.baseAddress
                stream.pointee.avail_out = uInt(target.count)
                let status = inflate(stream, Z_NO_FLUSH)
                return (
                    status, target.count - Int(stream.pointee.avail_out),
                    inputLength - inputOffset - Int(stream.pointee.avail_in)
                )
            }
        }
        inputOffset += consumed
        output.append(contentsOf: chunk[0..<produced])
        switch status {
        case Z_STREAM_END:
            // Another member may follow; a fresh stream reads it.
            inflateReset(stream)
            stream.pointee.total_in = 0
        case Z_OK, Z_BUF_ERROR:
            break
        default:
            throw GzipError(operation: "inflate \(path)", code: status)
        }
    }
}
