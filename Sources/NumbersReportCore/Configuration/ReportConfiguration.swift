import ReportWriters
import SinchImportedNumbers

/// The whole configuration of a nightly run, as read from YAML (see README's configuration reference).
public struct ReportConfiguration: Sendable, Hashable, Codable {
    public var api: APISettings
    /// The scopes to list, in the order their rows are written.
    public var scopes: [ScopeSettings]
    public var health: HealthSettings
    public var output: OutputSettings
    public var email: EmailSettings

    public init(
        api: APISettings = APISettings(), scopes: [ScopeSettings], health: HealthSettings = HealthSettings(),
        output: OutputSettings = OutputSettings(), email: EmailSettings = EmailSettings()
    ) {
        self.api = api
        self.scopes = scopes
        self.health = health
        self.output = output
        self.email = email
    }
}

/// `api:` — where the API is and how to talk to it.
public struct APISettings: Sendable, Hashable, Codable {
    /// `api.baseURL`: the API host; `http://` only to loopback.
    public var baseURL = "https://imported.numbers.api.sinch.com"
    /// `api.tokenURL`: the OAuth2 token endpoint.
    public var tokenURL = "https://auth.sinch.com/oauth2/token"
    /// `api.auth`: `oauth2` (default) or `basic`.
    public var auth: AuthenticationMode = .oauth2
    /// `api.keyIdEnv`: the environment variable holding the key id.
    public var keyIdEnv = "SINCH_KEY_ID"
    /// `api.keySecretEnv`: the environment variable holding the key secret.
    public var keySecretEnv = "SINCH_KEY_SECRET"
    /// `api.keyIdFile`: a file holding the key id, instead of `api.keyIdEnv` (given with `api.keySecretFile`).
    public var keyIdFile: String?
    /// `api.keySecretFile`: a file holding the key secret, instead of `api.keySecretEnv`.
    public var keySecretFile: String?
    /// `api.pageSize`: numbers asked for per page (the server may grant fewer).
    public var pageSize = 1000
    /// `api.requestTimeoutSeconds`: the longest one request may take.
    public var requestTimeoutSeconds = 30.0
    /// `api.maxAttempts`: attempts per request on 429 / 5xx / connection faults.
    public var maxAttempts = 5
    /// `api.concurrency`: scopes fetched at once.
    public var concurrency = 4
    /// `api.maxPagesPerScope`: a scope with more pages is stopped (a guard against a server that never ends).
    public var maxPagesPerScope = 100_000
    /// `api.runDeadlineMinutes`: after this long the scopes not yet finished are failed; 0 for no deadline.
    public var runDeadlineMinutes = 0.0

    public init() {}

    /// Where the key of the scopes without one of their own is read: `api.keyIdFile` / `api.keySecretFile` when
    /// given, else `api.keyIdEnv` / `api.keySecretEnv`.
    public var keySource: AccessKeySource {
        if let keyIdFile, let keySecretFile { return .files(keyIdFile: keyIdFile, keySecretFile: keySecretFile) }
        return .environment(keyIdEnv: keyIdEnv, keySecretEnv: keySecretEnv)
    }
}

/// One entry of `scopes:` — a project's service plan + campaign pair and optional filters.
public struct ScopeSettings: Sendable, Hashable, Codable {
    public var projectId: String
    public var servicePlanId: String
    public var campaignId: String
    /// Shown in reports; defaults to nothing.
    public var label: String?
    /// `US` or `CA`.
    public var regionCode: String?
    public var numberPattern: ImportedNumbersQuery.NumberPattern?
    public var orderBy: ImportedNumbersQuery.OrderBy?
    /// This scope's own access key (Sinch keys belong to a project); `nil` uses `api`'s.
    public var key: AccessKeySource?

    public init(
        projectId: String, servicePlanId: String, campaignId: String, label: String? = nil,
        regionCode: String? = nil, numberPattern: ImportedNumbersQuery.NumberPattern? = nil,
        orderBy: ImportedNumbersQuery.OrderBy? = nil, key: AccessKeySource? = nil
    ) {
        self.projectId = projectId
        self.servicePlanId = servicePlanId
        self.campaignId = campaignId
        self.label = label
        self.regionCode = regionCode
        self.numberPattern = numberPattern
        self.orderBy = orderBy
        self.key = key
    }

    /// The API query of this scope.
    public func query(pageSize: Int) -> ImportedNumbersQuery {
        ImportedNumbersQuery(
            projectId: projectId, servicePlanId: servicePlanId, campaignId: campaignId, regionCode: regionCode,
            numberPattern: numberPattern, orderBy: orderBy, pageSize: pageSize)
    }
}

