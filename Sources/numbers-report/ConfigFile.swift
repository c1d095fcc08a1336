import Foundation
import NumbersReportCore
import SinchImportedNumbers

/// A config file loaded for `run` or `check`: the settings, the credentials its variables name, and
/// its report template.
struct ConfigFile {
    var configuration: ReportConfiguration
    var credentials: Credentials
    var template: ReportTemplate

    /// A problem with the file, its credentials or its template, naming the file and key path.
    struct Invalid: Error {
        var message: String
    }

    static func load(_ path: String) throws(Invalid) -> ConfigFile {
        do {
            let configuration = try ReportConfiguration.load(path: path)
            return ConfigFile(
                configuration: configuration, credentials: try configuration.credentials(file: path),
                template: try ReportTemplate.load(path: configuration.output.xhtmlTemplate, configFile: path))
        } catch let error as ConfigurationError {
            throw Invalid(message: "\(error)")
        } catch {
            throw Invalid(message: "\(path): \(error)")
        }
    }
}
