@testable import NumbersReportCore

/// The tests' reference for what the comparison keeps of a row made tonight (``DiffRowFields`` of ``NumberRow``).
extension DiffRow {
    /// What `diff` would read back from `row`'s line of `numbers.ndjson.gz`: the same identity, health
    /// and error codes (channel codes in column order, then the scheduled codes, integers as digits).
    /// `format`: a v1 row has no `sms_ready` to read back.
    init(_ row: NumberRow, format: RowFormat) {
        var codes: [String] = []
        for operation in row.operations {
            if let code = operation.errorCode, !code.isEmpty {
                codes.append(DiffCodePrefix.channelTexts[operation.channel.index] + code)
            }
        }
        for code in row.number.smsConfiguration?.scheduledProvisioning?.errorCodes ?? [] {
            codes.append(DiffCodePrefix.scheduledText + (code.integerValue.map(String.init) ?? code.rawValue))
        }
        self.init(
            projectId: row.scope.projectId, servicePlanId: row.scope.servicePlanId, campaignId: row.scope.campaignId,
            phoneNumber: row.number.phoneNumber, health: row.verdict.level, errorCodes: codes,
            smsReady: format == .v1 ? nil : row.verdict.smsReady)
    }
}
