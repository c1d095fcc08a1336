import SinchImportedNumbers

extension ImportedNumberPages {
    /// Every page, read to the end.
    func collected() async throws -> [ImportedNumbersPage] {
        var pages: [ImportedNumbersPage] = []
        for try await page in self { pages.append(page) }
        return pages
    }
}
