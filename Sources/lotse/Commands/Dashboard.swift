import ArgumentParser
import Foundation
import LotseDomain
import LotseRuntime
import LotseStore
import LotsePostgres
import LotseUI
import NcursesBackend
import TermCanvas

/// The interactive dashboard.
struct Dashboard: ParsableCommand, HasGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the dashboard (the default when no subcommand is given).")

    @Flag(name: .long, help: "Open a throw-away copy of the sample municipality; nothing you do is kept.")
    var demo = false

    @Option(name: .long, help: ArgumentHelp("Use this questionnaire for self-assessments instead of the built-in one.",
                                             valueName: "file"))
    var questionnaire: String?

    @Option(name: .long, help: ArgumentHelp(
        "Colour theme: dark, light, high-contrast, monochrome (lotse themes lists them) or a theme file "
            + "(default: $LOTSE_THEME, else dark).", valueName: "name|file"))
    var theme: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        // After SIGTERM, SIGHUP, SIGINT or SIGQUIT the process ends as the signal asks (the
        // shell sees 128 + n), once everything below, the demo's removal too, is done.
        var endingSignal: Int32?
        defer { if let endingSignal { SystemSignals.exit(after: endingSignal) } }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIError(strings.dashboardNeedsTerminal)
        }
        let month = try global.currentMonth()
        // Load the questionnaire before the screen starts, so a bad file is reported plainly.
        let chosenTheme = try ThemeChoice.choose(theme, environment: global.environment, strings: strings)
        let chosen = try questionnaire.map { try QuestionnaireFile.load(path: $0) }
        // The built-in questionnaire is read on another core while the database opens: the
        // overview needs it for the first frame when there are finished assessments. The
        // earlier versions are read only for an assessment made with one (see `Runtime`).
        let newest = Prefetched { try chosen ?? QuestionnaireFile.builtin() }
        let questions: @Sendable () throws -> Questionnaire = { try newest.value() }
        let store: any PortfolioEngine & AssessmentStore
        let label: String
        var cleanup: (() -> Void)?
        var readOnly = false
        var writeScope = WriteScope.all
        var notes: [String] = []
        var exportMode: mode_t = 0o600
        if demo {
            let demo = try DemoDatabase.create(currentMonth: month, user: global.userName,
                                               templates: DatabaseLocation.cacheFolder(environment: global.environment))
            store = demo.store
            label = strings.demoLabel
            cleanup = { demo.remove() }
        } else {
            // Notes go to the status line: the screen would hide them on stderr.
            let opened = try global.openStore(quiet: true)
            store = opened.engine
            readOnly = opened.readOnly
            // A server's role may change all, its own municipality's or no data.
            if let server = opened.engine as? PostgresStore {
                writeScope = (try? server.writableMunicipalities()) ?? .none
                if writeScope == .none { readOnly = true }
            }
            notes = opened.notes
            exportMode = AtomicFile.mode(following: opened.path)
            let access = AccessStrings.forLanguage(global.language())
            label = readOnly ? opened.path + " · " + access.readOnlyMarker : opened.path
        }
        defer { cleanup?() }
        Lotse.mark("open")
        var state = AppState(month: month, size: Size(width: 80, height: 24),
                             strings: .forLanguage(global.language()), sourceLabel: label, user: global.userName,
                             now: Date())
        // A demo's copy is removed at the end: quitting it with changes asks first.
        state.dueDay = global.dueDay
        state.isDemo = demo
        state.readOnly = readOnly
        state.writeScope = writeScope
        if !notes.isEmpty { state.notice = notes.joined(separator: " ") }
        let runtime = Runtime(state: state, store: store, questionnaire: questions, user: global.userName,
                              terminal: NcursesTerminal(theme: chosenTheme),
                              tracePath: global.environment["LOTSE_TRACE"], launched: Lotse.launched,
                              phasesBefore: Lotse.phases, signals: SystemSignals(),
                              author: global.author, exportMode: exportMode,
                              earlierQuestionnaires: { try QuestionnaireFile.archived() })
        do {
            try runtime.run()
            endingSignal = runtime.endingSignal
        } catch let error as NcursesTerminalError {
            throw CLIError(Self.describe(error, strings))
        }
    }

    /// The terminal's start errors, in the language of the command line.
    static func describe(_ error: NcursesTerminalError, _ strings: CLIStrings) -> String {
        switch error {
        case .notATerminal: strings.terminalRedirected
        case .unknownTerminal(let term?): strings.terminalTypeUnknown(term)
        case .unknownTerminal(nil): strings.terminalTypeUnset
        case .unsupportedTerminal(let term): strings.terminalCannotPositionCursor(term ?? "")
        }
    }
}

/// An error whose text is shown as it is, on stderr, with exit code 1. The text comes
/// from `CLIStrings` (a test holds every `CLIError(` in this target to that).
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
