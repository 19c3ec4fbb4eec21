import Foundation
import LotseDomain
import LotseStore
import LotseUI
import NcursesBackend
import TermCanvas

/// The main loop: wait for an event, update the state, perform effects, draw.
final class Runtime {
    private var state: AppState
    private let store: any PortfolioEngine & AssessmentStore
    /// How often the store is asked whether another process changed the data.
    static let pollInterval: TimeInterval = 1
    /// Reads the questionnaire; called once, when a screen first needs it.
    private let questionnaire: () throws -> Questionnaire
    private var questionnaireLoaded = false
    private let user: String
    private let theme: Theme

    init(state: AppState, store: any PortfolioEngine & AssessmentStore, questionnaire: @escaping () throws -> Questionnaire,
         user: String,
         theme: Theme = .dark) {
        self.state = state
        self.store = store
        self.questionnaire = questionnaire
        self.user = user
        self.theme = theme
    }

    func run() throws {
        let terminal = NcursesTerminal(theme: theme)
        try terminal.start()
        defer { terminal.stop() }
        let utf8 = terminal.isUTF8
        state.glyphs = utf8 ? .unicode : .ascii
        _ = state.update(.resize(terminal.size))
        _ = state.update(.tick(Date()))
        var running = perform([.load(state.fullRequest()), .loadAssessments])
        // The overview places the newest finished assessment with the questionnaire; without
        // assessments it is read after the first frame, so the start does not wait for it.
        if !state.assessment.assessments.isEmpty { loadQuestionnaire() }
        var token = try? store.changeToken()
        var lastPoll = Date()
        var trace = Trace.fromEnvironment()
        while running {
            trace.mark("effects")
            let frame = AppView.render(state)
            trace.mark("render")
            terminal.draw(utf8 ? frame : AsciiFallback.apply(to: frame))
            trace.mark("draw")
            trace.flush()
            if !questionnaireLoaded {
                loadQuestionnaire()
                continue
            }
            let message: Message
            switch terminal.nextEvent(timeoutMilliseconds: 1000) {
            case .key(let key): message = .key(key)
            case .mouse(let click): message = .mouse(click)
            case .resize(let size): message = .resize(size)
            case .tick: message = .tick(Date())
            case .terminate: message = .terminate
            }
            trace.start(String("\(message)".prefix(60)))
            let effects = state.update(message)
            trace.mark("update")
            running = perform(effects)
            // Changes by other processes: asked about once a second, whatever the keys do.
            if running, Date().timeIntervalSince(lastPoll) >= Self.pollInterval {
                lastPoll = Date()
                let now = try? store.changeToken()
                if let now, now != token {
                    token = now
                    running = perform(state.update(.dataChanged(byOthers: true)))
                }
            }
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
            case .openReportEditor(let projectID, let month):
                queue += state.update(result {
                    let draft: ReportDraft?
                    do {
                        draft = try store.draft(projectID: projectID, month: month)
                    } catch StoreError.corruptValue {
                        // A draft this version cannot read must not lock the form: start afresh.
                        try store.deleteDraft(projectID: projectID, month: month)
                        draft = nil
                    }
                    return .reportEditorLoaded(
                        projectID: projectID, month: month, draft: draft,
                        version: try store.reportVersion(projectID: projectID, month: month),
                        project: try store.answer(ScreenDataRequest(projectID: projectID)).project)
                })
            case .discardDraft(let projectID, let month):
                queue += write { try store.deleteDraft(projectID: projectID, month: month) }
            case .saveDraft(let draft):
                queue += write { try store.saveDraft(draft, by: user) }
            case .submitReport(let report, let readings, let expecting):
                queue += state.update(result {
                    do {
                        try store.submit(report, readings: readings, expecting: expecting, by: user)
                    } catch let conflict as ReportConflict {
                        return .reportConflict(conflict)
                    }
                    return .reportSubmitted(projectID: report.projectID, month: report.month)
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
    }

    /// A write that reports back only when it fails.
    private func write(_ body: () throws -> Void) -> [Effect] {
        do {
            try body()
            return []
        } catch {
            return state.update(.failed("\(error)"))
        }
    }

    private func result(_ body: () throws -> Message) -> Message {
        do { return try body() } catch { return .failed("\(error)") }
    }
}

/// Where the time of each event goes (update, effects, render, draw), one line per event,
/// appended to the file named by `LOTSE_TRACE`; nothing without it.
struct Trace {
    private var file: FileHandle?
    private var line = ""
    private var last = DispatchTime.now().uptimeNanoseconds

    static func fromEnvironment() -> Trace {
        var trace = Trace()
        if let path = ProcessInfo.processInfo.environment["LOTSE_TRACE"], !path.isEmpty {
            if !FileManager.default.fileExists(atPath: path) {
                FileManager.default.createFile(atPath: path, contents: nil)
            }
            trace.file = FileHandle(forWritingAtPath: path)
            _ = try? trace.file?.seekToEnd()
        }
        return trace
    }

    mutating func start(_ what: @autoclosure () -> String) {
        guard file != nil else { return }
        line = what()
        last = DispatchTime.now().uptimeNanoseconds
    }

    mutating func mark(_ phase: String) {
        guard file != nil else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        line += String(format: " %@=%.2f", phase, Double(now - last) / 1e6)
        last = now
    }

    mutating func flush() {
        guard let file, !line.isEmpty else { return }
        file.write(Data((line + "\n").utf8))
        line = ""
    }
}
