import NumbersReportCore
import SinchImportedNumbers
import Testing

/// One case of the health contract v2: a change to a healthy number and what the rules must say of it.
struct HealthCase: Sendable, CustomTestStringConvertible {
    var name: String
    var change: @Sendable (inout ImportedNumber) -> Void
    var level: HealthLevel
    var smsReady: Bool
    var reasons: [String]

    init(
        _ name: String, _ level: HealthLevel, ready smsReady: Bool, _ reasons: [String],
        _ change: @escaping @Sendable (inout ImportedNumber) -> Void
    ) {
        self.name = name
        self.change = change
        self.level = level
        self.smsReady = smsReady
        self.reasons = reasons
    }

    var testDescription: String { name }

    private static func carrier(
        _ state: ProvisioningState?, _ operation: CarrierOperation? = .provisioning, hoursAgo: Double = 10,
        errorCode: String = ""
    ) -> CarrierState {
        CarrierState(
            state: state, errorCode: errorCode, errorMessage: errorCode.isEmpty ? "" : "error \(errorCode)",
            updateTime: Fixtures.time(hoursAgo: hoursAgo), operation: operation)
    }

    private static func scheduled(
        _ status: APICode?, hoursAgo: Double = 5, codes: [APICode]? = nil
    ) -> ScheduledProvisioning {
        ScheduledProvisioning(
            servicePlanId: Fixtures.scope.servicePlanId, campaignId: "CNEXT01", status: status,
            lastUpdatedTime: Fixtures.time(hoursAgo: hoursAgo), errorCodes: codes)
    }

