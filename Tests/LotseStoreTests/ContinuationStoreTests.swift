import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// The continuation review's storage: every submitted version kept, a draft per author,
/// submit refused when somebody else submitted in between, the project's decision set in
/// the same transaction.
@Suite("Continuation store")
struct ContinuationStoreTests {
    static func review(_ decision: ContinuationDecision = .ownBudget, amount: Int64? = 120_000_00,
                       basic: Bool = false, goal: String = "Pegel an allen Brücken messen") -> ContinuationReview {
        var answers = ContinuationAnswers()
        answers.goal = goal
        answers.reached = "12 von 15 Sensoren\nim Betrieb"
        answers.ownBudget = "Ja: der Hochwasserschutz braucht die Daten"
        answers.reuse = "Die Ausschreibung, \"Leistungsverzeichnis\" und 'Betriebskonzept'"
        return ContinuationReview(
            projectID: "P1", answers: answers, decision: decision, followUpAmount: amount.map { Money(cents: $0) },
            followUpSource: amount == nil ? "" : "Haushalt Tiefbauamt", followUpFrom: amount == nil ? nil : Fixture.month("2027-07"),
            basicComponent: basic, decidedBy: decision == .open ? "" : "Gemeinderat",
            decidedOn: decision == .open ? nil : DayText.parse("24.09.2025"))
    }

    static func draft(_ text: String = "halb getippt", amount: String = "12.5") -> ContinuationDraft {
        var answers = ContinuationAnswers()
        answers.approach = text
        return ContinuationDraft(projectID: "P1", answers: answers, decision: .scaleAndTransfer,
                                 followUpAmount: amount, followUpFrom: "13/2027", decidedOn: "gestern")
    }

    /// Everything a submit can change, to show that a refused one changed nothing.
    static func snapshot(_ store: SQLiteStore) throws -> [[String]] {
        try store.rows(sql: "SELECT project_id, revision, decision, changed_by FROM continuation_review ORDER BY 1, 2")
            + store.rows(sql: "SELECT project_id, changed_by, draft FROM continuation_draft ORDER BY 1, 2")
            + store.rows(sql: "SELECT id, continuation, basic_component_candidate, changed_by FROM project ORDER BY id")
            + store.rows(sql: "SELECT project_id, continuation FROM project_status ORDER BY 1")
    }

    @Test func aSubmittedReviewReadsBackAsItWasWritten() throws {
        let store = try Fixture.filledStore()
        #expect(try store.continuation(projectID: "P1") == ContinuationRecord())
        let version = try store.submitContinuation(Self.review(), expecting: nil, by: "anna")
        #expect(version == ContinuationVersion(revision: 1, changedBy: "anna", changedAt: Fixture.clock()))
        let record = try store.continuation(projectID: "P1")
        #expect(record.current == SubmittedContinuation(review: Self.review(), version: version))
        #expect(record.history.count == 1)
        #expect(try store.continuation(projectID: "P2").history.isEmpty)
    }

    @Test func everySubmittedVersionIsKeptNewestFirst() throws {
        let store = try Fixture.filledStore()
        try store.submitContinuation(Self.review(.open, amount: nil), expecting: nil, by: "anna")
        try store.submitContinuation(Self.review(.scaleAndTransfer), expecting: 1, by: Author(account: "berta", name: "Berta Berg"))
        try store.submitContinuation(Self.review(.ownBudget, goal: "geändert"), expecting: 2, by: "anna")
        let history = try store.continuation(projectID: "P1").history
        #expect(history.map(\.version.revision) == [3, 2, 1])
        #expect(history.map(\.review.decision) == [.ownBudget, .scaleAndTransfer, .open])
        #expect(history.map(\.version.changedBy) == ["anna", "Berta Berg (berta)", "anna"])
        #expect(history[0].review.answers.goal == "geändert")
        #expect(history[2].review == Self.review(.open, amount: nil))
    }

