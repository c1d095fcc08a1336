import Foundation
import Yams

/// Reads typed values out of a YAML node tree, strictly: every key must be known, every value of
/// the expected type, and each problem is reported with its key path and line.
struct ConfigurationReader {
    let file: String

    func error(_ node: Node?, _ path: String, _ problem: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node?.mark?.line, path: path, problem: problem)
    }

    /// The entries of a mapping, refusing keys not in `allowed`.
    func mapping(_ node: Node, _ path: String, allowed: [String]) throws -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw error(node, path, "expected a mapping (key: value lines), found \(describe(node))")
        }
        var entries: [String: Node] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else { throw error(key, path, "keys must be plain strings") }
            let name = scalar.string
            let keyPath = path.isEmpty ? name : "\(path).\(name)"
            guard allowed.contains(name) else {
                throw error(key, keyPath, "unknown key (known here: \(allowed.joined(separator: ", ")))")
            }
            guard entries[name] == nil else { throw error(key, keyPath, "given twice") }
            entries[name] = value
        }
        return entries
    }

    func sequence(_ node: Node, _ path: String) throws -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw error(node, path, "expected a list, found \(describe(node))")
        }
        return Array(sequence)
    }

    func string(_ node: Node, _ path: String) throws -> String {
        guard case .scalar(let scalar) = node, node.null == nil else {
            throw error(node, path, "expected a string, found \(describe(node))")
        }
        return scalar.string
    }

    /// A non-empty string after trimming.
    func identifier(_ node: Node, _ path: String) throws -> String {
        let value = try string(node, path)
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw error(node, path, "must not be empty") }
        guard value == value.trimmingCharacters(in: .whitespacesAndNewlines) else {
            throw error(node, path, "has leading or trailing whitespace")
        }
        return value
    }

    /// A file mode in octal (`"0640"`, `640`): at most 0777, with the `owner` bits set (the tool must write what
    /// it creates).
    func mode(_ node: Node, _ path: String, owner: Int, example: String) throws -> Int {
        let text = try identifier(node, path)
        guard let mode = Int(text, radix: 8), (0...0o777).contains(mode), mode & owner == owner else {
            throw error(
                node, path,
                "expected an octal mode up to 0777 that lets the owner write (e.g. \(example)), found \(text)")
        }
        return mode
    }

    func integer(_ node: Node, _ path: String, range: ClosedRange<Int>) throws -> Int {
        guard case .scalar = node, let value = node.int else {
            throw error(node, path, "expected an integer, found \(describe(node))")
        }
        guard range.contains(value) else {
            throw error(node, path, "\(value) is out of range \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    /// A number above `minimumExclusive` and at most `maximum`.
    func number(_ node: Node, _ path: String, minimumExclusive: Double, maximum: Double) throws -> Double {
        guard case .scalar = node, let value = node.int.map(Double.init) ?? node.float, value.isFinite else {
            throw error(node, path, "expected a number, found \(describe(node))")
        }
        guard value > minimumExclusive, value <= maximum else {
            throw error(
                node, path, "must be greater than \(Self.plain(minimumExclusive)) and at most \(Self.plain(maximum))")
        }
        return value
    }

    /// `3600` rather than `3600.0`.
    private static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    func boolean(_ node: Node, _ path: String) throws -> Bool {
        guard case .scalar = node, let value = node.bool else {
            throw error(node, path, "expected true or false, found \(describe(node))")
        }
        return value
    }

    /// One of `choices`, exactly.
    func choice(_ node: Node, _ path: String, _ choices: [String]) throws -> String {
        let value = try string(node, path)
        guard choices.contains(value) else {
            throw error(node, path, "\"\(value)\" is not one of \(choices.joined(separator: ", "))")
        }
        return value
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): node.null != nil ? "nothing (null)" : "\"\(scalar.string)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
