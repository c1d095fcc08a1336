import ReportWriters
import SinchImportedNumbers

extension NumberRow {
    /// The row's values in ``columnNames`` order: absent fields as ``Cell/absent``, lists as lists.
    public var cells: [Cell] {
        let sms = number.smsConfiguration
        let scheduled = sms?.scheduledProvisioning
        let carriers = number.mnoConfiguration
        var cells: [Cell] = [
            .text(snapshotTime), .text(scope.projectId), .text(scope.servicePlanId), .text(scope.campaignId),
            .optionalText(scope.label),
            .optionalText(number.phoneNumber), .optionalText(number.regionCode), .optionalText(number.displayName),
            .optionalText(number.callbackUrl),
            .optionalText(sms?.servicePlanId), .optionalText(sms?.campaignId), .optionalBoolean(sms?.migrateToSinchTmo),
            .optionalText(scheduled?.servicePlanId), .optionalText(scheduled?.campaignId),
            scheduled?.status.map(Self.codeCell) ?? .absent, .optionalText(scheduled?.lastUpdatedTime),
            scheduled?.errorCodes.map { .list($0.map(Self.codeCell)) } ?? .absent,
        ]
        cells.reserveCapacity(Self.columnNames.count)
        for carrier in [carriers?.smsAtt, carriers?.smsTmo, carriers?.mmsAtt, carriers?.mmsTmo] {
            cells.append(.optionalText(carrier?.state?.rawValue))
            cells.append(.optionalText(carrier?.operation?.rawValue))
            cells.append(.optionalText(carrier?.errorCode))
            cells.append(.optionalText(carrier?.errorMessage))
            cells.append(.optionalText(carrier?.updateTime))
        }
        for provisioning in [number.smsProvisioning, number.campaignProvisioning] {
            cells.append(.optionalText(provisioning?.serviceType?.rawValue))
            cells.append(.optionalText(provisioning?.serviceId))
            cells.append(.optionalText(provisioning?.type?.rawValue))
            cells.append(.optionalText(provisioning?.state?.rawValue))
            cells.append(.optionalText(provisioning?.updateTime))
            cells.append(.optionalText(provisioning?.errorCode))
            cells.append(.optionalText(provisioning?.errorMessage))
        }
        cells.append(.text(verdict.level.name))
        cells.append(.list(verdict.reasons.map { .text($0.code) }))
        cells.append(.optionalText(verdict.pendingSince))
        return cells
    }

    /// An undocumented integer code: a JSON integer when it is one, else the text received.
    private static func codeCell(_ code: APICode) -> Cell {
        code.integerValue.map(Cell.integer) ?? .text(code.rawValue)
    }
}
