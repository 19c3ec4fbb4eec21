import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signals and crashes with the real `lotse` in a pseudo-terminal: the terminal is given
/// back on every way out, the exit status tells the signal, Ctrl-Z and `fg` work.
@Suite struct SignalEndToEndTests {
    static let patience = EndToEndTests.patience

    /// The demo in German on 120×40, with a fresh home; `extra` adds to the environment.
    static func launch(home: TemporaryFolder, extra: [String: String] = [:], ownSession: Bool = true,
                       rows: Int = 40, columns: Int = 120) throws -> PseudoTerminalProcess {
        let binary = try LotseBinary.locate().get()
        var environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": home.path,
            "XDG_DATA_HOME": home.file("data"),
            "XDG_CONFIG_HOME": home.file("config"),
            "XDG_CACHE_HOME": home.file("cache"),
            "XDG_STATE_HOME": home.file("state"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "USER": "e2e",
            // The Swift runtime's crash report, without waiting for a key first.
            "SWIFT_BACKTRACE": "enable=yes,interactive=no",
        ]
        environment.merge(extra) { $1 }
        return try PseudoTerminalProcess(executable: binary, arguments: ["--demo", "--lang", "de"],
                                         environment: environment, rows: rows, columns: columns,
                                         ownSession: ownSession)
    }

    static func overviewIsUp(_ model: ScreenModel) -> Bool {
        model.line(0).contains("1 Übersicht") && model.text.contains("Projekte nach Phase")
    }

    // What ncurses sends for xterm-256color (terminfo smcup/rmcup, civis/cnorm, XM).
    static let enterAlternateScreen = "␛[?1049h"
    static let leaveAlternateScreen = "␛[?1049l"
    static let hideCursor = "␛[?25l"
    static let showCursor = "␛[?25h"
    static let mouseOn = "␛[?1006;1000h"
    static let mouseOff = "␛[?1006;1000l"

    /// Where `needle` last occurs in `text` (as an offset), or nil.
    static func last(_ needle: String, in text: String) -> String.Index? {
        text.range(of: needle, options: .backwards)?.lowerBound
    }

    /// Why `transcript` does not leave the terminal restored (main screen, cursor shown,
    /// mouse off, nothing drawn afterwards), or nil when it does.
    static func restoreProblem(_ transcript: String) -> String? {
        guard let leave = last(leaveAlternateScreen, in: transcript) else { return "the main screen never comes back" }
        if let enter = last(enterAlternateScreen, in: transcript), enter > leave {
            return "the alternate screen is entered again after it was left"
        }
        guard let shown = last(showCursor, in: transcript) else { return "the cursor is never shown" }
        if let hidden = last(hideCursor, in: transcript), hidden > shown { return "the cursor is hidden at the end" }
        guard let off = last(mouseOff, in: transcript) else { return "mouse reporting is never turned off" }
        if let on = last(mouseOn, in: transcript), on > off { return "mouse reporting is on at the end" }
        return nil
    }