    /// The contract's table, case by case (the README's "Health" section shows the same cases).
    static let all: [HealthCase] = [
        HealthCase("all DONE on the scope's plan and campaign", .healthy, ready: true, []) { _ in },
        HealthCase("STATE_UNSPECIFIED on smsAtt", .review, ready: false, ["unknown_state:sms_att:STATE_UNSPECIFIED"]) {
            $0.mnoConfiguration?.smsAtt = carrier(.unspecified)
        },
        HealthCase("an unlisted state on smsTmo", .review, ready: false, ["unknown_state:sms_tmo:SUSPENDED_BY_CARRIER"])
        {
            $0.mnoConfiguration?.smsTmo = carrier(ProvisioningState(rawValue: "SUSPENDED_BY_CARRIER"))
        },
        HealthCase("a carrier entry without a state", .review, ready: false, ["sms_tmo:no_state"]) {
            $0.mnoConfiguration?.smsTmo = carrier(nil)
        },
        HealthCase("a carrier entry without an operation", .review, ready: false, ["sms_att:no_operation"]) {
            $0.mnoConfiguration?.smsAtt = carrier(.done, nil)
        },
        HealthCase("no mnoConfiguration", .review, ready: false, ["absent:sms_att", "absent:sms_tmo"]) {
            $0.mnoConfiguration = nil
        },
        HealthCase("no MMS entries", .healthy, ready: true, []) {
            $0.mnoConfiguration?.mmsAtt = nil
            $0.mnoConfiguration?.mmsTmo = nil
        },
        HealthCase("no smsProvisioning", .review, ready: false, ["absent:sms_prov"]) { $0.smsProvisioning = nil },
        HealthCase("DEPROVISIONING DONE on smsTmo", .misconfigured, ready: false, ["sms_tmo:DEPROVISIONING:DONE"]) {
            $0.mnoConfiguration?.smsTmo = carrier(.done, .deprovisioning)
        },
        HealthCase("DEPROVISIONING DONE on mmsAtt (MMS off)", .healthy, ready: true, []) {
            $0.mnoConfiguration?.mmsAtt = carrier(.done, .deprovisioning)
        },
        HealthCase(
            "DEPROVISIONING DONE on campaign provisioning", .misconfigured, ready: false,
            ["campaign_prov:DEPROVISIONING:DONE"]
        ) { $0.campaignProvisioning?.type = .deprovisioning },
        HealthCase("DEPROVISIONING in flight on smsAtt", .pending, ready: false, ["sms_att:WAITING:3h"]) {
            $0.mnoConfiguration?.smsAtt = carrier(.waiting, .deprovisioning, hoursAgo: 3)
        },
        HealthCase("an unknown operation", .review, ready: false, ["unknown_operation:sms_att:PORTING"]) {
            $0.mnoConfiguration?.smsAtt = carrier(.done, CarrierOperation(rawValue: "PORTING"))
        },
        HealthCase(
            "OPERATION_UNSPECIFIED on mmsAtt", .review, ready: true, ["unknown_operation:mms_att:OPERATION_UNSPECIFIED"]
        ) { $0.mnoConfiguration?.mmsAtt = carrier(.done, .unspecified) },
        HealthCase("an unknown provisioning type", .review, ready: false, ["unknown_operation:sms_prov:MIGRATION"]) {
            $0.smsProvisioning?.type = ProvisioningType(rawValue: "MIGRATION")
        },
        HealthCase("scheduled status \"FAILED\" (string)", .failed, ready: false, ["sched:FAILED"]) {
            $0.smsConfiguration?.scheduledProvisioning = scheduled(APICode(rawValue: "FAILED"))
        },
        HealthCase("scheduled status 3 (integer) with code 1001", .failed, ready: false, ["sched:FAILED:1001"]) {
            $0.smsConfiguration?.scheduledProvisioning = scheduled(APICode(3), codes: [APICode(1001)])
        },
        HealthCase(
            "scheduled FAILED with EXCEEDED_10DLC_LIMIT", .failed, ready: false, ["sched:FAILED:EXCEEDED_10DLC_LIMIT"]
        ) {
            $0.smsConfiguration?.scheduledProvisioning = scheduled(
                APICode(rawValue: "FAILED"), codes: [APICode(rawValue: "EXCEEDED_10DLC_LIMIT")])
        },
        HealthCase(
            "a failure code on a change still waiting", .failed, ready: false,
            ["sched:FAILED:INSUFFICIENT_BALANCE", "sched:WAITING:5h"]
        ) {
            $0.smsConfiguration?.scheduledProvisioning = scheduled(
                APICode(rawValue: "WAITING"), codes: [APICode(rawValue: "INSUFFICIENT_BALANCE")])
        },
        HealthCase("scheduled \"IN_PROGRESS\" updated 500 h ago", .stale, ready: true, ["sched:IN_PROGRESS:500h"]) {
            $0.smsConfiguration?.scheduledProvisioning = scheduled(APICode(rawValue: "IN_PROGRESS"), hoursAgo: 500)
        },
        HealthCase("scheduled 1 (WAITING) 5 h ago", .pending, ready: true, ["sched:WAITING:5h"]) {
            $0.smsConfiguration?.scheduledProvisioning = scheduled(APICode(1))
        },
        HealthCase("scheduled \"2\" without a readable time", .review, ready: true, ["sched:IN_PROGRESS:age_unknown"]) {
            $0.smsConfiguration?.scheduledProvisioning = ScheduledProvisioning(status: APICode(rawValue: "2"))
        },
        HealthCase(
            "ERROR_CODE_UNSPECIFIED", .review, ready: true, ["sched:error_code_unspecified"]
        ) {
            $0.smsConfiguration?.scheduledProvisioning = ScheduledProvisioning(
                errorCodes: [APICode(rawValue: "ERROR_CODE_UNSPECIFIED")])
        },
        HealthCase(
            "PROVISIONING_STATUS_UNSPECIFIED", .review, ready: true,
            ["unknown_status:sched:PROVISIONING_STATUS_UNSPECIFIED"]
        ) {
            $0.smsConfiguration?.scheduledProvisioning = scheduled(APICode(rawValue: "PROVISIONING_STATUS_UNSPECIFIED"))
        },
        HealthCase("an unlisted scheduled status 7", .review, ready: true, ["unknown_status:sched:7"]) {
            $0.smsConfiguration?.scheduledProvisioning = scheduled(APICode(7))
        },
        HealthCase("DONE with an error code (retried)", .review, ready: false, ["sms_tmo:DONE:error:3001"]) {
            $0.mnoConfiguration?.smsTmo = carrier(.done, errorCode: "3001")
        },
        HealthCase("FAILED with 60135 on smsTmo", .failed, ready: false, ["sms_tmo:FAILED:60135"]) {
            $0.mnoConfiguration?.smsTmo = carrier(.failed, errorCode: "60135")
        },
        HealthCase("FAILED on mmsTmo only", .failed, ready: true, ["mms_tmo:FAILED:60140"]) {
            $0.mnoConfiguration?.mmsTmo = carrier(.failed, errorCode: "60140")
        },
        HealthCase("in flight 81.5 h", .stale, ready: false, ["campaign_prov:IN_PROGRESS:81h"]) {
            $0.campaignProvisioning?.state = .inProgress
            $0.campaignProvisioning?.updateTime = Fixtures.time(hoursAgo: 81.5)
        },
        HealthCase("in flight with an unreadable time", .review, ready: false, ["sms_att:IN_PROGRESS:age_unknown"]) {
            $0.mnoConfiguration?.smsAtt = CarrierState(
                state: .inProgress, updateTime: "yesterday", operation: .provisioning)
        },
        HealthCase("plan id as a dashed upper-case UUID", .healthy, ready: true, []) {
            $0.smsConfiguration?.servicePlanId = "324E4567-E89B-12D3-A456-426614174000"
        },
        HealthCase("campaign id in lower case", .healthy, ready: true, []) {
            $0.smsConfiguration?.campaignId = "c3o84ga"
        },
        HealthCase("another campaign", .misconfigured, ready: false, ["scope_mismatch:campaignId"]) {
            $0.smsConfiguration?.campaignId = "CWRONG1"
        },
        HealthCase(
            "no smsConfiguration", .misconfigured, ready: false,
            [
                "missing_config:servicePlanId", "missing_config:campaignId",
            ]
        ) { $0.smsConfiguration = nil },
        HealthCase(
            "campaignProvisioning.serviceId not the scope's", .misconfigured, ready: false,
            ["scope_mismatch:campaignServiceId"]
        ) { $0.campaignProvisioning?.serviceId = "COTHER1" },
        HealthCase("campaign provisioning without serviceId", .review, ready: false, ["campaign_prov:no_service_id"]) {
            $0.campaignProvisioning?.serviceId = nil
        },
        HealthCase(
            "the record's projectId is another project", .misconfigured, ready: true, ["scope_mismatch:projectId"]
        ) {
            $0.projectId = "00000000-0000-0000-0000-000000000000"
        },
        HealthCase(
            "migrateToSinchTmo while smsTmo is in flight", .misconfigured, ready: false,
            ["migrate_to_sinch_tmo:sms_tmo:IN_PROGRESS", "sms_tmo:IN_PROGRESS:5h"]
        ) {
            $0.smsConfiguration?.migrateToSinchTmo = true
            $0.mnoConfiguration?.smsTmo = carrier(.inProgress, hoursAgo: 5)
        },
        HealthCase("migrateToSinchTmo with smsTmo DONE", .healthy, ready: true, []) {
            $0.smsConfiguration?.migrateToSinchTmo = true
        },
    ]
}

