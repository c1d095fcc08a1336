/// Which records carry which edge cases.
///
/// Let `j = caseOffsets[scope] + i` (the case index). Each concern is switched on by `j` modulo a small prime and
/// picks its variant from `j / prime`, so any ~240 consecutive case indices cover every variant:
///
/// | concern | rows | variant | variants |
/// |---|---|---|---|
/// | carrier states (`mnoConfiguration`) | `j % 5 == 2` | `(j / 5) % 29`, carrier `(j / 5) % 4` | 29 |
/// | `smsProvisioning` / `campaignProvisioning` | `j % 7 == 4` | `(j / 7) % 12` | 12 |
/// | `smsConfiguration` (scope mismatch, migrate) | `j % 11 == 6` | `(j / 11) % 9` | 9 |
/// | `scheduledProvisioning` present | `j % 13 == 9` | `(j / 13) % 14` | 14 |
/// | hostile `displayName` | `j % 17` is 3 or 11 | `(2 * (j / 17) + (j % 17 == 11 ? 1 : 0)) % 16` | 16 |
/// | hostile `callbackUrl` | `j % 19 == 7` | `(j / 19) % 7` | 7 |
/// | unknown top-level `etag` field | `j % 23 == 13` | — | 1 |
/// | undecodable (when ``FakeSinchAPIConfiguration/undecodableEvery`` is `n > 0`) | `(i + 1) % n == 0` | `(i / n) % 3` | 3 |
///
/// Every other row is plainly healthy: all `DONE`, empty errors, the scope's own ids, ordinary text.
extension FakeDataSet {
    static let states = ["DONE", "FAILED", "IN_PROGRESS", "WAITING", "STATE_UNSPECIFIED"]
    static let operations = ["PROVISIONING", "DEPROVISIONING", "OPERATION_UNSPECIFIED"]
    /// `FAILED` error code and message per carrier (smsAtt, smsTmo, mmsAtt, mmsTmo).
    static let carrierErrors: [(code: String, message: String)] = [
        ("10003", "AT&T rejected provisioning: the number is not text-enabled"),
        ("60135", "The number must be migrated from its previous aggregator before T-Mobile provisioning"),
        ("10017", "AT&T rejected MMS provisioning: campaign not registered for MMS"),
        ("60140", "T-Mobile MMS provisioning timed out"),
    ]

    /// The record plan of record `index` of scope `scope`.
    func plan(scope scopeIndex: Int, index: Int) -> FakeRecordPlan {
        let scope = scopes[scopeIndex]
        let j = caseOffsets[scopeIndex] + index
        var clock = TimeSource(dataSet: self, scope: scopeIndex, index: index)

        var mno = FakeMnoPlan()
        for carrier in 0..<4 {
            let time: Int64
            switch (j + carrier) % 3 {
            case 0: time = clock.fresh()
            case 1: time = clock.recent()
            default: time = clock.stale()
            }
            mno[carrier] = .done(at: time)
        }
        var record = FakeRecordPlan(
            phoneNumber: phoneNumber(scope: scopeIndex, index: index),
            projectId: scope.projectId,
            regionCode: regionCode(index: index),
            displayName: .ordinaryName(index),
            callbackUrl: .ordinaryURL(index),
            smsConfiguration: FakeSmsConfigurationPlan(
                servicePlanId: scope.servicePlanId,
                campaignId: scope.campaignId,
                migrateToSinchTmo: false,
                scheduledProvisioning: nil
            ),
            mnoConfiguration: mno,
            smsProvisioning: FakeProvisioningPlan(
                serviceType: "SMS", serviceId: scope.servicePlanId, type: "PROVISIONING", state: "DONE",
                updateMicros: j % 2 == 0 ? clock.recent() : clock.stale(), errorMessage: "", errorCode: ""
            ),
            campaignProvisioning: FakeProvisioningPlan(
                serviceType: "CAMPAIGN", serviceId: scope.campaignId, type: "PROVISIONING", state: "DONE",
                updateMicros: j % 2 == 0 ? clock.stale() : clock.recent(), errorMessage: "", errorCode: ""
            ),
            etag: nil
        )

        if j % 5 == 2 { applyCarrierCase(j / 5, to: &record, clock: &clock) }
        if j % 7 == 4 { applyProvisioningCase((j / 7) % 12, to: &record, clock: &clock) }
        if j % 13 == 9 { applyScheduledCase((j / 13) % 14, scope: scope, to: &record, clock: &clock) }
        if j % 11 == 6 { applyConfigurationCase((j / 11) % 9, scope: scope, to: &record, clock: &clock) }
        if j % 17 == 3 || j % 17 == 11 {
            record.displayName = .hostileName((2 * (j / 17) + (j % 17 == 11 ? 1 : 0)) % FakeText.hostileNames.count)
        }
        if j % 19 == 7 { record.callbackUrl = .hostileURL((j / 19) % FakeText.hostileURLs.count) }
        if j % 23 == 13 {
            let tag = String(clock.next(), radix: 16)
            record.etag = "W/\"" + String(repeating: "0", count: 16 - tag.count) + tag + "\""
        }
        if let change = changes[record.phoneNumber] { apply(change, scope: scope, to: &record, clock: &clock) }
        if undecodableEvery > 0, (index + 1) % undecodableEvery == 0 {
            record.damage = FakeRecordPlan.Damage(
                rawValue: (index / undecodableEvery) % FakeRecordPlan.Damage.allCases.count)
        }
        return record
    }

