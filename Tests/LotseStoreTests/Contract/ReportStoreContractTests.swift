import Foundation
import LotseDomain
import Synchronization
import Testing
@testable import LotseStore

/// The status-report editor's storage on every engine: drafts per author, a submit that
/// writes report and readings together and never overwrites a newer report, and refusals
/// that change nothing.
@Suite struct ReportStoreContractTests {
    static let engines = EngineUnderTest.all
    static let march = Fixture.month("2025-03")
    static let february = Fixture.month("2025-02")

    /// A fresh engine holding `Fixture.portfolio()`.
    static func filled(_ engine: EngineUnderTest) throws
        -> (store: any PortfolioEngine, reconnect: @Sendable () throws -> any PortfolioEngine, cleanup: @Sendable () -> Void) {
        let made = try engine.make()
        do {
            try made.engine.replaceAll(with: Fixture.portfolio(), by: "tester")
        } catch {
            made.cleanup()
            throw error
        }
        return (made.engine, made.reconnect, made.cleanup)
    }

    /// Everything a submit can change, to show that a refused one changed nothing.
    struct Snapshot: Equatable {
        var portfolio: Portfolio
        var drafts: [[AuthoredDraft]]
        var versions: [ReportVersion?]

        init(_ store: any PortfolioEngine) throws {
            portfolio = try store.loadPortfolio()
            let keys = [("P1", march), ("P1", february), ("P2", march)]
            drafts = try keys.map { try store.drafts(projectID: $0.0, month: $0.1) }
            versions = try keys.map { try store.reportVersion(projectID: $0.0, month: $0.1) }
        }
    }

    @Test(arguments: engines)
    func draftsAreEachAuthorsOwnAndReadBackExactlyOnAnotherConnection(_ engine: EngineUnderTest) throws {
        let (store, reconnect, cleanup) = try Self.filled(engine)
        defer { cleanup() }
        let full = ReportDraftTests.fullDraft()
        let empty = ReportDraft(projectID: "P2", month: Self.march)  // nil lights, no readings
        #expect(try store.draft(projectID: "P1", month: Self.march, by: "anna") == nil)
        try store.saveDraft(full, by: Author(account: "anna", name: "Anna Schmidt"))
        try store.saveDraft(empty, by: "berta")
        var changed = full
        changed.achieved = "neu"
        changed.overall = nil
        try store.saveDraft(changed, by: "bernd")
        try store.saveDraft(ReportDraftTests.fullDraft("2025-04"), by: "anna")

        let other = try reconnect()
        let drafts = try other.drafts(projectID: "P1", month: Self.march)
        #expect(drafts.map(\.author) == [Author(account: "anna", name: "Anna Schmidt"), Author(account: "bernd")])
        #expect(drafts.map(\.draft) == [full, changed])
        #expect(drafts.allSatisfy { $0.startedAt == Fixture.clock() && $0.changedAt == Fixture.clock() })
        #expect(try other.draft(projectID: "P2", month: Self.march, by: "berta") == empty)
        #expect(try other.draft(projectID: "P1", month: Fixture.month("2025-04"), by: "anna")
                    == ReportDraftTests.fullDraft("2025-04"))
        #expect(try other.draft(projectID: "P1", month: Fixture.month("2025-05"), by: "anna") == nil)

        // Saving again replaces the author's own draft only.
        try other.saveDraft(changed, by: "anna")
        #expect(try store.draft(projectID: "P1", month: Self.march, by: "anna") == changed)
        #expect(try store.draft(projectID: "P1", month: Self.march, by: "bernd") == changed)
        #expect(try store.drafts(projectID: "P1", month: Self.march).count == 2)

