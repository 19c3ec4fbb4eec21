import Foundation
import LotseDomain
import LotseRuntime
import LotseStore
import LotseUI
import TermCanvas

/// The shipped sample in a real SQLite store, and a runtime on a recording terminal.
enum Session {
    /// The sample municipality as shipped (not moved in time).
    static let portfolio: Portfolio = {
        do { return try SampleData.load() } catch { fatalError("sample data unusable: \(error)") }
    }()

    /// The month the sessions treat as now: the sample's newest report month.
    static var month: YearMonth { portfolio.latestReportMonth! }

    /// The projects in the order the portfolio table lists them at first (by id).
    static var projectsByID: [Project] { portfolio.projects.sorted { $0.id < $1.id } }

    static let user = "tester"

    static func filledStore() throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        try store.replaceAll(with: portfolio, by: user)
        return store
    }

    /// A runtime as `lotse dashboard` builds it, but on `terminal` and its clock.
    static func runtime(store: any PortfolioEngine & AssessmentStore, terminal: RecordingTerminal,
                        questionnaire: @escaping () throws -> Questionnaire = { try QuestionnaireFile.builtin() },
                        tracePath: String? = nil, exportFolder: String = FileManager.default.temporaryDirectory.path,
                        exportMode: mode_t = 0o600,
                        earlierQuestionnaires: @escaping () throws -> [Questionnaire] = { [] }) -> Runtime {
        let state = AppState(month: month, size: Size(width: 80, height: 24), strings: .german,
                             sourceLabel: "Test", user: user, now: terminal.clock.now)
        let clock = terminal.clock
        return Runtime(state: state, store: store, questionnaire: questionnaire, user: user,
                       terminal: terminal, clock: { clock.now }, tracePath: tracePath, exportFolder: exportFolder,
                       exportMode: exportMode, earlierQuestionnaires: earlierQuestionnaires)
    }

    /// Plays `script` on a fresh terminal of `size` against `store` and returns the terminal.
    @discardableResult
    static func play(_ script: [RecordingTerminal.Step], size: Size = Size(width: 120, height: 40),
                     store: (any PortfolioEngine & AssessmentStore)? = nil,
                     terminal: RecordingTerminal? = nil) throws -> RecordingTerminal {
        let terminal = terminal ?? RecordingTerminal(size: size)
        terminal.script = script
        try runtime(store: store ?? filledStore(), terminal: terminal).run()
        return terminal
    }
}

/// A fresh folder under the temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init(_ prefix: String = "lotse-runtime-tests") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
