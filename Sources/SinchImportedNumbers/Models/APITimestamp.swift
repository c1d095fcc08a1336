import Foundation

/// Parses the API's RFC 3339 timestamps (`2025-04-02T19:45:28.650924Z`).
///
/// Written by hand rather than with `ISO8601DateFormatter`: it runs once per operation of every row,
/// accepts any number of fraction digits and a numeric offset, and needs no locale or shared state.
public enum APITimestamp {
    /// The instant of an RFC 3339 date-time, or `nil` when the text is not one.
    public static func parse(_ text: String) -> Date? {
        var utf8 = Array(text.utf8)
        guard utf8.count >= 20 else { return nil }
        if utf8[10] == UInt8(ascii: "t") || utf8[10] == UInt8(ascii: " ") { utf8[10] = UInt8(ascii: "T") }
        func digits(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<(start + count) {
                let byte = utf8[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = digits(0, 4), utf8[4] == UInt8(ascii: "-"), let month = digits(5, 2),
            utf8[7] == UInt8(ascii: "-"), let day = digits(8, 2), utf8[10] == UInt8(ascii: "T"),
            let hour = digits(11, 2), utf8[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
            utf8[16] == UInt8(ascii: ":"), let second = digits(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < utf8.count, utf8[index] >= 48, utf8[index] <= 57 {
                fraction += Double(utf8[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < utf8.count else { return nil }
        var offsetSeconds = 0
        switch utf8[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == utf8.count, utf8[index + 3] == UInt8(ascii: ":"),
                let offsetHours = digits(index + 1, 2), let offsetMinutes = digits(index + 4, 2)
            else { return nil }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (utf8[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == utf8.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Reads `yyyy-MM-ddTHHmmssZ`, the name of a snapshot directory.
    package static func parseCompact(_ text: String) -> Date? {
        let utf8 = Array(text.utf8)
        guard utf8.count == 18, utf8[10] == UInt8(ascii: "T") else { return nil }
        let expanded =
            String(decoding: utf8[0..<13], as: UTF8.self) + ":" + String(decoding: utf8[13..<15], as: UTF8.self)
            + ":" + String(decoding: utf8[15...], as: UTF8.self)
        return parse(expanded)
    }

    /// `yyyy-MM-ddTHH:mm:ssZ` in UTC, whole seconds.
    package static func format(_ date: Date) -> String {
        let civil = civilTime(date)
        return "\(pad(civil.year, 4))-\(pad(civil.month))-\(pad(civil.day))T"
            + "\(pad(civil.hour)):\(pad(civil.minute)):\(pad(civil.second))Z"
    }

    /// `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC, milliseconds cut (not rounded): for log lines.
    package static func formatMilliseconds(_ date: Date) -> String {
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
        return String(format(date).dropLast()) + "." + pad((milliseconds + 1000) % 1000, 3) + "Z"
    }

    /// `yyyy-MM-ddTHHmmssZ` in UTC: the name of a snapshot directory.
    package static func formatCompact(_ date: Date) -> String {
        let civil = civilTime(date)
        return "\(pad(civil.year, 4))-\(pad(civil.month))-\(pad(civil.day))T"
            + "\(pad(civil.hour))\(pad(civil.minute))\(pad(civil.second))Z"
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func civilTime(
        _ date: Date
    ) -> (
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    ) {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        var days = total / 86_400
        var secondOfDay = total % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
    }

    /// Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic Gregorian date.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
