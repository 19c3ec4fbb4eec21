import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// Drafts of the status-report editor: saved on every keystroke, read back exactly.
@Suite("Report drafts")
struct ReportDraftTests {
    /// A draft with every field set, awkward text included (P1 has the KPI K2).
    static func fullDraft(_ month: String = "2025-03") -> ReportDraft {
        ReportDraft(projectID: "P1", month: Fixture.month(month), overall: .red, schedule: .yellow, cost: .green,
                    results: nil, progress: "12,5 %", achieved: "Ä\nö 'quoted' \"x\" \\ {}", nextSteps: "—",
                    risksAndMeasures: String(repeating: "Risiko ", count: 400), spent: "12.500,5",
                    readings: ["K2": "-3,14159", "K-gone": "", "K9": "gr"])
    }

    @Test func roundTripKeepsEveryFieldAndSurvivesReopeningTheFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let full = Self.fullDraft()
        let empty = ReportDraft(projectID: "P2", month: Fixture.month("2025-03"))  // nil lights, no readings

        let first = try SQLiteStore(path: path, now: Fixture.clock)
        try first.replaceAll(with: Fixture.portfolio(), by: "tester")
        #expect(try first.draft(projectID: "P1", month: full.month, by: "anna") == nil)
        try first.saveDraft(full, by: "anna")
        try first.saveDraft(empty, by: "berta")
        #expect(try first.draft(projectID: "P1", month: full.month, by: "anna") == full)
        #expect(try first.draft(projectID: "P2", month: empty.month, by: "berta") == empty)
        try first.close()

