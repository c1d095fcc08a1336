/// Formats instants, held as microseconds since the Unix epoch, the way the API does:
/// `2025-04-02T19:45:28.650924Z` (UTC, always six fractional digits).
enum FakeTimestamp {
    static let microsPerSecond: Int64 = 1_000_000
    static let microsPerMinute: Int64 = 60 * microsPerSecond
    static let microsPerHour: Int64 = 60 * microsPerMinute

    /// Appends the timestamp's UTF-8 bytes (27 of them for years 0–9999) to `bytes`.
    static func append(micros: Int64, to bytes: inout [UInt8], fractional: Bool = true) {
        let (seconds, micro) = floorDivide(micros, microsPerSecond)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = civil(fromDays: days)
        appendDigits(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, width: 2, to: &bytes)
        if fractional {
            bytes.append(UInt8(ascii: "."))
            appendDigits(micro, width: 6, to: &bytes)
        }
        bytes.append(UInt8(ascii: "Z"))
    }

    /// The timestamp as a `String`.
    static func string(micros: Int64, fractional: Bool = true) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(27)
        append(micros: micros, to: &bytes, fractional: fractional)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : (value - divisor + 1) / divisor
        return (quotient, value - quotient * divisor)
    }

    /// Howard Hinnant's `civil_from_days`: days since 1970-01-01 to a proleptic Gregorian date.
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func appendDigits(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        var remaining = max(0, value)
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(remaining / divisor % 10))
            remaining %= divisor
            divisor /= 10
        }
    }
}
