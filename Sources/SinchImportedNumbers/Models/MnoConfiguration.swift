/// The per-carrier configuration of a number: SMS and MMS on AT&T and T-Mobile.
public struct MnoConfiguration: Codable, Hashable, Sendable {
    /// SMS on AT&T.
    public var smsAtt: CarrierState?
    /// SMS on T-Mobile.
    public var smsTmo: CarrierState?
    /// MMS on AT&T.
    public var mmsAtt: CarrierState?
    /// MMS on T-Mobile.
    public var mmsTmo: CarrierState?

    /// A configuration with the given carrier entries.
    public init(
        smsAtt: CarrierState? = nil, smsTmo: CarrierState? = nil, mmsAtt: CarrierState? = nil,
        mmsTmo: CarrierState? = nil
    ) {
        self.smsAtt = smsAtt
        self.smsTmo = smsTmo
        self.mmsAtt = mmsAtt
        self.mmsTmo = mmsTmo
    }
}
