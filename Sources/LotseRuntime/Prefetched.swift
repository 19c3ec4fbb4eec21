import Dispatch
import Foundation

/// A value made on another thread from the moment it is asked for, so that the program's
/// start goes on meanwhile; `value()` waits for it (at most once) and gives it, or what
/// making it threw.
public final class Prefetched<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Result<Value, any Error>?

    public init(_ make: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let made = Result { try make() }
            lock.withLock { result = made }
            done.signal()
        }
    }

    public func value() throws -> Value {
        if let result = lock.withLock({ result }) { return try result.get() }
        done.wait()
        done.signal()  // whoever asks next does not wait
        return try lock.withLock { result! }.get()
    }
}
