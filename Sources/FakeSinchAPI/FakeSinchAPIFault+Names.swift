extension FakeSinchAPIFault {
    /// The names `fake-api --faults` takes, and the fault each stands for.
    public static let named: [(name: String, fault: FakeSinchAPIFault)] = [
        ("429", .tooManyRequests(retryAfter: nil)), ("429-retry-after", .tooManyRequests(retryAfter: "1")),
        ("500", .serverError(status: 500)), ("503", .serverError(status: 503)),
        ("502-wrapped", .wrappedServerError(status: 502)), ("reset", .connectionReset),
        ("truncated", .truncatedJSON), ("invalid-json", .invalidJSON), ("stall", .stall(.seconds(40))),
        ("expire-token", .expireTokens), ("oversized", .oversizedPage), ("overlap", .overlappingPage),
        ("403", .serverError(status: 403)), ("trickle", .trickle(interval: .milliseconds(200))),
        ("endless-chunked", .endlessChunked), ("duplicate-members", .duplicateMembers),
        ("duplicate-page-member", .duplicatePageMember), ("invalid-utf8", .invalidUTF8),
        ("huge-error", .hugeErrorMessage(characters: 20_000_000)), ("forged-error", .forgedErrorMessage),
        ("token-crlf", .tokenWithCRLF),
    ]

    /// The fault named `name` (see ``named``).
    public init?(name: String) {
        guard let entry = Self.named.first(where: { $0.name == name }) else { return nil }
        self = entry.fault
    }
}
