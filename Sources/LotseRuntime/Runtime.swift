import Foundation
import LotseDomain
import LotseStore
import LotseUI
import TermCanvas

/// The main loop: wait for an event, update the state, perform effects, draw.
///
/// It talks to the screen through a `Terminal` and reads the time from `clock`, so a test
/// runs whole sessions against a recording terminal and moves time itself; the program
/// passes an `NcursesTerminal` and the system clock.
public final class Runtime {
    /// The dashboard's state; read it after `run()` to see where a session ended.
    public private(set) var state: AppState
    private let store: any PortfolioEngine & AssessmentStore
    /// How often the store is asked whether another process changed the data.
    public static let pollInterval: TimeInterval = 1
    /// How long one wait for the next event lasts; a timeout lets the loop poll the store.
    public static let eventTimeoutMilliseconds: Int32 = 1000
    /// Reads the questionnaire; called once, when a screen first needs it.
    private let questionnaire: () throws -> Questionnaire
    /// Reads the earlier shipped versions of the questionnaire; called once, when an
    /// assessment made with another version than the newest is first at hand.
    private let earlierQuestionnaires: () throws -> [Questionnaire]
    private var questionnaireLoaded = false
    private var earlierQuestionnairesLoaded = false
    private let user: String
    /// The account whose drafts this session writes (drafts belong to their author).
    private let author: Author
    /// Set once the database file at the path was found replaced, so it is said once.
    private var swapNoticed = false
    /// The requests answered since the last frame: once it is drawn, the store may read
    /// ahead what the screens will ask next.
    private var answered: [ScreenDataRequest] = []
    private let terminal: any Terminal
    private let clock: () -> Date
    private let tracePath: String?
    private let launched: UInt64?
    private let phasesBefore: [(phase: String, at: UInt64)]
    private let signals: (any SignalSource)?
    /// Where `.writeFile` puts its files, and with which permissions.
    private let exportFolder: String
    private let exportMode: mode_t
    /// The signal that ended the last `run()` (SIGTERM, SIGHUP, SIGINT, SIGQUIT), if one did:
    /// the program exits as it asks once everything is cleaned up (`SystemSignals.exit(after:)`).
    public private(set) var endingSignal: Int32?

    /// - Parameters:
    ///   - terminal: started by `run()` and stopped on every way out of it.
    ///   - clock: the time for `.tick` and for the store's change poll.
    ///   - tracePath: a file to append the time of each event to (`LOTSE_TRACE`); nil for none.
    ///   - launched: when the program began (`DispatchTime` uptime in ns): the trace's first
    ///     line, `start`, then counts the time before `run()` too.
    ///   - phasesBefore: moments between the launch and `run()` (uptime in ns), each named
    ///     after what ended there (`parse`, `open`), for the start line.
    ///   - signals: where termination and suspension come from (`SystemSignals` in the
    ///     program); with a source, Ctrl-Z suspends. Nil: no signals, Ctrl-Z is a key.
    ///   - exportFolder, exportMode: where files the screens export go (the handout, the
    ///     portfolio view) and their permissions (those of the database, see `AtomicFile`).
    public init(state: AppState, store: any PortfolioEngine & AssessmentStore,
                questionnaire: @escaping () throws -> Questionnaire, user: String,
                terminal: any Terminal, clock: @escaping () -> Date = { Date() }, tracePath: String? = nil,
                launched: UInt64? = nil, phasesBefore: [(phase: String, at: UInt64)] = [],
                signals: (any SignalSource)? = nil, author: Author? = nil,
                exportFolder: String = FileManager.default.currentDirectoryPath, exportMode: mode_t = 0o600,
                earlierQuestionnaires: @escaping () throws -> [Questionnaire] = { [] }) {
        self.state = state
        self.store = store
        self.questionnaire = questionnaire
        self.earlierQuestionnaires = earlierQuestionnaires
        self.user = user
        self.author = author ?? Author(account: user)
        self.terminal = terminal
        self.clock = clock
        self.tracePath = tracePath
        self.launched = launched
        self.phasesBefore = phasesBefore
        self.signals = signals
        self.exportFolder = exportFolder
        self.exportMode = exportMode
    }