    /// The text printed after the last `leaveAlternateScreen`, escape sequences removed.
    static func printedAfterLeaving(_ transcript: String) -> String {
        guard let leave = last(leaveAlternateScreen, in: transcript) else { return transcript }
        return String(transcript[leave...]).replacing(#/␛(\[[0-9;?]*[A-Za-z]|[()][0-9A-Z]|[=>])/#, with: "")
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    func aSignalEndsTheDashboardCleanlyWithStatus128PlusN(signal: Int32) throws {
        let home = try TemporaryFolder("lotse-e2e-signal")
        defer { home.remove() }
        let lotse = try Self.launch(home: home)
        try #require(lotse.wait(timeout: Self.patience, until: Self.overviewIsUp),
                     "the overview comes up; output: \(lotse.transcript.suffix(1500))")
        let mark = lotse.outputMark
        lotse.signal(signal)
        let ending = lotse.waitForExit(timeout: Self.patience)
        // SIGQUIT exits with 131 instead of being raised again, which could dump core.
        let expected: PseudoTerminalProcess.Ending = signal == SIGQUIT ? .exited(128 + SIGQUIT) : .killed(bySignal: signal)
        #expect(ending == expected, "signal \(signal)")
        let after = lotse.transcript(after: mark)
        #expect(Self.restoreProblem(after) == nil, "\(Self.restoreProblem(after) ?? ""); after the signal: \(after)")
        #expect(Self.printedAfterLeaving(after).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                "nothing is drawn after the main screen is back: \(after)")
    }

    @Test func aHangUpOfTheTerminalEndsItWithSIGHUP() throws {
        let home = try TemporaryFolder("lotse-e2e-hangup")
        defer { home.remove() }
        let lotse = try Self.launch(home: home)
        try #require(lotse.wait(timeout: Self.patience, until: Self.overviewIsUp))
        lotse.hangUp()
        #expect(lotse.waitForExit(timeout: Self.patience) == .killed(bySignal: SIGHUP))
    }

    @Test func ctrlZSuspendsAndSIGCONTRedrawsAtTheNewSizeWithKeysWorking() throws {
        let home = try TemporaryFolder("lotse-e2e-suspend")
        defer { home.remove() }
        let lotse = try Self.launch(home: home, ownSession: false)
        func screen() -> Comment { "screen:\n\(lotse.screen.text)" }
        try #require(lotse.wait(timeout: Self.patience, until: Self.overviewIsUp), "the overview comes up; \(screen())")

        var mark = lotse.outputMark
        lotse.send("\u{1A}")
        try #require(lotse.waitForStop(timeout: Self.patience), "Ctrl-Z stops the process; \(lotse.transcript(after: mark))")
        let whileStopped = lotse.transcript(after: mark)
        #expect(Self.restoreProblem(whileStopped) == nil, "\(Self.restoreProblem(whileStopped) ?? ""): \(whileStopped)")

        // The window changes size while the program is stopped.
        lotse.resize(rows: 30, columns: 100)
        mark = lotse.outputMark
        lotse.signal(SIGCONT)
        try #require(lotse.wait(timeout: Self.patience) { model in
            Self.overviewIsUp(model) && model.line(model.rows - 1).trimmingCharacters(in: .whitespaces).hasSuffix("Demo")
        }, "after SIGCONT the whole screen comes back at 100×30 (the footer on row 30); \(screen())")
        let resumed = lotse.transcript(after: mark)
        #expect(resumed.contains(Self.enterAlternateScreen) && resumed.contains(Self.mouseOn),
                "the alternate screen and the mouse are taken again: \(resumed.prefix(400))")

        lotse.send("2")
        try #require(lotse.wait(timeout: Self.patience) { $0.text.contains("┌ Portfolio · ") },
                     "keys work after resuming; \(screen())")

        // SIGTSTP from outside (kill -TSTP) does the same; the screen is drawn in full again.
        mark = lotse.outputMark
        lotse.signal(SIGTSTP)
        try #require(lotse.waitForStop(timeout: Self.patience), "SIGTSTP stops the process")
        #expect(Self.restoreProblem(lotse.transcript(after: mark)) == nil)
        mark = lotse.outputMark
        lotse.signal(SIGCONT)
        // In full: the screen is cleared and the table written again (the text of the title
        // comes in pieces between colour changes, so look for its words).
        try #require(lotse.wait(timeout: Self.patience) { model in
            let redrawn = lotse.transcript(after: mark)
            return redrawn.contains("␛[2J") && redrawn.contains(" Portfolio · ") && model.text.contains("┌ Portfolio · ")
        }, "the portfolio is drawn again in full after SIGCONT: \(lotse.transcript(after: mark).prefix(600))")
        lotse.send("q")
        let ending = lotse.waitForExit(timeout: Self.patience)
        #expect(ending == .exited(0), "q still ends normally: \(ending)")
        #expect(Self.restoreProblem(lotse.transcript) == nil)
    }

    /// The signal a Swift runtime trap raises on this machine.
    static var trapSignal: Int32 {
        #if arch(x86_64)
        SIGILL
        #else
        SIGTRAP
        #endif
    }

    @Test(arguments: ["trap", "fatal", "segv", "abort"])
    func afterACrashTheTerminalIsRestoredBeforeTheMessage(kind: String) throws {
        let expected: Int32 = switch kind {
        case "segv": SIGSEGV
        case "abort": SIGABRT
        default: Self.trapSignal
        }
        let home = try TemporaryFolder("lotse-e2e-crash")
        defer { home.remove() }
        let lotse = try Self.launch(home: home, extra: ["LOTSE_TEST_CRASH": kind])
        let ending = lotse.waitForExit(timeout: Self.patience)
        #expect(ending == .killed(bySignal: expected), "the crash stays what it was: \(ending)")
        let transcript = lotse.transcript
        #expect(transcript.contains(Self.enterAlternateScreen), "a first frame was drawn")
        #expect(Self.restoreProblem(transcript) == nil, "\(Self.restoreProblem(transcript) ?? ""): \(transcript.suffix(3000))")
        let leave = try #require(Self.last(Self.leaveAlternateScreen, in: transcript))
        if kind == "fatal" {
            // The runtime writes its message while the screen is still drawn; it is kept aside
            // and shown once the terminal is back.
            let message = try #require(transcript.range(of: "Fatal error: LOTSE_TEST_CRASH=fatal"),
                                       "the message is shown: \(transcript.suffix(3000))")
            #expect(message.lowerBound > leave, "the message comes after the main screen is back")
        }
        // The Swift runtime's crash report (when the toolchain has its backtracer) follows.
        if let report = transcript.range(of: "Program crashed") {
            #expect(report.lowerBound > leave, "the crash report comes after the main screen is back")
        }
    }
}
