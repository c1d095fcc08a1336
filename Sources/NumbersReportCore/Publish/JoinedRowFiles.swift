/// The row files as joined into the payload, and what the email attaches of the CSV.
struct JoinedRowFiles {
    /// The email's attachment, prepared while `numbers.csv` was joined.
    var csvAttachment: CSVAttachment
    /// Where tonight's `numbers.ndjson.gz` is, for the comparison with the previous night.
    var ndjsonPath: String
}
