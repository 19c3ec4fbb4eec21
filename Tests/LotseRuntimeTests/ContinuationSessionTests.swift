import Foundation
import LotseDomain
import LotseRuntime
import LotseStore
import LotseUI
import TermCanvas
import Testing

/// The continuation form through the runtime against a real store: drafts are written as
/// typed, a submit stores the review and the project's decision, a read-only database
/// refuses and keeps the file as it was.
@Suite struct ContinuationSessionTests {
    typealias Step = RecordingTerminal.Step

    /// Portfolio, search MS-03, open it, `v`.
    static var opening: [Step] { Step.type("2/MS-03") + [.key(.enter), .key(.enter), .key(.char("v"))] }

    @Test func typingIsADraftThatEscKeepsAndVBringsBack() throws {
        let store = try Session.filledStore()
        try Session.play(Self.opening + Step.type("Zwilling") + [.key(.escape), .key(.char("q"))], store: store)
        let record = try store.continuation(projectID: "MS-03")
        #expect(record.draft(of: Author(account: Session.user))?.answers.goal == "Zwilling")
        #expect(record.history.isEmpty)

        let terminal = try Session.play(Self.opening + [.timeout], store: store)
        #expect(terminal.screen.contains("Zwilling"))
        #expect(terminal.screen.contains("Gespeicherter Entwurf wiederhergestellt."))
    }

    @Test func aSubmittedDecisionIsStoredAndIsTheProjectsAtOnce() throws {
        let store = try Session.filledStore()
        let tab = Step.key(.tab)
        let script: [Step] = Self.opening + [tab, tab, tab, tab] + Step.type("Ja, der Zwilling bleibt")
            + [tab, tab, tab, .key(.right), tab] + Step.type("80.000") + [tab] + Step.type("Haushalt")
            + [tab] + Step.type("01/2027") + [tab, tab] + Step.type("Gemeinderat") + [tab] + Step.type("15.05.2026")
            + [.key(.ctrl("s")), .timeout]
        let terminal = try Session.play(script, store: store)
        #expect(terminal.screen.contains("Verstetigung MS-03 eingereicht"))
        let current = try #require(try store.continuation(projectID: "MS-03").current)
        #expect(current.version.revision == 1)
        #expect(current.review.decision == .ownBudget)
        #expect(current.review.followUpAmount == Money(euros: 80_000))
        #expect(current.review.decidedBy == "Gemeinderat")
        #expect(try store.loadPortfolio().projects.first { $0.id == "MS-03" }?.continuation == .ownBudget)
        #expect(try store.continuation(projectID: "MS-03").drafts.isEmpty)
    }

    @Test func aReadOnlyDatabaseRefusesTheDraftAndStaysAsItWas() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let writer = try SQLiteStore(path: path)
        try writer.replaceAll(with: Session.portfolio, by: Session.user)
        try writer.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let viewer = try SQLiteStore.openReadOnly(path: path)
        let terminal = RecordingTerminal(size: Size(width: 120, height: 40))
        terminal.script = Self.opening + Step.type("Z") + [.timeout]
        var state = AppState(month: Session.month, size: terminal.size, strings: .german, sourceLabel: "Test",
                             user: Session.user, now: terminal.clock.now)
        state.readOnly = true
        let clock = terminal.clock
        let runtime = Runtime(state: state, store: viewer, questionnaire: { try QuestionnaireFile.builtin() },
                              user: Session.user, terminal: terminal, clock: { clock.now })
        try runtime.run()
        #expect(runtime.state.continuationForm?.draft.answers.goal == "")
        #expect(runtime.state.notice == runtime.state.access.readOnlyRefused)
        try viewer.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