@Suite("provisioning health rules v2")
struct HealthRulesTests {
    let rules = HealthRules(clock: Fixtures.clock, staleAfterHours: 72)

    private func judge(_ change: (inout ImportedNumber) -> Void) -> HealthVerdict {
        var number = Fixtures.healthyNumber()
        change(&number)
        return rules.judge(number, scope: Fixtures.scope)
    }

    @Test("each case of the contract gives its level, sms_ready and reasons", arguments: HealthCase.all)
    func contract(_ item: HealthCase) {
        let verdict = judge(item.change)
        #expect(verdict.level == item.level)
        #expect(verdict.smsReady == item.smsReady)
        #expect(verdict.reasons.map(\.code) == item.reasons)
        // HEALTHY is never given without proof that the number can send.
        if verdict.level == .healthy { #expect(verdict.smsReady) }
    }

    @Test(
        "ids written with other case or with a UUID's dashes are the scope's own; another id is not",
        arguments: [
            ("324E4567E89B12D3A456426614174000", "c3o84ga", true),
            ("324e4567-e89b-12d3-a456-426614174000", "C3O84GA", true),
            ("324E4567-E89B-12D3-A456-426614174000", "C3O84GA", true),
            ("324e4567e89b12d3a456426614174001", "C3O84GA", false),
            ("324e4567e89b12d3a456426614174000", "C3O84GB", false),
        ])
    func idForms(plan: String, campaign: String, matches: Bool) {
        let verdict = judge {
            $0.smsConfiguration?.servicePlanId = plan
            $0.smsConfiguration?.campaignId = campaign
        }
        #expect(verdict.level == (matches ? .healthy : .misconfigured), "\(verdict.reasons.map(\.code))")
        #expect(verdict.reasons.contains { $0.code.hasPrefix("scope_mismatch:") } == !matches)
    }

    @Test(
        "in flight: exactly staleAfterHours old is PENDING, a second more is STALE",
        arguments: [
            (71.0, HealthLevel.pending, "71h"), (72.0, .pending, "72h"), (72.0 + 1.0 / 3600, .stale, "72h"),
            (81.5, .stale, "81h"), (0, .pending, "0h"),
        ])
    func staleBoundary(hoursAgo: Double, level: HealthLevel, detail: String) {
        for state in [ProvisioningState.inProgress, .waiting] {
            let verdict = judge {
                $0.campaignProvisioning?.state = state
                $0.campaignProvisioning?.updateTime = Fixtures.time(hoursAgo: hoursAgo)
            }
            #expect(verdict.level == level)
            #expect(verdict.reasons.map(\.code) == ["campaign_prov:\(state.rawValue):\(detail)"])
        }
    }

    @Test("the threshold comes from the config")
    func configuredThreshold() {
        let strict = HealthRules(clock: Fixtures.clock, staleAfterHours: 2)
        var number = Fixtures.healthyNumber()
        number.mnoConfiguration?.mmsAtt = Fixtures.carrier(.waiting, hoursAgo: 3)
        #expect(strict.judge(number, scope: Fixtures.scope).level == .stale)
        #expect(rules.judge(number, scope: Fixtures.scope).level == .pending)
    }

    @Test("reasons list every finding, worst first, operation order within a level")
    func ordering() {
        let verdict = judge {
            $0.mnoConfiguration?.smsAtt = Fixtures.carrier(.inProgress, hoursAgo: 5)  // PENDING
            $0.mnoConfiguration?.smsTmo = Fixtures.carrier(.waiting, hoursAgo: 100)  // STALE
            $0.mnoConfiguration?.mmsAtt = Fixtures.carrier(ProvisioningState(rawValue: "NEW_VALUE"))  // REVIEW
            $0.mnoConfiguration?.mmsTmo = Fixtures.carrier(.failed, errorCode: "7")  // FAILED
            $0.campaignProvisioning?.state = .failed  // FAILED, later operation
            $0.smsConfiguration?.campaignId = "X"  // MISCONFIGURED
        }
        #expect(verdict.level == .failed)
        #expect(
            verdict.reasons.map(\.code) == [
                "mms_tmo:FAILED:7", "campaign_prov:FAILED", "sms_tmo:WAITING:100h", "scope_mismatch:campaignId",
                "unknown_state:mms_att:NEW_VALUE", "sms_att:IN_PROGRESS:5h",
            ])
        #expect(verdict.pendingSince == Fixtures.time(hoursAgo: 100))
    }

