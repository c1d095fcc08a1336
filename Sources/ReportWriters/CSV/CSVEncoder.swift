#if canImport(Glibc)
    import Glibc
#endif

/// Encodes records as RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, a quote,
/// CR or LF, quotes doubled inside quotes, UTF-8.
///
/// With ``excelSafe`` every text cell that starts with `=`, `+`, `-`, `@`, TAB or CR gets a leading
/// `'` (OWASP's guard against CSV formula injection), except a valid E.164 phone number.
public struct CSVEncoder: Sendable {
    /// Apply the formula-injection guard.
    public var excelSafe: Bool
    /// The separator of list cells.
    public var listSeparator: UInt8 = UInt8(ascii: ";")
    /// Whether a separator or a `\` inside a list item is escaped with a `\` (`\;`, `\\`), so that the cell
    /// splits back into exactly its items.
    public var escapesListItems = false

    /// The UTF-8 byte order mark Excel needs to read UTF-8.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init(excelSafe: Bool = true) {
        self.excelSafe = excelSafe
    }

    /// Appends the header line.
    public func appendHeader(_ names: [String], to output: inout [UInt8]) {
        appendRecord(names.map(Cell.text), to: &output, guardFormulas: false)
    }

    /// Appends one record and its CRLF.
    public func appendRecord(_ cells: [Cell], to output: inout [UInt8]) {
        appendRecord(cells, to: &output, guardFormulas: excelSafe)
    }

    /// ``appendRecord(_:to:)``, into an accumulator.
    public func appendRecord(_ cells: [Cell], to output: inout ByteAccumulator) {
        appendRecord(cells, to: &output, guardFormulas: excelSafe)
    }

    private func appendRecord<Output: ByteOutput & ~Copyable>(
        _ cells: [Cell], to output: inout Output, guardFormulas: Bool
    ) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { output.append(Self.fieldSeparator) }
            appendCell(cell, to: &output, guardFormulas: guardFormulas)
        }
        Self.appendCRLF(to: &output)
    }

    /// The byte between two fields of a record.
    public static let fieldSeparator = UInt8(ascii: ",")

    /// Appends one field of a record (the caller writes ``fieldSeparator`` between fields).
    public func appendCell(_ cell: Cell, to output: inout ByteAccumulator) {
        appendCell(cell, to: &output, guardFormulas: excelSafe)
    }

    /// Appends one text field of plain text — printable ASCII without `"` or `\\` (a ``Cell`` never made, its bytes
    /// as the server sent them): the same bytes as ``appendCell(_:to:)`` of `.text`, quoted only for a comma.
    public func appendPlainText(utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteAccumulator) {
        assert(
            bytes.allSatisfy { (0x20...0x7E).contains($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") },
            "plain text is printable ASCII without a quote or a backslash")
        let prefix = excelSafe && Self.needsFormulaGuard(utf8: bytes)
        let quoted = !bytes.isEmpty && memchr(bytes.baseAddress!, Int32(UInt8(ascii: ",")), bytes.count) != nil
        if quoted { output.append(UInt8(ascii: "\"")) }
        if prefix { output.append(UInt8(ascii: "'")) }
        output.append(bytes)
        if quoted { output.append(UInt8(ascii: "\"")) }
    }

    /// Ends a record: CRLF.
    public static func appendRecordEnd(to output: inout ByteAccumulator) { appendCRLF(to: &output) }

    private static func appendCRLF<Output: ByteOutput & ~Copyable>(to output: inout Output) {
        output.append(UInt8(ascii: "\r"))
        output.append(UInt8(ascii: "\n"))
    }

    private func appendCell<Output: ByteOutput & ~Copyable>(_ cell: Cell, to output: inout Output, guardFormulas: Bool)
    {
        switch cell {
        case .absent:
            break
        case .text(let text):
            var text = text
            text.withUTF8 { appendField(utf8: $0, to: &output, guardFormulas: guardFormulas) }
        case .integer(let value):
            output.append(utf8: String(value))
        case .boolean(let value):
            output.append(utf8: value ? "true" : "false")
        case .list(let items):
            var text = joined(items)
            text.withUTF8 { appendField(utf8: $0, to: &output, guardFormulas: guardFormulas) }
        }
    }

    /// A list cell's text as it stands in a field (before quoting): items `;`-joined, escaped when
    /// ``escapesListItems`` is set.
    public func listText(_ items: [Cell]) -> String { joined(items) }

    private func joined(_ items: [Cell]) -> String {
        var bytes: [UInt8] = []
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(listSeparator) }
            switch item {
            case .absent: break
            case .text(let text) where escapesListItems:
                for byte in text.utf8 {
                    if byte == listSeparator || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                    bytes.append(byte)
                }
            case .text(let text): bytes.append(contentsOf: text.utf8)
            case .integer(let value): bytes.append(contentsOf: String(value).utf8)
            case .boolean(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
            case .list(let inner): bytes.append(contentsOf: joined(inner).utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendField<Output: ByteOutput & ~Copyable>(
        utf8: UnsafeBufferPointer<UInt8>, to output: inout Output, guardFormulas: Bool
    ) {
        let prefix = guardFormulas && Self.needsFormulaGuard(utf8: utf8)
        let needsQuotes = utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10
        }
        if needsQuotes { output.append(UInt8(ascii: "\"")) }
        if prefix { output.append(UInt8(ascii: "'")) }
        if needsQuotes {
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { output.append(byte) }
                output.append(byte)
            }
            output.append(UInt8(ascii: "\""))
        } else {
            output.append(utf8)
        }
    }

    /// Whether a text cell would be read by a spreadsheet as a formula.
    public static func needsFormulaGuard(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { needsFormulaGuard(utf8: $0) }
    }

    private static func needsFormulaGuard(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "-"), 0x09, 0x0D:
            return true
        case UInt8(ascii: "+"):
            return !isE164(utf8: utf8)
        default:
            return false
        }
    }

    /// `+` then 2 to 15 digits, the first not 0.
    public static func isE164(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isE164(utf8: $0) }
    }

    private static func isE164(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count >= 3, utf8.count <= 16, utf8.first == UInt8(ascii: "+") else { return false }
        guard utf8[1] != UInt8(ascii: "0") else { return false }
        for byte in utf8.dropFirst() {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
        }
        return true
    }
}
