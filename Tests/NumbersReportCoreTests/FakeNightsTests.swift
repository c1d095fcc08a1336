import FakeSinchAPI
import Foundation
import SinchImportedNumbers
import Testing

/// The fake's data evolves night after night, the same every time, so that the demo shows changes.
@Suite("the fake API's nights")
struct FakeNightsTests {
    /// The fake at `night` of its evolution (`nil`: the configuration's default), a day after the night before.
    private static func fake(night: Int?) -> FakeSinchAPI {
        var configuration = FakeSinchAPIConfiguration()
        configuration.referenceTime = Fixtures.clock.addingTimeInterval(86_400 * Double(night ?? 0))
        if let night { configuration.night = night }
        return FakeSinchAPI(configuration: configuration)
    }

    /// Every record of every demo scope, by phone number.
    private static func records(_ fake: FakeSinchAPI) -> [String: [String: Any]] {
        var byNumber: [String: [String: Any]] = [:]
        for scope in FakeScope.demo {
            for record in fake.records(for: scope) {
                byNumber[record["phoneNumber"] as? String ?? ""] = record
            }
        }
        return byNumber
    }

    @Test("a night is the same bytes every time; night 0 is the data set as generated; later nights differ")
    func deterministic() {
        for scope in FakeScope.demo {
            #expect(Self.fake(night: 2).recordsJSON(for: scope) == Self.fake(night: 2).recordsJSON(for: scope))
            #expect(Self.fake(night: 0).recordsJSON(for: scope) == Self.fake(night: nil).recordsJSON(for: scope))
            #expect(Self.fake(night: 0).phoneNumbers(for: scope).count == scope.numbers)
        }
        let generated = FakeScope.demo.map { Self.fake(night: 0).recordsJSON(for: $0) }
        #expect(FakeScope.demo.map { Self.fake(night: 1).recordsJSON(for: $0) } != generated)
    }

    @Test("from the demo's first night to its second, numbers fail, recover, go stale, are added and removed")
    func evolution() throws {
        let first = Self.records(Self.fake(night: 0))
        let second = Self.records(Self.fake(night: 1))
        let staleBefore = try #require(APITimestamp.parse("2026-11-27T02:00:00Z"))  // 72 h before the second night
        var kinds: [String: Int] = [:]
        kinds["added"] = Set(second.keys).subtracting(first.keys).count
        kinds["removed"] = Set(first.keys).subtracting(second.keys).count
        for (phoneNumber, now) in second {
            guard let before = first[phoneNumber] else { continue }
            let (tmoBefore, tmoNow) = (Self.smsTmo(before), Self.smsTmo(now))
            if Self.scheduledStatus(now) == "FAILED" && Self.scheduledStatus(before) != "FAILED"
                || tmoNow?.state == "FAILED" && tmoBefore?.state != "FAILED"
            {
                kinds["failed", default: 0] += 1
            }
            if tmoNow?.state == "IN_PROGRESS", let updated = tmoNow?.updated, updated < staleBefore,
                tmoBefore?.state != "IN_PROGRESS"
            {
                kinds["stale", default: 0] += 1
            }
            if !Self.problems(before).isEmpty && Self.problems(now).isEmpty { kinds["recovered", default: 0] += 1 }
        }
        for kind in ["failed", "recovered", "stale", "added", "removed"] {
            #expect(kinds[kind, default: 0] > 0, "\(kind): \(kinds)")
        }
        // Moderate: a few percent of the numbers change each night.
        #expect(kinds.values.reduce(0, +) < first.count / 5, "\(kinds)")
    }

    /// T-Mobile SMS's state and update time.
    private static func smsTmo(_ record: [String: Any]) -> (state: String?, updated: Date?)? {
        guard let entry = (record["mnoConfiguration"] as? [String: Any])?["smsTmo"] as? [String: Any] else {
            return nil
        }
        return (entry["state"] as? String, (entry["updateTime"] as? String).flatMap(APITimestamp.parse))
    }

    private static func scheduledStatus(_ record: [String: Any]) -> String? {
        let scheduled = (record["smsConfiguration"] as? [String: Any])?["scheduledProvisioning"] as? [String: Any]
        return scheduled.map { "\($0["status"] ?? "")" }
    }

    /// Every state other than `DONE`, every error code, and a scheduled change, anywhere in the record.
    private static func problems(_ record: [String: Any]) -> [String] {
        var found: [String] = []
        var entries = (record["mnoConfiguration"] as? [String: Any])?.values.compactMap { $0 as? [String: Any] } ?? []
        entries += [record["smsProvisioning"], record["campaignProvisioning"]].compactMap { $0 as? [String: Any] }
        for entry in entries {
            if let state = entry["state"] as? String, state != "DONE" { found.append(state) }
            if let code = entry["errorCode"] as? String, !code.isEmpty { found.append(code) }
        }
        if let status = scheduledStatus(record) { found.append("scheduled " + status) }
        return found
    }
}
