import TextSafety

/// Text that came from a server (or from a library describing what a server did), made safe to put in an
/// error, a log line or an email: at most ``limit`` characters, every control, separator and bidirectional
/// or invisible format character escaped (see `OneLine`), so that it can forge nothing.
package enum ServerText {
    /// The most characters (Unicode scalars) of one server-provided text kept in an error.
    package static let limit = 500

    /// `text` cut to `limit` scalars (with `… (N more characters)`), every dangerous scalar escaped.
    package static func sanitize(_ text: some StringProtocol, limit: Int = ServerText.limit) -> String {
        OneLine.escaped(text, limit: limit)
    }
}
