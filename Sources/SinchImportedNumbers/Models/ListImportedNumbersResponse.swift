import Foundation

/// One page of `GET /v1/projects/{projectId}/importedNumbers`.
public struct ListImportedNumbersResponse: Codable, Hashable, Sendable {
    /// The numbers on this page; an absent array is an empty page.
    public var importedNumbers: [ImportedNumber]
    /// Empty or absent on the last page.
    public var nextPageToken: String?
    /// The total across all pages, when the server sends it.
    public var totalSize: Int?
    /// Records that could not be decoded, with the reason; the others are in ``importedNumbers``.
    public var rejectedRecords: [RejectedRecord] = []

    /// A page with `importedNumbers` (no rejected records), for canned answers.
    public init(importedNumbers: [ImportedNumber] = [], nextPageToken: String? = nil, totalSize: Int? = nil) {
        self.importedNumbers = importedNumbers
        self.nextPageToken = nextPageToken
        self.totalSize = totalSize
    }

    private enum CodingKeys: String, CodingKey { case importedNumbers, nextPageToken, totalSize }

    /// Encodes the page as the API sends it (``rejectedRecords`` are not part of it).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(importedNumbers, forKey: .importedNumbers)
        try container.encodeIfPresent(nextPageToken, forKey: .nextPageToken)
        try container.encodeIfPresent(totalSize, forKey: .totalSize)
    }

    /// Decodes a page, moving records that cannot be decoded to ``rejectedRecords``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let entries = try container.decodeIfPresent([ImportedNumberEntry].self, forKey: .importedNumbers) ?? []
        importedNumbers = []
        importedNumbers.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            switch entry.result {
            case .success(let number):
                importedNumbers.append(number)
            case .failure(let error):
                rejectedRecords.append(
                    RejectedRecord(
                        index: index, phoneNumber: entry.phoneNumber,
                        reason: ImportedNumbersClient.describe(error)))
            }
        }
        nextPageToken = try container.decodeIfPresent(String.self, forKey: .nextPageToken)
        if let text = try? container.decodeIfPresent(String.self, forKey: .totalSize) {
            totalSize = Int(text)  // int32 may be sent as a string by JSON-mapped protobuf
        } else {
            totalSize = try container.decodeIfPresent(Int.self, forKey: .totalSize)
        }
    }

    /// Decodes a page body: with the fast decoder written for this schema, or with `JSONDecoder` (which
    /// also names rejected records) whenever the fast one is not certain.
    ///
    /// A member that appears twice is never resolved silently (readers disagree on which value counts):
    /// in a record, the record is rejected (`duplicate member "phoneNumber"`); anywhere else in the page,
    /// the page is invalid. The fast decoder gives up on any repeated member, so both paths agree.
    public static func decode(from body: [UInt8]) throws -> ListImportedNumbersResponse {
        try decodeWithSpans(from: body).response
    }

    /// ``decode(from:)``, and where the records' text fields stand in `body` when the fast decoder read it
    /// (`nil` when `JSONDecoder` did).
    package static func decodeWithSpans(
        from body: [UInt8]
    ) throws -> (response: ListImportedNumbersResponse, spans: RecordSpans?) {
        if let decoded = FastPageDecoder.decodeWithSpans(body) { return (decoded.response, decoded.spans) }
        return (try decodeWithJSONDecoder(from: body), nil)
    }

    /// The fallback of ``decode(from:)``: `JSONDecoder`, with duplicated members found first.
    static func decodeWithJSONDecoder(from body: [UInt8]) throws -> ListImportedNumbersResponse {
        let duplicates = DuplicateMemberScanner.scan(body)
        if let member = duplicates.page { throw DuplicateMemberError(member: member) }
        var page = try JSONDecoder().decode(ListImportedNumbersResponse.self, from: Data(body))
        if !duplicates.records.isEmpty { page.reject(duplicates.records) }
        return page
    }

    /// Moves the records with a duplicated member (by index) to ``rejectedRecords``.
    private mutating func reject(_ duplicates: [Int: String]) {
        let earlier = Dictionary(rejectedRecords.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        var decoded = importedNumbers.makeIterator()
        var kept: [ImportedNumber] = []
        var rejected: [RejectedRecord] = []
        for index in 0..<(importedNumbers.count + rejectedRecords.count) {
            let number = earlier[index] == nil ? decoded.next() : nil
            guard let member = duplicates[index] else {
                if let number { kept.append(number) } else if let record = earlier[index] { rejected.append(record) }
                continue
            }
            // A repeated phone number has no one value to show.
            let phoneNumber = member == "phoneNumber" ? nil : (number?.phoneNumber ?? earlier[index]?.phoneNumber)
            rejected.append(
                RejectedRecord(index: index, phoneNumber: phoneNumber, reason: "duplicate member \"\(member)\""))
        }
        importedNumbers = kept
        rejectedRecords = rejected
    }

    /// Whether another page follows this one.
    public var hasNextPage: Bool { !(nextPageToken ?? "").isEmpty }
}
