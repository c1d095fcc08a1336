import Foundation
import ReportWriters
import SinchImportedNumbers
import Yams

extension ReportConfiguration {
    /// Reads a config file (YAML; JSON is YAML too). Relative paths in it are resolved against the
    /// file's directory.
    public static func load(path: String) throws -> ReportConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(
                file: path, path: "", problem: "cannot read the file (\(error.localizedDescription))")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(yaml: text, file: path, relativeTo: directory)
    }

    /// Reads a config from YAML text; `file` names it in errors.
    public static func parse(yaml: String, file: String, relativeTo directory: String) throws -> ReportConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConfigurationError(file: file, path: "", problem: "not valid YAML: \(error)")
        }
        guard let root else { throw ConfigurationError(file: file, path: "", problem: "the file is empty") }
        let reader = ConfigurationReader(file: file)
        let top = try reader.mapping(root, "", allowed: ["api", "scopes", "health", "output", "email"])
        var configuration = ReportConfiguration(scopes: [])
        if let api = top["api"] { configuration.api = try readAPI(api, reader) }
        guard let scopes = top["scopes"] else { throw reader.error(root, "scopes", "missing") }
        configuration.scopes = try readScopes(scopes, reader)
        if let health = top["health"] {
            let entries = try reader.mapping(health, "health", allowed: ["staleAfterHours"])
            if let node = entries["staleAfterHours"] {
                configuration.health.staleAfterHours = try reader.number(
                    node, "health.staleAfterHours", minimumExclusive: 0, maximum: 87_600)
            }
        }
        if let output = top["output"] { configuration.output = try readOutput(output, reader) }
        if let email = top["email"] { configuration.email = try readEmail(email, reader) }
        configuration.output.directory = resolve(configuration.output.directory, against: directory)
        configuration.output.xhtmlTemplate = configuration.output.xhtmlTemplate.map { resolve($0, against: directory) }
        return configuration
    }

    private static func resolve(_ path: String, against directory: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).standardized.path
    }

    private static func readAPI(_ node: Node, _ reader: ConfigurationReader) throws -> APISettings {
        let entries = try reader.mapping(
            node, "api",
            allowed: [
                "baseURL", "tokenURL", "auth", "pageSize", "requestTimeoutSeconds", "maxAttempts", "concurrency",
                "maxPagesPerScope", "runDeadlineMinutes",
            ] + keyNames)
        var api = APISettings()
        if let value = entries["baseURL"] { api.baseURL = try url(value, "api.baseURL", reader) }
        if let value = entries["tokenURL"] { api.tokenURL = try url(value, "api.tokenURL", reader) }
        if let value = entries["auth"] {
            api.auth = AuthenticationMode(rawValue: try reader.choice(value, "api.auth", ["oauth2", "basic"]))!
        }
        let key = try readKeyNames(entries, "api", node, reader, pairedEnvironment: false)
        api.keyIdEnv = key.keyIdEnv ?? api.keyIdEnv
        api.keySecretEnv = key.keySecretEnv ?? api.keySecretEnv
        api.keyIdFile = key.keyIdFile
        api.keySecretFile = key.keySecretFile
        if let value = entries["pageSize"] {
            api.pageSize = try reader.integer(value, "api.pageSize", range: 1...10_000)
        }
        if let value = entries["requestTimeoutSeconds"] {
            api.requestTimeoutSeconds = try reader.number(
                value, "api.requestTimeoutSeconds", minimumExclusive: 0, maximum: 3_600)
        }
        if let value = entries["maxAttempts"] {
            api.maxAttempts = try reader.integer(value, "api.maxAttempts", range: 1...20)
        }
        if let value = entries["maxPagesPerScope"] {
            api.maxPagesPerScope = try reader.integer(value, "api.maxPagesPerScope", range: 1...10_000_000)
        }
        if let value = entries["runDeadlineMinutes"] {
            api.runDeadlineMinutes = try reader.number(
                value, "api.runDeadlineMinutes", minimumExclusive: 0, maximum: 10_080)
        }
        if let value = entries["concurrency"] {
            api.concurrency = try reader.integer(value, "api.concurrency", range: 1...64)
        }
        return api
    }

    private static func url(_ node: Node, _ path: String, _ reader: ConfigurationReader) throws -> String {
        var text = try reader.identifier(node, path)
        while text.hasSuffix("/") { text.removeLast() }
        do {
            try ImportedNumbersClient.Configuration.checkURL(text, key: path)
        } catch {
            throw reader.error(node, path, error.problem)
        }
        return text
    }

    private static func readScopes(_ node: Node, _ reader: ConfigurationReader) throws -> [ScopeSettings] {
        let items = try reader.sequence(node, "scopes")
        guard !items.isEmpty else { throw reader.error(node, "scopes", "the list is empty; give at least one scope") }
        var scopes: [ScopeSettings] = []
        for (index, item) in items.enumerated() {
            let path = "scopes[\(index)]"
            let entries = try reader.mapping(
                item, path,
                allowed: [
                    "projectId", "servicePlanId", "campaignId", "label", "regionCode", "numberPattern", "orderBy",
                ] + keyNames)
            func required(_ key: String) throws -> String {
                guard let value = entries[key] else { throw reader.error(item, "\(path).\(key)", "missing") }
                return try reader.identifier(value, "\(path).\(key)")
            }
            var scope = ScopeSettings(
                projectId: try required("projectId"), servicePlanId: try required("servicePlanId"),
                campaignId: try required("campaignId"))
            if let value = entries["label"] { scope.label = try reader.string(value, "\(path).label") }
            if let value = entries["regionCode"] {
                scope.regionCode = try reader.choice(value, "\(path).regionCode", ["US", "CA"])
            }
            if let value = entries["orderBy"] {
                scope.orderBy = .init(
                    rawValue: try reader.choice(value, "\(path).orderBy", ["createdTime", "updatedTime"]))
            }
            if let value = entries["numberPattern"] {
                scope.numberPattern = try readPattern(value, "\(path).numberPattern", reader)
            }
            // The same query twice is a mistake, whichever key each names.
            if let earlier = scopes.firstIndex(where: { $0.sameQuery(as: scope) }) {
                throw reader.error(item, path, "the same scope and filters as scopes[\(earlier)]")
            }
            scope.key = try readScopeKey(entries, path, item, reader)
            scopes.append(scope)
        }
        return scopes
    }

    private static func readPattern(
        _ node: Node, _ path: String, _ reader: ConfigurationReader
    ) throws
        -> ImportedNumbersQuery.NumberPattern
    {
        let entries = try reader.mapping(node, path, allowed: ["pattern", "searchPattern"])
        guard let patternNode = entries["pattern"] else { throw reader.error(node, "\(path).pattern", "missing") }
        let pattern = try reader.identifier(patternNode, "\(path).pattern")
        let digits = pattern.hasPrefix("+") ? pattern.dropFirst() : pattern[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw reader.error(patternNode, "\(path).pattern", "expected digits, optionally after a leading +")
        }
        var numberPattern = ImportedNumbersQuery.NumberPattern(pattern: pattern)
        if let value = entries["searchPattern"] {
            numberPattern.searchPattern = .init(
                rawValue: try reader.choice(value, "\(path).searchPattern", ["START", "CONTAIN", "END"]))
        }
        return numberPattern
    }

    private static func readEmail(_ node: Node, _ reader: ConfigurationReader) throws -> EmailSettings {
        let entries = try reader.mapping(
            node, "email",
            allowed: [
                "from", "to", "cc", "subject", "sendCommand", "sendTimeoutSeconds", "gzipAttachmentAboveBytes",
                "maxAttachmentBytes",
            ])
        var email = EmailSettings()
        if let value = entries["from"] { email.from = try address(value, "email.from", reader) }
        for key in ["to", "cc"] {
            guard let value = entries[key] else { continue }
            let items = (try? reader.sequence(value, "email.\(key)")) ?? [value]
            let addresses = try items.enumerated().map { index, item in
                try address(item, items.count == 1 && value == item ? "email.\(key)" : "email.\(key)[\(index)]", reader)
            }
            if key == "to" { email.to = addresses } else { email.cc = addresses }
        }
        if let value = entries["subject"] {
            let subject = try reader.string(value, "email.subject")
            guard !subject.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
                throw reader.error(value, "email.subject", "must be one line")
            }
            email.subject = subject
        }
        if let value = entries["sendCommand"] {
            // A list (the program and its arguments, each as it is: `[/usr/sbin/sendmail, -t]`), or a string split
            // at spaces (`/usr/sbin/sendmail -t`).
            let words: [String]
            if case .sequence = value {
                words = try reader.sequence(value, "email.sendCommand").enumerated().map { index, item in
                    try reader.identifier(item, "email.sendCommand[\(index)]")
                }
            } else {
                words = try reader.identifier(value, "email.sendCommand").split(separator: " ").map(String.init)
            }
            guard let program = words.first, program.hasPrefix("/") else {
                throw reader.error(
                    value, "email.sendCommand", "give the program's absolute path, e.g. [/usr/sbin/sendmail, -t]")
            }
            email.sendCommand = words
        }
        if let value = entries["sendTimeoutSeconds"] {
            email.sendTimeoutSeconds = try reader.number(
                value, "email.sendTimeoutSeconds", minimumExclusive: 0, maximum: 3_600)
        }
        if let value = entries["gzipAttachmentAboveBytes"] {
            email.gzipAttachmentAboveBytes = try reader.integer(
                value, "email.gzipAttachmentAboveBytes", range: 0...Int(Int32.max))
        }
        if let value = entries["maxAttachmentBytes"] {
            email.maxAttachmentBytes = try reader.integer(value, "email.maxAttachmentBytes", range: 0...Int(Int32.max))
        }
        return email
    }

    /// An address as `addr@host` or `Display Name <addr@host>`: printable ASCII, one line.
    private static func address(_ node: Node, _ path: String, _ reader: ConfigurationReader) throws -> String {
        let text = try reader.identifier(node, path)
        let printable = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        let mailbox = text.hasSuffix(">") ? String(text.drop { $0 != "<" }.dropFirst().dropLast()) : text
        let parts = mailbox.split(separator: "@", omittingEmptySubsequences: false)
        guard printable, parts.count == 2, !parts[0].isEmpty, parts[1].contains(where: { $0 != "." }),
            !mailbox.contains(" "), !mailbox.contains(","), !mailbox.contains("<")
        else {
            throw reader.error(node, path, "\"\(text)\" is not an email address (ASCII, like Name <user@example.com>)")
        }
        return text
    }

    private static func readOutput(_ node: Node, _ reader: ConfigurationReader) throws -> OutputSettings {
        let entries = try reader.mapping(
            node, "output",
            allowed: [
                "directory", "keep", "csv", "gzipLevel", "rawGzipLevel", "xhtml", "xlsx", "sourceOrganization",
                "fileMode", "directoryMode",
            ])
        var output = OutputSettings()
        if let value = entries["directory"] { output.directory = try reader.identifier(value, "output.directory") }
        if let value = entries["sourceOrganization"] {
            output.sourceOrganization = try reader.identifier(value, "output.sourceOrganization")
        }
        if let value = entries["keep"] { output.keep = try reader.integer(value, "output.keep", range: 0...100_000) }
        if let value = entries["gzipLevel"] {
            output.gzipLevel = try reader.integer(value, "output.gzipLevel", range: 0...9)
        }
        if let value = entries["rawGzipLevel"] {
            output.rawGzipLevel = try reader.integer(value, "output.rawGzipLevel", range: 0...9)
        }
        if let value = entries["fileMode"] {
            output.fileMode = try reader.mode(value, "output.fileMode", owner: 0o600, example: "\"0640\"")
        }
        if let value = entries["directoryMode"] {
            output.directoryMode = try reader.mode(value, "output.directoryMode", owner: 0o700, example: "\"0750\"")
        }
        if let csv = entries["csv"] {
            let csvEntries = try reader.mapping(csv, "output.csv", allowed: ["bom", "excelSafe"])
            if let value = csvEntries["bom"] { output.csvByteOrderMark = try reader.boolean(value, "output.csv.bom") }
            if let value = csvEntries["excelSafe"] {
                output.csvExcelSafe = try reader.boolean(value, "output.csv.excelSafe")
            }
        }
        if let xlsx = entries["xlsx"] {
            let xlsxEntries = try reader.mapping(xlsx, "output.xlsx", allowed: ["cellReferences"])
            if let value = xlsxEntries["cellReferences"] {
                output.xlsxCellReferences = CellReferences(
                    rawValue: try reader.choice(
                        value, "output.xlsx.cellReferences", CellReferences.allCases.map(\.rawValue)))
            }
        }
        if let xhtml = entries["xhtml"] {
            let xhtmlEntries = try reader.mapping(xhtml, "output.xhtml", allowed: ["template", "maxProblemRows"])
            if let value = xhtmlEntries["template"] {
                output.xhtmlTemplate = try reader.identifier(value, "output.xhtml.template")
            }
            if let value = xhtmlEntries["maxProblemRows"] {
                output.xhtmlMaxProblemRows = try reader.integer(
                    value, "output.xhtml.maxProblemRows", range: 0...1_000_000)
            }
        }
        return output
    }
}
