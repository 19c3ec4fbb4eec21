import Foundation
import LotseDomain
import Synchronization
import Testing
@testable import LotseStore

/// The continuation review's storage on every engine: every submitted version kept, a
/// draft per author, a submit refused (changing nothing) when somebody else submitted in
/// between, the project's decision set in the same transaction.
@Suite struct ContinuationContractTests {
    static let engines = EngineUnderTest.all

    static func review(_ decision: ContinuationDecision = .ownBudget, amount: Int64? = 120_000_00,
                       basic: Bool = false, goal: String = "Pegel an allen Brücken messen") -> ContinuationReview {
        ContinuationStoreTests.review(decision, amount: amount, basic: basic, goal: goal)
    }

    /// Everything a submit can change, to show that a refused one changed nothing.
    struct Snapshot: Equatable {
        var records: [ContinuationRecord]
        var projects: [Project]

        init(_ store: any PortfolioEngine) throws {
            records = try ["P1", "P2"].map { try store.continuation(projectID: $0) }
            projects = try store.loadPortfolio().projects
        }
    }

    @Test(arguments: engines)
    func aSubmittedReviewReadsBackAsItWasWrittenOnAnotherConnection(_ engine: EngineUnderTest) throws {
        let (store, reconnect, cleanup) = try ReportStoreContractTests.filled(engine)
        defer { cleanup() }
        #expect(try store.continuation(projectID: "P1") == ContinuationRecord())
        let version = try store.submitContinuation(Self.review(), expecting: nil, by: "anna")
        #expect(version == ContinuationVersion(revision: 1, changedBy: "anna", changedAt: Fixture.clock()))
        let record = try reconnect().continuation(projectID: "P1")
        #expect(record.current == SubmittedContinuation(review: Self.review(), version: version))
        #expect(record.history.count == 1)
        #expect(try store.continuation(projectID: "P2").history.isEmpty)

        // Nothing optional set: no amount, no month, no day.
        let open = Self.review(.open, amount: nil)
        try store.submitContinuation(open, expecting: 1, by: "anna")
        #expect(try reconnect().continuation(projectID: "P1").current?.review == open)
    }

    @Test(arguments: engines)
    func everySubmittedVersionIsKeptNewestFirst(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try ReportStoreContractTests.filled(engine)
        defer { cleanup() }
        try store.submitContinuation(Self.review(.open, amount: nil), expecting: nil, by: "anna")
        try store.submitContinuation(Self.review(.scaleAndTransfer), expecting: 1,
                                     by: Author(account: "berta", name: "Berta Berg"))
        try store.submitContinuation(Self.review(.ownBudget, goal: "geändert"), expecting: 2, by: "anna")
        let history = try store.continuation(projectID: "P1").history
        #expect(history.map(\.version.revision) == [3, 2, 1])
        #expect(history.map(\.review.decision) == [.ownBudget, .scaleAndTransfer, .open])
        #expect(history.map(\.version.changedBy) == ["anna", "Berta Berg (berta)", "anna"])
        #expect(history[0].review.answers.goal == "geändert")
        #expect(history[2].review == Self.review(.open, amount: nil))
    }

    @Test(arguments: engines)
    func eachAuthorHasTheirOwnDraftAndSubmittingRemovesOnlyTheirs(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try ReportStoreContractTests.filled(engine)
        defer { cleanup() }
        let berta = Author(account: "berta", name: "Berta Berg")
        try store.saveContinuationDraft(ContinuationStoreTests.draft("Annas Text"), by: "anna")
        try store.saveContinuationDraft(ContinuationStoreTests.draft("Bertas Text"), by: berta)
        try store.saveContinuationDraft(ContinuationStoreTests.draft("Annas zweiter Text"), by: "anna")
        var record = try store.continuation(projectID: "P1")
        #expect(record.draft(of: "anna") == ContinuationStoreTests.draft("Annas zweiter Text"))
        #expect(record.draft(of: "berta") == ContinuationStoreTests.draft("Bertas Text"))
        #expect(record.drafts.map(\.author) == [Author(account: "anna"), berta])
        #expect(record.drafts.allSatisfy { $0.startedAt == Fixture.clock() && $0.changedAt == Fixture.clock() })

        try store.submitContinuation(Self.review(), expecting: nil, by: "anna")
        record = try store.continuation(projectID: "P1")
        #expect(record.draft(of: "anna") == nil)
        #expect(record.draft(of: "berta") == ContinuationStoreTests.draft("Bertas Text"))

        try store.discardContinuationDraft(projectID: "P1", by: "berta")
        #expect(try store.continuation(projectID: "P1").drafts.isEmpty)
        try store.discardContinuationDraft(projectID: "P1", by: "berta")  // none left: not an error

        var stranger = ContinuationStoreTests.draft()
        stranger.projectID = "P9"
        #expect(throws: StoreError.unknownProject("P9")) { try store.saveContinuationDraft(stranger, by: "anna") }
        #expect(try store.continuation(projectID: "P9") == ContinuationRecord())
    }

