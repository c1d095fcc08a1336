/// The bytes of a worksheet's XML, as libxml2's `xmlTextWriter` writes them: the pieces a row is made of,
/// and text escaped as its `xmlEncodeSpecialChars` escapes it (`&`, `<`, `>`, `"` and CR as references),
/// after ``SafeText`` made it XML-safe.
enum SheetXML {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let rowStart = Array("<row r=\"".utf8)
    static let quoteClose = Array("\">".utf8)
    static let emptyEnd = Array("/>".utf8)
    static let rowEnd = Array("</row>".utf8)
    static let cellStart = Array("<c r=\"".utf8)
    /// The start of a cell that does not name its place.
    static let cellOpen = Array("<c".utf8)
    static let styleAttribute = Array(" s=\"".utf8)
    static let inlineText = Array(" t=\"inlineStr\"><is><t>".utf8)
    static let inlineTextPreserved = Array(" t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8)
    static let inlineTextEnd = Array("</t></is></c>".utf8)
    static let valueStart = Array("><v>".utf8)
    static let valueEnd = Array("</v></c>".utf8)

    /// Appends `text` as it is (markup this type writes).
    static func append<Output: ByteOutput & ~Copyable>(_ text: String, to bytes: inout Output) {
        bytes.append(utf8: text)
    }

    /// Appends `text` as element content: made XML-safe by ``SafeText``, then escaped.
    static func appendEscaped<Output: ByteOutput & ~Copyable>(_ text: String, to bytes: inout Output) {
        var clean = SafeText.clean(text)
        clean.withUTF8 { appendEscaped(utf8: $0, to: &bytes) }
    }

    /// Appends text that ``SafeText`` would keep as it is (valid UTF-8 of XML characters), escaped.
    static func appendEscaped<Output: ByteOutput & ~Copyable>(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout Output)
    {
        var start = 0
        for (index, byte) in utf8.enumerated() {
            let reference: StaticString
            switch byte {
            case UInt8(ascii: "&"): reference = "&amp;"
            case UInt8(ascii: "<"): reference = "&lt;"
            case UInt8(ascii: ">"): reference = "&gt;"
            case UInt8(ascii: "\""): reference = "&quot;"
            case 0x0D: reference = "&#13;"
            default: continue
            }
            bytes.append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
            bytes.append(UnsafeBufferPointer(start: reference.utf8Start, count: reference.utf8CodeUnitCount))
            start = index + 1
        }
        bytes.append(UnsafeBufferPointer(rebasing: utf8[start...]))
    }
}