        // Deleting takes the author's draft only; deleting nothing is fine.
        try store.deleteDraft(projectID: "P1", month: Self.march, by: "anna")
        try store.deleteDraft(projectID: "P1", month: Self.march, by: "anna")
        try store.deleteDraft(projectID: "P9", month: Self.march, by: "anna")
        #expect(try other.drafts(projectID: "P1", month: Self.march).map(\.author.account) == ["bernd"])
        #expect(try other.draft(projectID: "P1", month: Fixture.month("2025-04"), by: "anna") != nil)
    }

    @Test(arguments: engines)
    func aDraftOfAnUnknownProjectIsRefused(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try Self.filled(engine)
        defer { cleanup() }
        var draft = ReportDraftTests.fullDraft()
        draft.projectID = "P9"
        #expect(throws: StoreError.unknownProject("P9")) { try store.saveDraft(draft, by: "anna") }
        #expect(try store.drafts(projectID: "P9", month: Self.march).isEmpty)
    }

    @Test(arguments: engines)
    func aNewReportGetsRevisionOneItsReadingsAndLosesOnlyItsAuthorsDraft(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try Self.filled(engine)
        defer { cleanup() }
        try store.saveDraft(ReportDraftTests.fullDraft(), by: "anna")
        try store.saveDraft(ReportDraftTests.fullDraft(), by: "berta")
        #expect(try store.reportVersion(projectID: "P1", month: Self.march) == nil)

        try store.submit(ReportSubmitTests.report(), readings: [ReportSubmitTests.reading("0.5")], expecting: nil,
                         by: Author(account: "anna", name: "Anna Schmidt"))

        #expect(try store.reportVersion(projectID: "P1", month: Self.march)
                    == ReportVersion(revision: 1, changedBy: "Anna Schmidt (anna)", changedAt: Fixture.clock()))
        #expect(try store.drafts(projectID: "P1", month: Self.march).map(\.author.account) == ["berta"])
        var expected = Fixture.portfolio()
        expected.reports.append(ReportSubmitTests.report())
        expected.readings.append(ReportSubmitTests.reading("0.5"))
        #expect(try store.loadPortfolio() == expected.inStoreOrder())
    }

    @Test(arguments: engines)
    func submittingTheStoredVersionRaisesTheRevisionAndReplacesTheMonthsReadings(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try Self.filled(engine)
        defer { cleanup() }
        try store.submit(ReportSubmitTests.report(), readings: [ReportSubmitTests.reading("1")], expecting: nil,
                         by: "anna")
        let first = try #require(try store.reportVersion(projectID: "P1", month: Self.march))
        try store.saveDraft(ReportDraftTests.fullDraft(), by: "anna")
        try store.submit(ReportSubmitTests.report(progress: 40), readings: [ReportSubmitTests.reading("2")],
                         expecting: first, by: "anna")
        let second = try #require(try store.reportVersion(projectID: "P1", month: Self.march))
        #expect(second.revision == 2)
        #expect(try store.draft(projectID: "P1", month: Self.march, by: "anna") == nil)
        var portfolio = try store.loadPortfolio()
        #expect(portfolio.reports.filter { $0.month == Self.march } == [ReportSubmitTests.report(progress: 40)])
        #expect(portfolio.readings.filter { $0.month == Self.march } == [ReportSubmitTests.reading("2")])

        // An emptied reading is "not measured": that month's reading goes, the others stay.
        try store.submit(ReportSubmitTests.report(progress: 40), readings: [], expecting: second, by: "anna")
        #expect(try store.reportVersion(projectID: "P1", month: Self.march)?.revision == 3)
        portfolio = try store.loadPortfolio()
        #expect(portfolio.readings == Fixture.portfolio().inStoreOrder().readings)
    }

    @Test(arguments: engines)
    func aSubmitFromAVersionThatIsNoLongerStoredIsAConflictAndChangesNothing(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try Self.filled(engine)
        defer { cleanup() }
        try store.saveDraft(ReportDraft(projectID: "P1", month: Self.february), by: "berta")
        let stored = try #require(try store.reportVersion(projectID: "P1", month: Self.february))
        #expect(stored == ReportVersion(revision: 1, changedBy: "tester", changedAt: Fixture.clock()))
        let before = try Snapshot(store)

        // Expecting no report where there is one.
        let conflict = try #require(throws: ReportConflict.self) {
            try store.submit(Fixture.report("P1", "2025-02", progress: 1, at: Date()),
                             readings: [ReportSubmitTests.reading("7", month: "2025-02")], expecting: nil, by: "berta")
        }
        #expect(conflict == ReportConflict(projectID: "P1", month: Self.february, current: stored))
        #expect(conflict.description.contains("changed by tester meanwhile"))
        // Expecting a report that is not there.
        let ghost = ReportVersion(revision: 1, changedBy: "anna", changedAt: Fixture.clock())
        #expect(throws: ReportConflict(projectID: "P1", month: Self.march, current: nil)) {
            try store.submit(ReportSubmitTests.report(), readings: [ReportSubmitTests.reading("3")], expecting: ghost,
                             by: "berta")
        }
        // Expecting an older revision: only the revision counts, not the time.
        var older = stored
        older.revision = 0
        #expect(throws: ReportConflict(projectID: "P1", month: Self.february, current: stored)) {
            try store.submit(Fixture.report("P1", "2025-02", progress: 1, at: Date()), readings: [],
                             expecting: older, by: "berta")
        }
        #expect(try Snapshot(store) == before)

        var sameRevision = stored
        sameRevision.changedAt = .distantPast
        try store.submit(Fixture.report("P1", "2025-02", progress: 2, at: Date(timeIntervalSince1970: 0)), readings: [],
                         expecting: sameRevision, by: "berta")
        #expect(try store.reportVersion(projectID: "P1", month: Self.february)?.revision == 2)
    }

    @Test(arguments: engines)
    func saveRaisesTheRevisionSoAnEditorThatOpenedBeforeIsRefused(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try Self.filled(engine)
        defer { cleanup() }
        let opened = try #require(try store.reportVersion(projectID: "P1", month: Self.february))
        try store.save(report: Fixture.report("P1", "2025-02", progress: 60, at: Date(timeIntervalSince1970: 5)),
                       by: "berta")
        let saved = try #require(try store.reportVersion(projectID: "P1", month: Self.february))
        #expect(saved == ReportVersion(revision: 2, changedBy: "berta", changedAt: Fixture.clock()))
        #expect(throws: ReportConflict(projectID: "P1", month: Self.february, current: saved)) {
            try store.submit(Fixture.report("P1", "2025-02", progress: 1, at: Date()), readings: [],
                             expecting: opened, by: "anna")
        }
    }

    @Test(arguments: engines)
    func anImportRaisesTheRevisionOfReportsItKeepsAndKeepsTheDraftsOfProjectsItKeeps(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try Self.filled(engine)
        defer { cleanup() }
        let p1Draft = ReportDraftTests.fullDraft()
        let p2Draft = ReportDraft(projectID: "P2", month: Self.march, progress: "5")
        try store.saveDraft(p1Draft, by: "anna")
        try store.saveDraft(p2Draft, by: "berta")
        var imported = Fixture.portfolio()
        imported.reports.removeAll { $0.month == Fixture.month("2025-01") }
        try store.replaceAll(with: imported, by: "import")
        #expect(try store.reportVersion(projectID: "P1", month: Self.february)?.revision == 2)
        #expect(try store.reportVersion(projectID: "P1", month: Fixture.month("2025-01")) == nil)
        #expect(try store.draft(projectID: "P1", month: Self.march, by: "anna") == p1Draft)
        #expect(try store.draft(projectID: "P2", month: Self.march, by: "berta") == p2Draft)

        imported.projects.removeAll { $0.id == "P2" }
        imported.reports.removeAll { $0.projectID == "P2" }
        imported.kpis.removeAll { $0.projectID == "P2" }
        imported.readings.removeAll { $0.kpiID == "K1" }
        imported.risks.removeAll { $0.projectID == "P2" }
        try store.replaceAll(with: imported, by: "import")
        #expect(try store.drafts(projectID: "P2", month: Self.march).isEmpty)
        #expect(try store.draft(projectID: "P1", month: Self.march, by: "anna") == p1Draft)
    }

    @Test(arguments: engines)
    func invalidSubmissionsAreRefusedWithTypedErrorsAndChangeNothing(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try Self.filled(engine)
        defer { cleanup() }
        try store.saveDraft(ReportDraftTests.fullDraft(), by: "anna")
        let before = try Snapshot(store)
        let month = Self.march
        #expect(throws: StoreError.invalidReport(projectID: "P1", month: month,
                                                 problems: ["progress 101 is not within 0…100"])) {
            try store.submit(ReportSubmitTests.report(progress: 101), readings: [], expecting: nil, by: "anna")
        }
        var elsewhere = ReportSubmitTests.report()
        elsewhere.projectID = "P9"
        #expect(throws: StoreError.unknownProject("P9")) {
            try store.submit(elsewhere, readings: [], expecting: nil, by: "anna")
        }
        #expect(throws: StoreError.invalidReport(projectID: "P1", month: month,
                                                 problems: ["KPI 'K1' is not a KPI of project P1",
                                                            "KPI 'K7' is not a KPI of project P1"])) {
            try store.submit(ReportSubmitTests.report(),
                             readings: [ReportSubmitTests.reading("1"), ReportSubmitTests.reading("2", kpi: "K1"),
                                        ReportSubmitTests.reading("3", kpi: "K7")],
                             expecting: nil, by: "anna")
        }
        #expect(throws: StoreError.invalidReport(projectID: "P1", month: month, problems: [
            "the reading of KPI 'K2' is for 2025-04, not 2025-03", "KPI 'K2' has two readings",
        ])) {
            try store.submit(ReportSubmitTests.report(),
                             readings: [ReportSubmitTests.reading("1"), ReportSubmitTests.reading("2", month: "2025-04")],
                             expecting: nil, by: "anna")
        }
        #expect(try Snapshot(store) == before)
    }

    /// Two people, two connections, one report: each keeps their draft, the second submit
    /// from the old version is refused and keeps its author's text.
    @Test(arguments: engines)
    func twoEditorsOnTwoConnectionsNeverOverwriteEachOther(_ engine: EngineUnderTest) throws {
        let (a, reconnect, cleanup) = try Self.filled(engine)
        defer { cleanup() }
        let b = try reconnect()
        try a.submit(ReportSubmitTests.report(progress: 10), readings: [ReportSubmitTests.reading("1")],
                     expecting: nil, by: "carl")
        let openedByA = try #require(try a.reportVersion(projectID: "P1", month: Self.march))
        let openedByB = try #require(try b.reportVersion(projectID: "P1", month: Self.march))
        #expect(openedByB == openedByA)
        let anna = Author(account: "anna", name: "Anna Schmidt")
        let bernd = Author(account: "bernd")
        var draftA = ReportDraftTests.fullDraft()
        draftA.achieved = "von Anna"
        var draftB = ReportDraftTests.fullDraft()
        draftB.achieved = "von Bernd"
        try a.saveDraft(draftA, by: anna)
        try b.saveDraft(draftB, by: bernd)
        #expect(try b.drafts(projectID: "P1", month: Self.march).map(\.author.label) == ["Anna Schmidt (anna)", "bernd"])

        let reportA = ReportSubmitTests.report(progress: 20, achieved: "von Anna")
        try a.submit(reportA, readings: [ReportSubmitTests.reading("2")], expecting: openedByA, by: anna)
        let afterA = try #require(try b.reportVersion(projectID: "P1", month: Self.march))
        #expect(afterA.revision == 2 && afterA.changedBy == "Anna Schmidt (anna)")
        #expect(try b.draft(projectID: "P1", month: Self.march, by: bernd) == draftB)

        let before = try Snapshot(b)
        let reportB = ReportSubmitTests.report(progress: 30, achieved: "von Bernd")
        let conflict = try #require(throws: ReportConflict.self) {
            try b.submit(reportB, readings: [ReportSubmitTests.reading("3")], expecting: openedByB, by: bernd)
        }
        #expect(conflict.current == afterA)
        #expect(conflict.description.contains("changed by Anna Schmidt (anna) meanwhile (revision 2)"))
        #expect(try Snapshot(b) == before)
        #expect(try Snapshot(a) == before)

        try b.submit(reportB, readings: [], expecting: afterA, by: bernd)
        #expect(try a.drafts(projectID: "P1", month: Self.march).isEmpty)
        #expect(try a.reportVersion(projectID: "P1", month: Self.march)?.revision == 3)
        #expect(try a.loadPortfolio().reports.filter { $0.month == Self.march } == [reportB])
    }

    /// Submits at the same moment from two connections, all from the same version: exactly
    /// one wins each round, every other gets the conflict, and the stored report and its
    /// readings are all the winner's.
    @Test(arguments: engines)
    func racingSubmitsOnTwoConnectionsLetExactlyOneWin(_ engine: EngineUnderTest) throws {
        let (first, reconnect, cleanup) = try Self.filled(engine)
        defer { cleanup() }
        let stores = [first, try reconnect()]
        for round in 0..<8 {
            let opened = try stores[0].reportVersion(projectID: "P1", month: Self.march)
            let winners = Mutex<[Int]>([])
            let conflicts = Atomic<Int>(0)
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { i in
                do {
                    try stores[i % 2].submit(ReportSubmitTests.report(progress: 10 * round + i),
                                             readings: [ReportSubmitTests.reading("\(round).\(i)")],
                                             expecting: opened, by: Author(account: "editor\(i)"))
                    winners.withLock { $0.append(i) }
                } catch is ReportConflict {
                    conflicts.add(1, ordering: .relaxed)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            let won = winners.withLock { $0 }
            #expect(won.count == 1, "round \(round)")
            #expect(conflicts.load(ordering: .relaxed) == 3, "round \(round)")
            guard let winner = won.first else { continue }
            let version = try stores[1].reportVersion(projectID: "P1", month: Self.march)
            #expect(version?.revision == round + 1)
            #expect(version?.changedBy == "editor\(winner)")
            let portfolio = try stores[(round + 1) % 2].loadPortfolio()
            #expect(portfolio.reports.filter { $0.month == Self.march }.map(\.progress) == [10 * round + winner])
            #expect(portfolio.readings.filter { $0.month == Self.march }
                        == [ReportSubmitTests.reading("\(round).\(winner)")])
        }
    }
}
