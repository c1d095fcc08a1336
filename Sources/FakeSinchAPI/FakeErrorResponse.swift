/// An error answer: status, JSON body bytes and the headers that go with it, in one of the shapes Sinch uses.
struct FakeErrorResponse: Error, Sendable {
    var httpStatus: Int
    var body: [UInt8]
    /// The `WWW-Authenticate` challenge of a 401.
    var wwwAuthenticate: String?
    /// The `Retry-After` of a 429.
    var retryAfter: String?

    /// Sinch's wrapped shape: `{"error": {"code": 404, "message": …, "status": "NOT_FOUND", "details": […]}}`.
    static func wrapped(
        httpStatus: Int,
        status: String,
        message: String,
        violations: [(field: String, description: String)] = []
    ) -> FakeErrorResponse {
        var writer = FakeJSONWriter(capacity: 256)
        writer.beginObject()
        writer.key("error")
        writer.beginObject()
        writer.field("code", httpStatus)
        writer.field("message", message)
        writer.field("status", status)
        if !violations.isEmpty {
            writer.key("details")
            writer.beginArray()
            writer.beginObject()
            writer.field("type", "BadRequest")
            writer.key("fieldViolations")
            writer.beginArray()
            for violation in violations {
                writer.beginObject()
                writer.field("field", violation.field)
                writer.field("description", violation.description)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
            writer.endArray()
        }
        writer.endObject()
        writer.endObject()
        return FakeErrorResponse(httpStatus: httpStatus, body: writer.bytes)
    }

    /// 400 in the wrapped shape with one field violation.
    static func invalidField(_ field: String, _ description: String) -> FakeErrorResponse {
        wrapped(httpStatus: 400, status: "INVALID_ARGUMENT", message: description, violations: [(field, description)])
    }

    /// The documented flat shape: `{"code": "400", "message": …, "status": "INVALID_ARGUMENT"}`.
    static func flat(httpStatus: Int, status: String, message: String) -> FakeErrorResponse {
        var writer = FakeJSONWriter(capacity: 128)
        writer.beginObject()
        writer.field("code", String(httpStatus))
        writer.field("message", message)
        writer.field("status", status)
        writer.endObject()
        return FakeErrorResponse(httpStatus: httpStatus, body: writer.bytes)
    }

    /// 400 in the documented flat shape (bad page token, number pattern or order by).
    static func invalidArgument(_ message: String) -> FakeErrorResponse {
        flat(httpStatus: 400, status: "INVALID_ARGUMENT", message: message)
    }

    /// 401 in the wrapped shape, with a `WWW-Authenticate` challenge.
    static func unauthenticated(_ message: String, challenge: String) -> FakeErrorResponse {
        var response = wrapped(httpStatus: 401, status: "UNAUTHENTICATED", message: message)
        response.wwwAuthenticate = challenge
        return response
    }

    /// 403 in the wrapped shape: the access key is genuine but does not belong to the project.
    static func permissionDenied(projectId: String) -> FakeErrorResponse {
        wrapped(
            httpStatus: 403, status: "PERMISSION_DENIED",
            message: "The access key does not grant access to project '\(projectId)'")
    }

    /// An OAuth2 token-endpoint error (RFC 6749 §5.2): `{"error": …, "error_description": …}`.
    static func oauth(httpStatus: Int, error: String, description: String) -> FakeErrorResponse {
        var writer = FakeJSONWriter(capacity: 128)
        writer.beginObject()
        writer.field("error", error)
        writer.field("error_description", description)
        writer.endObject()
        var response = FakeErrorResponse(httpStatus: httpStatus, body: writer.bytes)
        if httpStatus == 401 {
            response.wwwAuthenticate = "Basic realm=\"sinch\""
        }
        return response
    }

    /// Sinch's generic 429 body `{type, title, detail}`, with `Retry-After` when given.
    static func tooManyRequests(retryAfter: String?) -> FakeErrorResponse {
        var writer = FakeJSONWriter(capacity: 128)
        writer.beginObject()
        writer.field("type", "https://developers.sinch.com/docs/errors/too-many-requests")
        writer.field("title", "Too Many Requests")
        writer.field("detail", "Rate limit exceeded, slow down")
        writer.endObject()
        var response = FakeErrorResponse(httpStatus: 429, body: writer.bytes)
        response.retryAfter = retryAfter
        return response
    }

    /// The response an injected fault stands for (the paging loops are not errors and have none).
    static func fault(_ fault: FakeSinchAPIFault) -> FakeErrorResponse? {
        switch fault {
        case .tooManyRequests(let retryAfter):
            tooManyRequests(retryAfter: retryAfter)
        case .serverError(let status):
            flat(
                httpStatus: status,
                status: status == 503 ? "UNAVAILABLE" : status == 403 ? "PERMISSION_DENIED" : "INTERNAL",
                message: "Injected fault")
        case .hugeErrorMessage(let characters):
            flat(httpStatus: 500, status: "INTERNAL", message: String(repeating: "A", count: max(characters, 0)))
        case .forgedErrorMessage:
            flat(httpStatus: 500, status: "INTERNAL", message: "Injected\r\n[forged log line]\u{1B}[2J\u{202E}txt.exe")
        case .wrappedServerError(let status):
            wrapped(httpStatus: status, status: status == 503 ? "UNAVAILABLE" : "INTERNAL", message: "Injected fault")
        case .repeatPageToken, .rewindPageToken, .pass, .stall, .expireTokens, .truncatedJSON, .invalidJSON,
            .connectionReset, .oversizedPage, .overlappingPage, .trickle, .endlessChunked, .duplicateMembers,
            .duplicatePageMember, .invalidUTF8, .tokenWithCRLF:
            nil
        }
    }
}
