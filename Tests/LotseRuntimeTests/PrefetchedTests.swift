import Foundation
import Testing
@testable import LotseRuntime

/// A value made on another thread: made once, given to every caller, errors passed on.
@Suite struct PrefetchedTests {
    struct Refused: Error, Equatable {}

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func next() -> Int { lock.withLock { n += 1; return n } }
        var count: Int { lock.withLock { n } }
    }

    @Test func theValueIsMadeOnceAndEveryCallerGetsIt() throws {
        let made = Counter()
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let value = Prefetched { () -> Int in
            started.signal()
            release.wait()
            return made.next() * 42
        }
        started.wait()  // making has begun on another thread, before anyone asks
        let answers = Counter()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { release.signal() }
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            if (try? value.value()) == 42 { _ = answers.next() }
        }
        #expect(answers.count == 4)
        #expect(try value.value() == 42)
        #expect(made.count == 1)
    }

    @Test func whatMakingThrewIsThrownToEveryCaller() {
        let value = Prefetched<Int> { throw Refused() }
        #expect(throws: Refused.self) { try value.value() }
        #expect(throws: Refused.self) { try value.value() }
    }
}
