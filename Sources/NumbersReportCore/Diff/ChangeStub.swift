/// A change as the diff orders it before its rows' details are read: its category and place (the order of
/// ``SnapshotDiff/allChanges()``), its kind, and the positions of its rows in the old and the new rows file.
struct ChangeStub: BitwiseCopyable, Sendable {
    var category: UInt8
    var kind: UInt8
    /// Within a category: the new row's position for added and moved numbers, the old row's for the others.
    var place: UInt32
    /// Position among the old file's rows (non-empty lines), or ``none``.
    var old: UInt32
    /// Position among the new file's rows, or ``none``.
    var new: UInt32

    static let none = UInt32.max

    init(_ kind: SnapshotChange.Kind, _ category: SnapshotChange.Category, old: UInt32?, new: UInt32?) {
        self.kind = UInt8(SnapshotChange.Kind.allCases.firstIndex(of: kind)!)
        self.category = UInt8(category.rawValue)
        self.old = old ?? Self.none
        self.new = new ?? Self.none
        switch kind {
        case .added, .moved: place = new ?? Self.none
        case .removed, .notFetched, .health, .errorCodes, .smsReady: place = old ?? Self.none
        }
    }

    var changeKind: SnapshotChange.Kind { SnapshotChange.Kind.allCases[Int(kind)] }

    /// Worst category first, then by place.
    @Sendable static func precedes(_ left: ChangeStub, _ right: ChangeStub) -> Bool {
        (left.category, left.place) < (right.category, right.place)
    }
}
