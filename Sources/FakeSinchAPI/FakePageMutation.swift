/// Hostile edits of a served page's JSON bytes, for the faults that make a page ambiguous or not UTF-8.
enum FakePageMutation {
    /// The first record gets a made-up `phoneNumber` before its own one.
    static func duplicatePhoneNumber(_ page: [UInt8]) -> [UInt8] {
        guard let start = find(Array("\"importedNumbers\":[{".utf8), in: page) else { return page }
        var bytes = page
        bytes.insert(contentsOf: Array("\"phoneNumber\":\"+19999999999\",".utf8), at: start)
        return bytes
    }

    /// The page gets an empty `nextPageToken` before everything else, so that its real one comes second (a last
    /// page without one gets `totalSize` twice instead, `0` first).
    static func duplicateNextPageToken(_ page: [UInt8]) -> [UInt8] {
        guard page.first == UInt8(ascii: "{") else { return page }
        var bytes = page
        let hasToken = find(Array("\"nextPageToken\":\"".utf8), in: page) != nil
        bytes.insert(contentsOf: Array((hasToken ? "\"nextPageToken\":\"\"," : "\"totalSize\":0,").utf8), at: 1)
        return bytes
    }

    /// The first `displayName` of the page gets the bytes `FF C3 28` (not UTF-8) at its start.
    static func invalidUTF8(_ page: [UInt8]) -> [UInt8] {
        guard let start = find(Array("\"displayName\":\"".utf8), in: page) else { return page }
        var bytes = page
        bytes.insert(contentsOf: [0xFF, 0xC3, 0x28], at: start)
        return bytes
    }

    /// The index just past the first occurrence of `needle`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count)
        where haystack[index] == needle[0] && Array(haystack[index..<(index + needle.count)]) == needle {
            return index + needle.count
        }
        return nil
    }
}
