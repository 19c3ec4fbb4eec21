import CLotseSignals
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A signal the main loop answers.
public enum ProcessSignal: Equatable, Sendable {
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT (the number): end cleanly, then exit as the
    /// signal asks (`SystemSignals.exit(after:)`).
    case terminate(Int32)
    /// SIGTSTP, or Ctrl-Z typed: give the terminal back, stop, and on SIGCONT come back.
    case suspend
}

/// Where the loop learns of signals. The program passes `SystemSignals`; a test passes a
/// double it feeds itself, so sessions with signals run without real ones.
public protocol SignalSource: AnyObject {
    /// Starts listening; called before the terminal starts.
    func begin()
    /// Stops listening; called after the terminal stopped.
    func end()
    /// The signal that arrived since the last call (termination before suspension), if any.
    func take() -> ProcessSignal?
    /// Stops the process as job control expects and returns once it is continued. The
    /// terminal is stopped while this runs.
    func suspendProcess()
}

/// The process's real signals. Handlers only set a flag (async-signal-safe); the loop reads
/// it between events. Ctrl-Z and Ctrl-C arrive as keys in raw mode; the signals come from
/// `kill`, a hang-up of the terminal (SIGHUP) or a job-control shell.
public final class SystemSignals: SignalSource {
    public init() {}

    public func begin() { lotse_signals_begin() }

    public func end() { lotse_signals_end() }

    public func take() -> ProcessSignal? {
        let signal = lotse_signals_take()
        switch signal {
        case 0: return nil
        case SIGTSTP: return .suspend
        default: return .terminate(signal)
        }
    }

    public func suspendProcess() { lotse_signals_suspend() }

    /// Ends the process after `signal` ended the loop, once everything is cleaned up. The
    /// shell sees 128 + n either way: SIGTERM, SIGHUP and SIGINT are raised again with their
    /// default action (the parent sees the process killed by the signal, as the convention
    /// for these signals asks); SIGQUIT exits with status 131, so it leaves no core dump.
    public static func exit(after signal: Int32) -> Never {
        lotse_signals_exit(signal)
    }
}
