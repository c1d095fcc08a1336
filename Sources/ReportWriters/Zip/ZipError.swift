/// A zip archive could not be written as asked.
public enum ZipError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An entry or the archive passed 4 GiB or 65,535 entries: this writer does not write ZIP64.
    case tooLarge(String)
    /// An entry was started while another was still open, or after the archive was closed.
    case misuse(String)

    public var description: String {
        switch self {
        case .tooLarge(let what): "zip: \(what) is too large for a zip file without ZIP64"
        case .misuse(let what): "zip: \(what)"
        }
    }
}
