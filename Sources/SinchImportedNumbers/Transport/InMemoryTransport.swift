import Foundation
import Synchronization

/// An ``ImportedNumbersTransport`` that answers from canned responses, for tests of code that uses the client.
///
/// Responses are given per request target (path and query, as ``ImportedNumbersQuery/requestTarget(pageToken:)``
/// makes it) and handed out in order; the last one is repeated. A request nothing was given for gets a 404. The
/// client's token, retry and paging logic runs exactly as it does over HTTP.
///
/// ```swift
/// let transport = InMemoryTransport()
/// transport.respond(to: InMemoryTransport.tokenPath, with: .accessToken("t1"))
/// transport.respond(to: query.requestTarget(pageToken: nil), with: [.status(503), .page(numbers)])
/// let client = try ImportedNumbersClient(configuration: .init(), credentials: credentials, transport: transport)
/// ```
public final class InMemoryTransport: ImportedNumbersTransport {
    /// A canned answer, and how long it takes to arrive.
    public struct Response: Sendable {
        /// The answer.
        public var response: TransportResponse
        /// How long the request takes before the answer (cancellable, and cut by the client's `requestTimeout`).
        public var delay: Duration

        /// `response`, after `delay`.
        public init(_ response: TransportResponse, delay: Duration = .zero) {
            self.response = response
            self.delay = delay
        }

        /// An answer with `status` and a JSON `body`.
        public static func json(
            _ body: String, status: Int = 200, headers: [(name: String, value: String)] = [], delay: Duration = .zero
        ) -> Response {
            Response(
                TransportResponse(
                    status: status, headers: [(name: "Content-Type", value: "application/json")] + headers,
                    body: Array(body.utf8)),
                delay: delay)
        }

        /// A page of the list endpoint, encoded as the API does.
        public static func page(_ page: ListImportedNumbersResponse, delay: Duration = .zero) -> Response {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let body = (try? encoder.encode(page)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            return json(body, delay: delay)
        }

        /// An answer of the OAuth2 token endpoint with `token` (letters, digits and `-._~+/=`, as a bearer token has).
        public static func accessToken(_ token: String, expiresIn: Int = 3600) -> Response {
            json(#"{"access_token":"\#(token)","token_type":"Bearer","expires_in":\#(expiresIn)}"#)
        }

        /// An answer with `status`, the API's error body and `headers` (`Retry-After`, `WWW-Authenticate`).
        public static func status(_ status: Int, headers: [(name: String, value: String)] = []) -> Response {
            json(
                #"{"code":"\#(status)","message":"canned answer","status":"CANNED"}"#, status: status, headers: headers)
        }
    }

    /// The path of the default token URL, `https://auth.sinch.com/oauth2/token`.
    public static let tokenPath = "/oauth2/token"

    private struct State {
        var responses: [String: [Response]] = [:]
        var requests: [TransportRequest] = []
    }

    private let state = Mutex(State())

    /// A transport with no responses yet.
    public init() {}

    /// Answers requests for `target` with `responses`, one per request, the last one repeated; replaces what was
    /// given for `target` before.
    public func respond(to target: String, with responses: [Response]) {
        state.withLock { $0.responses[target] = responses }
    }

    /// Answers every request for `target` with `response`.
    public func respond(to target: String, with response: Response) {
        respond(to: target, with: [response])
    }

    /// Every request received so far, in order (their `Authorization` headers included).
    public var requests: [TransportRequest] { state.withLock { $0.requests } }

    /// The next canned answer for `request`'s target, after its delay.
    public func execute(
        _ request: TransportRequest, timeout: Duration, maxResponseBytes: Int
    ) async throws
        -> TransportResponse
    {
        let answer = state.withLock { state -> Response? in
            state.requests.append(request)
            guard var queue = state.responses[request.target], let first = queue.first else { return nil }
            if queue.count > 1 {
                queue.removeFirst()
                state.responses[request.target] = queue
            }
            return first
        }
        guard let answer else { return Response.status(404).response }
        if answer.delay > .zero { try await Task.sleep(for: answer.delay) }
        return answer.response
    }
}
