import Foundation
import Synchronization

/// The access tokens a fake has issued, the key each was issued to, and when each stops working.
final class FakeTokenStore: Sendable {
    /// What a presented bearer token is worth.
    enum Verdict: Sendable, Equatable {
        /// A live token, issued to the key with this id.
        case valid(keyID: String)
        case expired(at: Date)
        case unknown
    }

    private struct Issued: Sendable {
        var expiry: Date
        var keyID: String
    }

    private let issued = Mutex<[String: Issued]>([:])

    /// Issues a new random, opaque token (43 base64url characters) valid for `lifetime` seconds, remembering
    /// that it speaks for the key `keyID`.
    func issue(lifetime: Int, keyID: String, now: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let expiry = now.addingTimeInterval(TimeInterval(lifetime))
        issued.withLock { $0[token] = Issued(expiry: expiry, keyID: keyID) }
        return token
    }

    func verdict(for token: String, now: Date = Date()) -> Verdict {
        guard let entry = issued.withLock({ $0[token] }) else { return .unknown }
        return entry.expiry > now ? .valid(keyID: entry.keyID) : .expired(at: entry.expiry)
    }

    /// Every token issued so far.
    var all: [String] { issued.withLock { Array($0.keys) } }

    /// Makes every token issued so far expired as of `now`.
    func expireAll(now: Date = Date()) {
        issued.withLock { issued in
            for (token, entry) in issued where entry.expiry > now {
                issued[token]?.expiry = now
            }
        }
    }
}
