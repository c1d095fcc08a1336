/// The `mnoConfiguration` object of a generated record; a `nil` entry is omitted.
struct FakeMnoPlan: Sendable, Hashable {
    var smsAtt: FakeCarrierEntryPlan?
    var smsTmo: FakeCarrierEntryPlan?
    var mmsAtt: FakeCarrierEntryPlan?
    var mmsTmo: FakeCarrierEntryPlan?
    /// An entry the API reference does not list (an unknown carrier), sent to test lenient decoders.
    var mmsVzw: FakeCarrierEntryPlan?

    /// The four documented entries by position: 0 smsAtt, 1 smsTmo, 2 mmsAtt, 3 mmsTmo.
    subscript(carrier: Int) -> FakeCarrierEntryPlan? {
        get {
            switch carrier {
            case 0: smsAtt
            case 1: smsTmo
            case 2: mmsAtt
            default: mmsTmo
            }
        }
        set {
            switch carrier {
            case 0: smsAtt = newValue
            case 1: smsTmo = newValue
            case 2: mmsAtt = newValue
            default: mmsTmo = newValue
            }
        }
    }

    func write(to writer: inout FakeJSONWriter) {
        writer.beginObject()
        if let smsAtt {
            writer.key("smsAtt")
            smsAtt.write(to: &writer)
        }
        if let smsTmo {
            writer.key("smsTmo")
            smsTmo.write(to: &writer)
        }
        if let mmsAtt {
            writer.key("mmsAtt")
            mmsAtt.write(to: &writer)
        }
        if let mmsTmo {
            writer.key("mmsTmo")
            mmsTmo.write(to: &writer)
        }
        if let mmsVzw {
            writer.key("mmsVzw")
            mmsVzw.write(to: &writer)
        }
        writer.endObject()
    }
}
