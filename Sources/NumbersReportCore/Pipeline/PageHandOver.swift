import SinchImportedNumbers
import Synchronization

/// A page handed to the thread pool by move, not by copy: the work that runs there takes it out, so the scope's
/// writer holds the page's records alone and moves each into its row (``ScopePart/add(_:)``) instead of copying
/// it (a copy retains each of the record's texts, released again with the page).
final class PageHandOver: Sendable {
    private let page: Mutex<ImportedNumbersPage?>

    init(_ page: consuming ImportedNumbersPage) {
        self.page = Mutex(.some(page))
    }

    /// The page, taken out: once.
    func take() -> ImportedNumbersPage {
        page.withLock { page in
            guard let taken = page.take() else { preconditionFailure("a page handed over is taken once") }
            return taken
        }
    }
}
