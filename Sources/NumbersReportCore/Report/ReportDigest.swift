import Foundation
import SinchImportedNumbers

/// What the report shows, gathered from rows as they stream past: counts, error tallies and a capped,
/// ordered list of problem numbers. It never holds all rows.
public struct ReportDigest: Sendable {
    /// The carrier channels and provisioning kinds, in report order.
    public static let channels = ProvisioningChannel.names
    /// Shown for a channel a number has no entry for.
    public static let absentState = "(absent)"

    /// Rows per level over all scopes.
    public private(set) var levelCounts: [HealthLevel: Int] = [:]
    /// Per channel: rows per state (as received; ``absentState`` when missing).
    public var channelStates: [String: [String: Int]] {
        Dictionary(
            uniqueKeysWithValues: zip(Self.channels, statesByChannel).filter { !$0.1.isEmpty }.map {
                ($0, $1.dictionary)
            })
    }
    /// ``channelStates`` by the channel's place in ``channels``: counted without hashing the channel's name.
    private var statesByChannel = [StateCounts](repeating: StateCounts(), count: ReportDigest.channels.count)
    /// Error codes seen, by channel and code.
    public private(set) var errors: [ErrorKey: ErrorTally] = [:]
    /// The worst and oldest problem rows, at most `maxProblemRows`.
    public private(set) var problems: ProblemList
    /// Rows read.
    public private(set) var rowCount = 0
    /// Rows whose number cannot send SMS (`sms_ready` false).
    public private(set) var smsNotReady = 0
    /// Problems grouped by cause, with what to do.
    public private(set) var actions = ReportActions()

    public init(maxProblemRows: Int) {
        problems = ProblemList(capacity: maxProblemRows)
    }

    /// A channel and error code.
    public struct ErrorKey: Hashable, Sendable, Comparable {
        public var channel: String
        public var code: String
        public static func < (lhs: ErrorKey, rhs: ErrorKey) -> Bool {
            (lhs.channel, lhs.code) < (rhs.channel, rhs.code)
        }
    }

    /// How often an error code was seen, its first message and an example number.
    public struct ErrorTally: Hashable, Sendable {
        public var count: Int
        public var message: String
        public var examplePhoneNumber: String
    }

    /// Adds the counts of a later scope (config order): error messages and examples stay the first seen.
    public mutating func merge(_ other: ReportDigest) {
        rowCount += other.rowCount
        smsNotReady += other.smsNotReady
        levelCounts.merge(other.levelCounts, uniquingKeysWith: +)
        for (index, states) in other.statesByChannel.enumerated() {
            statesByChannel[index].merge(states)
        }
        for (key, tally) in other.errors {
            if errors[key] == nil { errors[key] = tally } else { errors[key]!.count += tally.count }
        }
        problems.merge(other.problems)
        actions.merge(other.actions)
    }

    /// Takes one row into the counts.
    public mutating func add(_ row: NumberRow) {
        rowCount += 1
        if !row.verdict.smsReady { smsNotReady += 1 }
        levelCounts[row.verdict.level, default: 0] += 1
        // The slots are read in place, field by field: an operation copied out would retain each of its texts. A row
        // of a record that could not be decoded has no slots, and counts in no channel.
        let slots = row.operationSlots
        for index in 0..<min(slots.count, Self.channels.count) {
            guard slots[index] != nil else {
                statesByChannel[index].add(Self.absentState)
                continue
            }
            statesByChannel[index].add(slots[index]?.state?.rawValue ?? "(no state)")
            if let code = slots[index]?.errorCode, !code.isEmpty {
                tally(
                    ErrorKey(channel: Self.channels[index], code: code), message: slots[index]?.errorMessage ?? "",
                    row: row)
            }
        }
        for code in row.number.smsConfiguration?.scheduledProvisioning?.errorCodes ?? [] {
            tally(ErrorKey(channel: "sched", code: code.rawValue), message: "", row: row)
        }
        if row.verdict.level != .healthy {
            problems.add(row)
            actions.add(row)
        }
    }

    private mutating func tally(_ key: ErrorKey, message: String, row: NumberRow) {
        errors[key, default: ErrorTally(count: 0, message: message, examplePhoneNumber: row.number.phoneNumber ?? "")]
            .count += 1
    }

    /// Lets go of the problem rows that cannot be shown (see ``ProblemList/trimToCapacity()``).
    mutating func trimProblems() { problems.trimToCapacity() }

    /// Error codes, most frequent first (then by channel and code).
    public var topErrors: [(key: ErrorKey, tally: ErrorTally)] {
        errors.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
            .map { ($0.key, $0.value) }
    }

    /// Rows that are not HEALTHY.
    public var problemCount: Int { levelCounts.filter { $0.key != .healthy }.values.reduce(0, +) }
}