    @Test("pending_since is the oldest update among operations in flight, the scheduled change included")
    func pendingSince() {
        let verdict = judge {
            $0.mnoConfiguration?.smsAtt = Fixtures.carrier(.inProgress, hoursAgo: 5)
            $0.smsProvisioning?.state = .waiting
            $0.smsProvisioning?.updateTime = "2026-11-28T20:00:00.5Z"  // 6 h ago
            $0.mnoConfiguration?.mmsTmo = Fixtures.carrier(.done, hoursAgo: 500)  // not in flight
        }
        #expect(verdict.level == .pending)
        #expect(verdict.pendingSince == "2026-11-28T20:00:00.5Z")
        let scheduled = judge {
            $0.smsConfiguration?.scheduledProvisioning = ScheduledProvisioning(
                status: APICode(rawValue: "WAITING"), lastUpdatedTime: "2026-11-27T02:00:00Z")
        }
        #expect(scheduled.pendingSince == "2026-11-27T02:00:00Z")
    }

    @Test("levels order and names", arguments: HealthLevel.allCases)
    func levelNames(level: HealthLevel) {
        #expect(HealthLevel(name: level.name) == level)
        #expect(HealthLevel(name: level.name.lowercased()) == level)
        #expect(
            HealthLevel.worstFirst.map(\.name) == ["FAILED", "STALE", "MISCONFIGURED", "REVIEW", "PENDING", "HEALTHY"])
    }
}
