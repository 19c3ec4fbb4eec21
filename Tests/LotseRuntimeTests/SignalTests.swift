import Foundation
import LotseDomain
import LotseRuntime
import LotseStore
import LotseUI
import TermCanvas
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `SignalSource` a test feeds: signals are queued by the script, suspensions counted.
final class ScriptedSignals: SignalSource {
    var queued: [ProcessSignal] = []
    private(set) var begun = 0
    private(set) var ended = 0
    private(set) var suspensions = 0
    /// Runs at `begin()`, `end()` and during a suspension (to look at the terminal then).
    var onBegin: () -> Void = {}
    var onEnd: () -> Void = {}
    var whileSuspended: () -> Void = {}

    func begin() {
        begun += 1
        onBegin()
    }

    func end() {
        ended += 1
        onEnd()
    }

    func take() -> ProcessSignal? { queued.isEmpty ? nil : queued.removeFirst() }

    func suspendProcess() {
        suspensions += 1
        whileSuspended()
    }
}

/// The loop with signals, from a scripted source: termination, suspension and Ctrl-Z.
@Suite struct SignalTests {
    typealias Step = RecordingTerminal.Step

    func play(_ script: [Step], terminal: RecordingTerminal, signals: ScriptedSignals?,
              store: (any PortfolioEngine & AssessmentStore)? = nil) throws -> Runtime {
        let state = AppState(month: Session.month, size: Size(width: 80, height: 24), strings: .german,
                             sourceLabel: "Test", user: Session.user, now: terminal.clock.now)
        let clock = terminal.clock
        terminal.script = script
        let runtime = Runtime(state: state, store: try store ?? Session.filledStore(),
                              questionnaire: { try QuestionnaireFile.builtin() }, user: Session.user,
                              terminal: terminal, clock: { clock.now }, signals: signals)
        try runtime.run()
        return runtime
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    func aTerminationSignalEndsTheLoopAndIsKept(signal: Int32) throws {
        let terminal = RecordingTerminal(size: Size(width: 120, height: 40))
        let signals = ScriptedSignals()
        var startedBeforeBegin = true
        var runningAtEnd = true
        signals.onBegin = { startedBeforeBegin = terminal.starts > 0 }
        signals.onEnd = { runningAtEnd = terminal.isRunning }
        // A real signal cuts the wait short: the terminal answers `.tick`.
        let runtime = try play([.key(.char("2")), .perform { signals.queued.append(.terminate(signal)) }, .timeout,
                                .key(.char("1"))], terminal: terminal, signals: signals)
        #expect(runtime.endingSignal == signal)
        #expect(terminal.script.count == 1, "the key after the signal is never read")
        #expect(terminal.screen.contains("┌ Portfolio · "), "the key before it was")
        #expect(terminal.stops == 1 && !terminal.isRunning)
        #expect(signals.begun == 1 && signals.ended == 1)
        #expect(!startedBeforeBegin, "the handlers are in place before the terminal starts")
        #expect(!runningAtEnd, "and stay until it stopped")
    }

    @Test func qAndTheEndOfTheScriptLeaveNoEndingSignal() throws {
        let signals = ScriptedSignals()
        let byKey = try play([.key(.char("q"))], terminal: RecordingTerminal(size: Size(width: 80, height: 24)),
                             signals: signals)
        #expect(byKey.endingSignal == nil)
        let byTerminal = try play([.timeout], terminal: RecordingTerminal(size: Size(width: 80, height: 24)),
                                  signals: signals)
        #expect(byTerminal.endingSignal == nil, "the terminal's own .terminate is no signal with a number")
    }

    @Test func suspensionGivesTheTerminalBackAndDrawsAgainAfterwards() throws {
        let terminal = RecordingTerminal(size: Size(width: 120, height: 40))
        let signals = ScriptedSignals()
        var runningWhileSuspended = true
        var framesBefore = 0
        signals.whileSuspended = {
            runningWhileSuspended = terminal.isRunning
            framesBefore = terminal.frames.count
        }
        let runtime = try play([.key(.char("2")), .perform { signals.queued.append(.suspend) }, .timeout,
                                .perform { #expect(terminal.frames.count > framesBefore, "a frame after resuming") },
                                .key(.char("1"))], terminal: terminal, signals: signals)
        #expect(signals.suspensions == 1)
        #expect(!runningWhileSuspended, "the terminal is given back while the process is stopped")
        #expect(terminal.starts == 2 && terminal.stops == 2, "stopped for the pause, started again, stopped at the end")
        #expect(terminal.delivered.last == .key(.char("1")), "keys are read again after resuming")
        #expect(terminal.screen.contains("Projekte nach Phase"), "and work: 1 shows the overview")
        #expect(runtime.endingSignal == nil)
    }

    @Test func ctrlZSuspendsWithASignalSourceAndIsAPlainKeyWithout() throws {
        let signals = ScriptedSignals()
        let terminal = RecordingTerminal(size: Size(width: 120, height: 40))
        _ = try play([.key(.char("2")), .key(.ctrl("z")), .key(.char("q"))], terminal: terminal, signals: signals)
        #expect(signals.suspensions == 1)
        #expect(terminal.starts == 2)

        let plain = RecordingTerminal(size: Size(width: 120, height: 40))
        _ = try play([.key(.char("2")), .key(.ctrl("z")), .key(.char("q"))], terminal: plain, signals: nil)
        #expect(plain.starts == 1, "without job control Ctrl-Z suspends nothing")
        #expect(!plain.ranOutOfScript, "q still ends the session")
    }

    @Test func aDraftTypedBeforeTheSignalIsSaved() throws {
        let store = try Session.filledStore()
        let month = Session.month
        let project = try #require(Session.projectsByID.first { project in
            (try? store.answer(ScreenDataRequest(projectID: project.id)).project) != nil
        })
        let terminal = RecordingTerminal(size: Size(width: 120, height: 40))
        let signals = ScriptedSignals()
        var script: [Step] = [.key(.char("2")), .key(.char("/"))]
        script += Step.type(project.id)
        script += [.key(.enter), .key(.char("r")), .key(.char("2")),
                   .perform { signals.queued.append(.terminate(SIGHUP)) }, .timeout]
        let runtime = try play(script, terminal: terminal, signals: signals, store: store)
        #expect(runtime.endingSignal == SIGHUP)
        let drafts = try store.drafts(projectID: project.id, month: month)
        #expect(drafts.contains { $0.draft.overall == .yellow },
                "the light chosen before the hang-up is in the store; drafts: \(drafts); screen:\n\(terminal.screen)")
    }
}

