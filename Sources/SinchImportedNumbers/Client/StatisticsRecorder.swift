import Synchronization

/// The client's counters, shared by its requests and its token fetches.
final class StatisticsRecorder: Sendable {
    private let state = Mutex(ClientStatistics())

    func record(_ change: (inout ClientStatistics) -> Void) {
        state.withLock { change(&$0) }
    }

    var snapshot: ClientStatistics { state.withLock { $0 } }
}
