import Foundation
import NumbersReportCore
import SinchImportedNumbers

/// Records and scopes shared by the tests.
enum Fixtures {
    static let clock = APITimestamp.parse("2026-11-29T02:00:00Z")!
    static let scope = ScopeSettings(
        projectId: "d1923022-5199-4bb3-a513-c47b3a656bc5", servicePlanId: "324e4567e89b12d3a456426614174000",
        campaignId: "C3O84GA", label: "Retail alerts")

    /// `hours` before the clock, in the API's format with microseconds.
    static func time(hoursAgo hours: Double) -> String {
        let date = clock.addingTimeInterval(-hours * 3600)
        let base = APITimestamp.format(date).dropLast()  // "…:ssZ" without Z
        return base + ".000000Z"
    }

    static func carrier(_ state: ProvisioningState, hoursAgo: Double = 10, errorCode: String = "") -> CarrierState {
        CarrierState(
            state: state, errorCode: errorCode, errorMessage: errorCode.isEmpty ? "" : "error \(errorCode)",
            updateTime: time(hoursAgo: hoursAgo), operation: .provisioning)
    }

    /// A number with every object present, all DONE, on the fixture scope.
    static func healthyNumber() -> ImportedNumber {
        ImportedNumber(
            phoneNumber: "+12065550100", projectId: scope.projectId, regionCode: "US", displayName: "Store 1",
            callbackUrl: "https://hooks.example.com/1",
            smsConfiguration: SmsConfiguration(
                servicePlanId: scope.servicePlanId, campaignId: scope.campaignId, migrateToSinchTmo: false),
            mnoConfiguration: MnoConfiguration(
                smsAtt: carrier(.done), smsTmo: carrier(.done), mmsAtt: carrier(.done), mmsTmo: carrier(.done)),
            smsProvisioning: ServiceProvisioning(
                serviceType: .sms, serviceId: scope.servicePlanId, type: .provisioning, state: .done,
                updateTime: time(hoursAgo: 30), errorMessage: "", errorCode: ""),
            campaignProvisioning: ServiceProvisioning(
                serviceType: .campaign, serviceId: scope.campaignId, type: .provisioning, state: .done,
                updateTime: time(hoursAgo: 30), errorMessage: "", errorCode: ""))
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("numbers-report-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