    /// Runs until an effect says `.quit`: a key, or a termination signal (see `endingSignal`).
    /// Every saved thing is saved as it happens (a draft on every keystroke), so ending on a
    /// signal loses nothing.
    public func run() throws {
        endingSignal = nil
        // The signal handlers are in place before the terminal starts and after it stopped.
        // The first line of the trace is the start: before `run()`, the terminal, the first
        // answer, then the first frame's render and draw.
        var trace = Trace(path: tracePath)
        trace.start("start", since: launched)
        if launched != nil {
            for (phase, at) in phasesBefore { trace.mark(phase, at: at) }
            trace.mark("before")
        }
        signals?.begin()
        defer { signals?.end() }
        try terminal.start()
        defer { terminal.stop() }
        trace.mark("terminal")
        let utf8 = terminal.isUTF8
        state.glyphs = utf8 ? .unicode : .ascii
        _ = state.update(.resize(terminal.size))
        _ = state.update(.tick(clock()))
        var running = perform([.load(state.fullRequest()), .loadAssessments])
        // The overview places the newest finished assessment with the questionnaire; without
        // assessments it is read after the first frame, so the start does not wait for it.
        if !state.assessment.assessments.isEmpty { loadQuestionnaire() }
        trace.mark("load")
        var token = try? store.changeToken()
        var lastPoll = clock()
        while running {
            // Before a frame could score an assessment of an earlier version with the newest.
            loadEarlierQuestionnairesIfUsed()
            trace.mark("effects")
            let frame = AppView.render(state)
            trace.mark("render")
            terminal.draw(utf8 ? frame : AsciiFallback.apply(to: frame))
            trace.mark("draw")
            trace.flush()
            for request in answered { store.readAhead(after: request) }
            answered = []
            if !questionnaireLoaded {
                loadQuestionnaire()
                continue
            }
            let message: Message
            if let signal = signals?.take() {
                message = try respond(to: signal)
            } else {
                switch terminal.nextEvent(timeoutMilliseconds: Self.eventTimeoutMilliseconds) {
                case .key(.ctrl("z")) where signals != nil: message = try respond(to: .suspend)
                case .key(let key): message = .key(key)
                case .mouse(let click): message = .mouse(click)
                case .resize(let size): message = .resize(size)
                // A signal cuts the wait short: the next round takes it.
                case .tick: message = .tick(clock())
                case .terminate: message = .terminate
                }
            }
            trace.start(String("\(message)".prefix(60)))
            let effects = state.update(message)
            trace.mark("update")
            running = perform(effects)
            // Changes by other processes: asked about once a second, whatever the keys do.
            if running {
                let now = clock()
                if now.timeIntervalSince(lastPoll) >= Self.pollInterval {
                    lastPoll = now
                    var current: ChangeToken?
                    do {
                        current = try store.changeToken()
                    } catch StoreError.vanished(let path) {
                        // Another file was renamed over the open one: say so, rather than
                        // letting the user write into a file nobody sees.
                        if !swapNoticed {
                            swapNoticed = true
                            _ = state.update(.failed(AccessStrings.forLanguage(state.strings.language).databaseSwapped(path)))
                        }
                    } catch {}
                    if let current, current != token {
                        token = current
                        running = perform(state.update(.dataChanged(byOthers: true)))
                    }
                }
            }
        }
    }

    /// What a signal means to the loop. Suspension gives the terminal back while stopped and
    /// takes it again afterwards; the terminal may have another size then, and the next
    /// frame is drawn in full.
    private func respond(to signal: ProcessSignal) throws -> Message {
        switch signal {
        case .terminate(let number):
            endingSignal = number
            return .terminate
        case .suspend:
            terminal.stop()
            signals?.suspendProcess()
            try terminal.start()
            return .resize(terminal.size)
        }
    }

