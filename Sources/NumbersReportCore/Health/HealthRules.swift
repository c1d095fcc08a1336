import Foundation
import SinchImportedNumbers

/// The contract's provisioning-health rules (v2), judged against the run's clock.
///
/// The operations of a number are the four `mnoConfiguration` entries, `smsProvisioning`, `campaignProvisioning`
/// and `scheduledProvisioning` when present. Ids (project, plan, campaign) are compared case-insensitively
/// without dashes. A number is `HEALTHY` only when every fact the API gave is understood and good.
///
/// | level | when |
/// |---|---|
/// | FAILED | an operation's state is `FAILED`; `scheduledProvisioning.status` is `FAILED` (or 3); a scheduled failure code other than `ERROR_CODE_UNSPECIFIED` |
/// | STALE | an operation (or the scheduled change, by `lastUpdatedTime`) is `IN_PROGRESS`/`WAITING` and was updated more than `staleAfterHours` before the clock |
/// | MISCONFIGURED | the project, SMS plan or campaign is not the scope's, or the plan or campaign is missing or empty; `campaignProvisioning.serviceId` is not the scope's campaign; `DEPROVISIONING` that is `DONE` on `smsAtt`, `smsTmo`, SMS or campaign provisioning; `migrateToSinchTmo` while `smsTmo` is not `DONE` |
/// | REVIEW | a state, operation or status the reference does not list, or `*_UNSPECIFIED`; a present operation without a state or operation; an error code on an operation that did not fail; an in-flight operation without a readable time; `ERROR_CODE_UNSPECIFIED`; `smsAtt`, `smsTmo`, `smsProvisioning` or `campaignProvisioning` absent, or campaign provisioning without a `serviceId`; a record that could not be decoded |
/// | PENDING | an operation or the scheduled change is `IN_PROGRESS`/`WAITING` within the threshold |
/// | HEALTHY | none of the above |
///
/// Integer scheduled statuses follow the string enum's order (0 unspecified, 1 `WAITING`, 2 `IN_PROGRESS`,
/// 3 `FAILED`); an integer failure code 0 is `ERROR_CODE_UNSPECIFIED`. Absent MMS entries are fine; present ones
/// are judged like the others.
///
/// `sms_ready` is true only when the SMS plan and campaign match the scope, SMS and campaign provisioning are
/// `PROVISIONING` and `DONE` without error code (the campaign's `serviceId` the scope's), `smsAtt` and `smsTmo`
/// are `PROVISIONING` and `DONE` without error code, and no scheduled change has failed.
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
        judge(number, slots: ProvisioningOperation.slots(of: number), scope: scope)
    }

    /// Judges one number whose operation slots (``ProvisioningOperation/slots(of:)``) are known.
    func judge(_ number: ImportedNumber, slots: [ProvisioningOperation?], scope: ScopeSettings) -> HealthVerdict {
        var findings = Findings(rules: self)
        var smsReady = true

        for (channel, slot) in zip(ProvisioningChannel.allCases, slots) {
            guard let operation = slot else {
                if channel.isNeededForSMS {
                    findings.add(.review, .absent, "absent:\(channel.name)")
                    smsReady = false
                }
                continue
            }
            findings.judge(operation)
            if channel.isNeededForSMS, !operation.isProvisionedAndDone { smsReady = false }
        }

        let sms = number.smsConfiguration
        if let scheduled = sms?.scheduledProvisioning, findings.judge(scheduled) { smsReady = false }

        if let project = nonEmpty(number.projectId), !Self.sameID(project, scope.projectId) {
            findings.add(.misconfigured, .scopeMismatch, "scope_mismatch:projectId")
        }
        for (key, actual, expected) in [
            ("servicePlanId", sms?.servicePlanId, scope.servicePlanId),
            ("campaignId", sms?.campaignId, scope.campaignId),
        ] {
            if let actual = nonEmpty(actual) {
                if !Self.sameID(actual, expected) {
                    findings.add(.misconfigured, .scopeMismatch, "scope_mismatch:\(key)")
                    smsReady = false
                }
            } else {
                findings.add(.misconfigured, .missingConfiguration, "missing_config:\(key)")
                smsReady = false
            }
        }
        if let campaign = slots[ProvisioningChannel.campaignProvisioning.index] {
            if let serviceID = nonEmpty(campaign.serviceID) {
                if !Self.sameID(serviceID, scope.campaignId) {
                    findings.add(.misconfigured, .scopeMismatch, "scope_mismatch:campaignServiceId")
                    smsReady = false
                }
            } else {
                findings.add(.review, .missingServiceID, "campaign_prov:no_service_id")
                smsReady = false
            }
        }
        if sms?.migrateToSinchTmo == true {
            let tmoState = number.mnoConfiguration?.smsTmo?.state
            if tmoState != .done {
                findings.add(
                    .misconfigured, .migrationPending, "migrate_to_sinch_tmo:sms_tmo:\(tmoState?.rawValue ?? "absent")")
            }
        }
        return findings.verdict(smsReady: smsReady)
    }

    /// Whether two ids (project, service plan, campaign) are the same: Sinch writes them in upper or lower case,
    /// with or without the dashes of a UUID, so they are compared case-insensitively without dashes.
    static func sameID(_ left: String, _ right: String) -> Bool {
        if left == right { return true }
        var left = left
        var right = right
        // ASCII ids are compared byte by byte, skipping dashes and folding case, without making new strings (every
        // row compares three when the API writes the ids otherwise than the config); any other text as below.
        let ascii = left.withUTF8 { left in
            right.withUTF8 { right in sameASCIIID(left, right) }
        }
        return ascii ?? (canonicalID(left) == canonicalID(right))
    }

    /// Whether two ASCII ids are the same but for dashes and case; `nil` when either is not ASCII.
    private static func sameASCIIID(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard left.allSatisfy({ $0 < 0x80 }), right.allSatisfy({ $0 < 0x80 }) else { return nil }
        return canonicalASCIIID(left).elementsEqual(canonicalASCIIID(right))
    }

    /// An id as ``sameID(_:_:)`` compares it: lower case, without dashes.
    static func canonicalID(_ id: String) -> String { id.filter { $0 != "-" }.lowercased() }

    /// The bytes of ``canonicalID(_:)`` of an ASCII id, made as they are read.
    static func canonicalASCIIID(_ id: UnsafeBufferPointer<UInt8>) -> some Sequence<UInt8> {
        id.lazy.filter { $0 != UInt8(ascii: "-") }.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }

    /// The age of an in-flight operation updated at `text`: `STALE` or `PENDING` with whole hours, or `nil` when
    /// the time cannot be read.
    fileprivate func age(of text: String?) -> (level: HealthLevel, hours: Int, date: Date)? {
        guard let text, let updated = APITimestamp.parse(text) else { return nil }
        let age = clock.timeIntervalSince(updated)
        let hours = Int((max(age, 0) / 3600).rounded(.down))
        return (age > staleAfter ? .stale : .pending, hours, updated)
    }
}

