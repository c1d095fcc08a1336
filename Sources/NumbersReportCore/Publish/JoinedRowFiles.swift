/// The row files as joined into the payload, and what the email attaches of the CSV.
struct JoinedRowFiles: Sendable {
    /// The email's attachment, prepared while `numbers.csv` was joined.
    var csvAttachment: CSVAttachment
}
