/// A page whose object has the same member twice outside its records (two `nextPageToken`, say): which
/// value counts depends on the reader, so the page is not accepted.
struct DuplicateMemberError: Error, CustomStringConvertible {
    /// The member's path, e.g. `nextPageToken`.
    var member: String

    var description: String { "duplicate member \"\(ServerText.sanitize(member, limit: 200))\"" }
}
