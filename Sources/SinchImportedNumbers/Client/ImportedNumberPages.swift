import Logging

/// Every page of one scope, in API order: an `AsyncSequence` that follows `nextPageToken` to the
/// last page and stops with ``SinchAPIError/Kind/pageTokenRepeated`` if the server sends a token
/// it has sent before in this scope (a loop), rather than fetching forever. The page that carried
/// the repeated token is still returned; the error comes from the call after it.
///
/// The next page is requested as soon as a page is returned, so that fetching and decoding it overlap
/// with whatever the caller does with the current one.
public struct ImportedNumberPages: AsyncSequence, Sendable {
    /// One page.
    public typealias Element = ImportedNumbersPage

    let client: ImportedNumbersClient
    /// The scope being listed.
    public let query: ImportedNumbersQuery
    /// How log lines name a request of this scope (see ``ImportedNumbersClient/pages(for:logMetadata:)``).
    let logMetadata: Logger.Metadata

    /// An iterator that starts at the first page.
    public func makeAsyncIterator() -> Iterator {
        Iterator(client: client, query: query, logMetadata: logMetadata)
    }

    /// Hands out one page per call to `next()`, with the following one already on its way.
    public struct Iterator: AsyncIteratorProtocol {
        let client: ImportedNumbersClient
        let query: ImportedNumbersQuery
        let logMetadata: Logger.Metadata
        private var nextToken: String?
        private var pageNumber = 0
        private var finished = false
        /// A loop found in the last page's token: thrown by the next call, after that page was returned.
        private var pendingError: SinchAPIError?
        /// A digest of every token sent so far (never the token: see ``PageTokenDigest``), with the page after
        /// which it came.
        private var seenTokens: [PageTokenDigest: Int] = [:]
        /// The request for the next page, started when the previous page was returned.
        private var prefetch: Prefetch?

        init(client: ImportedNumbersClient, query: ImportedNumbersQuery, logMetadata: Logger.Metadata) {
            self.client = client
            self.query = query
            self.logMetadata = logMetadata
        }

        /// The next page, or `nil` after the last.
        /// - Throws: a ``SinchAPIError`` when the page cannot be had; `CancellationError` when the task was cancelled.
        public mutating func next() async throws -> ImportedNumbersPage? {
            if let pendingError {
                self.pendingError = nil
                finished = true
                throw pendingError
            }
            guard !finished else { return nil }
            guard pageNumber < client.configuration.maxPagesPerScope else {
                finished = true
                throw SinchAPIError.tooManyPages(limit: client.configuration.maxPagesPerScope)
            }
            pageNumber += 1
            let page: ImportedNumbersPage
            do {
                if let prefetch {
                    // The closures hold the box, so that it (and with it the request) lives while awaited.
                    self.prefetch = nil
                    page = try await withTaskCancellationHandler {
                        try await prefetch.task.value
                    } onCancel: {
                        prefetch.task.cancel()
                    }
                } else {
                    page = try await client.fetchPage(
                        query, pageToken: nextToken, number: pageNumber, logMetadata: logMetadata)
                }
            } catch {
                finished = true
                throw error
            }
            guard let token = page.response.nextPageToken, !token.isEmpty else {
                finished = true
                return page
            }
            let digest = PageTokenDigest(token)
            if let firstSeen = seenTokens[digest] {
                // The page itself is real data; the loop is reported by the next call.
                pendingError = .pageTokenRepeated(token, firstSeenOnPage: firstSeen, page: pageNumber)
                return page
            }
            seenTokens[digest] = pageNumber
            nextToken = token
            if pageNumber < client.configuration.maxPagesPerScope {
                let (client, query, number, logMetadata) = (client, query, pageNumber + 1, logMetadata)
                prefetch = Prefetch(
                    Task {
                        try await client.fetchPage(query, pageToken: token, number: number, logMetadata: logMetadata)
                    }
                )
            }
            return page
        }
    }

    /// The request for the next page, cancelled when nothing will read it: the iterator was dropped (a
    /// loop that stopped early, a scope that ended with an error) before the page was asked for.
    final class Prefetch: Sendable {
        let task: Task<ImportedNumbersPage, any Error>

        init(_ task: Task<ImportedNumbersPage, any Error>) { self.task = task }

        deinit { task.cancel() }
    }
}
