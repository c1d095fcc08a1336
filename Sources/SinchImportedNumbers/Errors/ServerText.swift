/// Text that came from a server (or from a library describing what a server did), made safe to put in an
/// error, a log line or an email: at most ``limit`` characters, with control characters, line and paragraph
/// separators and bidirectional overrides written as escapes so that they can forge nothing.
public enum ServerText {
    /// The most characters (Unicode scalars) of one server-provided text kept in an error.
    public static let limit = 500

    /// `text` cut to `limit` scalars (with `… (N more characters)`), every dangerous scalar escaped.
    public static func sanitize(_ text: some StringProtocol, limit: Int = ServerText.limit) -> String {
        var output = ""
        output.reserveCapacity(min(text.utf8.count, limit * 2))
        var kept = 0
        var remaining = 0
        for scalar in text.unicodeScalars {
            if kept == limit {
                remaining += 1
                continue
            }
            kept += 1
            append(scalar, to: &output)
        }
        if remaining > 0 { output += "… (\(remaining) more characters)" }
        return output
    }

    /// Whether `scalar` must be escaped: C0 and C1 controls, DEL, U+2028/2029, bidi embeddings,
    /// overrides and isolates, and other invisible format characters that reorder or hide text.
    static func isDangerous(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029: true
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF: true
        default: false
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to output: inout String) {
        guard isDangerous(scalar) else {
            output.unicodeScalars.append(scalar)
            return
        }
        switch scalar {
        case "\n": output += "\\n"
        case "\r": output += "\\r"
        case "\t": output += "\\t"
        default: output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