private func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text
}

/// The findings about one number as the rules gather them, and the oldest time still in flight.
private struct Findings {
    let rules: HealthRules
    var reasons: [HealthReason] = []
    var oldestInFlight: (date: Date, text: String)?

    /// Whether the reference lists the operation state, `STATE_UNSPECIFIED` aside (compared, not hashed: this runs
    /// for every operation of every number).
    static func isUnderstood(_ state: ProvisioningState) -> Bool {
        state == .done || state == .failed || state == .inProgress || state == .waiting
    }

    /// Whether the reference lists the operation (`PROVISIONING`, `DEPROVISIONING`).
    static func isUnderstood(operation: String) -> Bool { operation == "PROVISIONING" || operation == "DEPROVISIONING" }

    mutating func add(
        _ level: HealthLevel, _ kind: HealthReason.Kind, _ code: String, errorCode: String? = nil,
        message: String? = nil
    ) {
        reasons.append(
            HealthReason(
                level: level, kind: kind, code: code, errorCode: errorCode,
                message: message.flatMap { $0.isEmpty ? nil : $0 }))
    }

    mutating func judge(_ operation: ProvisioningOperation) {
        let name = operation.name
        if let raw = operation.operation {
            if !Self.isUnderstood(operation: raw) {
                add(.review, .unknownValue, "unknown_operation:\(name):\(raw)")
            }
        } else {
            add(.review, .missingField, "\(name):no_operation")
        }
        guard let state = operation.state else {
            add(.review, .missingField, "\(name):no_state")
            return
        }
        guard Self.isUnderstood(state) else {
            add(.review, .unknownValue, "unknown_state:\(name):\(state.rawValue)")
            return
        }
        let errorCode = operation.reportedErrorCode
        if state == .failed {
            add(
                .failed, .operationFailed, "\(name):FAILED" + (errorCode.map { ":\($0)" } ?? ""), errorCode: errorCode,
                message: operation.errorMessage)
            return
        }
        if let errorCode {
            add(
                .review, .errorWithoutFailure, "\(name):\(state.rawValue):error:\(errorCode)", errorCode: errorCode,
                message: operation.errorMessage)
        }
        if state == .done {
            if operation.operation == "DEPROVISIONING", operation.channel.isNeededForSMS {
                add(.misconfigured, .deprovisioned, "\(name):DEPROVISIONING:DONE")
            }
            return
        }
        inFlight(name: name, state: state.rawValue, updateTime: operation.updateTime)
    }

    /// Judges the scheduled change; whether it failed.
    mutating func judge(_ scheduled: ScheduledProvisioning) -> Bool {
        var failed = false
        var failureCodes: [String] = []
        var unspecifiedFailure = false
        for code in scheduled.errorCodes ?? [] {
            if ScheduledStatus.isUnspecifiedFailure(code) {
                unspecifiedFailure = true
            } else {
                failureCodes.append(code.rawValue)
            }
        }
        if let code = scheduled.status {
            let status = ScheduledStatus(code)
            switch status {
            case .failed:
                failed = true
                if failureCodes.isEmpty { add(.failed, .scheduledFailed, "sched:FAILED") }
            case .waiting, .inProgress:
                inFlight(name: "sched", state: status.name, updateTime: scheduled.lastUpdatedTime)
            case .unspecified, .unknown:
                add(.review, .unknownValue, "unknown_status:sched:\(code.rawValue)")
            }
        }
        for code in failureCodes {
            add(.failed, .scheduledFailed, "sched:FAILED:\(code)", errorCode: code)
            failed = true
        }
        if unspecifiedFailure { add(.review, .unspecifiedFailure, "sched:error_code_unspecified") }
        return failed
    }

    private mutating func inFlight(name: String, state: String, updateTime: String?) {
        guard let age = rules.age(of: updateTime), let updateTime else {
            add(.review, .ageUnknown, "\(name):\(state):age_unknown")
            return
        }
        add(age.level, age.level == .stale ? .stale : .pending, "\(name):\(state):\(age.hours)h")
        if oldestInFlight == nil || age.date < oldestInFlight!.date { oldestInFlight = (age.date, updateTime) }
    }

    /// Worst level first, operation order kept within a level.
    func verdict(smsReady: Bool) -> HealthVerdict {
        HealthVerdict(findings: reasons, pendingSince: oldestInFlight?.text, smsReady: smsReady)
    }
}
