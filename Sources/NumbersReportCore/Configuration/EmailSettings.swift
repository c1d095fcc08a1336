/// `email:` — the report as an email (`data/report.eml`), and optionally its hand-over to a mailer.
public struct EmailSettings: Sendable, Hashable, Codable {
    /// `email.from`: `Name <address>` or `address` (ASCII).
    public var from = "numbers-report <numbers-report@localhost>"
    /// `email.to`: one address or a list.
    public var to: [String] = []
    /// `email.cc`: one address or a list.
    public var cc: [String] = []
    /// `email.subject`: put before the night's summary in the subject line; may be non-ASCII.
    public var subject = "Sinch numbers report"
    /// `email.sendCommand`: a program and its arguments (no shell) that reads the message on standard
    /// input, e.g. `/usr/sbin/sendmail -t`. Unset: the message is only written to the snapshot.
    public var sendCommand: [String]?
    /// `email.sendTimeoutSeconds`: how long the mailer may take before it is stopped (SIGTERM, then
    /// SIGKILL) and the email counted as not sent. Unset: ``defaultSendTimeoutSeconds``.
    public var sendTimeoutSeconds: Double?
    /// The mailer's time limit when the config sets none.
    public static let defaultSendTimeoutSeconds = 120.0
    /// `email.gzipAttachmentAboveBytes`: `numbers.csv` is attached gzipped when larger than this.
    public var gzipAttachmentAboveBytes = 256 * 1024
    /// `email.maxAttachmentBytes`: above this (after gzip) the CSV is not attached; the mail says where it is.
    public var maxAttachmentBytes = 10 * 1024 * 1024

    public init() {}
}
