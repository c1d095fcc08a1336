/// The one table that gives every finding its meaning, who acts and the next step: by kind of finding
/// (``HealthReason/Kind``, every kind the rules can emit), and for the failure and error codes Sinch documents.
/// The README's glossary and the report are generated from it.
public enum ReasonCatalog {
    /// What a finding means and what to do about it.
    public struct Entry: Sendable, Hashable {
        /// What it means, in a sentence.
        public var meaning: String
        /// Who acts.
        public var actor: ReasonActor
        /// The next step.
        public var nextStep: String
        /// Where to read more (http or https), when there is a page.
        public var link: String?

        init(_ meaning: String, _ actor: ReasonActor, _ nextStep: String, link: String? = nil) {
            self.meaning = meaning
            self.actor = actor
            self.nextStep = nextStep
            self.link = link
        }
    }

    /// The entry for a finding: its error or failure code's, when the catalog knows the code, else its kind's.
    public static func entry(for reason: HealthReason) -> Entry {
        entry(kind: reason.kind, errorCode: reason.errorCode)
    }

    /// The entry of a kind of finding with this error or failure code: the code's, when the catalog knows it.
    public static func entry(kind: HealthReason.Kind, errorCode: String?) -> Entry {
        if let errorCode, let entry = codes[errorCode] { return entry }
        return kinds[kind]!
    }

    /// The entry of a kind of finding. Every ``HealthReason/Kind`` has one (a test checks it).
    public static let kinds: [HealthReason.Kind: Entry] = [
        .operationFailed: Entry(
            "A carrier or Sinch refused to provision the number for SMS or MMS, or for its campaign.",
            .sinchSupport,
            "Read the error code and message; fix what it names, or open a Sinch support case with the number."),
        .scheduledFailed: Entry(
            "A scheduled move of the number to another service plan or campaign failed.",
            .customer,
            "Read the failure code; fix its cause, then schedule the change again."),
        .stale: Entry(
            "An operation has been in progress or waiting for longer than health.staleAfterHours.",
            .sinchSupport,
            "Open a Sinch support case naming the number, the operation and since when it waits."),
        .scopeMismatch: Entry(
            "The number's project, service plan or campaign is not the one this scope lists it under.",
            .customer,
            "Move the number to the scope's plan and campaign, or correct the scope in the report's config."),
        .missingConfiguration: Entry(
            "The number has no SMS service plan or campaign.",
            .customer,
            "Assign the number to a service plan and a 10DLC campaign in the Sinch dashboard or API."),
        .deprovisioned: Entry(
            "SMS on a carrier, or SMS or campaign provisioning, was removed: the number cannot send under the scope.",
            .customer,
            "If the number should send, provision it again; if it was retired, remove it from the hosting order."),
        .migrationPending: Entry(
            "The number must move to Sinch on T-Mobile (migrateToSinchTmo) and that has not completed.",
            .customer,
            "Ask the previous aggregator to release the number on T-Mobile; Sinch then completes the migration."),
        .unknownValue: Entry(
            "The API sent a state, operation or status that its reference does not list, or an *_UNSPECIFIED value.",
            .sinchSupport,
            "Ask Sinch support what the value means for this number; until then, do not count it as working."),
        .missingField: Entry(
            "An operation came without its state or its operation, so its outcome is unknown.",
            .sinchSupport,
            "Ask Sinch support for the operation's state; until then, do not count it as working."),
        .errorWithoutFailure: Entry(
            "An operation that did not fail carries an error code (often a transient error that was retried).",
            .sinchSupport,
            "Check that the number sends; if the code stays, ask Sinch support what it means."),
        .ageUnknown: Entry(
            "An operation is in flight but its update time cannot be read, so its age is unknown.",
            .sinchSupport,
            "Ask Sinch support since when the operation waits."),
        .unspecifiedFailure: Entry(
            "A scheduled change reports the failure code ERROR_CODE_UNSPECIFIED: something failed, but not what.",
            .sinchSupport,
            "Open a Sinch support case naming the number and the scheduled change."),
        .absent: Entry(
            "The API did not say how the number stands on an SMS carrier or with SMS or campaign provisioning.",
            .sinchSupport,
            "Look the number up in the Sinch dashboard; ask Sinch support if the entry stays missing."),
        .missingServiceID: Entry(
            "Campaign provisioning does not say which campaign it is for.",
            .sinchSupport,
            "Look the number up in the Sinch dashboard; ask Sinch support if the campaign stays missing."),
        .undecodableRecord: Entry(
            "The API sent a record this tool could not read (see record_error); its raw bytes are in the snapshot.",
            .sinchSupport,
            "Send the record_error and the raw page to Sinch support; the number is not counted as working."),
        .pending: Entry(
            "An operation is in progress or waiting, within health.staleAfterHours.",
            .customer,
            "Nothing yet: check again tomorrow."),
    ]

