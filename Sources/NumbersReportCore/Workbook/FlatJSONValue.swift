import ReportWriters

/// One value of a line of `numbers.ndjson.gz`, as the rows are written there: `null`, a boolean, an
/// integer, a string, or a list of those.
enum FlatJSONValue: Decodable, Hashable {
    case null
    case boolean(Bool)
    case integer(Int)
    case text(String)
    case list([FlatJSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .boolean(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(String.self) {
            self = .text(value)
        } else {
            self = .list(try container.decode([FlatJSONValue].self))
        }
    }

    /// The value as the CSV writer takes it.
    var cell: Cell {
        switch self {
        case .null: .absent
        case .boolean(let value): .boolean(value)
        case .integer(let value): .integer(value)
        case .text(let value): .text(value)
        case .list(let items): .list(items.map(\.cell))
        }
    }
}