/// `health:` — how rows are judged.
public struct HealthSettings: Sendable, Hashable, Codable {
    /// `health.staleAfterHours`: an operation in flight longer than this is STALE (exactly this long is not).
    public var staleAfterHours = 72.0
    public init(staleAfterHours: Double = 72) { self.staleAfterHours = staleAfterHours }
}

/// `output:` — where and how the snapshot is written.
public struct OutputSettings: Sendable, Hashable, Codable {
    /// `output.directory`: snapshots are published under it; relative to the config file.
    public var directory = "./reports"
    /// `output.keep`: snapshots kept; 0 keeps every one (the audit default).
    public var keep = 0
    /// `output.csv.bom`: start `numbers.csv` with a UTF-8 BOM, for Excel.
    public var csvByteOrderMark = true
    /// `output.csv.excelSafe`: guard cells that a spreadsheet would read as formulas.
    public var csvExcelSafe = true
    /// `output.gzipLevel`: 0–9, the deflate level of `numbers.ndjson.gz`.
    public var gzipLevel = 6
    /// `output.rawGzipLevel`: 0–9, the deflate level of `raw/pages.ndjson.gz` (the API's bytes, kept for the
    /// audit and read rarely): cheaper than ``gzipLevel`` by default. `nil` (a run record written before the key
    /// existed) is ``gzipLevel``, as those runs wrote it.
    public var rawGzipLevel: Int? = Self.defaultRawGzipLevel
    /// Level 1: with libdeflate, 52% of level 6's CPU time on the raw pages for a file 27% larger, as large as zlib's
    /// level 3 made it (level 3: 83%, 17% larger; see the README).
    public static let defaultRawGzipLevel = 1
    /// The level `raw/pages.ndjson.gz` is deflated at.
    public var effectiveRawGzipLevel: Int { rawGzipLevel ?? gzipLevel }
    /// How `numbers.ndjson.gz` and `raw/pages.ndjson.gz` are cut into gzip members: one for each this many bytes of
    /// a scope's input, deflated by libdeflate (``GzipMembers/every(inputBytes:)``). Not a config key: the run
    /// record keeps it, so that `render` writes the files as the night did; `nil` (a run record written before it
    /// existed) is one zlib member for each scope (``GzipMembers/one``).
    public var gzipMemberInputBytes: Int? = GzipMembers.standardInputBytes
    /// How the gzip files are cut into members.
    public var gzipMembers: GzipMembers { gzipMemberInputBytes.map { .every(inputBytes: $0) } ?? .one }
    /// `output.xlsx.cellReferences`: which cells of `problems.xlsx` name their place, `every` (what every reader
    /// takes) or `afterGaps` (a smaller workbook made with less CPU, which some readers misplace: see
    /// ``CellReferences``). `nil` (the default, and a run record written before the key existed) is `every`.
    public var xlsxCellReferences: CellReferences?
    /// Which cells of `problems.xlsx` name their place.
    public var effectiveXLSXCellReferences: CellReferences { xlsxCellReferences ?? .every }
    /// `output.xhtml.template`: the report template, relative to the config file; `nil` uses the built-in
    /// one (the text of `templates/report.xhtml`).
    public var xhtmlTemplate: String?
    /// `output.xhtml.maxProblemRows`: problem numbers listed in the report before "and N more".
    public var xhtmlMaxProblemRows = 1000
    /// `output.sourceOrganization`: written to each bag's `bag-info.txt`.
    public var sourceOrganization = "unknown"
    /// `output.fileMode` (octal, e.g. `"0640"`): the mode of every file of a snapshot; `nil` is
    /// ``defaultFileMode``. Snapshots hold phone numbers, names and callback URLs: not for other users.
    public var fileMode: Int?
    /// `output.directoryMode` (octal, e.g. `"0750"`): the mode of the directories of a snapshot (and of the output
    /// directory when the run creates it); `nil` is ``defaultDirectoryMode``.
    public var directoryMode: Int?

    /// Files readable by the owner and its group (e.g. an `adm` or auditors' group), nobody else.
    public static let defaultFileMode = 0o640
    /// Directories the owner and its group can list, nobody else.
    public static let defaultDirectoryMode = 0o750
    /// The mode snapshot files are created with.
    public var effectiveFileMode: Int { fileMode ?? Self.defaultFileMode }
    /// The mode snapshot directories are created with.
    public var effectiveDirectoryMode: Int { directoryMode ?? Self.defaultDirectoryMode }

    public init() {}
}
