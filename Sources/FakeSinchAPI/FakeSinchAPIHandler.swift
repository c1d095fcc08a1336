import Foundation
import Hummingbird
import Logging
import Synchronization

/// The request handling and all shared state of one fake: data set, issued tokens, counters, caches, faults.
///
/// Kept apart from ``FakeSinchAPI`` so the server task (which holds the handler) does not keep the public
/// object alive: dropping the last reference to a ``FakeSinchAPI`` can stop its server.
final class FakeSinchAPIHandler: Sendable {
    let configuration: FakeSinchAPIConfiguration
    let dataSet: FakeDataSet
    let logger: Logger
    let pageTokens: FakePageTokenCodec
    let indexCache = FakeIndexCache()
    let tokens = FakeTokenStore()
    let counters = Mutex(FakeSinchAPIStatistics())
    let faults = Mutex<[FakeSinchAPIFault.Endpoint: [FakeSinchAPIFault]]>([:])

    init(configuration: FakeSinchAPIConfiguration, logger: Logger) {
        self.configuration = configuration
        self.dataSet = FakeDataSet(configuration: configuration)
        self.logger = logger
        self.pageTokens = FakePageTokenCodec(seed: configuration.seed)
    }

    /// Routes one request: `POST /oauth2/token`, `GET /v1/projects/{projectId}/importedNumbers`, else 404.
    func respond(to request: Request) async -> Response {
        let path = request.uri.path
        let response: Response
        if path == "/oauth2/token" {
            response = await token(request)
        } else if let projectId = Self.projectId(inListPath: path) {
            response = await list(request, projectId: projectId)
        } else {
            response = Self.response(
                .wrapped(httpStatus: 404, status: "NOT_FOUND", message: "No route for \(request.method) \(path)")
            )
        }
        if response.status.code >= 400 {
            counters.withLock { $0.rejectedRequests += 1 }
        }
        logger.debug(
            "fake-sinch-api request",
            metadata: [
                "method": "\(request.method)", "path": "\(path)", "status": "\(response.status.code)",
            ]
        )
        return response
    }

    /// The decoded `{projectId}` of `/v1/projects/{projectId}/importedNumbers`, or `nil` for any other path.
    static func projectId(inListPath path: String) -> String? {
        let prefix = "/v1/projects/"
        let suffix = "/importedNumbers"
        guard path.hasPrefix(prefix), path.hasSuffix(suffix), path.count > prefix.count + suffix.count else {
            return nil
        }
        let segment = path.dropFirst(prefix.count).dropLast(suffix.count)
        guard !segment.contains("/") else { return nil }
        return FakeQueryString.decode(segment, plusAsSpace: false)
    }

    /// Takes the next queued fault for `endpoint`, if `accept` agrees to it.
    func takeFault(
        for endpoint: FakeSinchAPIFault.Endpoint,
        accept: (FakeSinchAPIFault) -> Bool = { _ in true }
    ) -> FakeSinchAPIFault? {
        faults.withLock { faults in
            guard let next = faults[endpoint]?.first, accept(next) else { return nil }
            faults[endpoint]?.removeFirst()
            return next
        }
    }

    // MARK: - Responses

    static func response(_ error: FakeErrorResponse) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let challenge = error.wwwAuthenticate { headers[.wwwAuthenticate] = challenge }
        if let retryAfter = error.retryAfter { headers[.retryAfter] = retryAfter }
        return Response(
            status: .init(code: error.httpStatus),
            headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: error.body))
        )
    }

    static func jsonResponse(_ bytes: [UInt8], noStore: Bool = false) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if noStore {
            headers[.cacheControl] = "no-store"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
