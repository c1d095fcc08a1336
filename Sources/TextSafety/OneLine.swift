/// Text from outside (a server, a config, a file name) made fit for one line that a person reads: a log
/// line, a terminal, a table cell, an error message. The one implementation behind the client library's
/// `ServerText` and the writers' `SafeText.line`, which live on either side of a boundary the client
/// library does not cross.
///
/// Line breaks, escape codes and every other control character (C0, DEL, C1), U+2028/2029, bidirectional
/// controls and invisible format characters are written as visible escapes (`\n`, `\r`, `\t`,
/// `\u{1B}`), so that such text can neither forge a line, move the cursor nor reorder what is shown. Text
/// longer than `limit` Unicode scalars is cut, saying how much was left out.
public enum OneLine {
    public static func escaped(_ text: some StringProtocol, limit: Int) -> String {
        if text.utf8.count <= limit, !text.unicodeScalars.contains(where: isDangerous) { return String(text) }
        var output = ""
        output.reserveCapacity(min(text.utf8.count, limit * 2))
        var kept = 0
        var remaining = 0
        for scalar in text.unicodeScalars {
            guard kept < limit else {
                remaining += 1
                continue
            }
            kept += 1
            switch scalar {
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where isDangerous(scalar): output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        if remaining > 0 { output += "… (\(remaining) more characters)" }
        return output
    }

    /// Whether `scalar` is written as an escape: C0 and C1 controls, DEL, U+2028/2029, the bidirectional
    /// embeddings, overrides, isolates and marks, invisible format characters, and the noncharacters
    /// U+FFFE/FFFF.
    public static func isDangerous(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        case 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
