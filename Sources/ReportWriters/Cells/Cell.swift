/// One value of a flat row, typed so that each format can write it properly: an empty CSV cell or
/// JSON `null` for ``absent``, JSON types for integers and booleans, `;`-joined CSV for lists.
public enum Cell: Sendable, Hashable {
    case absent
    case text(String)
    case integer(Int)
    case boolean(Bool)
    case list([Cell])

    /// `.text(value)`, or `.absent` for `nil`.
    public static func optionalText(_ value: String?) -> Cell { value.map(Cell.text) ?? .absent }
    /// `.integer(value)`, or `.absent` for `nil`.
    public static func optionalInteger(_ value: Int?) -> Cell { value.map(Cell.integer) ?? .absent }
    /// `.boolean(value)`, or `.absent` for `nil`.
    public static func optionalBoolean(_ value: Bool?) -> Cell { value.map(Cell.boolean) ?? .absent }
}
