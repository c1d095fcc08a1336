/// A payload file of a snapshot: the one list of where each output lives in the bag.
///
/// Every other type names a file through these constants (``numbersCSV``, ``rawPages``, …) and
/// a directory through ``SnapshotLocation`` or ``SnapshotDirectory``; none spells `data/…` itself.
public struct PayloadPath: Sendable, Hashable, CustomStringConvertible {
    /// Below the payload directory, e.g. `raw/pages.ndjson.gz`.
    public let relativePath: String

    private init(_ relativePath: String) {
        self.relativePath = relativePath
    }

    /// The bag's payload directory (BagIt): every file below it is listed in the manifests.
    public static let payloadDirectory = "data"

    /// The rows as CSV.
    public static let numbersCSV = PayloadPath("numbers.csv")
    /// The rows as gzipped NDJSON: what `diff` and the report's comparison read.
    public static let numbersNDJSON = PayloadPath("numbers.ndjson.gz")
    /// Every change since the previous night, worst first (``SnapshotChange/columns``).
    public static let changes = PayloadPath("changes.csv")
    /// The XHTML report.
    public static let report = PayloadPath("report.xhtml")
    /// The report as an email, ready for `sendmail -t`.
    public static let email = PayloadPath("report.eml")
    /// The night's problem numbers, its changes and the reason glossary as an Excel workbook.
    public static let problemsWorkbook = PayloadPath("problems.xlsx")
    /// Counts by scope and level, pages, requests, retries, failures.
    public static let summary = PayloadPath("summary.json")
    /// The Frictionless Data Package describing `numbers.csv`.
    public static let dataPackage = PayloadPath("datapackage.json")
    /// Every page as the API sent it.
    public static let rawPages = PayloadPath("raw/pages.ndjson.gz")
    /// The clock, effective config and scope endings: with the pages, all `render` needs.
    public static let runRecord = PayloadPath("raw/run.json")

    /// Relative to the bag: `data/<relativePath>`, as the manifests list it.
    public var bagPath: String { Self.payloadDirectory + "/" + relativePath }

    /// The last component, e.g. `numbers.csv`.
    public var fileName: String { String(relativePath.split(separator: "/").last ?? "") }

    public var description: String { bagPath }
}
