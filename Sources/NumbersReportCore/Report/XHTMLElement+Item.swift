import ReportWriters

extension XHTMLElement {
    /// A span followed by a space: items in a line that may wrap between them (a phone's width), each kept whole
    /// when its style says `white-space:nowrap`.
    @discardableResult
    func appendItem(style: String, text: String? = nil) -> XHTMLElement {
        let span = text.map { append("span", ["style": style], text: $0) } ?? append("span", ["style": style])
        appendText(" ")
        return span
    }
}
