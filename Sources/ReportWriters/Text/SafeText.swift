/// Makes any text fit to stand in an XML 1.0 document and harmless to read.
///
/// Characters XML 1.0 forbids (C0 controls other than TAB, LF, CR; U+FFFE, U+FFFF) become U+FFFD, and
/// the bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) become a visible
/// `[U+202E]`, so that hostile data cannot reorder what a reader sees.
public enum SafeText {
    public static func clean(_ text: String) -> String {
        // Printable ASCII, TAB, LF and CR need nothing: a look at the bytes spares the scalars' decoding.
        var bytes = text
        if bytes.withUTF8({ $0.allSatisfy { (0x20..<0x7F).contains($0) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }) {
            return text
        }
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isBidiControl(scalar) {
                output.append(contentsOf: "[U+\(hex(scalar.value))]".unicodeScalars)
            } else if !isXMLCharacter(scalar) {
                output.append("\u{FFFD}")
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        isBidiControl(scalar) || !isXMLCharacter(scalar)
    }

    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Whether `text` is an absolute `http` or `https` URL fit for a link: no spaces, no controls.
    public static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        let rest = lower.drop { $0 != ":" }.dropFirst(3)
        guard let first = rest.first, first != "/" else { return false }
        return text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !isBidiControl($0) }
            && !text.contains("\"") && !text.contains("<") && !text.contains(">")
    }
}