    /// Entries for the failure and error codes Sinch documents (scheduled failure codes, provisioning errors,
    /// carrier codes). A code not listed here falls back to its kind's entry.
    public static let codes: [String: Entry] = {
        let tcr = "https://www.campaignregistry.com/"
        var table: [String: Entry] = [
            "CAMPAIGN_EXPIRED": Entry(
                "The 10DLC campaign has expired in The Campaign Registry.", .campaignOwner,
                "The brand renews the campaign in TCR, or the numbers move to an active campaign.", link: tcr),
            "CAMPAIGN_MNO_REJECTED": Entry(
                "A carrier rejected the campaign.", .campaignOwner,
                "The brand reads the carrier's rejection in TCR, fixes the campaign and resubmits it.", link: tcr),
            "CAMPAIGN_MNO_REVIEW": Entry(
                "A carrier is still reviewing the campaign.", .campaignOwner,
                "Wait for the carrier's review; the brand answers any question it raises in TCR.", link: tcr),
            "CAMPAIGN_MNO_SUSPENDED": Entry(
                "A carrier suspended the campaign.", .campaignOwner,
                "The brand contacts the carrier through TCR to learn why and to lift the suspension.", link: tcr),
            "CAMPAIGN_NOT_AVAILABLE": Entry(
                "The campaign has not selected Sinch as its connectivity partner in The Campaign Registry.",
                .campaignOwner, "The brand owner accepts Sinch as connectivity partner for the campaign in TCR.",
                link: tcr),
            "CAMPAIGN_PENDING_ACCEPTANCE": Entry(
                "The campaign waits for its connectivity partner to be accepted in The Campaign Registry.",
                .campaignOwner, "The brand owner accepts Sinch as connectivity partner for the campaign in TCR.",
                link: tcr),
            "CAMPAIGN_PROVISIONING_FAILED": Entry(
                "Linking the number to the campaign failed.", .sinchSupport,
                "Open a Sinch support case; Sinch usually retries the link."),
            "EXCEEDED_10DLC_LIMIT": Entry(
                "The campaign holds as many numbers as it may (about 50; T-Mobile counts 49 unless the campaign is "
                    + "an approved number pool).", .customer,
                "Move numbers to another campaign, or apply for a number-pool campaign."),
            "INSUFFICIENT_BALANCE": Entry(
                "The Sinch account's balance is too low to provision the number.", .billing,
                "Top up the account or fix its payment method, then provision again."),
            "INTERNAL_ERROR": Entry(
                "An internal Sinch error.", .sinchSupport, "Usually retried by Sinch; if it stays, open a support case."
            ),
            "INVALID_NNID": Entry(
                "The number's routing record (NNID) is not valid for SMS.", .customer,
                "The number's owner fixes its routing record with the carrier of record, then provisions again."),
            "MNO_SHARING_ERROR": Entry(
                "Sharing the campaign with a carrier failed.", .sinchSupport,
                "Open a Sinch support case naming the campaign."),
            "MOCK_CAMPAIGN_NOT_ALLOWED": Entry(
                "The campaign is a mock (test) campaign, which production numbers cannot use.", .customer,
                "Move the number to a real, approved campaign."),
            "NUMBER_PROVISIONING_FAILED": Entry(
                "Provisioning the number failed.", .sinchSupport,
                "Usually retried by Sinch; if it stays, open a support case."),
            "PARTNER_SERVICE_UNAVAILABLE": Entry(
                "A partner service was unavailable.", .sinchSupport,
                "Usually retried by Sinch; if it stays, open a support case."),
            "SMS_PROVISIONING_FAILED": Entry(
                "Provisioning the number on the SMS platform failed.", .sinchSupport,
                "Open a Sinch support case naming the number."),
            "TFN_NOT_ALLOWED": Entry(
                "Toll-free numbers cannot be used for 10DLC.", .customer,
                "Remove the number from the 10DLC hosting order; use toll-free messaging for it."),
            "60135": Entry(
                "T-Mobile: another aggregator still holds the number; it must be migrated to Sinch.", .customer,
                "Ask the previous aggregator to release the number on T-Mobile (migrateToSinchTmo)."),
            "CRS0001": Entry(
                "The campaign holds as many numbers as it may (EXCEEDED_10DLC_LIMIT).", .customer,
                "Move numbers to another campaign, or apply for a number-pool campaign."),
        ]
        for code in ["CRS0003", "CRS0013", "CRS0015"] {
            table[code] = Entry(
                "An internal error while provisioning the number.", .sinchSupport,
                "Open a Sinch support case naming the number and the code.")
        }
        for code in ["501", "502"] {
            table[code] = Entry(
                "The campaign has not selected Sinch as its connectivity partner (CAMPAIGN_NOT_AVAILABLE).",
                .campaignOwner, "The brand owner accepts Sinch as connectivity partner for the campaign in TCR.",
                link: tcr)
        }
        return table
    }()
}
