import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// A readable reason for a connection failure, instead of the nested dumps of NIO and AsyncHTTPClient.
///
/// The text never carries a header value: AsyncHTTPClient's errors are reduced to their case name (one of
/// them lists the header values it refused), and any other description has the request's header values
/// removed, its control characters escaped and its length capped.
enum TransportFailure {
    /// What went wrong with `error`, short, for `request`'s headers.
    static func reason(_ error: any Error, headers: [(name: String, value: String)] = []) -> String {
        if let connection = error as? NIOConnectionError {
            if let first = connection.connectionErrors.first { return reason(first.error, headers: headers) }
            if connection.dnsAError != nil || connection.dnsAAAAError != nil {
                return "the host name could not be resolved"
            }
            return "could not connect"
        }
        if let io = error as? IOError { return errnoText(io.errnoCode) }
        if let client = error as? HTTPClientError { return clientErrorText(client) }
        if let channel = error as? ChannelError {
            switch channel {
            case .connectTimeout: return "connect timed out"
            case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed, .inputClosed:
                return "the connection was closed"
            default: break
            }
        }
        return redact(String(describing: error), headers: headers)
    }

    /// Whether `error` means no connection could be made (refused, unresolvable, unreachable).
    static func isConnectFailure(_ error: any Error) -> Bool {
        if error is NIOConnectionError { return true }
        if let io = error as? IOError {
            return [ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, EADDRNOTAVAIL, ETIMEDOUT].contains(io.errnoCode)
        }
        if let client = error as? HTTPClientError { return client == .connectTimeout }
        if let channel = error as? ChannelError, case .connectTimeout = channel { return true }
        return false
    }

    private static func errnoText(_ code: Int32) -> String {
        switch code {
        case ECONNREFUSED: "connection refused"
        case ECONNRESET: "connection reset by the server"
        case EPIPE: "the server closed the connection"
        case EHOSTUNREACH, ENETUNREACH: "the host is unreachable"
        case ETIMEDOUT: "the connection timed out"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    private static func clientErrorText(_ error: HTTPClientError) -> String {
        switch error {
        case .connectTimeout: return "connect timed out"
        case .remoteConnectionClosed: return "the server closed the connection"
        case .readTimeout: return "no data within the read timeout"
        case .tlsHandshakeTimeout: return "the TLS handshake timed out"
        case .getConnectionFromPoolTimeout: return "no connection could be made in time"
        default:
            // "HTTPClientError.invalidHeaderFieldValues([…])": the case name only, never the values.
            let text = String(describing: error)
            let name = text.prefix { $0 != "(" && $0 != ":" }
            return ServerText.sanitize(name, limit: 80)
        }
    }

    /// `text` without any of the header values (raw or as Swift would quote them), escaped and capped.
    static func redact(_ text: String, headers: [(name: String, value: String)]) -> String {
        var text = text
        for header in headers where header.value.count >= 4 {
            let quoted = String(reflecting: header.value).dropFirst().dropLast()
            for form in Set([header.value, String(quoted)]) {
                text = text.replacingOccurrences(of: form, with: "<\(header.name) redacted>")
            }
            // A credential split across an escape or a line still shows: drop its longest pieces too.
            if header.name.lowercased() == "authorization" {
                for piece in header.value.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
                where piece.count >= 8 {
                    text = text.replacingOccurrences(of: piece, with: "<redacted>")
                }
            }
        }
        return ServerText.sanitize(text, limit: 200)
    }
}
