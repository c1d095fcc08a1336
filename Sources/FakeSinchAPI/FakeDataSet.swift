import Foundation

/// The deterministic data set: record `i` of scope `s` is a pure function of (seed, configuration, s, i).
///
/// Scope `s` serves records `0..<numbers` in that order, unless the night (``FakeNightPlan``) removed some of them
/// or added records past `numbers`: then it serves ``served``.
///
/// Nothing is stored per record; pages are generated on demand. See `FakeDataSet+Cases.swift` for which indices
/// carry which edge cases.
struct FakeDataSet: Sendable {
    /// Area codes and their regions; record `i` uses entry `i % 12` (so `i % 3 == 1` is Canadian).
    static let areaCodes: [(code: Int, region: String)] = [
        (206, "US"), (604, "CA"), (732, "US"), (415, "US"), (416, "CA"), (212, "US"),
        (312, "US"), (514, "CA"), (617, "US"), (512, "US"), (403, "CA"), (303, "US"),
    ]
    /// The 7-digit subscriber numbers used run from 200-0000 to 999-9999.
    static let subscriberBase = 2_000_000
    static let subscriberCapacity = 8_000_000

    struct ScopeKey: Hashable, Sendable {
        var projectId: String
        var servicePlanId: String
        var campaignId: String
    }

    let scopes: [FakeScope]
    /// The changes of ``FakeSinchAPIConfiguration/changes`` over those of the night (``FakeNightPlan``).
    private(set) var changes: [String: FakeNumberChange]
    /// The record indices each scope serves, in created order, when the night added or removed numbers;
    /// `nil`: scope `s` serves records `0..<scopes[s].numbers`.
    private(set) var served: [[Int32]]?
    /// See ``FakeSinchAPIConfiguration/undecodableEvery``.
    let undecodableEvery: Int
    let seed: UInt64
    let referenceMicros: Int64
    /// Subscriber numbers reserved per scope and area code; scope `s` owns a fixed block, so growing one scope
    /// never renumbers another.
    let blocksPerScope: Int
    /// Scope `s`'s records use case index `caseOffsets[s] + i`, so that consecutive scopes together walk through the
    /// case table (the three demo scopes, 235 numbers, cover every case).
    let caseOffsets: [Int]
    private let indexByKey: [ScopeKey: Int]

    init(configuration: FakeSinchAPIConfiguration) {
        scopes = configuration.scopes
        changes = configuration.changes
        undecodableEvery = max(0, configuration.undecodableEvery)
        seed = configuration.seed
        referenceMicros = Int64((configuration.referenceTime.timeIntervalSince1970 * 1_000_000).rounded())
        let largest = scopes.map(\.numbers).max() ?? 0
        blocksPerScope = max(83_334, (largest + Self.areaCodes.count - 1) / Self.areaCodes.count)
        var offsets: [Int] = []
        var running = 0
        for scope in scopes {
            offsets.append(scope.caseOffset ?? running)
            running = (scope.caseOffset ?? running) + scope.numbers
        }
        caseOffsets = offsets
        var byKey: [ScopeKey: Int] = [:]
        for (index, scope) in scopes.enumerated() {
            let key = ScopeKey(
                projectId: scope.projectId, servicePlanId: scope.servicePlanId, campaignId: scope.campaignId)
            if byKey[key] == nil { byKey[key] = index }
        }
        indexByKey = byKey
        if configuration.night > 0 {
            let night = FakeNightPlan(night: configuration.night, dataSet: self)
            changes = night.changes.merging(configuration.changes) { _, explicit in explicit }
            served = night.served
        }
    }

    /// Whether every phone number of every scope is unique (the 7-digit space is large but finite).
    var fitsNumberingPlan: Bool {
        scopes.count * blocksPerScope <= Self.subscriberCapacity
    }

    /// The scope index of a configured (projectId, servicePlanId, campaignId) triple.
    func scopeIndex(projectId: String, servicePlanId: String, campaignId: String) -> Int? {
        indexByKey[ScopeKey(projectId: projectId, servicePlanId: servicePlanId, campaignId: campaignId)]
    }

    /// How many records scope `scope` serves (its `totalSize` unfiltered).
    func count(scope: Int) -> Int {
        served?[scope].count ?? scopes[scope].numbers
    }

    /// The record index of row `row` (0-based, created order) of scope `scope`.
    func recordIndex(scope: Int, row: Int) -> Int {
        served.map { Int($0[scope][row]) } ?? row
    }

    /// `+1` + area code + 7 digits; unique across all scopes while ``fitsNumberingPlan``.
    func phoneNumber(scope: Int, index: Int) -> String {
        let area = Self.areaCodes[index % Self.areaCodes.count].code
        let subscriber = Self.subscriberBase + scope * blocksPerScope + index / Self.areaCodes.count
        return "+1\(area)\(subscriber)"
    }

    func regionCode(index: Int) -> String {
        Self.areaCodes[index % Self.areaCodes.count].region
    }

    /// Appends record `index` of scope `scope` as one JSON object.
    func writeRecord(scope: Int, index: Int, to writer: inout FakeJSONWriter) {
        plan(scope: scope, index: index).write(to: &writer)
    }

    /// The JSON array of all records of a scope, exactly as pages serve them.
    func recordsJSON(scope: Int) -> [UInt8] {
        var writer = FakeJSONWriter(capacity: count(scope: scope) * 1400 + 2)
        writer.beginArray()
        for row in 0..<count(scope: scope) {
            writeRecord(scope: scope, index: recordIndex(scope: scope, row: row), to: &writer)
        }
        writer.endArray()
        return writer.bytes
    }
}
