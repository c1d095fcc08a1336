import Foundation
import SinchImportedNumbers

/// The contract's provisioning-health rules, judged against the run's clock.
///
/// | level | when |
/// |---|---|
/// | FAILED | an operation is `FAILED`, has a non-empty `errorCode`, or `scheduledProvisioning.errorCodes` is non-empty |
/// | STALE | an operation is `IN_PROGRESS`/`WAITING` and was updated more than `staleAfterHours` before the clock |
/// | MISCONFIGURED | the SMS service plan or campaign is missing, empty or not the scope's (ids compared case-insensitively without dashes), or `migrateToSinchTmo` while `smsTmo` is not `DONE` |
/// | PENDING | an operation is `IN_PROGRESS`/`WAITING` within the threshold |
/// | HEALTHY | none of the above |
public struct HealthRules: Sendable {
    /// The run's clock.
    public var clock: Date
    /// In-flight operations older than this (strictly) are stale.
    public var staleAfter: TimeInterval

    public init(clock: Date, staleAfterHours: Double) {
        self.clock = clock
        self.staleAfter = staleAfterHours * 3600
    }

    /// Judges one number listed by `scope`.
    public func judge(_ number: ImportedNumber, scope: ScopeSettings) -> HealthVerdict {
        judge(number, operations: ProvisioningOperation.slots(of: number).lazy.compactMap { $0 }, scope: scope)
    }

    /// Judges one number whose operations (``ProvisioningOperation/slots(of:)``, the present ones) are known.
    func judge(
        _ number: ImportedNumber, operations: some Sequence<ProvisioningOperation>, scope: ScopeSettings
    ) -> HealthVerdict {
        var reasons: [HealthReason] = []
        var oldestInFlight: (date: Date, text: String)?

        for operation in operations {
            let stateName = operation.state?.rawValue ?? "NO_STATE"
            if operation.state == .failed {
                let detail = nonEmpty(operation.errorCode).map { ":\($0)" } ?? ""
                reasons.append(.init(level: .failed, code: "\(operation.name):FAILED\(detail)"))
            } else if let code = nonEmpty(operation.errorCode) {
                reasons.append(.init(level: .failed, code: "\(operation.name):\(stateName):\(code)"))
            }
            if let state = operation.state, state.isInFlight {
                if let text = operation.updateTime, let updated = APITimestamp.parse(text) {
                    let age = clock.timeIntervalSince(updated)
                    let hours = Int((max(age, 0) / 3600).rounded(.down))
                    let level: HealthLevel = age > staleAfter ? .stale : .pending
                    reasons.append(.init(level: level, code: "\(operation.name):\(state.rawValue):\(hours)h"))
                    if oldestInFlight == nil || updated < oldestInFlight!.date { oldestInFlight = (updated, text) }
                } else {
                    reasons.append(.init(level: .pending, code: "\(operation.name):\(state.rawValue):age_unknown"))
                }
            }
            if let state = operation.state, !state.isDocumented {
                reasons.append(.init(level: nil, code: "unknown_state:\(operation.name):\(state.rawValue)"))
            }
        }

        let sms = number.smsConfiguration
        for code in sms?.scheduledProvisioning?.errorCodes ?? [] {
            reasons.append(.init(level: .failed, code: "sched:error:\(code.rawValue)"))
        }
        for (key, actual, expected) in [
            ("servicePlanId", sms?.servicePlanId, scope.servicePlanId),
            ("campaignId", sms?.campaignId, scope.campaignId),
        ] {
            if let actual = nonEmpty(actual) {
                if !Self.sameID(actual, expected) {
                    reasons.append(.init(level: .misconfigured, code: "scope_mismatch:\(key)"))
                }
            } else {
                reasons.append(.init(level: .misconfigured, code: "missing_config:\(key)"))
            }
        }
        if sms?.migrateToSinchTmo == true {
            let tmoState = number.mnoConfiguration?.smsTmo?.state
            if tmoState != .done {
                reasons.append(
                    .init(level: .misconfigured, code: "migrate_to_sinch_tmo:sms_tmo:\(tmoState?.rawValue ?? "absent")")
                )
            }
        }

        // Stable sort: worst level first, notes without a level last, operation order kept within a level.
        let ordered = reasons.enumerated().sorted { lhs, rhs in
            let left = lhs.element.level?.rawValue ?? -1
            let right = rhs.element.level?.rawValue ?? -1
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
        let level = reasons.compactMap(\.level).max() ?? .healthy
        return HealthVerdict(level: level, reasons: ordered, pendingSince: oldestInFlight?.text)
    }

    /// Whether two ids (project, service plan, campaign) are the same: Sinch writes them in upper or lower case,
    /// with or without the dashes of a UUID, so they are compared case-insensitively without dashes.
    static func sameID(_ left: String, _ right: String) -> Bool {
        func canonical(_ id: String) -> String { id.filter { $0 != "-" }.lowercased() }
        return left == right || canonical(left) == canonical(right)
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
