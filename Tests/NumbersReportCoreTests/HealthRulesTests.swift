import NumbersReportCore
import SinchImportedNumbers
import Testing

@Suite("provisioning health rules")
struct HealthRulesTests {
    let rules = HealthRules(clock: Fixtures.clock, staleAfterHours: 72)

    private func judge(_ change: (inout ImportedNumber) -> Void) -> HealthVerdict {
        var number = Fixtures.healthyNumber()
        change(&number)
        return rules.judge(number, scope: Fixtures.scope)
    }

    @Test("all DONE on the scope's plan and campaign is HEALTHY with no reasons")
    func healthy() {
        let verdict = judge { _ in }
        #expect(verdict.level == .healthy)
        #expect(verdict.reasons.isEmpty)
        #expect(verdict.pendingSince == nil)
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

    @Test("a FAILED state is FAILED, with its error code")
    func failedState() {
        let verdict = judge { $0.mnoConfiguration?.smsTmo = Fixtures.carrier(.failed, errorCode: "60135") }
        #expect(verdict.level == .failed)
        #expect(verdict.reasons.map(\.code) == ["sms_tmo:FAILED:60135"])
    }

    @Test("a non-empty errorCode is FAILED even when the state is DONE; an empty one is not")
    func errorCodeAlone() {
        #expect(judge { $0.smsProvisioning?.errorCode = "4001" }.reasons.map(\.code) == ["sms_prov:DONE:4001"])
        #expect(judge { $0.smsProvisioning?.errorCode = "4001" }.level == .failed)
        #expect(judge { $0.smsProvisioning?.errorCode = "" }.level == .healthy)
    }

    @Test("scheduledProvisioning counts only through its errorCodes")
    func scheduled() {
        let failing = judge {
            $0.smsConfiguration?.scheduledProvisioning = ScheduledProvisioning(
                status: APICode(3), errorCodes: [APICode(1001), APICode(rawValue: "1002")])
        }
        #expect(failing.level == .failed)
        #expect(failing.reasons.map(\.code) == ["sched:error:1001", "sched:error:1002"])
        let quiet = judge {
            $0.smsConfiguration?.scheduledProvisioning = ScheduledProvisioning(status: APICode(2), errorCodes: [])
        }
        #expect(quiet.level == .healthy)
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
                $0.campaignProvisioning?.state = state;
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

    @Test("MISCONFIGURED: plan or campaign missing, empty or not the scope's")
    func misconfigured() {
        #expect(
            judge { $0.smsConfiguration?.campaignId = "OTHER" }.reasons.map(\.code) == ["scope_mismatch:campaignId"])
        #expect(
            judge { $0.smsConfiguration?.servicePlanId = "other" }.reasons.map(\.code) == [
                "scope_mismatch:servicePlanId"
            ])
        #expect(judge { $0.smsConfiguration?.campaignId = "" }.reasons.map(\.code) == ["missing_config:campaignId"])
        #expect(judge { $0.smsConfiguration?.campaignId = nil }.level == .misconfigured)
        #expect(
            judge { $0.smsConfiguration = nil }.reasons.map(\.code)
                == ["missing_config:servicePlanId", "missing_config:campaignId"])
    }

    @Test("migrateToSinchTmo is MISCONFIGURED while smsTmo is not DONE")
    func migrate() {
        let waiting = judge {
            $0.smsConfiguration?.migrateToSinchTmo = true
            $0.mnoConfiguration?.smsTmo = Fixtures.carrier(.failed, errorCode: "60135")
        }
        #expect(waiting.level == .failed)
        #expect(waiting.reasons.map(\.code) == ["sms_tmo:FAILED:60135", "migrate_to_sinch_tmo:sms_tmo:FAILED"])
        #expect(judge { $0.smsConfiguration?.migrateToSinchTmo = true }.level == .healthy)
        #expect(
            judge {
                $0.smsConfiguration?.migrateToSinchTmo = true; $0.mnoConfiguration?.smsTmo = nil
            }.reasons.map(\.code)
                == ["migrate_to_sinch_tmo:sms_tmo:absent"])
    }

    @Test("reasons list every finding, worst first, notes last, operation order within a level")
    func ordering() {
        let verdict = judge {
            $0.mnoConfiguration?.smsAtt = Fixtures.carrier(.inProgress, hoursAgo: 5)  // PENDING
            $0.mnoConfiguration?.smsTmo = Fixtures.carrier(.waiting, hoursAgo: 100)  // STALE
            $0.mnoConfiguration?.mmsAtt = Fixtures.carrier(ProvisioningState(rawValue: "NEW_VALUE"))  // note
            $0.mnoConfiguration?.mmsTmo = Fixtures.carrier(.failed, errorCode: "7")  // FAILED
            $0.campaignProvisioning?.state = .failed  // FAILED, later operation
            $0.smsConfiguration?.campaignId = "X"  // MISCONFIGURED
        }
        #expect(verdict.level == .failed)
        #expect(
            verdict.reasons.map(\.code) == [
                "mms_tmo:FAILED:7", "campaign_prov:FAILED", "sms_tmo:WAITING:100h", "scope_mismatch:campaignId",
                "sms_att:IN_PROGRESS:5h", "unknown_state:mms_att:NEW_VALUE",
            ])
        #expect(verdict.pendingSince == Fixtures.time(hoursAgo: 100))
    }

    @Test("an unknown state is kept and noted without changing the level")
    func unknownState() {
        let verdict = judge { $0.mnoConfiguration?.smsTmo?.state = ProvisioningState(rawValue: "SUSPENDED_BY_CARRIER") }
        #expect(verdict.level == .healthy)
        #expect(verdict.reasons == [HealthReason(level: nil, code: "unknown_state:sms_tmo:SUSPENDED_BY_CARRIER")])
    }

    @Test("pending_since is the oldest update among operations in flight, as received")
    func pendingSince() {
        let verdict = judge {
            $0.mnoConfiguration?.smsAtt = Fixtures.carrier(.inProgress, hoursAgo: 5)
            $0.smsProvisioning?.state = .waiting
            $0.smsProvisioning?.updateTime = "2026-11-28T20:00:00.5Z"  // 6 h ago
            $0.mnoConfiguration?.mmsTmo = Fixtures.carrier(.done, hoursAgo: 500)  // not in flight
        }
        #expect(verdict.level == .pending)
        #expect(verdict.pendingSince == "2026-11-28T20:00:00.5Z")
    }

    @Test("an in-flight operation without a readable update time is PENDING, not a crash")
    func unreadableTime() {
        let verdict = judge { $0.mnoConfiguration?.smsAtt = CarrierState(state: .inProgress, updateTime: "yesterday") }
        #expect(verdict.level == .pending)
        #expect(verdict.reasons.map(\.code) == ["sms_att:IN_PROGRESS:age_unknown"])
    }

    @Test("levels order and names", arguments: HealthLevel.allCases)
    func levelNames(level: HealthLevel) {
        #expect(HealthLevel(name: level.name) == level)
        #expect(HealthLevel(name: level.name.lowercased()) == level)
        #expect(HealthLevel.worstFirst.first == .failed)
    }
}
