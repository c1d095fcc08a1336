/// Finds object members that appear twice in a page body, which `JSONDecoder` silently resolves one way
/// (it keeps one of the values) while Python, jq and JavaScript keep the last: an auditor re-reading the
/// archived page would see another value than the one the report was built from.
///
/// Names are compared as JSON defines them, after unescaping (`"phone\u004Eumber"` is `"phoneNumber"`),
/// byte for byte (no Unicode normalisation, as Python and jq). The scan stops quietly at a syntax error:
/// `JSONDecoder` reports those.
struct DuplicateMemberScanner {
    /// What the scan found.
    struct Findings: Equatable {
        /// The first duplicated member outside `importedNumbers`' records (a path such as `nextPageToken`).
        var page: String?
        /// The first duplicated member of each record that has one, by index in `importedNumbers`.
        var records: [Int: String] = [:]
    }

    private let bytes: [UInt8]
    private var index = 0
    private var findings = Findings()

    /// Scans `body` (a page of `importedNumbers`).
    static func scan(_ body: [UInt8]) -> Findings {
        var scanner = DuplicateMemberScanner(bytes: body)
        try? scanner.page()
        return scanner.findings
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private struct Stop: Error {}

    /// Where a value stands: in a record (its index and the path inside it), or elsewhere in the page.
    private enum Place {
        case page(path: String)
        case record(index: Int, path: String)

        func member(_ name: String) -> Place {
            switch self {
            case .page(let path): .page(path: path.isEmpty ? name : path + "." + name)
            case .record(let index, let path): .record(index: index, path: path.isEmpty ? name : path + "." + name)
            }
        }

        func element(_ position: Int) -> Place {
            switch self {
            case .page(let path): .page(path: path + "[\(position)]")
            case .record(let index, let path): .record(index: index, path: path + "[\(position)]")
            }
        }
    }

    private mutating func page() throws {
        skipWhitespace()
        guard peek == UInt8(ascii: "{") else { return }
        try object(at: .page(path: ""), topLevel: true)
    }

    private mutating func value(at place: Place, depth: Int) throws {
        guard depth < 512 else { throw Stop() }
        skipWhitespace()
        switch peek {
        case UInt8(ascii: "{"): try object(at: place, depth: depth)
        case UInt8(ascii: "["): try array(depth: depth + 1) { place.element($0) }
        case UInt8(ascii: "\""): _ = try string()
        case nil: throw Stop()
        default:
            // A number or a literal: up to the next delimiter.
            while let byte = peek,
                ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09]
                    .contains(byte)
            {
                index += 1
            }
        }
    }

    private mutating func object(at place: Place, depth: Int = 0, topLevel: Bool = false) throws {
        index += 1  // {
        var names: Set<[UInt8]> = []
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            let name = try string()
            let text = String(decoding: name, as: UTF8.self)
            if !names.insert(name).inserted { report(place.member(text)) }
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw Stop() }
            index += 1
            if topLevel && text == "importedNumbers" {
                try records()
            } else {
                try value(at: place.member(text), depth: depth + 1)
            }
            skipWhitespace()
            guard let next = peek else { throw Stop() }
            index += 1
            if next == UInt8(ascii: "}") { return }
            guard next == UInt8(ascii: ",") else { throw Stop() }
        }
    }

    /// The `importedNumbers` array: each element is a record of its own.
    private mutating func records() throws {
        skipWhitespace()
        guard peek == UInt8(ascii: "[") else { return try value(at: .page(path: "importedNumbers"), depth: 1) }
        try array(depth: 2) { .record(index: $0, path: "") }
    }

    /// An array (its `[` is next): each element a value at `place(position)`.
    private mutating func array(depth: Int, place: (Int) -> Place) throws {
        index += 1  // [
        var position = 0
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try value(at: place(position), depth: depth)
            position += 1
            skipWhitespace()
            guard let next = peek else { throw Stop() }
            index += 1
            if next == UInt8(ascii: "]") { return }
            guard next == UInt8(ascii: ",") else { throw Stop() }
        }
    }

    private mutating func report(_ place: Place) {
        switch place {
        case .page(let path):
            if findings.page == nil { findings.page = path }
        case .record(let record, let path):
            if findings.records[record] == nil { findings.records[record] = path }
        }
    }

    /// A string's bytes, unescaped.
    private mutating func string() throws -> [UInt8] {
        guard peek == UInt8(ascii: "\"") else { throw Stop() }
        index += 1
        var output: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return output
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw Stop() }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "u"):
                    var value = try hex4()
                    if JSONEscape.isHighSurrogate(value), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    {
                        let saved = index
                        index += 2
                        if let pair = JSONEscape.scalarValue(high: value, low: try hex4()) {
                            value = pair
                        } else {
                            index = saved
                        }
                    }
                    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                    output.append(contentsOf: String(Character(scalar)).utf8)
                default: output.append(escape)
                }
            default: output.append(byte)
            }
        }
        throw Stop()
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count, let value = JSONEscape.hex4(bytes[index..<(index + 4)]) else { throw Stop() }
        index += 4
        return value
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }
}
