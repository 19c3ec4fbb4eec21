import Dispatch
import Foundation

/// A value made on another thread, so that the caller goes on meanwhile; `value()` waits
/// for it (at most once) and gives it, or what making it threw.
///
/// Making starts at `start()`, at the first `value()`, or at once when created with
/// `startingNow`. The dashboard starts its questionnaires only when a frame needs them:
/// read beside the start on a machine of two cores, they made opening the database take
/// about 12 ms instead of 8 (docs/BENCHMARKS.md), though they ran on the other core.
public final class Prefetched<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Result<Value, any Error>?
    private var make: (@Sendable () throws -> Value)?

    public init(startingNow: Bool = true, _ make: @escaping @Sendable () throws -> Value) {
        self.make = make
        if startingNow { start() }
    }

    /// Begins making the value on another thread; does nothing once begun.
    public func start() {
        guard let make = lock.withLock({ () -> (@Sendable () throws -> Value)? in
            defer { self.make = nil }
            return self.make
        }) else { return }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let made = Result { try make() }
            lock.withLock { result = made }
            done.signal()
        }
    }

    /// Whether making has begun (or is over).
    public var hasStarted: Bool { lock.withLock { make == nil } }

    public func value() throws -> Value {
        if let result = lock.withLock({ result }) { return try result.get() }
        start()
        done.wait()
        done.signal()  // whoever asks next does not wait
        return try lock.withLock { result! }.get()
    }
}
