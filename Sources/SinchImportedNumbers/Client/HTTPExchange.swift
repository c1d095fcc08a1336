import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One request and its whole answer over AsyncHTTPClient, within a timeout and a size cap.
///
/// The timeout covers the whole exchange, from connecting to the last byte of the body: the request
/// races a timer, so a server that trickles its body a byte at a time, or streams a chunked body that
/// never ends, is cut when the timeout runs out (AsyncHTTPClient's own deadline stops at the head, and
/// its read timeout is reset by every byte).
struct HTTPExchange: Sendable {
    /// The status, headers and whole body of one answer.
    struct Outcome: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    var httpClient: HTTPClient
    var timeout: Duration
    var maxResponseBytes: Int

    /// Sends `request`; `target` names it in errors (never with credentials).
    /// - Throws: ``SinchAPIError/Kind/timedOut`` when the whole answer did not arrive within ``timeout``;
    ///   `CancellationError` when the calling task was cancelled.
    func send(_ request: HTTPClientRequest, target: String) async throws -> Outcome {
        let seconds = timeout.inSeconds
        do {
            return try await withThrowingTaskGroup(of: Outcome?.self) { group in
                group.addTask { try await receive(request) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil  // the timer won
                }
                defer { group.cancelAll() }  // the loser: the timer, or the request (its connection is closed)
                guard let first = try await group.next(), let outcome = first else {
                    throw SinchAPIError.timedOut(seconds: seconds, request: target)
                }
                return outcome
            }
        } catch let error as SinchAPIError {
            throw error
        } catch is NIOTooManyBytesError {
            throw SinchAPIError.responseTooLarge(limit: maxResponseBytes, request: target)
        } catch let error as HTTPClientError
            where error == .deadlineExceeded || error == .readTimeout
        {
            throw SinchAPIError.timedOut(seconds: seconds, request: target)
        } catch let error as HTTPClientError where error == .cancelled {
            // The caller's task was cancelled (a stopped run): that is no fault of the server's, and no retry.
            if Task.isCancelled { throw CancellationError() }
            throw SinchAPIError.transport("cancelled", request: target)
        } catch is CancellationError {
            if Task.isCancelled { throw CancellationError() }
            throw SinchAPIError.transport("cancelled", request: target)
        } catch {
            let headers = request.headers.map { (name: $0.name, value: $0.value) }
            let reason = TransportFailure.reason(error, headers: headers)
            if TransportFailure.isConnectFailure(error), let endpoint = Self.hostAndPort(request.url) {
                throw SinchAPIError.connectFailed(endpoint, reason: reason, request: target)
            }
            throw SinchAPIError.transport(reason, request: target)
        }
    }

    /// The head and the whole body (up to the size cap).
    private func receive(_ request: HTTPClientRequest) async throws -> Outcome {
        let response = try await httpClient.execute(request, deadline: .now() + timeout.nioTimeAmount)
        let buffer = try await response.body.collect(upTo: maxResponseBytes)
        return Outcome(
            status: Int(response.status.code), headers: response.headers, body: Array(buffer.readableBytesView))
    }

    /// `host:port` of a URL, with the scheme's default port.
    static func hostAndPort(_ url: String) -> String? {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            return nil
        }
        let port = components.port ?? (components.scheme?.lowercased() == "http" ? 80 : 443)
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