    // MARK: - Carrier states

    /// `q = j / 5`; the case is `q % 29`, the carrier it targets `q % 4` (0 smsAtt, 1 smsTmo, 2 mmsAtt, 3 mmsTmo).
    ///
    /// - 0–14: state `states[c / 3]` × operation `operations[c % 3]`; even `c` fresh, odd `c` stale
    ///   (so IN_PROGRESS and WAITING each appear fresh and stale); FAILED carries the carrier's error.
    /// - 15: unknown state `SUSPENDED_BY_CARRIER`. 16: unknown operation `PORTING` (IN_PROGRESS, fresh).
    /// - 17: extra unknown carrier `mmsVzw`. 18: no `mnoConfiguration`. 19: the target entry missing.
    /// - 20: `mmsAtt` and `mmsTmo` missing (SMS only). 21: FAILED with `errorCode` "" and a message.
    /// - 22: DONE without `errorCode`/`errorMessage` fields. 23: `smsTmo` FAILED `60135` (stale).
    /// - 24: IN_PROGRESS exactly 72 h before the reference time. 25: IN_PROGRESS 71:59:59 before.
    /// - 26: WAITING 72:00:01 before. 27: DONE with a non-empty `errorCode` `3001`.
    /// - 28: IN_PROGRESS without `updateTime`.
    private func applyCarrierCase(_ q: Int, to record: inout FakeRecordPlan, clock: inout TimeSource) {
        let variant = q % 29
        let carrier = q % 4
        guard var mno = record.mnoConfiguration else { return }
        let error = Self.carrierErrors[carrier]
        switch variant {
        case 0..<15:
            let state = Self.states[variant / 3]
            let failed = state == "FAILED"
            mno[carrier] = FakeCarrierEntryPlan(
                state: state,
                errorCode: failed ? error.code : "",
                errorMessage: failed ? error.message : "",
                updateMicros: variant % 2 == 0 ? clock.fresh() : clock.stale(),
                operation: Self.operations[variant % 3]
            )
        case 15:
            mno[carrier] = FakeCarrierEntryPlan(
                state: "SUSPENDED_BY_CARRIER", errorCode: "", errorMessage: "",
                updateMicros: clock.fresh(), operation: "PROVISIONING"
            )
        case 16:
            mno[carrier] = FakeCarrierEntryPlan(
                state: "IN_PROGRESS", errorCode: "", errorMessage: "", updateMicros: clock.fresh(), operation: "PORTING"
            )
        case 17:
            mno.mmsVzw = .done(at: clock.recent())
        case 18:
            record.mnoConfiguration = nil
            return
        case 19:
            mno[carrier] = nil
        case 20:
            mno.mmsAtt = nil
            mno.mmsTmo = nil
        case 21:
            mno[carrier] = FakeCarrierEntryPlan(
                state: "FAILED", errorCode: "", errorMessage: "Rejected by carrier (no code given)",
                updateMicros: clock.recent(), operation: "PROVISIONING"
            )
        case 22:
            mno[carrier] = FakeCarrierEntryPlan(
                state: "DONE", errorCode: nil, errorMessage: nil, updateMicros: clock.recent(),
                operation: "PROVISIONING"
            )
        case 23:
            mno.smsTmo = FakeCarrierEntryPlan(
                state: "FAILED", errorCode: Self.carrierErrors[1].code, errorMessage: Self.carrierErrors[1].message,
                updateMicros: clock.stale(), operation: "PROVISIONING"
            )
        case 24:
            mno[carrier] = inFlight("IN_PROGRESS", before: 72 * FakeTimestamp.microsPerHour)
        case 25:
            mno[carrier] = inFlight(
                "IN_PROGRESS", before: 72 * FakeTimestamp.microsPerHour - FakeTimestamp.microsPerSecond)
        case 26:
            mno[carrier] = inFlight("WAITING", before: 72 * FakeTimestamp.microsPerHour + FakeTimestamp.microsPerSecond)
        case 27:
            mno[carrier] = FakeCarrierEntryPlan(
                state: "DONE", errorCode: "3001", errorMessage: "Transient carrier error, retried",
                updateMicros: clock.fresh(), operation: "PROVISIONING"
            )
        default:
            mno[carrier] = FakeCarrierEntryPlan(
                state: "IN_PROGRESS", errorCode: "", errorMessage: "", updateMicros: nil, operation: "PROVISIONING"
            )
        }
        record.mnoConfiguration = mno
    }

