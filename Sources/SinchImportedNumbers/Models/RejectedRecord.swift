/// A record of a page that could not be decoded (a wrong type, say), reported rather than dropped.
public struct RejectedRecord: Sendable, Hashable {
    /// Its position in the page's `importedNumbers`, from 0.
    public var index: Int
    /// The phone number, when it could be read.
    public var phoneNumber: String?
    /// What was wrong, with the field's path.
    public var reason: String

    package init(index: Int, phoneNumber: String?, reason: String) {
        self.index = index
        self.phoneNumber = phoneNumber
        self.reason = reason
    }
}

/// Decodes one element of `importedNumbers` without failing the page.
struct ImportedNumberEntry: Decodable {
    var result: Result<ImportedNumber, any Error>
    var phoneNumber: String?

    private enum Keys: String, CodingKey { case phoneNumber }

    init(from decoder: any Decoder) throws {
        do {
            result = .success(try ImportedNumber(from: decoder))
        } catch {
            result = .failure(error)
            phoneNumber = try? decoder.container(keyedBy: Keys.self).decodeIfPresent(String.self, forKey: .phoneNumber)
        }
    }
}
