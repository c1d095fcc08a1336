import Dispatch
import Synchronization

/// Hands the bytes to another sink on a serial queue of its own, so that compressing, hashing and
/// writing run on another core while the caller encodes what comes next. At most `depth` buffers wait
/// at a time, which bounds memory. A failure downstream is thrown by the next `write` or by `close`.
public final class BackgroundSink: ByteSink {
    /// The downstream sink, touched only on `queue`.
    private struct Downstream: @unchecked Sendable {
        // Safe: every use of `sink` happens in a block on the one serial `queue`, one after the other.
        let sink: any ByteSink
    }

    private let downstream: Downstream
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore
    private let failure = FirstFailure()

    /// The first error downstream, shared with the queue's blocks.
    private final class FirstFailure: Sendable {
        private let state = Mutex<(any Error)?>(nil)
        var error: (any Error)? { state.withLock { $0 } }
        func record(_ error: any Error) { state.withLock { if $0 == nil { $0 = error } } }
    }

    public init(downstream: any ByteSink, label: String, depth: Int = 4) {
        self.downstream = Downstream(sink: downstream)
        self.queue = DispatchQueue(label: "numbers-report.\(label)")
        self.slots = DispatchSemaphore(value: depth)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        if let error = failure.error { throw error }
        guard !bytes.isEmpty else { return }
        let copy = [UInt8](bytes)
        slots.wait()
        queue.async { [downstream, slots, failure] in
            defer { slots.signal() }
            guard failure.error == nil else { return }
            do {
                try downstream.sink.write(copy)
            } catch {
                failure.record(error)
            }
        }
    }

    /// Waits for every buffer, closes the downstream sink and reports any failure.
    public func close() throws {
        let result: Result<Void, any Error> = queue.sync { [downstream] in
            Result { try downstream.sink.close() }
        }
        if let error = failure.error { throw error }
        try result.get()
    }
}
