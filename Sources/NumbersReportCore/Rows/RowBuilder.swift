import Foundation
import SinchImportedNumbers

/// Turns the records of a page into flat rows judged by the health rules of the row format.
public struct RowBuilder: Sendable {
    public var rules: HealthRules
    /// The row format: which rules judge (v1 snapshots are rebuilt with the v1 rules).
    public let format: RowFormat
    /// The run's clock as written in `snapshot_time`.
    public let snapshotTime: String

    public init(rules: HealthRules, format: RowFormat = .current) {
        self.rules = rules
        self.format = format
        self.snapshotTime = APITimestamp.format(rules.clock)
    }

    /// One row per record, in API order: a record that could not be decoded is a row as well (format v2), with
    /// its phone number when it could be read and the reason in `record_error`. Rows out = records received.
    public func rows(of page: ImportedNumbersPage, scope: ScopeSettings) -> [NumberRow] {
        var rows: [NumberRow] = []
        forEachRow(of: page, scope: scope) { rows.append($0) }
        return rows
    }

    /// The rows of ``rows(of:scope:)``, each handed to `body` as it is made, not gathered (a run writes them so:
    /// a row is large, and copying it costs).
    public func forEachRow(
        of page: ImportedNumbersPage, scope: ScopeSettings, _ body: (NumberRow) throws -> Void
    ) rethrows {
        try forEachRow(of: page, scope: scope) { row, _ in try body(row) }
    }

    /// ``forEachRow(of:scope:_:)``, with each row the record's place in the page's bytes (``RecordSource``) when
    /// the page has them (``ImportedNumbersPage/recordSpans``), valid only during the call.
    package func forEachRow(
        of page: ImportedNumbersPage, scope: ScopeSettings, _ body: (NumberRow, RecordSource?) throws -> Void
    ) rethrows {
        let response = page.response
        if let spans = Self.spansOfEveryRecord(page) {
            try spans.forEachRecord(in: page.body) { index, source in
                try body(row(for: response.importedNumbers[index], scope: scope), source)
            }
            return
        }
        guard format != .v1, !response.rejectedRecords.isEmpty else {
            for number in response.importedNumbers { try body(row(for: number, scope: scope), nil) }
            return
        }
        var decoded = response.importedNumbers.makeIterator()
        var rejected = response.rejectedRecords.sorted { $0.index < $1.index }.makeIterator()
        var nextRejected = rejected.next()
        for index in 0..<(response.importedNumbers.count + response.rejectedRecords.count) {
            if let record = nextRejected, record.index == index {
                try body(row(for: record, scope: scope), nil)
                nextRejected = rejected.next()
            } else if let number = decoded.next() {
                try body(row(for: number, scope: scope), nil)
            }
        }
    }

    /// ``forEachRow(of:scope:_:)`` for a page the caller owns: each decoded record is moved out of the page into
    /// its row, not copied (the page's records are left empty). The page's records must be held by nobody else, or
    /// they are copied once, all of them.
    package func forEachRow(
        takingFrom page: inout ImportedNumbersPage, scope: ScopeSettings,
        _ body: (NumberRow, RecordSource?) throws -> Void
    ) rethrows {
        guard let spans = Self.spansOfEveryRecord(page) else { return try forEachRow(of: page, scope: scope, body) }
        var numbers = page.response.importedNumbers
        page.response.importedNumbers = []
        try spans.forEachRecord(in: page.body) { index, source in
            var number = ImportedNumber()
            swap(&number, &numbers[index])
            try body(row(for: consume number, scope: scope), source)
        }
    }

    /// The page's record spans when they name every record and every record was decoded: its rows may then take
    /// their fields' bytes from the page.
    private static func spansOfEveryRecord(_ page: ImportedNumbersPage) -> RecordSpans? {
        guard let spans = page.recordSpans, page.response.rejectedRecords.isEmpty,
            spans.recordCount == page.response.importedNumbers.count
        else { return nil }
        return spans
    }

    public func row(for number: consuming ImportedNumber, scope: ScopeSettings) -> NumberRow {
        let slots = ProvisioningOperation.slots(of: number)
        let verdict =
            switch format {
            case .v1: HealthRulesV1(rules: rules).judge(number, slots: slots, scope: scope)
            case .v2: rules.judge(number, slots: slots, scope: scope)
            }
        return NumberRow(
            snapshotTime: snapshotTime, scope: scope, number: number, verdict: verdict, operationSlots: slots)
    }

    /// The row of a record that could not be decoded: `REVIEW`, not SMS-ready, the reason in `record_error`.
    public func row(for record: RejectedRecord, scope: ScopeSettings) -> NumberRow {
        NumberRow(
            snapshotTime: snapshotTime, scope: scope, number: ImportedNumber(phoneNumber: record.phoneNumber),
            verdict: .undecodable, recordError: record.reason, operationSlots: [])
    }
}
