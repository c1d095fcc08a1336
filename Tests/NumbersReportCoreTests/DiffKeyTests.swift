import Testing

@testable import NumbersReportCore

@Suite("the comparison's keys and scope names")
struct DiffKeyTests {
    @Test(
        "a row's identity and state hash as the texts they stand for, joined",
        arguments: [
            DiffRow(
                projectId: "p-1", servicePlanId: "plan", campaignId: "CAMP", phoneNumber: "+14155550100",
                health: .failed, errorCodes: ["sms_att:6013", "sched:5"], smsReady: false),
            DiffRow(
                projectId: nil, servicePlanId: nil, campaignId: nil, phoneNumber: nil, health: nil, errorCodes: [],
                smsReady: nil),
            DiffRow(
                projectId: "projé", servicePlanId: "", campaignId: "C\u{1F}D", phoneNumber: "+4930 ☎",
                health: .healthy, errorCodes: ["only"], smsReady: true),
        ])
    func hashes(_ row: DiffRow) {
        #expect(row.identityHash == FNV1a.hash(row.identity))
        #expect(
            row.stateFingerprint
                == FNV1a.hash((row.health?.name ?? "") + "\u{1F}" + row.errorCodes.joined(separator: ",")))
        #expect(row.phoneHash == FNV1a.hash(row.phoneNumber ?? ""))
    }

    @Test("a change's scope is named by its config, whether its ids are written as configured or not")
    func scopeNames() {
        let labels = ScopeLabels([
            ScopeSettings(projectId: "P-1", servicePlanId: "plan-a", campaignId: "CAMP", label: "First"),
            // The same campaign once more, written otherwise: the first scope keeps its name.
            ScopeSettings(projectId: "p1", servicePlanId: "PLAN-A", campaignId: "camp", label: "Second"),
            ScopeSettings(projectId: "P-1", servicePlanId: "plan-b", campaignId: "CB"),
        ])
        func change(_ project: String, _ plan: String, _ campaign: String) -> SnapshotChange {
            SnapshotChange(
                kind: .added, projectId: project, servicePlanId: plan, campaignId: campaign, phoneNumber: "+1",
                oldHealth: nil, newHealth: .healthy, oldErrorCodes: [], newErrorCodes: [])
        }
        #expect(labels.label(of: change("P-1", "plan-a", "CAMP")) == "First")
        #expect(labels.label(of: change("p1", "PLAN-A", "camp")) == "First")
        #expect(labels.label(of: change("p-1", "planA", "Camp")) == "First")
        #expect(labels.label(of: change("P-1", "plan-b", "CB")) == "plan-b / CB")
        #expect(labels.label(of: change("P-1", "plan-c", "CC")) == "plan-c / CC")
    }
}
