import Foundation
import NumbersReportCore
import SinchImportedNumbers

/// A config file loaded for `run` or `check`: the settings, each scope's access key (from the variables or
/// files it names), and its report template.
struct ConfigFile {
    var configuration: ReportConfiguration
    /// One per scope, in config order.
    var scopeKeys: [ScopeAccessKey]
    var template: ReportTemplate

    /// A problem with the file, its credentials or its template, naming the file and key path.
    struct Invalid: Error {
        var message: String
    }

    static func load(_ path: String) throws(Invalid) -> ConfigFile {
        do {
            let configuration = try ReportConfiguration.load(path: path)
            return ConfigFile(
                configuration: configuration, scopeKeys: try configuration.scopeKeys(file: path),
                template: try ReportTemplate.load(path: configuration.output.xhtmlTemplate, configFile: path))
        } catch let error as ConfigurationError {
            throw Invalid(message: "\(error)")
        } catch {
            throw Invalid(message: "\(path): \(error)")
        }
    }
}
