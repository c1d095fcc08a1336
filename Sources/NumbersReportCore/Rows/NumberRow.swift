import SinchImportedNumbers

/// The flat row of the contract: one imported number listed by one scope, with its health.
///
/// It keeps the decoded record and the scope that listed it; ``cells`` flattens them into the
/// contract's columns (``NumberRow/columns``). A record that could not be decoded is a row too: its phone
/// number when it could be read, ``recordError``, and the verdict `REVIEW`.
public struct NumberRow: Sendable, Hashable {
    /// The run's clock, `yyyy-MM-ddTHH:mm:ssZ`.
    public var snapshotTime: String
    /// The scope that listed the number.
    public var scope: ScopeSettings
    /// The record as the API sent it.
    public var number: ImportedNumber
    /// The judgement of the health rules.
    public var verdict: HealthVerdict
    /// Why the record could not be decoded; `nil` for a decoded record.
    public var recordError: String?
    /// The number's operations in channel order (`nil` where absent), derived once from ``number`` for the
    /// rules, the report's counts and its problem list.
    let operationSlots: [ProvisioningOperation?]

    public init(
        snapshotTime: String, scope: ScopeSettings, number: ImportedNumber, verdict: HealthVerdict,
        recordError: String? = nil
    ) {
        self.init(
            snapshotTime: snapshotTime, scope: scope, number: number, verdict: verdict, recordError: recordError,
            operationSlots: ProvisioningOperation.slots(of: number))
    }

    init(
        snapshotTime: String, scope: ScopeSettings, number: ImportedNumber, verdict: HealthVerdict,
        recordError: String? = nil, operationSlots: [ProvisioningOperation?]
    ) {
        self.snapshotTime = snapshotTime
        self.scope = scope
        self.number = number
        self.verdict = verdict
        self.recordError = recordError
        self.operationSlots = operationSlots
    }

    /// The operations the number has, in channel order.
    var operations: some Sequence<ProvisioningOperation> { operationSlots.lazy.compactMap { $0 } }
}
