/// Changes to single numbers (``FakeNumberChange``), applied over a record's generated plan: by hand through
/// ``FakeSinchAPIConfiguration/changes``, or night after night by ``FakeNightPlan``.
extension FakeDataSet {
    /// Applies `change` to `record` of `scope`; times are offsets before the reference time.
    func apply(
        _ change: FakeNumberChange, scope: FakeScope, to record: inout FakeRecordPlan, clock: inout TimeSource
    ) {
        switch change {
        case .smsTmoFailed(let errorCode):
            var mno = record.mnoConfiguration ?? FakeMnoPlan()
            mno.smsTmo = FakeCarrierEntryPlan(
                state: "FAILED", errorCode: errorCode, errorMessage: "Injected failure \(errorCode)",
                updateMicros: clock.fresh(), operation: "PROVISIONING")
            record.mnoConfiguration = mno
        case .recovered:
            var mno = FakeMnoPlan()
            for carrier in 0..<4 { mno[carrier] = .done(at: clock.recent()) }
            record.mnoConfiguration = mno
            record.smsConfiguration = FakeSmsConfigurationPlan(
                servicePlanId: scope.servicePlanId, campaignId: scope.campaignId, migrateToSinchTmo: false,
                scheduledProvisioning: nil)
            record.smsProvisioning = FakeProvisioningPlan(
                serviceType: "SMS", serviceId: scope.servicePlanId, type: "PROVISIONING", state: "DONE",
                updateMicros: clock.recent(), errorMessage: "", errorCode: "")
            record.campaignProvisioning = FakeProvisioningPlan(
                serviceType: "CAMPAIGN", serviceId: scope.campaignId, type: "PROVISIONING", state: "DONE",
                updateMicros: clock.recent(), errorMessage: "", errorCode: "")
        case .smsTmoRejected(let errorCode, let errorMessage, let hoursAgo):
            var mno = record.mnoConfiguration ?? FakeMnoPlan()
            mno.smsTmo = FakeCarrierEntryPlan(
                state: "FAILED", errorCode: errorCode, errorMessage: errorMessage,
                updateMicros: micros(hoursAgo: hoursAgo),
                operation: "PROVISIONING")
            record.mnoConfiguration = mno
        case .scheduledFailed(let errorCode, let hoursAgo):
            var sms =
                record.smsConfiguration
                ?? FakeSmsConfigurationPlan(
                    servicePlanId: scope.servicePlanId, campaignId: scope.campaignId, migrateToSinchTmo: false,
                    scheduledProvisioning: nil)
            sms.scheduledProvisioning = FakeScheduledPlan(
                servicePlanId: scope.servicePlanId, campaignId: scope.campaignId, status: .string("FAILED"),
                lastUpdatedMicros: micros(hoursAgo: hoursAgo),
                errorCodes: .strings([errorCode]))
            record.smsConfiguration = sms
        case .stalled(let hoursAgo):
            var mno = record.mnoConfiguration ?? FakeMnoPlan()
            mno.smsTmo = FakeCarrierEntryPlan(
                state: "IN_PROGRESS", errorCode: "", errorMessage: "",
                updateMicros: micros(hoursAgo: hoursAgo),
                operation: "PROVISIONING")
            record.mnoConfiguration = mno
        }
    }

    /// The time `hours` whole hours before the reference time.
    private func micros(hoursAgo hours: Int) -> Int64 {
        referenceMicros - Int64(hours) * FakeTimestamp.microsPerHour
    }
}
