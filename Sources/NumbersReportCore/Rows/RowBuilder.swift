import Foundation
import SinchImportedNumbers

/// Turns the records of a page into flat rows judged by the health rules.
public struct RowBuilder: Sendable {
    public var rules: HealthRules
    /// The run's clock as written in `snapshot_time`.
    public let snapshotTime: String

    public init(rules: HealthRules) {
        self.rules = rules
        self.snapshotTime = APITimestamp.format(rules.clock)
    }

    /// One row per record, in API order.
    public func rows(of page: ImportedNumbersPage, scope: ScopeSettings) -> [NumberRow] {
        page.response.importedNumbers.map { row(for: $0, scope: scope) }
    }

    public func row(for number: ImportedNumber, scope: ScopeSettings) -> NumberRow {
        let slots = ProvisioningOperation.slots(of: number)
        return NumberRow(
            snapshotTime: snapshotTime, scope: scope, number: number,
            verdict: rules.judge(number, operations: slots.lazy.compactMap { $0 }, scope: scope), operationSlots: slots)
    }
}
