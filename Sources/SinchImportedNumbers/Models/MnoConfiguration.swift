/// The per-carrier configuration of a number: SMS and MMS on AT&T and T-Mobile.
public struct MnoConfiguration: Codable, Hashable, Sendable {
    public var smsAtt: CarrierState?
    public var smsTmo: CarrierState?
    public var mmsAtt: CarrierState?
    public var mmsTmo: CarrierState?

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
