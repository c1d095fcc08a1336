/// One page of `GET /v1/projects/{projectId}/importedNumbers`.
public struct ListImportedNumbersResponse: Codable, Hashable, Sendable {
    /// The numbers on this page; an absent array is an empty page.
    public var importedNumbers: [ImportedNumber]
    /// Empty or absent on the last page.
    public var nextPageToken: String?
    /// The total across all pages, when the server sends it.
    public var totalSize: Int?

    public init(importedNumbers: [ImportedNumber] = [], nextPageToken: String? = nil, totalSize: Int? = nil) {
        self.importedNumbers = importedNumbers
        self.nextPageToken = nextPageToken
        self.totalSize = totalSize
    }

    private enum CodingKeys: String, CodingKey { case importedNumbers, nextPageToken, totalSize }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        importedNumbers = try container.decodeIfPresent([ImportedNumber].self, forKey: .importedNumbers) ?? []
        nextPageToken = try container.decodeIfPresent(String.self, forKey: .nextPageToken)
        if let text = try? container.decodeIfPresent(String.self, forKey: .totalSize) {
            totalSize = Int(text)  // int32 may be sent as a string by JSON-mapped protobuf
        } else {
            totalSize = try container.decodeIfPresent(Int.self, forKey: .totalSize)
        }
    }

    /// Whether another page follows this one.
    public var hasNextPage: Bool { !(nextPageToken ?? "").isEmpty }
}
