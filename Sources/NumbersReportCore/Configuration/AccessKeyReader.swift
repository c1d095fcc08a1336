import Foundation
import SinchImportedNumbers

/// Reads an access key from the environment variables or files a config names, with errors that name the
/// config file, the key path and the variable or file, never what they hold.
struct AccessKeyReader {
    var environment: [String: String]
    /// The config file: named in errors; relative key files are read beside it without `$CREDENTIALS_DIRECTORY`.
    var configFile: String

    /// A key file larger than this is refused: it holds one id or secret, not a document.
    static let maxFileBytes = 64 * 1024

    /// The key `source` names; `path` is where the config names it (`api`, `scopes[1]`).
    func read(_ source: AccessKeySource, path: String) throws -> Credentials {
        switch source {
        case .environment(let idVariable, let secretVariable):
            return Credentials(
                keyID: try variable(idVariable, "\(path).keyIdEnv"),
                keySecret: try variable(secretVariable, "\(path).keySecretEnv"))
        case .files(let idFile, let secretFile):
            return Credentials(
                keyID: try contents(of: idFile, "\(path).keyIdFile"),
                keySecret: try contents(of: secretFile, "\(path).keySecretFile"))
        }
    }

    private func variable(_ name: String, _ key: String) throws -> String {
        guard let value = environment[name], !value.isEmpty else {
            throw ConfigurationError(
                file: configFile, path: key,
                problem: "the environment variable \(name) is not set; export it with the Sinch access key")
        }
        return value
    }

    /// Where a key file is: absolute as given, else under `$CREDENTIALS_DIRECTORY` or the config's directory.
    func location(of file: String) -> String {
        if file.hasPrefix("/") { return file }
        let base =
            environment["CREDENTIALS_DIRECTORY"].flatMap { $0.isEmpty ? nil : $0 }
            ?? URL(fileURLWithPath: configFile).deletingLastPathComponent().path
        return URL(fileURLWithPath: base).appendingPathComponent(file).standardized.path
    }

    private func contents(of file: String, _ key: String) throws -> String {
        let path = location(of: file)
        func refuse(_ problem: String) -> ConfigurationError {
            ConfigurationError(file: configFile, path: key, problem: "the key file \(path) \(problem)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw refuse(
                "does not exist"
                    + (file.hasPrefix("/") || environment["CREDENTIALS_DIRECTORY"] != nil
                        ? "" : " (relative key files are read beside the config unless $CREDENTIALS_DIRECTORY is set)"))
        }
        guard !isDirectory.boolValue else { throw refuse("is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw refuse("cannot be read (permissions?)") }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: Self.maxFileBytes + 1) ?? Data()
        } catch {
            throw refuse("cannot be read")
        }
        guard data.count <= Self.maxFileBytes else { throw refuse("is larger than 64 KiB; it must hold only the key") }
        guard var text = String(data: data, encoding: .utf8) else { throw refuse("is not UTF-8 text") }
        // Scalars, not Characters: "\r\n" is one Character.
        while let last = text.unicodeScalars.last, last == "\n" || last == "\r" { text.unicodeScalars.removeLast() }
        guard !text.isEmpty else { throw refuse("is empty") }
        return text
    }
}