    /// An in-flight `PROVISIONING` entry exactly `offset` microseconds before the reference time (no jitter).
    private func inFlight(_ state: String, before offset: Int64) -> FakeCarrierEntryPlan {
        FakeCarrierEntryPlan(
            state: state, errorCode: "", errorMessage: "", updateMicros: referenceMicros - offset,
            operation: "PROVISIONING"
        )
    }

    // MARK: - smsProvisioning / campaignProvisioning

    /// 0 sms FAILED `4001`; 1 campaign FAILED `5012` (stale); 2 sms IN_PROGRESS fresh; 3 campaign IN_PROGRESS
    /// 81 h 17 min before; 4 sms WAITING stale; 5 campaign WAITING fresh; 6 no `smsProvisioning`;
    /// 7 no `campaignProvisioning`; 8 sms `DEPROVISIONING` DONE; 9 campaign `STATE_UNSPECIFIED`;
    /// 10 sms with unknown `type` `MIGRATION`; 11 campaign provisioning for another campaign (`serviceId` `COTHER1`).
    private func applyProvisioningCase(_ variant: Int, to record: inout FakeRecordPlan, clock: inout TimeSource) {
        switch variant {
        case 0:
            record.smsProvisioning?.state = "FAILED"
            record.smsProvisioning?.errorCode = "4001"
            record.smsProvisioning?.errorMessage = "Service plan is not enabled for imported numbers"
            record.smsProvisioning?.updateMicros = clock.fresh()
        case 1:
            record.campaignProvisioning?.state = "FAILED"
            record.campaignProvisioning?.errorCode = "5012"
            record.campaignProvisioning?.errorMessage = "Campaign rejected by The Campaign Registry"
            record.campaignProvisioning?.updateMicros = clock.stale()
        case 2:
            record.smsProvisioning?.state = "IN_PROGRESS"
            record.smsProvisioning?.updateMicros = clock.fresh()
        case 3:
            record.campaignProvisioning?.state = "IN_PROGRESS"
            record.campaignProvisioning?.updateMicros =
                referenceMicros - 81 * FakeTimestamp.microsPerHour
                - 17 * FakeTimestamp.microsPerMinute
        case 4:
            record.smsProvisioning?.state = "WAITING"
            record.smsProvisioning?.updateMicros = clock.stale()
        case 5:
            record.campaignProvisioning?.state = "WAITING"
            record.campaignProvisioning?.updateMicros = clock.fresh()
        case 6:
            record.smsProvisioning = nil
        case 7:
            record.campaignProvisioning = nil
        case 8:
            record.smsProvisioning?.type = "DEPROVISIONING"
        case 9:
            record.campaignProvisioning?.state = "STATE_UNSPECIFIED"
        case 10:
            record.smsProvisioning?.type = "MIGRATION"
        default:
            record.campaignProvisioning?.serviceId = "COTHER1"
        }
    }

    // MARK: - scheduledProvisioning

    /// status / errorCodes: 0 `0` `[]`; 1 `1` `[]`; 2 `2` `[]` towards campaign `CNEXT01`; 3 `3` `[1001, 1002]`;
    /// 4 `3` `["1003"]` (strings); 5 `"2"` (string) `[]`; 6 `0` without `errorCodes`; 7 `5` `[]` stale.
    /// As Sinch's Numbers API and SDKs send them (strings): 8 `"FAILED"` `["EXCEEDED_10DLC_LIMIT"]`;
    /// 9 `"IN_PROGRESS"` stale; 10 `"WAITING"` fresh; 11 `"FAILED"` `["ERROR_CODE_UNSPECIFIED"]`;
    /// 12 `"PROVISIONING_STATUS_UNSPECIFIED"`; 13 `"FAILED"` `["CAMPAIGN_NOT_AVAILABLE"]`.
    private func applyScheduledCase(
        _ variant: Int, scope: FakeScope, to record: inout FakeRecordPlan, clock: inout TimeSource
    ) {
        let statuses: [FakeScheduledPlan.Status] = [
            .integer(0), .integer(1), .integer(2), .integer(3), .integer(3), .string("2"), .integer(0), .integer(5),
            .string("FAILED"), .string("IN_PROGRESS"), .string("WAITING"), .string("FAILED"),
            .string("PROVISIONING_STATUS_UNSPECIFIED"), .string("FAILED"),
        ]
        let codes: [FakeScheduledPlan.ErrorCodes] = [
            .integers([]), .integers([]), .integers([]), .integers([1001, 1002]), .strings(["1003"]),
            .integers([]), .absent, .integers([]), .strings(["EXCEEDED_10DLC_LIMIT"]), .strings([]), .strings([]),
            .strings(["ERROR_CODE_UNSPECIFIED"]), .strings([]), .strings(["CAMPAIGN_NOT_AVAILABLE"]),
        ]
        record.smsConfiguration?.scheduledProvisioning = FakeScheduledPlan(
            servicePlanId: scope.servicePlanId,
            campaignId: variant == 2 ? "CNEXT01" : scope.campaignId,
            status: statuses[variant],
            lastUpdatedMicros: variant == 7 || variant == 9 ? clock.stale() : clock.fresh(),
            errorCodes: codes[variant]
        )
    }

