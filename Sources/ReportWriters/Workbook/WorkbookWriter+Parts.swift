extension WorkbookWriter {
    /// `xl/workbook.xml`: the sheets in order, and each one's filter range (`_xlnm._FilterDatabase`).
    func workbookXML() throws -> [UInt8] {
        try Self.document("workbook", namespace: Self.mainNamespace) { xml in
            try xml.attribute("xmlns:r", Self.relationshipNamespace)
            try xml.start("sheets")
            for (index, sheet) in sheets.enumerated() {
                try xml.empty(
                    "sheet", ["name": sheet.name, "sheetId": String(index + 1), "r:id": "rId\(index + 1)"])
            }
            try xml.end()
            try xml.start("definedNames")
            for (index, sheet) in sheets.enumerated() {
                let quoted = "'" + sheet.name.replacingAll("'", with: "''") + "'"
                let range = sheet.filterRange.split(separator: ":").map { absolute(String($0)) }.joined(separator: ":")
                try xml.start("definedName")
                try xml.attribute("name", "_xlnm._FilterDatabase")
                try xml.attribute("localSheetId", String(index))
                try xml.attribute("hidden", "1")
                try xml.text(quoted + "!" + range)
                try xml.end()
            }
            try xml.end()
        }
    }

    /// `xl/_rels/workbook.xml.rels`: `rId1`… the sheets, then the styles.
    func workbookRelationships() throws -> [UInt8] {
        try Self.relationships(
            sheets.indices.map { ("worksheet", "worksheets/sheet\($0 + 1).xml") } + [("styles", "styles.xml")])
    }

    /// `[Content_Types].xml`.
    func contentTypes() throws -> [UInt8] {
        let spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml."
        return try Self.document("Types", namespace: "http://schemas.openxmlformats.org/package/2006/content-types") {
            xml in
            try xml.empty(
                "Default",
                ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"])
            try xml.empty("Default", ["Extension": "xml", "ContentType": "application/xml"])
            try xml.empty("Override", ["PartName": "/xl/workbook.xml", "ContentType": spreadsheet + "sheet.main+xml"])
            for index in sheets.indices {
                try xml.empty(
                    "Override",
                    ["PartName": "/xl/worksheets/sheet\(index + 1).xml", "ContentType": spreadsheet + "worksheet+xml"])
            }
            try xml.empty("Override", ["PartName": "/xl/styles.xml", "ContentType": spreadsheet + "styles+xml"])
        }
    }

    /// `_rels/.rels`: the package's main part.
    static func packageRelationships() throws -> [UInt8] {
        try relationships([("officeDocument", "xl/workbook.xml")])
    }

    /// `xl/styles.xml`: the cell styles of ``WorksheetWriter/Style``: plain, date (`yyyy-mm-dd
    /// hh:mm:ss.000`, the API's microseconds kept in the value), bold header.
    static func stylesXML() throws -> [UInt8] {
        try document("styleSheet", namespace: mainNamespace) { xml in
            try xml.start("numFmts")
            try xml.attribute("count", "1")
            try xml.empty("numFmt", ["numFmtId": "164", "formatCode": "yyyy-mm-dd hh:mm:ss.000"])
            try xml.end()
            try xml.start("fonts")
            try xml.attribute("count", "2")
            for bold in [false, true] {
                try xml.start("font")
                if bold { try xml.empty("b") }
                try xml.empty("sz", ["val": "11"])
                try xml.empty("name", ["val": "Calibri"])
                try xml.end()
            }
            try xml.end()
            try xml.start("fills")
            try xml.attribute("count", "2")
            for pattern in ["none", "gray125"] {
                try xml.start("fill")
                try xml.empty("patternFill", ["patternType": pattern])
                try xml.end()
            }
            try xml.end()
            try xml.start("borders")
            try xml.attribute("count", "1")
            try xml.start("border")
            for side in ["left", "right", "top", "bottom", "diagonal"] { try xml.empty(side) }
            try xml.end()
            try xml.end()
            try xml.start("cellStyleXfs")
            try xml.attribute("count", "1")
            try xml.empty("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0"])
            try xml.end()
            try xml.start("cellXfs")
            try xml.attribute("count", "3")
            try xml.empty("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0"])
            try xml.empty(
                "xf",
                [
                    "numFmtId": "164", "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0",
                    "applyNumberFormat": "1",
                ])
            try xml.empty(
                "xf", ["numFmtId": "0", "fontId": "1", "fillId": "0", "borderId": "0", "xfId": "0", "applyFont": "1"])
            try xml.end()
            try xml.start("cellStyles")
            try xml.attribute("count", "1")
            try xml.empty("cellStyle", ["name": "Normal", "xfId": "0", "builtinId": "0"])
            try xml.end()
        }
    }

    private static func relationships(_ targets: [(type: String, target: String)]) throws -> [UInt8] {
        try document("Relationships", namespace: "http://schemas.openxmlformats.org/package/2006/relationships") {
            xml in
            for (index, relationship) in targets.enumerated() {
                try xml.empty(
                    "Relationship",
                    [
                        "Id": "rId\(index + 1)",
                        "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                            + relationship.type,
                        "Target": relationship.target,
                    ])
            }
        }
    }

    /// `$A$1` from `A1`.
    private func absolute(_ reference: String) -> String {
        let letters = reference.prefix { $0.isLetter }
        return "$" + letters + "$" + reference.dropFirst(letters.count)
    }

    private static func document(
        _ root: String, namespace: String, _ body: (XMLStreamWriter) throws -> Void
    ) throws -> [UInt8] {
        let xml = try XMLStreamWriter()
        try xml.start(root)
        try xml.attribute("xmlns", namespace)
        try body(xml)
        let sink = MemorySink()
        try xml.finish(into: sink)
        return sink.bytes
    }
}

extension String {
    /// Every `target` replaced by `replacement` (without Foundation).
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
