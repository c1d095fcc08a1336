/// How the data set evolves from one night to the next, so that `numbers-report demo --nights N` shows changes,
/// trends and actions.
///
/// Night 0 is the generated data set as it is. Each later night `k` draws, for every number still served, one
/// value from (seed, `k`, phone number) — never from the wall clock — and moves the number's ``FakeNumberFate``:
///
/// | a number that… | on night `k` | per night |
/// |---|---|---|
/// | is as generated, or recovered | fails: T-Mobile `60135` (2 in 3), else a scheduled failure | 3% |
/// | | goes stale: T-Mobile SMS `IN_PROGRESS`, last updated 80–91 h before | 2% |
/// | | recovers: every operation `DONE` (visible when it had a problem) | 4% |
/// | | is removed (never comes back) | 1.5% |
/// | failed or went stale on an earlier night | recovers | 30% |
/// | | is removed | 1.5% |
///
/// Each scope also gains 1–3% of its generated size each night (at least one number; an empty scope stays empty):
/// records past ``FakeScope/numbers``, with the generated data set's own cases, which evolve from the night after
/// their arrival. A failure's or stall's update time moves one day further back each night it lasts (nights are
/// taken to be a day apart). Night `n` is the result of nights 1 … `n`, so consecutive nights differ only by night
/// `n`'s draws. On the demo's 222 numbers that is a few of each kind a night: the demo's third night (seed 1) has
/// 4 numbers added, 2 removed, 4 HEALTHY→FAILED, 3 →STALE and 11 →HEALTHY.
struct FakeNightPlan: Sendable {
    /// Per-mille chance a night that a number without a drawn problem fails.
    static let failPerMille: UInt64 = 30
    /// Per-mille chance a night that such a number goes stale.
    static let stallPerMille: UInt64 = 20
    /// Per-mille chance a night that such a number recovers.
    static let recoverPerMille: UInt64 = 40
    /// Per-mille chance a night that any number is removed.
    static let removePerMille: UInt64 = 15
    /// Per-mille chance a night that a drawn failure or stall clears (the number recovers).
    static let clearPerMille: UInt64 = 300

    /// The record indices each scope serves tonight, in created order.
    let served: [[Int32]]
    /// Tonight's change of every number that has one, by phone number.
    let changes: [String: FakeNumberChange]

    /// The plan of night `night` (≥ 1) over `dataSet`'s generated records.
    init(night: Int, dataSet: FakeDataSet) {
        var served: [[Int32]] = []
        var changes: [String: FakeNumberChange] = [:]
        for (scope, settings) in dataSet.scopes.enumerated() {
            // The night each record arrived: 0 for the generated ones, then each night's additions after them.
            var arrivals = Array(repeating: 0, count: settings.numbers)
            for evening in stride(from: 1, through: night, by: 1) {
                let count = Self.additions(seed: dataSet.seed, scope: scope, night: evening, size: settings.numbers)
                arrivals += repeatElement(evening, count: count)
            }
            var rows: [Int32] = []
            rows.reserveCapacity(arrivals.count)
            for (index, arrival) in arrivals.enumerated() {
                let phoneNumber = dataSet.phoneNumber(scope: scope, index: index)
                let key = FakeHash.fnv1a(phoneNumber.utf8)
                var fate = FakeNumberFate.unchanged
                for evening in (arrival + 1)..<(night + 1) {
                    fate = fate.next(night: evening, draw: Self.draw(seed: dataSet.seed, night: evening, number: key))
                }
                if fate == .removed { continue }
                rows.append(Int32(index))
                if let change = fate.change(tonight: night) { changes[phoneNumber] = change }
            }
            served.append(rows)
        }
        self.served = served
        self.changes = changes
    }

    /// How many numbers scope `scope` gains on night `night`: 1–3% of `size`, at least one; none for an empty scope.
    static func additions(seed: UInt64, scope: Int, night: Int, size: Int) -> Int {
        guard size > 0 else { return 0 }
        let perMille = 10 + Int(FakeHash.value(seed: seed, scope: scope, index: night, salt: 0x6164_6465_64) % 21)
        return max(1, size * perMille / 1000)
    }

    /// Night `night`'s draw for the number whose phone number hashes to `number`.
    static func draw(seed: UInt64, night: Int, number: UInt64) -> UInt64 {
        FakeHash.value(seed: seed, scope: night, index: Int(truncatingIfNeeded: number), salt: 0x6E69_6768_74)
    }
}