    // MARK: - smsConfiguration

    /// 0 `campaignId` `CWRONG1`; 1 another `servicePlanId`; 2 no `campaignId`; 3 `migrateToSinchTmo` with `smsTmo`
    /// IN_PROGRESS (fresh); 4 `migrateToSinchTmo` with `smsTmo` FAILED `60135`; 5 `migrateToSinchTmo` with `smsTmo`
    /// DONE; 6 `campaignId` ""; 7 no `smsConfiguration`; 8 `campaignId` in lower case.
    private func applyConfigurationCase(
        _ variant: Int, scope: FakeScope, to record: inout FakeRecordPlan, clock: inout TimeSource
    ) {
        switch variant {
        case 0:
            record.smsConfiguration?.campaignId = "CWRONG1"
        case 1:
            record.smsConfiguration?.servicePlanId = "9d8c7b6a5f4e3d2c1b0a998877665544"
        case 2:
            record.smsConfiguration?.campaignId = nil
        case 3:
            record.smsConfiguration?.migrateToSinchTmo = true
            if record.mnoConfiguration != nil {
                record.mnoConfiguration?.smsTmo = FakeCarrierEntryPlan(
                    state: "IN_PROGRESS", errorCode: "", errorMessage: "", updateMicros: clock.fresh(),
                    operation: "PROVISIONING"
                )
            }
        case 4:
            record.smsConfiguration?.migrateToSinchTmo = true
            if record.mnoConfiguration != nil {
                record.mnoConfiguration?.smsTmo = FakeCarrierEntryPlan(
                    state: "FAILED", errorCode: Self.carrierErrors[1].code, errorMessage: Self.carrierErrors[1].message,
                    updateMicros: clock.stale(), operation: "PROVISIONING"
                )
            }
        case 5:
            record.smsConfiguration?.migrateToSinchTmo = true
            if record.mnoConfiguration != nil {
                record.mnoConfiguration?.smsTmo = .done(at: clock.recent())
            }
        case 6:
            record.smsConfiguration?.campaignId = ""
        case 7:
            record.smsConfiguration = nil
        default:
            record.smsConfiguration?.campaignId = scope.campaignId.lowercased()
        }
    }

    // MARK: - Times

    /// Deterministic update times for one record: each call draws the next jittered value.
    struct TimeSource {
        let referenceMicros: Int64
        let seed: UInt64
        let scope: Int
        let index: Int
        private var draws: UInt64 = 0

        init(dataSet: FakeDataSet, scope: Int, index: Int) {
            referenceMicros = dataSet.referenceMicros
            seed = dataSet.seed
            self.scope = scope
            self.index = index
        }

        mutating func next() -> UInt64 {
            draws += 1
            return FakeHash.value(seed: seed, scope: scope, index: index, salt: draws)
        }

        /// 5 minutes to 4 hours before the reference time.
        mutating func fresh() -> Int64 {
            before(5 * FakeTimestamp.microsPerMinute, spread: 235 * FakeTimestamp.microsPerMinute)
        }

        /// 4 to 70 hours before (never judged stale at 72 h).
        mutating func recent() -> Int64 {
            before(4 * FakeTimestamp.microsPerHour, spread: 66 * FakeTimestamp.microsPerHour)
        }

        /// 100 to 500 hours before.
        mutating func stale() -> Int64 {
            before(100 * FakeTimestamp.microsPerHour, spread: 400 * FakeTimestamp.microsPerHour)
        }

        private mutating func before(_ minimum: Int64, spread: Int64) -> Int64 {
            referenceMicros - minimum - Int64(next() % UInt64(spread))
        }
    }
}
