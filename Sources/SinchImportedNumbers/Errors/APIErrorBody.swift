import Foundation

/// The body of an error answer, in whichever shape the server chose.
///
/// The Imported Numbers reference documents a flat `{code: "404", message, status}`; Sinch's other
/// APIs wrap it as `{error: {code: 404, message, status, details}}`; the OAuth2 endpoint answers
/// `{error: "invalid_client", error_description}` and the rate limiter `{type, title, detail}`.
///
/// Whatever the server sent, a decoded body keeps at most 500 characters of each text,
/// with control characters, line separators and bidi overrides escaped: a 20 MB
/// message or one with a forged log line stays a short, single, harmless line in errors, logs and emails.
public struct APIErrorBody: Hashable, Sendable, CustomStringConvertible {
    /// The code as text (`"404"`, `"invalid_client"`), when present.
    public var code: String?
    /// The server's message.
    public var message: String?
    /// A gRPC-style status such as `NOT_FOUND` or `INVALID_ARGUMENT`, when present.
    public var status: String?

    package init(code: String? = nil, message: String? = nil, status: String? = nil) {
        self.code = code
        self.message = message
        self.status = status
    }

    /// `status: message`, or whichever of them is present.
    public var description: String {
        [status, message].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
    }

    /// Reads an error body in any of the known shapes; `nil` when it is none of them.
    package static func decode(from bytes: some Collection<UInt8>) -> APIErrorBody? {
        guard !bytes.isEmpty,
            let shape = try? JSONDecoder().decode(Shape.self, from: Data(bytes))
        else { return nil }
        let body: APIErrorBody
        switch shape.error {
        case .wrapped(let inner):
            body = APIErrorBody(code: inner.code?.value, message: inner.message, status: inner.status)
        case .oauth(let code):
            body = APIErrorBody(code: code, message: shape.errorDescription, status: nil)
        case nil:
            body = APIErrorBody(
                code: shape.code?.value, message: shape.message ?? shape.detail ?? shape.title, status: shape.status)
        }
        guard body.code != nil || body.message != nil || body.status != nil else { return nil }
        return APIErrorBody(
            code: body.code.map { ServerText.sanitize($0, limit: 100) },
            message: body.message.map { ServerText.sanitize($0) },
            status: body.status.map { ServerText.sanitize($0, limit: 100) })
    }

    private struct Shape: Decodable {
        var code: LenientString?
        var message: String?
        var status: String?
        var error: ErrorField?
        var errorDescription: String?
        var title: String?
        var detail: String?

        enum CodingKeys: String, CodingKey {
            case code, message, status, error, title, detail
            case errorDescription = "error_description"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            code = try? container.decodeIfPresent(LenientString.self, forKey: .code)
            message = try? container.decodeIfPresent(String.self, forKey: .message)
            status = try? container.decodeIfPresent(String.self, forKey: .status)
            error = try? container.decodeIfPresent(ErrorField.self, forKey: .error)
            errorDescription = try? container.decodeIfPresent(String.self, forKey: .errorDescription)
            title = try? container.decodeIfPresent(String.self, forKey: .title)
            detail = try? container.decodeIfPresent(String.self, forKey: .detail)
        }
    }

    private enum ErrorField: Decodable {
        case wrapped(Inner)
        case oauth(String)

        init(from decoder: any Decoder) throws {
            if let code = try? decoder.singleValueContainer().decode(String.self) {
                self = .oauth(code)
            } else {
                self = .wrapped(try Inner(from: decoder))
            }
        }
    }

    private struct Inner: Decodable {
        var code: LenientString?
        var message: String?
        var status: String?
    }
}
