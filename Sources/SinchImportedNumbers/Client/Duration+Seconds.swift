import NIOCore

extension Duration {
    /// The duration in seconds, with its fraction.
    package var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// The duration in whole nanoseconds, saturating at `Int64.min` / `Int64.max` instead of trapping.
    package var saturatingNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (total, overflowSum) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflowSum { return seconds < 0 ? .min : .max }
        return total
    }

    /// A NIO `TimeAmount` for this duration, kept between zero and a day so that adding it to a
    /// deadline cannot overflow.
    package var nioTimeAmount: TimeAmount {
        .nanoseconds(Swift.min(Swift.max(saturatingNanoseconds, 0), 86_400 * 1_000_000_000))
    }
}
