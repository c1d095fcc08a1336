import SinchImportedNumbers

/// `scheduledProvisioning.status` read in either form the API uses: the reference's integers, or the strings of
/// Sinch's Numbers API and SDKs. Integers follow the string enum's order, as Sinch's generated enums number them.
enum ScheduledStatus: Sendable, Hashable {
    case unspecified
    case waiting
    case inProgress
    case failed
    /// Any other value, as received.
    case unknown(String)

    init(_ code: APICode) {
        switch code.integerValue {
        case 0?: self = .unspecified
        case 1?: self = .waiting
        case 2?: self = .inProgress
        case 3?: self = .failed
        case .some: self = .unknown(code.rawValue)
        case nil:
            switch code.rawValue {
            case "PROVISIONING_STATUS_UNSPECIFIED": self = .unspecified
            case "WAITING": self = .waiting
            case "IN_PROGRESS": self = .inProgress
            case "FAILED": self = .failed
            default: self = .unknown(code.rawValue)
            }
        }
    }

    /// The name used in reasons (`sched:IN_PROGRESS:81h`), whatever the form received.
    var name: String {
        switch self {
        case .unspecified: "PROVISIONING_STATUS_UNSPECIFIED"
        case .waiting: "WAITING"
        case .inProgress: "IN_PROGRESS"
        case .failed: "FAILED"
        case .unknown(let raw): raw
        }
    }

    /// The failure code that says nothing: `ERROR_CODE_UNSPECIFIED`, or integer 0.
    static func isUnspecifiedFailure(_ code: APICode) -> Bool {
        code.rawValue == "ERROR_CODE_UNSPECIFIED" || code.integerValue == 0
    }
}