        let second = try SQLiteStore(path: path, now: Fixture.clock)
        #expect(try second.draft(projectID: "P1", month: full.month, by: "anna") == full)
        #expect(try second.draft(projectID: "P2", month: empty.month, by: "berta") == empty)
        #expect(try second.draft(projectID: "P1", month: Fixture.month("2025-04"), by: "anna") == nil)
        #expect(try second.rows(sql: "SELECT project_id, changed_by, changed_at FROM report_draft ORDER BY project_id")
                    == [["P1", "anna", "2025-10-09T08:53:20Z"], ["P2", "berta", "2025-10-09T08:53:20Z"]])
    }

    @Test func savingAgainReplacesTheAuthorsOwnDraftOnly() throws {
        let store = try Fixture.filledStore()
        var draft = Self.fullDraft()
        try store.saveDraft(draft, by: "anna")
        draft.achieved = "neu"
        draft.overall = nil
        try store.saveDraft(draft, by: "anna")
        try store.saveDraft(Self.fullDraft(), by: "berta")  // berta's own draft of the same report
        try store.saveDraft(Self.fullDraft("2025-04"), by: "anna")

        #expect(try store.draft(projectID: "P1", month: draft.month, by: "anna") == draft)
        #expect(try store.draft(projectID: "P1", month: draft.month, by: "berta") == Self.fullDraft())
        #expect(try store.draft(projectID: "P1", month: Fixture.month("2025-04"), by: "anna") == Self.fullDraft("2025-04"))
        #expect(try store.rows(sql: "SELECT month, changed_by FROM report_draft ORDER BY month, changed_by")
                    == [["2025-03", "anna"], ["2025-03", "berta"], ["2025-04", "anna"]])
    }

    @Test func aDraftOfAnUnknownProjectIsRefused() throws {
        let store = try Fixture.filledStore()
        var draft = Self.fullDraft()
        draft.projectID = "P9"
        #expect(throws: StoreError.unknownProject("P9")) { try store.saveDraft(draft, by: "anna") }
        #expect(try store.rows(sql: "SELECT count(*) FROM report_draft") == [["0"]])
    }

    @Test func deleteRemovesTheDraftAndDeletingNothingIsFine() throws {
        let store = try Fixture.filledStore()
        try store.saveDraft(Self.fullDraft(), by: "anna")
        try store.saveDraft(Self.fullDraft("2025-04"), by: "anna")
        try store.saveDraft(Self.fullDraft(), by: "berta")
        try store.deleteDraft(projectID: "P1", month: Fixture.month("2025-03"), by: "anna")
        try store.deleteDraft(projectID: "P1", month: Fixture.month("2025-03"), by: "anna")
        try store.deleteDraft(projectID: "P9", month: Fixture.month("2025-03"), by: "anna")
        #expect(try store.draft(projectID: "P1", month: Fixture.month("2025-03"), by: "anna") == nil)
        #expect(try store.draft(projectID: "P1", month: Fixture.month("2025-03"), by: "berta") == Self.fullDraft())
        #expect(try store.draft(projectID: "P1", month: Fixture.month("2025-04"), by: "anna") != nil)
    }

    @Test func unreadableJSONIsATypedErrorNamingTableRowAndColumn() throws {
        let store = try Fixture.filledStore()
        try store.saveDraft(Self.fullDraft(), by: "anna")
        let month = Fixture.month("2025-03")

        try store.execute(sql: "UPDATE report_draft SET draft = '{\"projectID\": \"P1\", broken'")
        var error = try #require(throws: StoreError.self) { try store.draft(projectID: "P1", month: month, by: "anna") }
        #expect(error == .corruptValue(table: "report_draft", row: "P1 2025-03 anna", column: "draft",
                                       found: "'{\"projectID\": \"P1\", broken'",
                                       expected: "a status report draft as JSON (not valid JSON)"))

        // Readable JSON that lacks a field.
        let valid = try ReportDraftRecord.json(of: Self.fullDraft()).replacingOccurrences(of: "'", with: "''")
        try store.execute(sql: "UPDATE report_draft SET draft = json_remove('\(valid)', '$.progress')")
        error = try #require(throws: StoreError.self) { try store.draft(projectID: "P1", month: month, by: "anna") }
        guard case .corruptValue(_, _, _, let found, let expected) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(found.hasSuffix("characters)"))  // long texts are shortened
        #expect(expected == "a status report draft as JSON (key 'progress' is missing)")

        // JSON of another project's draft under this key is not this draft.
        var other = Self.fullDraft()
        other.projectID = "P2"
        let otherJSON = try ReportDraftRecord.json(of: other).replacingOccurrences(of: "'", with: "''")
        try store.execute(sql: "UPDATE report_draft SET draft = '\(otherJSON)'")
        error = try #require(throws: StoreError.self) { try store.draft(projectID: "P1", month: month, by: "anna") }
        guard case .corruptValue(let table, let row, let column, _, let expected) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect([table, row, column] == ["report_draft", "P1 2025-03 anna", "draft"])
        #expect(expected == "a status report draft as JSON (it is the draft of P2 2025-03)")

        // Everything else still reads, and a new draft repairs the row.
        #expect(try store.loadPortfolio() == Fixture.portfolio().inStoreOrder())
        try store.saveDraft(Self.fullDraft(), by: "anna")
        #expect(try store.draft(projectID: "P1", month: month, by: "anna") == Self.fullDraft())
    }

    @Test func deletingAProjectDeletesItsDrafts() throws {
        let store = try Fixture.filledStore()
        try store.saveDraft(Self.fullDraft(), by: "anna")
        try store.saveDraft(ReportDraft(projectID: "P2", month: Fixture.month("2025-03")), by: "anna")
        try store.execute(sql: "DELETE FROM project WHERE id = 'P1'")
        #expect(try store.rows(sql: "SELECT project_id FROM report_draft") == [["P2"]])
    }

    @Test func draftsAreLookedUpByTheirKey() throws {
        let store = try SQLiteStore.inMemory()
        let plan = try store.rows(sql: """
            EXPLAIN QUERY PLAN SELECT * FROM report_draft WHERE project_id = 'P' AND month = '2025-01'
            """)
        #expect(plan.flatMap { $0 }.contains { $0.contains("USING INDEX sqlite_autoindex_report_draft") })
    }

    /// Prints the time of one `saveDraft` on a database file. Run it in a release build:
    /// `LOTSE_TIMING=1 swift test -c release -Xswiftc -enable-testing --filter ReportDraftTests`
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LOTSE_TIMING"] != nil))
    func timeOfOneSaveDraftOnAFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SQLiteStore(path: folder.file("lotse.sqlite"))
        try store.replaceAll(with: Fixture.portfolio(), by: "tester")
        var draft = Self.fullDraft()
        draft.risksAndMeasures = ""
        let calls = 2_000
        var samples: [Double] = []
        samples.reserveCapacity(calls)
        for i in 0..<calls {
            draft.achieved += i.isMultiple(of: 80) ? "\n" : "x"  // a keystroke
            let start = DispatchTime.now().uptimeNanoseconds
            try store.saveDraft(draft, by: "anna")
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000)
        }
        samples.sort()
        let mean = samples.reduce(0, +) / Double(calls)
        print("saveDraft on a file, \(calls) calls, draft of \(try ReportDraftRecord.json(of: draft).utf8.count) bytes"
              + " at the end: mean \(Int(mean)) µs, median \(Int(samples[calls / 2])) µs,"
              + " p99 \(Int(samples[calls * 99 / 100])) µs, max \(Int(samples[calls - 1])) µs")
        #expect(try store.draft(projectID: "P1", month: draft.month, by: "anna") == draft)
    }
}
