import TextSafety

extension SafeText {
    /// `text` made fit for one human-facing line: a log line, a terminal, a table cell. Line breaks,
    /// escape codes, other control characters and bidirectional controls are written as visible escapes
    /// (`\n`, `\u{1B}`, `\u{202E}`); text longer than `limit` characters is cut, saying how much was left
    /// out. See `OneLine`, shared with the client library's `ServerText`.
    public static func line(_ text: String, limit: Int = 2_000) -> String {
        OneLine.escaped(text, limit: limit)
    }
}
