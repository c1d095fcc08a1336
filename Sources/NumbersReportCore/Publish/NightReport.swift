/// The facts with the report rendered once, for every output that shows it (the XHTML file, the email).
struct NightReport {
    var facts: NightFacts
    var document: ReportDocument
    /// The filled template, UTF-8 XHTML: `report.xhtml`, with the full lists.
    var xhtml: [UInt8]
    /// The same report cut to what an email carries whole (``ReportDocument/forEmail``): the email's HTML part.
    var emailHTML: [UInt8]

    init(facts: NightFacts) throws {
        self.facts = facts
        document = facts.document
        xhtml = try document.render(template: facts.results.template)
        emailHTML = try document.forEmail.render(template: facts.results.template)
    }
}
