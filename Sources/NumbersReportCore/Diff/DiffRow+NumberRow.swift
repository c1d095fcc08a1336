extension DiffRow {
    /// What `diff` would read back from `row`'s line of `numbers.ndjson.gz`: the same identity, health
    /// and error codes (channel codes in column order, then the scheduled codes, integers as digits).
    init(_ row: NumberRow) {
        var codes: [String] = []
        for operation in row.operations {
            if let code = operation.errorCode, !code.isEmpty { codes.append("\(operation.name):\(code)") }
        }
        for code in row.number.smsConfiguration?.scheduledProvisioning?.errorCodes ?? [] {
            codes.append("sched:" + (code.integerValue.map(String.init) ?? code.rawValue))
        }
        self.init(
            projectId: row.scope.projectId, servicePlanId: row.scope.servicePlanId, campaignId: row.scope.campaignId,
            phoneNumber: row.number.phoneNumber, health: row.verdict.level, errorCodes: codes)
    }
}