/// The process's real signal handlers, with signals this process sends itself.
@Suite(.serialized) struct SystemSignalsTests {
    @Test func signalsAreTakenOnceTerminationFirst() {
        let signals = SystemSignals()
        signals.begin()
        defer { signals.end() }
        #expect(signals.take() == nil)
        raise(SIGTSTP)
        raise(SIGTERM)
        raise(SIGHUP)
        #expect(signals.take() == .terminate(SIGTERM), "the first termination signal")
        #expect(signals.take() == .suspend, "then the pending suspension")
        #expect(signals.take() == nil, "each only once")
        raise(SIGQUIT)
        #expect(signals.take() == .terminate(SIGQUIT), "SIGQUIT ends like SIGTERM")
        raise(SIGINT)
        #expect(signals.take() == .terminate(SIGINT))
    }

    @Test func endPutsThePreviousHandlersBack() {
        var before = sigaction()
        sigaction(SIGTERM, nil, &before)
        let signals = SystemSignals()
        signals.begin()
        var during = sigaction()
        sigaction(SIGTERM, nil, &during)
        signals.end()
        var after = sigaction()
        sigaction(SIGTERM, nil, &after)
        #expect(Self.handler(during) != Self.handler(before), "a handler of its own while listening")
        #expect(Self.handler(after) == Self.handler(before), "the previous one afterwards")
    }

    static func handler(_ action: sigaction) -> UInt {
        #if canImport(Glibc)
        unsafeBitCast(action.__sigaction_handler.sa_handler, to: UInt.self)
        #else
        unsafeBitCast(action.__sigaction_u.__sa_handler, to: UInt.self)
        #endif
    }
}
