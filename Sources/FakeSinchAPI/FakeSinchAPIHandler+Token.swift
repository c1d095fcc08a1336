import Foundation
import Hummingbird

extension FakeSinchAPIHandler {
    /// `POST /oauth2/token`: client credentials with HTTP Basic, answered with an opaque bearer token.
    func token(_ request: Request) async -> Response {
        counters.withLock { $0.tokenRequests += 1 }
        guard request.method == .post else {
            return Self.response(.oauth(httpStatus: 405, error: "invalid_request", description: "Use POST"))
        }
        let fault = takeFault(for: .token) ?? recurringTokenFault()
        if let fault {
            if let error = FakeErrorResponse.fault(fault) { return Self.response(error) }
            if case .stall(let duration) = fault { try? await Task.sleep(for: duration) }
        }
        guard let keyID = validBasicKeyID(request) else {
            return Self.response(
                .oauth(httpStatus: 401, error: "invalid_client", description: "Client authentication failed")
            )
        }
        let body: String
        do {
            let buffer = try await request.body.collect(upTo: 64 * 1024)
            body = String(buffer: buffer)
        } catch {
            return Self.response(.oauth(httpStatus: 400, error: "invalid_request", description: "Unreadable body"))
        }
        let grantType = FakeQueryString.parse(body[...])?.first { $0.name == "grant_type" }?.value
        guard let grantType else {
            return Self.response(
                .oauth(httpStatus: 400, error: "invalid_request", description: "grant_type is required"))
        }
        guard grantType == "client_credentials" else {
            return Self.response(
                .oauth(
                    httpStatus: 400, error: "unsupported_grant_type",
                    description: "Only client_credentials is supported"
                )
            )
        }
        let lifetime = configuration.tokenLifetimeSeconds
        let accessToken = tokens.issue(lifetime: lifetime, keyID: keyID)
        counters.withLock { $0.tokensIssued += 1 }
        var writer = FakeJSONWriter(capacity: 128)
        writer.beginObject()
        writer.field(
            "access_token", fault == .tokenWithCRLF ? accessToken + "\r\nX-Injected: \(accessToken)" : accessToken)
        writer.field("token_type", "Bearer")
        writer.field("expires_in", lifetime)
        writer.field("scope", "")
        writer.endObject()
        return Self.jsonResponse(writer.bytes, noStore: true)
    }

    /// The next of ``FakeSinchAPIConfiguration/recurringTokenFaults``, one per token request.
    func recurringTokenFault() -> FakeSinchAPIFault? {
        let faults = configuration.recurringTokenFaults
        guard !faults.isEmpty else { return nil }
        return counters.withLock { counters in faults[(counters.tokenRequests - 1) % faults.count] }
    }
}
