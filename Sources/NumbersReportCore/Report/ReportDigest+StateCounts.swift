extension ReportDigest {
    /// Rows per state of one channel, counted as rows stream past. A channel has a handful of states, so a state is
    /// found by comparing texts (two equal short texts compare by their bits) rather than by hashing it for each
    /// row; states beyond the first ``listedStates`` (an API that sends many) are counted in a dictionary.
    struct StateCounts: Sendable {
        /// How many states are found by comparison before the others go to a dictionary.
        static let listedStates = 16
        private var states: [String] = []
        private var counts: [Int] = []
        private var others: [String: Int] = [:]

        /// Counts `count` more rows in `state`.
        mutating func add(_ state: String, count: Int = 1) {
            if let index = states.firstIndex(of: state) {
                counts[index] += count
            } else if states.count < Self.listedStates {
                states.append(state)
                counts.append(count)
            } else {
                others[state, default: 0] += count
            }
        }

        /// Adds another channel's counts (a later scope's).
        mutating func merge(_ other: StateCounts) {
            for (state, count) in zip(other.states, other.counts) { add(state, count: count) }
            for (state, count) in other.others { add(state, count: count) }
        }

        var isEmpty: Bool { states.isEmpty }

        /// Rows per state.
        var dictionary: [String: Int] {
            others.merging(zip(states, counts)) { $0 + $1 }
        }
    }
}
