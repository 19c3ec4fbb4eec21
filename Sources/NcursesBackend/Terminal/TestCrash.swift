#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A deliberate crash after the first frame, for the end-to-end tests of the crash guard
/// (environment `LOTSE_TEST_CRASH`). Each kind is a real way a program dies, not a simulation.
enum TestCrash: String {
    /// A Swift runtime trap without a message: an arithmetic overflow (SIGILL on x86-64,
    /// SIGTRAP on arm64).
    case trap
    /// `fatalError` with a message, which the runtime writes to stderr before it traps.
    case fatal
    /// A write through an invalid pointer (SIGSEGV).
    case segv
    /// `abort()` (SIGABRT).
    case abort

    /// The kind named by the variable's value; nil when unset or unknown.
    init?(environment value: String?) {
        guard let value, let kind = TestCrash(rawValue: value) else { return nil }
        self = kind
    }

    func perform() {
        switch self {
        case .trap:
            // Worked out at run time, so the compiler cannot see the overflow coming.
            let large = Int.max - Int(getpid() % 2)
            _ = large + Self.opaqueTwo()
        case .fatal:
            fatalError("LOTSE_TEST_CRASH=fatal")
        case .segv:
            UnsafeMutablePointer<Int>(bitPattern: 16)!.pointee = 1
        case .abort:
            #if canImport(Glibc)
            Glibc.abort()
            #else
            Darwin.abort()
            #endif
        }
    }

    /// 2, through a path the optimiser cannot fold.
    @inline(never)
    private static func opaqueTwo() -> Int { Int(getppid() >= 0 ? 2 : 3) }
}
