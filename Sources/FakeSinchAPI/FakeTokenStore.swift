import Foundation
import Synchronization

/// The access tokens a fake has issued and when each stops working.
final class FakeTokenStore: Sendable {
    /// What a presented bearer token is worth.
    enum Verdict: Sendable, Equatable {
        case valid
        case expired(at: Date)
        case unknown
    }

    private let expiries = Mutex<[String: Date]>([:])

    /// Issues a new random, opaque token (43 base64url characters) valid for `lifetime` seconds.
    func issue(lifetime: Int, now: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let expiry = now.addingTimeInterval(TimeInterval(lifetime))
        expiries.withLock { $0[token] = expiry }
        return token
    }

    func verdict(for token: String, now: Date = Date()) -> Verdict {
        guard let expiry = expiries.withLock({ $0[token] }) else { return .unknown }
        return expiry > now ? .valid : .expired(at: expiry)
    }

    /// Every token issued so far.
    var all: [String] { expiries.withLock { Array($0.keys) } }

    /// Makes every token issued so far expired as of `now`.
    func expireAll(now: Date = Date()) {
        expiries.withLock { expiries in
            for (token, expiry) in expiries where expiry > now {
                expiries[token] = now
            }
        }
    }
}
