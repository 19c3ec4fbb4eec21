import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program running under a pseudo-terminal (`forkpty`): keys go in, what it draws comes
/// out into a `ScreenModel`. Every wait polls the output up to a deadline; nothing sleeps.
final class PseudoTerminalProcess {
    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t
    private let master: Int32
    private(set) var screen: ScreenModel
    /// Everything the program wrote, as it came.
    private(set) var output: [UInt8] = []
    private(set) var exitStatus: Int32?
    private var closed = false

    /// Starts `executable` with exactly `arguments` and `environment` on a new terminal of
    /// `rows`×`columns` (also set with TIOCSWINSZ by `forkpty`).
    ///
    /// - Parameter ownSession: true (the default): the program leads a session of its own
    ///   with the terminal as its controlling terminal, as a login shell's child would (closing
    ///   the terminal hangs it up). False: it gets a process group of its own in the tests'
    ///   session, so job control works as under a shell: a group whose parent is in another
    ///   session is orphaned, and the kernel ignores SIGTSTP there instead of stopping it.
    init(executable: String, arguments: [String], environment: [String: String],
         rows: Int, columns: Int, ownSession: Bool = true) throws {
        // Everything the child needs is made before fork: after it, only exec or _exit.
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        guard let path = argv[0] else { throw LaunchError(description: "out of memory") }
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        var fd: Int32 = -1
        let child: pid_t
        if ownSession {
            child = forkpty(&fd, nil, nil, &size)
            if child == 0 {
                execve(path, argv, envp)
                _exit(127)
            }
        } else {
            var terminal: Int32 = -1
            guard openpty(&fd, &terminal, nil, nil, &size) == 0 else {
                throw LaunchError(description: "openpty failed: \(String(cString: strerror(errno)))")
            }
            child = fork()
            if child == 0 {
                setpgid(0, 0)
                dup2(terminal, 0)
                dup2(terminal, 1)
                dup2(terminal, 2)
                if terminal > 2 { close(terminal) }
                close(fd)
                execve(path, argv, envp)
                _exit(127)
            }
            close(terminal)
            if child < 0 { close(fd) }
        }
        guard child > 0 else {
            throw LaunchError(description: "forkpty failed: \(String(cString: strerror(errno)))")
        }
        pid = child
        master = fd
        screen = ScreenModel(columns: columns, rows: rows)
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        if !closed { close(master) }
    }

    /// Types `text` (bytes as given: "\u{1B}OB" is ↓ in application cursor mode).
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count, !closed {
            let n = bytes[sent...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }  // the program is gone; the waits will tell
            sent += n
        }
    }

    /// Reads output until `condition` holds for the screen or `timeout` seconds passed;
    /// returns whether it held.
    @discardableResult
    func wait(timeout: TimeInterval, until condition: (ScreenModel) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if condition(screen) { return true }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 || closed { return condition(screen) }
            readAvailable(waitingMilliseconds: Int32(min(left, 0.2) * 1000) + 1)
        }
    }

    /// Sends `signal` to the program.
    func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// How many bytes the program wrote so far: a mark to read what came after it.
    var outputMark: Int { output.count }

    /// What the program wrote after `mark`, escape sequences shown as in `transcript`.
    func transcript(after mark: Int) -> String {
        String(decoding: output[min(mark, output.count)...], as: UTF8.self).replacingOccurrences(of: "\u{1B}", with: "␛")
    }

    /// Waits up to `timeout` seconds for the program to stop (job control), reading what it
    /// writes meanwhile; returns whether it stopped.
    func waitForStop(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while exitStatus == nil {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG | WUNTRACED)
            if result == pid {
                // WIFSTOPPED: the low byte is 0x7f.
                if status & 0xff == 0x7f {
                    while readAvailable(waitingMilliseconds: 0) {}
                    return true
                }
                exitStatus = status
                return false
            }
            if deadline.timeIntervalSinceNow <= 0 { return false }
            readAvailable(waitingMilliseconds: 20)
        }
        return false
    }

    /// Hangs the terminal up, as a dropped SSH connection does: the kernel sends SIGHUP to
    /// the program that leads the terminal's session. Nothing can be read afterwards.
    func hangUp() {
        guard !closed else { return }
        close(master)
        closed = true
    }

    /// Gives the terminal a new size (as a terminal window does when resized); the screen
    /// model starts afresh at that size, so wait for the program's next full frame.
    func resize(rows: Int, columns: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        screen = ScreenModel(columns: columns, rows: rows)
    }

    /// How a program ended, as `waitpid` tells it.
    enum Ending: Equatable, CustomStringConvertible {
        case exited(Int32)
        case killed(bySignal: Int32)
        case stillRunning

        var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .killed(let signal): "killed by signal \(signal)"
            case .stillRunning: "still running"
            }
        }
    }

    /// Waits up to `timeout` seconds for the program to end, reading what it still writes.
    func waitForExit(timeout: TimeInterval) -> Ending {
        let deadline = Date().addingTimeInterval(timeout)
        while exitStatus == nil {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = status
                break
            }
            if deadline.timeIntervalSinceNow <= 0 { return .stillRunning }
            readAvailable(waitingMilliseconds: 50)
        }
        while readAvailable(waitingMilliseconds: 0) {}
        let status = exitStatus!
        // WIFEXITED, WEXITSTATUS and WTERMSIG are macros Swift does not import.
        return status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .killed(bySignal: status & 0x7f)
    }

    /// The output so far as text, with escape sequences shown as such (for failure messages).
    var transcript: String {
        String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\u{1B}", with: "␛")
    }

    /// Reads what is there, waiting up to `waitingMilliseconds` for the first byte;
    /// returns whether anything was read.
    @discardableResult
    private func readAvailable(waitingMilliseconds: Int32) -> Bool {
        guard !closed else { return false }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, waitingMilliseconds)
        guard ready > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if n > 0 {
            output += chunk[0..<n]
            screen.feed(chunk[0..<n])
            return true
        }
        if n < 0 && (errno == EINTR || errno == EAGAIN) { return false }
        // EOF, or EIO once the program and every other holder of the terminal are gone.
        close(master)
        closed = true
        return false
    }
}