    @Test(arguments: engines)
    func aSubmitAfterSomebodyElseSubmittedIsRefusedAndChangesNothing(_ engine: EngineUnderTest) throws {
        let (store, reconnect, cleanup) = try ReportStoreContractTests.filled(engine)
        defer { cleanup() }
        try store.saveContinuationDraft(ContinuationStoreTests.draft(), by: "anna")
        // Anna opened the form when there was no review; Berta submits first, elsewhere.
        try reconnect().submitContinuation(Self.review(.stop, amount: nil), expecting: nil, by: "berta")
        let before = try Snapshot(store)
        #expect(throws: ContinuationConflict(projectID: "P1", current: ContinuationVersion(
            revision: 1, changedBy: "berta", changedAt: Fixture.clock()))) {
            try store.submitContinuation(Self.review(.scaleAndTransfer, basic: true), expecting: nil, by: "anna")
        }
        #expect(throws: ContinuationConflict.self) {
            try store.submitContinuation(Self.review(), expecting: 7, by: "anna")
        }
        #expect(try Snapshot(store) == before)
        #expect(try store.continuation(projectID: "P1").draft(of: "anna") == ContinuationStoreTests.draft())
    }

    @Test(arguments: engines)
    func theDecisionIsTheProjectsAtOnce(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try ReportStoreContractTests.filled(engine)
        defer { cleanup() }
        func project(_ id: String) throws -> Project? { try store.loadPortfolio().projects.first { $0.id == id } }
        let p2 = try project("P2")
        #expect(try project("P1")?.continuation == .open)
        #expect(try project("P1")?.basicComponentCandidate == true)
        var unmarked = Fixture.portfolio()
        unmarked.projects[1].basicComponentCandidate = false
        try store.replaceAll(with: unmarked, by: "tester")

        try store.submitContinuation(Self.review(.scaleAndTransfer, basic: true), expecting: nil, by: "anna")
        var p1 = try #require(try project("P1"))
        #expect(p1.continuation == .scaleAndTransfer)
        #expect(p1.basicComponentCandidate)

        // Not proposing leaves an earlier basic-component mark as it was.
        try store.submitContinuation(Self.review(.stop, amount: nil), expecting: 1, by: "anna")
        p1 = try #require(try project("P1"))
        #expect(p1.continuation == .stop)
        #expect(p1.basicComponentCandidate)
        #expect(try project("P2") == p2, "the other project is untouched")
    }

    @Test(arguments: engines)
    func reviewsAndDraftsOutliveAnImportThatReplacesEveryProject(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try ReportStoreContractTests.filled(engine)
        defer { cleanup() }
        try store.submitContinuation(Self.review(), expecting: nil, by: "anna")
        try store.saveContinuationDraft(ContinuationStoreTests.draft(), by: "berta")
        try store.replaceAll(with: Fixture.portfolio(), by: "tester")
        let record = try store.continuation(projectID: "P1")
        #expect(record.current?.review == Self.review())
        #expect(record.draft(of: "berta") == ContinuationStoreTests.draft())
    }

    @Test(arguments: engines)
    func valuesTheStoreCannotTakeAreRefusedWithTheirReason(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try ReportStoreContractTests.filled(engine)
        defer { cleanup() }
        let before = try Snapshot(store)
        #expect(throws: InvalidContinuationReview(projectID: "P1", problems: [
            "a project that stops cannot be proposed as a basic component",
        ])) {
            try store.submitContinuation(Self.review(.stop, amount: nil, basic: true), expecting: nil, by: "anna")
        }
        #expect(throws: InvalidContinuationReview(projectID: "P1", problems: [
            "follow-up financing must not be negative",
        ])) {
            try store.submitContinuation(Self.review(amount: -5), expecting: nil, by: "anna")
        }
        var review = Self.review()
        review.decidedOn = nil
        #expect(throws: InvalidContinuationReview(projectID: "P1", problems: ["a decision needs who decided and when"])) {
            try store.submitContinuation(review, expecting: nil, by: "anna")
        }
        review.projectID = "P9"
        review.decidedOn = Date(timeIntervalSince1970: 0)
        #expect(throws: StoreError.unknownProject("P9")) { try store.submitContinuation(review, expecting: nil, by: "anna") }
        #expect(try Snapshot(store) == before)
        #expect(try store.continuation(projectID: "P9") == ContinuationRecord())
    }

    /// Submits at the same moment from two connections, all expecting no review: exactly
    /// one becomes revision 1, every other gets the conflict.
    @Test(arguments: engines)
    func racingSubmitsOnTwoConnectionsLetExactlyOneWin(_ engine: EngineUnderTest) throws {
        let (first, reconnect, cleanup) = try ReportStoreContractTests.filled(engine)
        defer { cleanup() }
        let stores = [first, try reconnect()]
        for round in 0..<5 {
            let expecting = round == 0 ? nil : round
            let winners = Mutex<[Int]>([])
            let conflicts = Atomic<Int>(0)
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { i in
                do {
                    try stores[i % 2].submitContinuation(Self.review(goal: "Runde \(round), Fassung \(i)"),
                                                         expecting: expecting, by: Author(account: "editor\(i)"))
                    winners.withLock { $0.append(i) }
                } catch is ContinuationConflict {
                    conflicts.add(1, ordering: .relaxed)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            let won = winners.withLock { $0 }
            #expect(won.count == 1 && conflicts.load(ordering: .relaxed) == 3, "round \(round)")
            let history = try stores[round % 2].continuation(projectID: "P1").history
            #expect(history.count == round + 1)
            if let winner = won.first {
                #expect(history.first?.version.changedBy == "editor\(winner)")
                #expect(history.first?.review.answers.goal == "Runde \(round), Fassung \(winner)")
            }
        }
    }
}
