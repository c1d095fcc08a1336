/// A number in one file only, as the search for moved numbers sorts it: by phone number, then position.
struct PhoneKey: BitwiseCopyable, Sendable {
    var phone: UInt64
    var position: UInt32

    @Sendable static func precedes(_ left: PhoneKey, _ right: PhoneKey) -> Bool {
        (left.phone, left.position) < (right.phone, right.position)
    }
}
