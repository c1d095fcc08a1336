extension ReasonCatalog {
    /// The README's glossary: every kind of finding (worst first), then every code with its own entry.
    public static var markdownGlossary: String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var lines = [
            "| level | code | meaning | who acts | next step |",
            "|---|---|---|---|---|",
        ]
        let ordered = HealthReason.Kind.allCases.enumerated().sorted { lhs, rhs in
            lhs.element.level != rhs.element.level
                ? lhs.element.level > rhs.element.level : lhs.offset < rhs.offset
        }.map(\.element)
        for kind in ordered {
            let entry = kinds[kind]!
            lines.append(
                "| \(kind.level.name) | `\(cell(kind.codePattern))` | \(cell(entry.meaning)) | \(entry.actor.title) | "
                    + "\(cell(entry.nextStep)) |")
        }
        lines += [
            "",
            "Error and failure codes with their own advice (the rest fall back to their kind's):",
            "",
            "| code | meaning | who acts | next step |",
            "|---|---|---|---|",
        ]
        for code in codes.keys.sorted() {
            let entry = codes[code]!
            let step = entry.link.map { "\(entry.nextStep) (<\($0)>)" } ?? entry.nextStep
            lines.append("| `\(code)` | \(cell(entry.meaning)) | \(entry.actor.title) | \(cell(step)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
