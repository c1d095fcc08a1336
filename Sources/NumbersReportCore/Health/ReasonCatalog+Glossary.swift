extension ReasonCatalog {
    /// One line of the glossary: a kind of finding (with its level) or a code with advice of its own.
    public struct GlossaryLine: Sendable, Hashable {
        /// The kind's level; `nil` for a code's own entry.
        public var level: HealthLevel?
        /// The kind's code pattern, or the code.
        public var code: String
        public var entry: Entry
    }

    /// Every kind of finding, worst first, then every code with an entry of its own, sorted: what the
    /// README's glossary and the workbook's *Glossary* sheet show.
    public static var glossary: (kinds: [GlossaryLine], codes: [GlossaryLine]) {
        let ordered = HealthReason.Kind.allCases.enumerated().sorted { lhs, rhs in
            lhs.element.level != rhs.element.level
                ? lhs.element.level > rhs.element.level : lhs.offset < rhs.offset
        }.map(\.element)
        return (
            ordered.map { GlossaryLine(level: $0.level, code: $0.codePattern, entry: kinds[$0]!) },
            codes.keys.sorted().map { GlossaryLine(level: nil, code: $0, entry: codes[$0]!) }
        )
    }

    /// The README's glossary: every kind of finding (worst first), then every code with its own entry.
    public static var markdownGlossary: String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var lines = [
            "| level | code | meaning | who acts | next step |",
            "|---|---|---|---|---|",
        ]
        let glossary = Self.glossary
        for line in glossary.kinds {
            let entry = line.entry
            lines.append(
                "| \(line.level?.name ?? "") | `\(cell(line.code))` | \(cell(entry.meaning)) | \(entry.actor.title) | "
                    + "\(cell(entry.nextStep)) |")
        }
        lines += [
            "",
            "Error and failure codes with their own advice (the rest fall back to their kind's):",
            "",
            "| code | meaning | who acts | next step |",
            "|---|---|---|---|",
        ]
        for line in glossary.codes {
            let entry = line.entry
            let step = entry.link.map { "\(entry.nextStep) (<\($0)>)" } ?? entry.nextStep
            lines.append("| `\(line.code)` | \(cell(entry.meaning)) | \(entry.actor.title) | \(cell(step)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
