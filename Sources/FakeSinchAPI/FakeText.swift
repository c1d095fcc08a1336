/// User-supplied free text of a generated record (`displayName`, `callbackUrl`): ordinary or hostile.
enum FakeText: Sendable, Hashable {
    /// "Store 0042 alerts", "Clinic 0042 reminders" or "Branch 0042 promos".
    case ordinaryName(Int)
    /// "https://hooks.example.com/sms/42".
    case ordinaryURL(Int)
    /// One of ``hostileNames``.
    case hostileName(Int)
    /// One of ``hostileURLs``.
    case hostileURL(Int)

    var rendered: String {
        switch self {
        case .ordinaryName(let number):
            let kinds = ["Store", "Clinic", "Branch"]
            let purposes = ["alerts", "reminders", "promos"]
            let padded = String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
            return "\(kinds[number % 3]) \(padded) \(purposes[number % 3])"
        case .ordinaryURL(let number):
            return "https://hooks.example.com/sms/\(number)"
        case .hostileName(let variant):
            return Self.hostileNames[variant % Self.hostileNames.count]
        case .hostileURL(let variant):
            return Self.hostileURLs[variant % Self.hostileURLs.count]
        }
    }

    /// Display names that break naive CSV, HTML/XML, terminals and bidi rendering.
    static let hostileNames: [String] = [
        "<script>alert(1)</script>",
        "Closing ]]> a CDATA section & <b>bold</b>",
        "=HYPERLINK(\"http://x\")",
        "+1+1",
        "-2",
        "@SUM(A1)",
        "\tTab-led name",
        "\rCR-led name",
        "Smith, \"Bob\" & Co., Ltd.",
        "Line one\r\nLine two\nLine three",
        "Invoice \u{202E}fdp.exe",
        "Caf\u{E9} \u{2615} party \u{1F389}\u{1F4F1}",
        "\u{1D54A}\u{1D565}\u{1D560}\u{1D563}\u{1D556} \u{2070E}\u{20BB7} (non-BMP)",
        "",
        String(repeating: "Very long display name 0123456789 ", count: 121).prefix(4096).description,
        "Terminal \u{1B}[31mred\u{1B}[0m bell\u{07} and U+2028\u{2028}here",
    ]

    /// Callback URLs that must never become live links, plus plain, empty and oversized ones.
    static let hostileURLs: [String] = [
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "http://insecure.example.com/sms",
        "",
        "https://hooks.example.com/sms/" + String(repeating: "a", count: 4096 - 30),
        "https://hooks.example.com/sms?a=1&b=<b>\"q\"</b>",
        "JaVaScRiPt:alert(document.domain)",
    ]
}
