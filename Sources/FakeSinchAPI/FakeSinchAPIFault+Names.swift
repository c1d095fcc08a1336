extension FakeSinchAPIFault {
    /// The names `fake-api --faults` takes, and the fault each stands for.
    public static let named: [(name: String, fault: FakeSinchAPIFault)] = [
        ("429", .tooManyRequests(retryAfter: nil)), ("429-retry-after", .tooManyRequests(retryAfter: "1")),
        ("500", .serverError(status: 500)), ("503", .serverError(status: 503)),
        ("502-wrapped", .wrappedServerError(status: 502)), ("reset", .connectionReset),
        ("truncated", .truncatedJSON), ("invalid-json", .invalidJSON), ("stall", .stall(.seconds(40))),
        ("expire-token", .expireTokens), ("oversized", .oversizedPage), ("overlap", .overlappingPage),
    ]

    /// The fault named `name` (see ``named``).
    public init?(name: String) {
        guard let entry = Self.named.first(where: { $0.name == name }) else { return nil }
        self = entry.fault
    }
}
