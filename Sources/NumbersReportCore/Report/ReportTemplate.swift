import Foundation
import ReportWriters

/// The XHTML template of the report: the built-in one or a file the config names.
public struct ReportTemplate: Sendable {
    /// The template's path, or `built-in` for the one in the tool.
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The template `output.xhtml.template` names, or the built-in one (the text of `templates/report.xhtml`).
    /// - Throws: ``ConfigurationError`` when the named file cannot be read.
    /// The template is parsed and its slots checked here, before any request is sent.
    public static func load(path: String?, configFile: String) throws -> ReportTemplate {
        guard let path else { return .builtIn }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(
                file: configFile, path: "output.xhtml.template", problem: "cannot read the template \(path)")
        }
        let template = ReportTemplate(name: path, bytes: Array(data))
        do {
            let document = try XHTMLDocument(template: template.bytes, name: path)
            for id in slotIDs { _ = try document.element(id: id) }
        } catch let error as XHTMLError {
            throw ConfigurationError(file: configFile, path: "output.xhtml.template", problem: error.description)
        }
        return template
    }

    /// The template in the tool: the text of `templates/report.xhtml`.
    public static var builtIn: ReportTemplate { ReportTemplate(name: "built-in", bytes: Array(builtInText.utf8)) }

    /// The ids the report fills; a template must have every one.
    public static let slotIDs = [
        "report-title", "header", "banner", "totals", "changes-section", "changes", "trend-section", "trend", "scopes",
        "channels", "errors", "problems", "footer",
    ]
}
