/// One HTTP request of the client, as handed to an ``ImportedNumbersTransport``.
public struct TransportRequest: Sendable {
    /// `GET` for a page, `POST` for a token.
    public var method: String
    /// The absolute URL.
    public var url: String
    /// The header fields in order; `Authorization` carries a secret.
    public var headers: [(name: String, value: String)]
    /// The body; empty for `GET`.
    public var body: [UInt8]

    /// A request for `url`.
    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The path and query of ``url`` (`/v1/projects/p/importedNumbers?…`), as
    /// ``ImportedNumbersQuery/requestTarget(pageToken:)`` makes it for a page.
    public var target: String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        return rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
    }

    /// The values of the header `name`, compared without case.
    public func values(forHeader name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }
}