    @Test func eachAuthorHasTheirOwnDraftAndSubmittingRemovesOnlyTheirs() throws {
        let store = try Fixture.filledStore()
        try store.saveContinuationDraft(Self.draft("Annas Text"), by: "anna")
        try store.saveContinuationDraft(Self.draft("Bertas Text"), by: Author(account: "berta", name: "Berta Berg"))
        try store.saveContinuationDraft(Self.draft("Annas zweiter Text"), by: "anna")
        var record = try store.continuation(projectID: "P1")
        #expect(record.draft(of: "anna") == Self.draft("Annas zweiter Text"))
        #expect(record.draft(of: "berta") == Self.draft("Bertas Text"))
        #expect(record.others(than: "anna").map(\.author) == [Author(account: "berta", name: "Berta Berg")])

        try store.submitContinuation(Self.review(), expecting: nil, by: "anna")
        record = try store.continuation(projectID: "P1")
        #expect(record.draft(of: "anna") == nil)
        #expect(record.draft(of: "berta") == Self.draft("Bertas Text"))

        try store.discardContinuationDraft(projectID: "P1", by: "berta")
        #expect(try store.continuation(projectID: "P1").drafts.isEmpty)
        try store.discardContinuationDraft(projectID: "P1", by: "berta")  // none left: not an error
    }

    @Test func aDraftOfAnUnknownProjectIsRefused() throws {
        let store = try Fixture.filledStore()
        var draft = Self.draft()
        draft.projectID = "P9"
        #expect(throws: StoreError.unknownProject("P9")) { try store.saveContinuationDraft(draft, by: "anna") }
        #expect(try store.rows(sql: "SELECT count(*) FROM continuation_draft") == [["0"]])
    }

