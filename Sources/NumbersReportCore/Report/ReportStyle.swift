import Foundation

/// Inline styles of the elements the report adds (mail clients ignore style sheets).
enum ReportStyle {
    static let table = "border-collapse:collapse;width:100%;margin:0 0 8px 0;font-size:13px;"
    static let headerCell =
        "text-align:left;padding:5px 8px;background-color:#f3f4f6;border-bottom:1px solid #d1d5db;color:#374151;"
    static let headerNumberCell = headerCell + "text-align:right;"
    static let cell = "padding:5px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top;"
    static let numberCell = cell + "text-align:right;white-space:nowrap;"
    static let codeCell = cell + "font-family:Consolas,Menlo,monospace;font-size:12px;word-break:break-all;"
    static let reasonCell = cell + "font-family:Consolas,Menlo,monospace;font-size:12px;white-space:nowrap;"
    static let note = "color:#4b5563;margin:4px 0 8px 0;"
    /// A phone number or a code: never broken inside.
    static let unbroken = "white-space:nowrap;"
    static let link = "color:#1d4ed8;"
    static let warningNote =
        "color:#7c2d12;background-color:#fff7ed;border-left:4px solid #c2410c;padding:6px 10px;margin:4px 0 8px 0;"
    static let headline = "margin:0 0 12px 0;padding:10px 14px;border:1px solid #d1d5db;background-color:#f9fafb;"
    static let headlineMain = "font-size:18px;font-weight:bold;color:#111827;"
    static let headlineLevels = "font-size:14px;color:#374151;margin-top:4px;"
    static let headlineComplete = "font-size:13px;color:#15803d;margin-top:4px;"
    static let headlineIncomplete = "font-size:13px;font-weight:bold;color:#b91c1c;margin-top:4px;"
    static let actionsTitle = "font-size:16px;margin:12px 0 6px 0;color:#111827;"
    /// A code (a reason, an error code, an id): unbroken, in a face and size that keep the longest reason code
    /// (52 characters) inside a phone's 414 px.
    static let codeSpan = "font-family:Menlo,Consolas,monospace;font-size:11px;white-space:nowrap;font-weight:bold;"
    /// The same, not bold: ids and codes beside the text.
    static let idSpan = "font-family:Menlo,Consolas,monospace;font-size:11px;white-space:nowrap;color:#4b5563;"
    /// A line of a stacked cell: one fact of a number, scope or cause.
    static let detailLine = "margin-top:2px;"
    /// A label and its count, kept together; the next may wrap onto the next line.
    static let countSpan = "white-space:nowrap;margin-right:10px;"
    static let carrierMessage = "font-size:12px;color:#7c2d12;margin-top:2px;"
    static let meaning = "font-size:12px;color:#4b5563;margin-top:2px;"
    static let banner =
        "border:2px solid #b91c1c;background-color:#fef2f2;color:#7f1d1d;padding:10px 14px;margin:0 0 12px 0;"

    /// The colour of a level's label and bar.
    static func color(_ level: HealthLevel) -> String {
        switch level {
        case .failed: "#b91c1c"
        case .stale: "#c2410c"
        case .misconfigured: "#7c3aed"
        case .review: "#a16207"
        case .pending: "#2563eb"
        case .healthy: "#15803d"
        }
    }

    static func levelLabel(_ level: HealthLevel) -> String {
        "font-weight:bold;color:\(color(level));white-space:nowrap;"
    }

    /// The table a bar is drawn in (``ReportDocument/appendBar(_:_:label:)``).
    static let barTable = "width:100%;border-collapse:collapse;table-layout:fixed;"
    /// One coloured segment of a bar: a table cell, `percent` of the bar's width.
    static func barCell(_ level: HealthLevel, percent: Double) -> String {
        "width:\(String(format: "%.1f", max(percent, 0)))%;height:12px;padding:0;font-size:1px;line-height:12px;"
            + "background-color:\(color(level));"
    }
    /// The blank rest of a bar.
    static func barRest(percent: Double) -> String {
        "width:\(String(format: "%.1f", max(percent, 0)))%;height:12px;padding:0;font-size:1px;line-height:12px;"
    }
}
