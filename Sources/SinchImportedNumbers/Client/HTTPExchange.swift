import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One request and its whole answer over AsyncHTTPClient, within a timeout and a size cap.
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
    func send(_ request: HTTPClientRequest, target: String) async throws -> Outcome {
        let seconds = timeout.inSeconds
        do {
            let response = try await httpClient.execute(request, deadline: .now() + .nanoseconds(Int64(seconds * 1e9)))
            let buffer = try await response.body.collect(upTo: maxResponseBytes)
            return Outcome(
                status: Int(response.status.code), headers: response.headers, body: Array(buffer.readableBytesView))
        } catch is NIOTooManyBytesError {
            throw SinchAPIError.responseTooLarge(limit: maxResponseBytes, request: target)
        } catch let error as HTTPClientError
            where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout
        {
            throw SinchAPIError.timedOut(seconds: seconds, request: target)
        } catch let error as HTTPClientError where error == .cancelled {
            throw SinchAPIError.transport("cancelled", request: target)
        } catch is CancellationError {
            throw SinchAPIError.transport("cancelled", request: target)
        } catch {
            throw SinchAPIError.transport(String(describing: error), request: target)
        }
    }
}
