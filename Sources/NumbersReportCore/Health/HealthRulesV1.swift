import Foundation
import SinchImportedNumbers

/// The health rules of row format v1, frozen, so that `render` rebuilds a v1 snapshot byte for byte.
/// New snapshots are judged by ``HealthRules`` (v2).
///
/// | level | when |
/// |---|---|
/// | FAILED | an operation is `FAILED`, has a non-empty `errorCode`, or `scheduledProvisioning.errorCodes` is non-empty |
/// | STALE | an operation is `IN_PROGRESS`/`WAITING` and was updated more than `staleAfterHours` before the clock |
/// | MISCONFIGURED | the SMS service plan or campaign is missing, empty or not the scope's (exact strings), or `migrateToSinchTmo` while `smsTmo` is not `DONE` |
/// | PENDING | an operation is `IN_PROGRESS`/`WAITING` within the threshold |
/// | HEALTHY | none of the above |
///
/// Its notes (an unknown state) set no level: they carry `HEALTHY` and sort last.
struct HealthRulesV1: Sendable {
    var rules: HealthRules

    func judge(_ number: ImportedNumber, slots: [ProvisioningOperation?], scope: ScopeSettings) -> HealthVerdict {
        var reasons: [HealthReason] = []
        var oldestInFlight: (date: Date, text: String)?
        func add(_ level: HealthLevel?, _ code: String) {
            // v1 had no catalog; the kinds only group the findings for the report.
            let kind: HealthReason.Kind =
                switch level {
                case .failed?: .operationFailed
                case .stale?: .stale
                case .misconfigured?: .scopeMismatch
                case .pending?: .pending
                default: .unknownValue
                }
            reasons.append(HealthReason(level: level ?? .healthy, kind: kind, code: code))
        }

        for operation in slots.lazy.compactMap({ $0 }) {
            let stateName = operation.state?.rawValue ?? "NO_STATE"
            if operation.state == .failed {
                let detail = operation.reportedErrorCode.map { ":\($0)" } ?? ""
                add(.failed, "\(operation.name):FAILED\(detail)")
            } else if let code = operation.reportedErrorCode {
                add(.failed, "\(operation.name):\(stateName):\(code)")
            }
            if let state = operation.state, state.isInFlight {
                if let text = operation.updateTime, let updated = APITimestamp.parse(text) {
                    let age = rules.clock.timeIntervalSince(updated)
                    let hours = Int((max(age, 0) / 3600).rounded(.down))
                    add(age > rules.staleAfter ? .stale : .pending, "\(operation.name):\(state.rawValue):\(hours)h")
                    if oldestInFlight == nil || updated < oldestInFlight!.date { oldestInFlight = (updated, text) }
                } else {
                    add(.pending, "\(operation.name):\(state.rawValue):age_unknown")
                }
            }
            if let state = operation.state, !state.isDocumented {
                add(nil, "unknown_state:\(operation.name):\(state.rawValue)")
            }
        }

        let sms = number.smsConfiguration
        for code in sms?.scheduledProvisioning?.errorCodes ?? [] { add(.failed, "sched:error:\(code.rawValue)") }
        for (key, actual, expected) in [
            ("servicePlanId", sms?.servicePlanId, scope.servicePlanId),
            ("campaignId", sms?.campaignId, scope.campaignId),
        ] {
            if let actual, !actual.isEmpty {
                if actual != expected { add(.misconfigured, "scope_mismatch:\(key)") }
            } else {
                add(.misconfigured, "missing_config:\(key)")
            }
        }
        if sms?.migrateToSinchTmo == true {
            let tmoState = number.mnoConfiguration?.smsTmo?.state
            if tmoState != .done {
                add(.misconfigured, "migrate_to_sinch_tmo:sms_tmo:\(tmoState?.rawValue ?? "absent")")
            }
        }

        // Worst level first, notes (HEALTHY) last, operation order kept within a level.
        // v1 rows have no `sms_ready` column; the report of a rebuilt v1 night still says which numbers cannot send.
        return HealthVerdict(
            findings: reasons, pendingSince: oldestInFlight?.text,
            smsReady: rules.judge(number, slots: slots, scope: scope).smsReady)
    }
}
