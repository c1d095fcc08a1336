import AsyncHTTPClient
import Foundation
import NIOCore

/// One request and its whole answer over the transport, within a timeout and a size cap.
///
/// The timeout covers the whole exchange, from connecting to the last byte of the body: the request
/// races a timer, so a server that trickles its body a byte at a time, or streams a chunked body that
/// never ends, is cut when the timeout runs out (AsyncHTTPClient's own deadline stops at the head, and
/// its read timeout is reset by every byte). The timer and the error texts are the same for every transport.
struct HTTPExchange: Sendable {
    var transport: any ImportedNumbersTransport
    var timeout: Duration
    var maxResponseBytes: Int

    /// Sends `request`; `target` names it in errors (never with credentials).
    /// - Throws: ``SinchAPIError/Kind/timedOut`` when the whole answer did not arrive within ``timeout``;
    ///   `CancellationError` when the calling task was cancelled.
    func send(_ request: TransportRequest, target: String) async throws -> TransportResponse {
        let seconds = timeout.inSeconds
        do {
            let response = try await withThrowingTaskGroup(of: TransportResponse?.self) { group in
                group.addTask {
                    try await transport.execute(request, timeout: timeout, maxResponseBytes: maxResponseBytes)
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil  // the timer won
                }
                defer { group.cancelAll() }  // the loser: the timer, or the request (its connection is closed)
                guard let first = try await group.next(), let response = first else {
                    throw SinchAPIError.timedOut(seconds: seconds, request: target)
                }
                return response
            }
            guard response.body.count <= maxResponseBytes else {
                throw SinchAPIError.responseTooLarge(limit: maxResponseBytes, request: target)
            }
            return response
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
            let reason = TransportFailure.reason(error, headers: request.headers)
            if TransportFailure.isConnectFailure(error), let endpoint = Self.hostAndPort(request.url) {
                throw SinchAPIError.connectFailed(endpoint, reason: reason, request: target)
            }
            throw SinchAPIError.transport(reason, request: target)
        }
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