    @Test func aSubmitAfterSomebodyElseSubmittedIsRefusedAndChangesNothing() throws {
        let store = try Fixture.filledStore()
        try store.saveContinuationDraft(Self.draft(), by: "anna")
        // Anna opened the form when there was no review; Berta submits first.
        try store.submitContinuation(Self.review(.stop, amount: nil), expecting: nil, by: "berta")
        let before = try Self.snapshot(store)
        #expect(throws: ContinuationConflict(projectID: "P1", current: ContinuationVersion(
            revision: 1, changedBy: "berta", changedAt: Fixture.clock()))) {
            try store.submitContinuation(Self.review(), expecting: nil, by: "anna")
        }
        #expect(throws: ContinuationConflict.self) {
            try store.submitContinuation(Self.review(), expecting: 7, by: "anna")
        }
        #expect(try Self.snapshot(store) == before)
        #expect(try store.continuation(projectID: "P1").draft(of: "anna") == Self.draft())
    }

    @Test func theDecisionIsTheProjectsAtOnceForTheOverviewAndTheTable() throws {
        let store = try Fixture.filledStore()
        #expect(try store.loadPortfolio().projects.first { $0.id == "P1" }?.continuation == .open)
        try store.submitContinuation(Self.review(.scaleAndTransfer, basic: true), expecting: nil, by: "anna")
        var project = try #require(try store.loadPortfolio().projects.first { $0.id == "P1" })
        #expect(project.continuation == .scaleAndTransfer)
        #expect(project.basicComponentCandidate)
        #expect(try store.rows(sql: "SELECT continuation FROM project_status WHERE project_id = 'P1'") == [["skalieren"]])
        #expect(try store.rows(sql: "SELECT changed_by FROM project WHERE id = 'P1'") == [["anna"]])

        // Not proposing leaves an earlier basic-component mark as it was; stopping is seen by the summaries.
        try store.submitContinuation(Self.review(.stop, amount: nil), expecting: 1, by: "anna")
        project = try #require(try store.loadPortfolio().projects.first { $0.id == "P1" })
        #expect(project.continuation == .stop)
        #expect(try store.rows(sql: "SELECT continuation FROM project_status WHERE project_id = 'P1'") == [["beenden"]])
        // The other project is untouched.
        #expect(try store.loadPortfolio().projects.first { $0.id == "P2" }?.continuation == .ownBudget)
    }

    @Test func reviewsAndDraftsOutliveAnImportThatReplacesEveryProject() throws {
        let store = try Fixture.filledStore()
        try store.submitContinuation(Self.review(), expecting: nil, by: "anna")
        try store.saveContinuationDraft(Self.draft(), by: "berta")
        try store.replaceAll(with: Fixture.portfolio(), by: "tester")
        let record = try store.continuation(projectID: "P1")
        #expect(record.current?.review == Self.review())
        #expect(record.draft(of: "berta") == Self.draft())
    }

    @Test func valuesTheStoreCannotTakeAreRefusedWithTheirReason() throws {
        let store = try Fixture.filledStore()
        var review = Self.review(.stop, amount: nil, basic: true)
        #expect(throws: InvalidContinuationReview.self) { try store.submitContinuation(review, expecting: nil, by: "anna") }
        review = Self.review(amount: -5)
        #expect(throws: InvalidContinuationReview.self) { try store.submitContinuation(review, expecting: nil, by: "anna") }
        review = Self.review()
        review.decidedOn = nil
        do {
            try store.submitContinuation(review, expecting: nil, by: "anna")
            Issue.record("a decision without its day was stored")
        } catch let error as InvalidContinuationReview {
            #expect("\(error)".contains("who decided and when"))
        }
        review.projectID = "P9"
        review.decidedOn = Date(timeIntervalSince1970: 0)
        #expect(throws: StoreError.unknownProject("P9")) { try store.submitContinuation(review, expecting: nil, by: "anna") }
        #expect(try store.rows(sql: "SELECT count(*) FROM continuation_review") == [["0"]])
    }

    @Test func aReadOnlyStoreRefusesEveryWriteWithItsMessage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let writer = try SQLiteStore(path: path, now: Fixture.clock)
        try writer.replaceAll(with: Fixture.portfolio(), by: "tester")
        try writer.submitContinuation(Self.review(), expecting: nil, by: "anna")
        try writer.saveContinuationDraft(Self.draft(), by: "anna")
        try writer.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let viewer = try SQLiteStore.openReadOnly(path: path, now: Fixture.clock)
        #expect(try viewer.continuation(projectID: "P1").current?.review == Self.review())
        #expect(throws: ReadOnlyStoreError.readOnly(path: path)) { try viewer.saveContinuationDraft(Self.draft("x"), by: "anna") }
        #expect(throws: ReadOnlyStoreError.readOnly(path: path)) { try viewer.discardContinuationDraft(projectID: "P1", by: "anna") }
        #expect(throws: ReadOnlyStoreError.readOnly(path: path)) {
            try viewer.submitContinuation(Self.review(.stop, amount: nil), expecting: 1, by: "anna")
        }
        #expect("\(ReadOnlyStoreError.readOnly(path: path))".contains("nothing was changed"))
        try viewer.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func migratingFromThePreviousSchemaKeepsEveryRowAndAddsTheTables() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let previous = try #require(StoreSchema.migrationIdentifiers.firstIndex(of: "v7-continuation-review"))
        let oldSchema = try SQLiteStore.createDatabase(path: path, upTo: StoreSchema.migrationIdentifiers[previous - 1],
                                                       with: Fixture.portfolio(), by: "tester", at: Fixture.clock())
        let store = try SQLiteStore(path: path, now: Fixture.clock)
        #expect(try store.appliedMigrations().contains("v7-continuation-review"))
        let schema = try store.rows(sql: "SELECT type, name, sql FROM sqlite_master ORDER BY name")
        // v10-risk-months added two columns to `risk`, v13-previous-light one to `project_status`,
        // v14-radar-in-status widened the index on the funding end.
        #expect(oldSchema.filter { !["risk", "project_status", "project_by_funding_end"].contains($0[1]) }.allSatisfy(schema.contains),
                "v7 adds tables and changes nothing else")
        #expect(try store.loadPortfolio() == Fixture.portfolio().inStoreOrder())
        try store.submitContinuation(Self.review(), expecting: nil, by: "anna")
        #expect(try store.continuation(projectID: "P1").history.count == 1)
    }

    @Test func aCorruptStoredDecisionIsNamedNotCrashed() throws {
        let store = try Fixture.filledStore()
        try store.submitContinuation(Self.review(), expecting: nil, by: "anna")
        try store.execute(sql: "UPDATE continuation_review SET decision = 'vielleicht'")
        do {
            _ = try store.continuation(projectID: "P1")
            Issue.record("a corrupt decision was read")
        } catch let StoreError.corruptValue(table, _, column, found, _) {
            #expect(table == "continuation_review")
            #expect(column == "decision")
            #expect(found.contains("vielleicht"))
        }
    }
}