    /// Performs effects, feeding results back; returns false when the program should end.
    private func perform(_ effects: [Effect]) -> Bool {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            switch effect {
            case .quit:
                return false
            case .load(let request):
                queue += state.update(result { .dataLoaded(try store.answer(request)) })
                answered.append(request)
            case .loadAssessments:
                queue += state.update(result { .assessmentsLoaded(try store.assessments(municipalityID: nil)) })
            case .createAssessment(let a):
                queue += write { try store.create(a, by: user) }
            case .saveResponse(let id, let statement, let participant, let value):
                queue += write {
                    try store.saveResponse(assessmentID: id, statementID: statement, participant: participant,
                                           value: value, by: user)
                }
            case .saveConsensus(let id, let statement, let value):
                queue += write {
                    try store.saveConsensus(assessmentID: id, statementID: statement, value: value, by: user)
                }
            case .saveNote(let id, let statement, let note):
                queue += write {
                    try store.saveNote(assessmentID: id, statementID: statement, note: note, by: user)
                }
            case .savePosition(let id, let position, let completed):
                queue += write {
                    try store.savePosition(assessmentID: id, position: position, completed: completed, by: user)
                }
            case .saveStance(let id, let tension, let stance):
                queue += write {
                    try store.saveStance(assessmentID: id, tensionID: tension, stance: stance, by: user)
                }
            case .writeFile(let name, let contents):
                queue += state.update(writeFile(name: name, contents: contents))
            case .exportView(let request):
                queue += state.update(result {
                    let listing = try PortfolioListing.gather(store, request, strings: state.strings,
                                                              municipalities: state.municipalities ?? [])
                    let name = ListStrings.forLanguage(state.strings.language).fileName(request.month.description) + ".csv"
                    return writeFile(name: name, contents: listing.csv())
                })
            case .openReportEditor(let projectID, let month):
                var others: [AuthoredDraft] = []
                queue += state.update(result {
                    var drafts: [AuthoredDraft]
                    do {
                        drafts = try store.drafts(projectID: projectID, month: month)
                    } catch StoreError.corruptValue {
                        // A draft this version cannot read must not lock the form: start afresh.
                        try store.deleteDraft(projectID: projectID, month: month, by: author)
                        drafts = (try? store.drafts(projectID: projectID, month: month)) ?? []
                    }
                    let own = drafts.first { $0.author.account == author.account }?.draft
                    others = drafts.filter { $0.author.account != author.account }
                    return .reportEditorLoaded(
                        projectID: projectID, month: month, draft: own,
                        version: try store.reportVersion(projectID: projectID, month: month),
                        project: try store.answer(ScreenDataRequest(projectID: projectID)).project)
                })
                queue += state.update(.otherDrafts(others))
            case .discardDraft(let projectID, let month):
                queue += write { try store.deleteDraft(projectID: projectID, month: month, by: author) }
            case .saveDraft(let draft):
                queue += write { try store.saveDraft(draft, by: author) }
            case .submitReport(let report, let readings, let expecting):
                queue += state.update(result {
                    do {
                        try store.submit(report, readings: readings, expecting: expecting, by: author)
                    } catch let conflict as ReportConflict {
                        return .reportConflict(conflict)
                    }
                    return .reportSubmitted(projectID: report.projectID, month: report.month)
                })
            case .openContinuationForm(let projectID):
                queue += state.update(result {
                    let record: ContinuationRecord
                    do {
                        record = try store.continuation(projectID: projectID)
                    } catch StoreError.corruptValue(table: "continuation_draft", _, _, _, _) {
                        // A draft this version cannot read must not lock the form: start afresh.
                        try store.discardContinuationDraft(projectID: projectID, by: author)
                        record = try store.continuation(projectID: projectID)
                    }
                    return .continuationLoaded(ContinuationLoad(
                        projectID: projectID, history: record.history, draft: record.draft(of: author),
                        others: record.others(than: author),
                        project: try store.answer(ScreenDataRequest(projectID: projectID)).project))
                })
            case .saveContinuationDraft(let draft):
                queue += write { try store.saveContinuationDraft(draft, by: author) }
            case .discardContinuationDraft(let projectID):
                queue += write { try store.discardContinuationDraft(projectID: projectID, by: author) }
            case .submitContinuation(let review, let expecting):
                queue += state.update(result {
                    do {
                        try store.submitContinuation(review, expecting: expecting, by: author)
                    } catch let conflict as ContinuationConflict {
                        return .continuationConflict(conflict)
                    }
                    return .continuationSubmitted(projectID: review.projectID, decision: review.decision)
                })
            case .loadSampleData:
                queue += state.update(result {
                    try store.replaceAll(with: SampleData.demoPortfolio(currentMonth: state.month), by: user)
                    return .dataChanged(byOthers: false)
                })
            }
        }
        return true
    }

    private func loadQuestionnaire() {
        questionnaireLoaded = true
        _ = state.update(result { .questionnaireLoaded(try questionnaire()) })
        loadEarlierQuestionnairesIfUsed()
    }

    /// Earlier versions only matter for assessments made with them, so they are read once
    /// such an assessment is at hand, not at every start. One that cannot be read leaves
    /// those scored with the newest, as the result then says.
    private func loadEarlierQuestionnairesIfUsed() {
        guard questionnaireLoaded, !earlierQuestionnairesLoaded, state.assessment.usesOtherVersions else { return }
        earlierQuestionnairesLoaded = true
        _ = state.update(.earlierQuestionnairesLoaded((try? earlierQuestionnaires()) ?? []))
    }

    /// Writes an export into the export folder, as private as the database it comes from.
    private func writeFile(name: String, contents: String) -> Message {
        let path = Self.freePath(in: exportFolder, for: name)
        do {
            try AtomicFile.write(Data(contents.utf8), to: path, mode: exportMode)
            return .fileWritten(path: path)
        } catch {
            let reason = (error as? AtomicFile.WriteError)?.reason ?? error.localizedDescription
            return .failed(HandoutStrings.forLanguage(state.strings.language).notWritten(path, reason))
        }
    }

    /// `folder/name`, or with "-2", "-3", … before the extension when that file exists: an
    /// export never replaces a file someone may have kept (an earlier export, a handout with notes).
    static func freePath(in folder: String, for name: String) -> String {
        let base = URL(fileURLWithPath: folder)
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        var candidate = base.appendingPathComponent(name).path
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) && n < 10_000 {
            candidate = base.appendingPathComponent(stem + "-\(n)" + (ext.isEmpty ? "" : "." + ext)).path
            n += 1
        }
        return candidate
    }

    /// A write that reports back only when it fails.
    private func write(_ body: () throws -> Void) -> [Effect] {
        do {
            try body()
            return []
        } catch {
            return state.update(.failed(describe(error)))
        }
    }

    private func result(_ body: () throws -> Message) -> Message {
        do { return try body() } catch { return .failed(describe(error)) }
    }

    /// What the status line says about a failed call: a write the database refused for lack
    /// of rights in the user's words ("Nur Lesen für Musterstadt"), never the server's.
    private func describe(_ error: any Error) -> String {
        if case StoreError.writeRefused(_, let municipality) = error { return state.refusal(for: municipality) }
        return "\(error)"
    }
}
