import Foundation
import LotseDomain
import Synchronization
import Testing
@testable import LotseStore

/// Two people edit the same report, each in their own Lotse process on one database file
/// (here: two stores with their own connections). Neither overwrites the other silently.
@Suite("Report: two editors")
struct ReportTwoEditorsTests {
    static let march = Fixture.month("2025-03")

    @Test func twoAuthorsKeepTheirDraftsAndTheSecondSubmitIsRefusedKeepingItsText() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        // Both on the same fixed clock: the time cannot tell the versions apart.
        let a = try SQLiteStore(path: path, now: Fixture.clock)
        let b = try SQLiteStore(path: path, now: Fixture.clock)
        try a.replaceAll(with: Fixture.portfolio(), by: "tester")
        try a.submit(ReportSubmitTests.report(progress: 10), readings: [ReportSubmitTests.reading("1")],
                     expecting: nil, by: "carl")

        // Both open the editor on revision 1 and type.
        let openedByA = try #require(try a.reportVersion(projectID: "P1", month: Self.march))
        let openedByB = try #require(try b.reportVersion(projectID: "P1", month: Self.march))
        #expect(openedByA.revision == 1)
        #expect(openedByB == openedByA)
        var draftA = ReportDraftTests.fullDraft()
        draftA.achieved = "von Anna"
        var draftB = ReportDraftTests.fullDraft()
        draftB.achieved = "von Bernd"
        let anna = Author(account: "anna", name: "Anna Schmidt")
        let bernd = Author(account: "bernd")
        try a.saveDraft(draftA, by: anna)
        try b.saveDraft(draftB, by: bernd)  // each person has their own draft

        // B sees that A is editing, and can read A's draft; both drafts are there.
        let seenByB = try b.drafts(projectID: "P1", month: Self.march)
        #expect(seenByB.map(\.author) == [anna, bernd])
        #expect(seenByB.map(\.author.label) == ["Anna Schmidt (anna)", "bernd"])
        #expect(seenByB.first?.draft == draftA)
        #expect(seenByB.first?.startedAt == Fixture.clock())

        let reportA = ReportSubmitTests.report(progress: 20, achieved: "von Anna")
        try a.submit(reportA, readings: [ReportSubmitTests.reading("2")], expecting: openedByA, by: anna)
        let afterA = try #require(try b.reportVersion(projectID: "P1", month: Self.march))
        #expect(afterA.revision == 2)
        #expect(afterA.changedBy == "Anna Schmidt (anna)")
        #expect(afterA.changedAt == openedByB.changedAt)
        // A's submit took A's draft only: B's text is still there.
        #expect(try b.draft(projectID: "P1", month: Self.march, by: bernd) == draftB)
        #expect(try b.draft(projectID: "P1", month: Self.march, by: anna) == nil)

        // B submits from the old version: refused, and B's draft really stays.
        let before = try ReportSubmitTests.snapshot(b)
        let reportB = ReportSubmitTests.report(progress: 30, achieved: "von Bernd")
        let conflict = try #require(throws: ReportConflict.self) {
            try b.submit(reportB, readings: [ReportSubmitTests.reading("3")], expecting: openedByB, by: bernd)
        }
        #expect(conflict.current == afterA)
        #expect(conflict.description.contains("changed by Anna Schmidt (anna) meanwhile (revision 2)"))
        #expect(try ReportSubmitTests.snapshot(b) == before)
        for store in [a, b] {
            let portfolio = try store.loadPortfolio()
            #expect(portfolio.reports.filter { $0.month == Self.march } == [reportA])
            #expect(portfolio.readings.filter { $0.month == Self.march } == [ReportSubmitTests.reading("2")])
            #expect(try store.draft(projectID: "P1", month: Self.march, by: bernd) == draftB)
        }

        // Having seen A's report, B submits on top of it.
        try b.submit(reportB, readings: [], expecting: afterA, by: bernd)
        #expect(try b.drafts(projectID: "P1", month: Self.march).isEmpty)
        #expect(try a.reportVersion(projectID: "P1", month: Self.march)?.revision == 3)
        #expect(try a.loadPortfolio().reports.filter { $0.month == Self.march } == [reportB])
        try a.close()
        try b.close()
    }

    /// Many submits at once from two stores, all starting from the same version: exactly one
    /// wins per round, the others get a conflict; none is lost without a word.
    @Test func racingSubmitsLetExactlyOneWin() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let stores = [try SQLiteStore(path: path), try SQLiteStore(path: path)]
        try stores[0].replaceAll(with: Fixture.portfolio(), by: "tester")

        for round in 0..<10 {
            let opened = try stores[0].reportVersion(projectID: "P1", month: Self.march)
            let wins = Atomic<Int>(0)
            let conflicts = Atomic<Int>(0)
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 6) { i in
                do {
                    try stores[i % 2].submit(ReportSubmitTests.report(progress: i), readings: [], expecting: opened,
                                             by: Author(account: "editor\(i)"))
                    wins.add(1, ordering: .relaxed)
                } catch is ReportConflict {
                    conflicts.add(1, ordering: .relaxed)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            #expect(wins.load(ordering: .relaxed) == 1)
            #expect(conflicts.load(ordering: .relaxed) == 5)
            #expect(try stores[1].reportVersion(projectID: "P1", month: Self.march)?.revision == round + 1)
        }
    }
}
