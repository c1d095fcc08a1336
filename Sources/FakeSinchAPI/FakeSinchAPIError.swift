/// Why a ``FakeSinchAPI`` could not start.
public enum FakeSinchAPIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scopes need more distinct phone numbers than the generator's 7-digit space holds.
    case dataSetTooLarge(scopes: Int, largestScope: Int)
    /// The server stopped before it was listening (for example, the port was taken).
    case serverDidNotStart(String)

    public var description: String {
        switch self {
        case .dataSetTooLarge(let scopes, let largest):
            "fake data set too large: \(scopes) scopes of up to \(largest) numbers do not fit the numbering plan"
        case .serverDidNotStart(let reason):
            "fake Sinch API did not start: \(reason)"
        }
    }
}
