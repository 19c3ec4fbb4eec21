import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// Portfolio files, written and checked as `lotse import` checks them.
enum ImportFiles {
    /// `portfolio` as a checked file in `folder`.
    static func checked(_ portfolio: Portfolio, in folder: TemporaryFolder, name: String = "portfolio.json") throws
        -> CheckedPortfolioFile {
        let path = folder.file(name)
        try PortfolioCoding.encoder().encode(portfolio).write(to: URL(fileURLWithPath: path))
        return try CheckedPortfolioFile.check(path: path)
    }

    /// The fixture's report of P1 in 2025-02, submitted later by someone else with other values.
    static func newerReport() -> StatusReport {
        var report = Fixture.report("P1", "2025-02", progress: 100, at: Date(timeIntervalSinceReferenceDate: 770_000_000))
        report.author = "anna"
        report.achieved = "written in the editor after the export"
        return report
    }

    static func report(_ store: SQLiteStore, _ project: String, _ month: String) throws -> StatusReport? {
        try store.loadPortfolio().reports.first { $0.projectID == project && $0.month == Fixture.month(month) }
    }

    static func revision(_ store: SQLiteStore, _ project: String, _ month: String) throws -> String? {
        try store.rows(sql: "SELECT revision FROM status_report WHERE project_id = '\(project)' AND month = '\(month)'")
            .first?.first
    }
}

@Suite("lotse import merges by identity")
struct MergeImportTests {
    @Test func anOlderFileKeepsTheNewerReportAsAConflictUntilForced() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Fixture.filledStore()
        let newer = ImportFiles.newerReport()
        try store.save(report: newer, by: "anna")  // after the export the file was made of
        let older = try ImportFiles.checked(Fixture.portfolio(), in: folder)

        let outcome = try store.importPortfolio(older, mode: .merge(force: false), by: "import")
        #expect(outcome.conflictCount == 1)
        #expect(outcome.keptConflicts)
        #expect(outcome[.reports] == ImportCounts(unchanged: 2, kept: 1))
        let conflict = try #require(outcome.conflicts.first)
        #expect(conflict.projectID == "P1" && conflict.month == Fixture.month("2025-02"))
        #expect(conflict.storedAuthor == "anna")
        #expect(conflict.storedSubmittedAt == newer.submittedAt)
        #expect(try ImportFiles.report(store, "P1", "2025-02") == newer)

        let forced = try store.importPortfolio(older, mode: .merge(force: true), by: "import")
        #expect(forced.conflictCount == 1)
        #expect(!forced.keptConflicts)
        #expect(forced[.reports] == ImportCounts(changed: 1, unchanged: 2))
        // What the file holds (its times to the second, as exports write them).
        let decoded = try PortfolioCoding.decode(Data(contentsOf: URL(fileURLWithPath: older.path)), source: older.source)
        let fileVersion = try #require(decoded.reports.first { $0.projectID == "P1" && $0.month == Fixture.month("2025-02") })
        #expect(try ImportFiles.report(store, "P1", "2025-02") == fileVersion)
        // Imported, saved by anna, imported again: three writes.
        #expect(try ImportFiles.revision(store, "P1", "2025-02") == "3")
    }

    @Test func aFileWithoutAProjectLeavesTheProjectAndItsDataAlone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Fixture.filledStore()
        let before = try store.loadPortfolio()
        var partial = Fixture.portfolio()
        partial.projects.removeAll { $0.id == "P2" }
        partial.reports.removeAll { $0.projectID == "P2" }
        partial.kpis.removeAll { $0.projectID == "P2" }
        partial.readings.removeAll { $0.kpiID == "K1" }
        partial.risks.removeAll { $0.projectID == "P2" }

        let outcome = try store.importPortfolio(try ImportFiles.checked(partial, in: folder), mode: .merge(force: false),
                                                by: "import")
        #expect(outcome[.projects] == ImportCounts(unchanged: 1))
        // The report of 2025-02 was submitted at a fraction of a second, which the file
        // does not hold: still the same report.
        #expect(outcome[.reports] == ImportCounts(unchanged: 2))
        #expect(!outcome.changesSomething)
        #expect(try store.loadPortfolio() == before)
    }

    @Test func aChangedReportIsUpdatedAndOnlyItsRevisionRises() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Fixture.filledStore()
        var file = Fixture.portfolio()
        let index = try #require(file.reports.firstIndex { $0.projectID == "P2" })
        file.reports[index].progress = 60
        file.reports[index].submittedAt = Date(timeIntervalSinceReferenceDate: 0)
        file.reports.append(Fixture.report("P1", "2025-03", progress: 100, at: Date(timeIntervalSinceReferenceDate: 762_000_000)))
        let overviewBefore = try store.rows(sql: "SELECT * FROM project_status ORDER BY project_id")

        let outcome = try store.importPortfolio(try ImportFiles.checked(file, in: folder), mode: .merge(force: false),
                                                by: "import")
        #expect(outcome[.reports] == ImportCounts(added: 1, changed: 1, unchanged: 2))
        #expect(outcome[.projects] == ImportCounts(unchanged: 2))
        #expect(outcome.conflictCount == 0 && !outcome.keptConflicts)
        #expect(try ImportFiles.revision(store, "P2", "2024-12") == "2")
        #expect(try ImportFiles.revision(store, "P1", "2025-01") == "1")
        #expect(try ImportFiles.revision(store, "P1", "2025-03") == "1")
        #expect(try store.loadPortfolio() == file.inStoreOrder())
        // The summaries follow in the same transaction (only the two projects' rows are
        // rebuilt): P1's latest month is the new one, P2's progress the changed one.
        let status = try store.rows(sql: "SELECT project_id, latest_month, progress FROM project_status ORDER BY project_id")
        #expect(status == [["P1", "2025-03", "100"], ["P2", "2024-12", "60"]])
        #expect(try store.rows(sql: "SELECT * FROM project_status ORDER BY project_id") != overviewBefore)
    }

    @Test func changedMasterDataRebuildsTheSearchText() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Fixture.filledStore()
        var file = Fixture.portfolio()
        file.municipalities[1].name = "Kleinwörden"
        let outcome = try store.importPortfolio(try ImportFiles.checked(file, in: folder), mode: .merge(force: false),
                                                by: "import")
        #expect(outcome[.municipalities] == ImportCounts(changed: 1, unchanged: 1))
        let text = try store.rows(sql: "SELECT search_text FROM project_status WHERE project_id = 'P1'")
        #expect(text.first?.first?.contains("kleinworden") == true)
    }

    @Test func theReadingsOfAKeptReportAreKeptWithIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Fixture.filledStore()
        try store.save(report: ImportFiles.newerReport(), by: "anna")
        var file = Fixture.portfolio()
        for i in file.readings.indices where file.readings[i].kpiID == "K2" {
            file.readings[i].value = 42  // both months of K2 (P1): 2025-02 is kept, 2025-01 is not
        }
        let outcome = try store.importPortfolio(try ImportFiles.checked(file, in: folder), mode: .merge(force: false),
                                                by: "import")
        #expect(outcome[.readings] == ImportCounts(changed: 1, unchanged: 1, kept: 1))
        let readings = try store.rows(sql: "SELECT month, value FROM kpi_reading WHERE kpi_id = 'K2' ORDER BY month")
        #expect(readings == [["2025-01", "42"], ["2025-02", "-3.14159"]])
    }

    @Test func anEmptyValidFileDeletesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Fixture.filledStore()
        let before = try ImportStreamTests.snapshot(store)
        let outcome = try store.importPortfolio(try ImportFiles.checked(Portfolio(), in: folder),
                                                mode: .merge(force: false), by: "import")
        #expect(outcome.counts.allSatisfy { $0.total == 0 })
        #expect(!outcome.changesSomething)
        #expect(try ImportStreamTests.snapshot(store) == before)
    }

    @Test func aDraftSurvivesMergeAndReplace() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Fixture.filledStore()
        var draft = ReportDraft(projectID: "P1", month: Fixture.month("2025-02"))
        draft.achieved = "half typed"
        try store.saveDraft(draft, by: "anna")
        var file = Fixture.portfolio()
        file.reports[0].progress = 99
        file.reports[0].submittedAt = Date(timeIntervalSinceReferenceDate: 765_000_000)
        let checked = try ImportFiles.checked(file, in: folder)

        let merged = try store.importPortfolio(checked, mode: .merge(force: false), by: "import")
        #expect(merged.draftsBefore == 1 && merged.draftsKept == 1)
        #expect(try store.drafts(projectID: "P1", month: Fixture.month("2025-02")).map(\.draft) == [draft])

        let replaced = try store.importPortfolio(checked, mode: .replace, by: "import")
        #expect(replaced.draftsBefore == 1 && replaced.draftsKept == 1)
        #expect(try store.drafts(projectID: "P1", month: Fixture.month("2025-02")).map(\.draft) == [draft])
        #expect(try store.drafts(projectID: "P1", month: Fixture.month("2025-02")).map(\.author.account) == ["anna"])
    }

    @Test func aValueTheDatabaseRefusesBecomesAClearMessageAndChangesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let store = try SQLiteStore(path: path, now: Fixture.clock)
        try store.replaceAll(with: Fixture.portfolio(), by: "tester")
        // A rule of the database the file's checks do not know.
        try store.execute(sql: """
            CREATE TRIGGER no_vergabe BEFORE INSERT ON risk WHEN NEW.title = 'Vergabe'
            BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: title <> ''Vergabe'''); END
            """)
        try store.execute(sql: "DELETE FROM risk WHERE id = 'R0'")
        let before = try ImportStreamTests.snapshot(store)
        let checked = try ImportFiles.checked(Fixture.portfolio(), in: folder)
        for mode in [ImportMode.merge(force: false), .replace] {
            #expect {
                try store.importPortfolio(checked, mode: mode, by: "import")
            } throws: { error in
                guard let refusal = error as? ImportRefusal else { return false }
                return refusal.kind == .risks && refusal.key == "R0" && refusal.rule == .valueNotAllowed(field: "title")
                    && refusal.line > 1 && refusal.source == checked.source
                    && !refusal.description.contains(path) && !refusal.description.contains("constraint")
            }
            #expect(try ImportStreamTests.snapshot(store) == before)
            // Nothing changed, so no backup of it is left behind either.
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.contains(".bak-") })
        }
    }

    @Test func sqliteMessagesOfConstraintsAreReadAsRules() {
        #expect(ConstraintMessage.rule(of: "CHECK constraint failed: progress BETWEEN 0 AND 100")
            == .valueNotAllowed(field: "progress"))
        #expect(ConstraintMessage.rule(of: "CHECK constraint failed: spent_cents >= 0") == .valueNotAllowed(field: "spent"))
        #expect(ConstraintMessage.rule(of: "CHECK constraint failed: typeof(revision) = 'integer'")
            == .valueNotAllowed(field: "revision"))
        #expect(ConstraintMessage.rule(of: "UNIQUE constraint failed: status_report.project_id, status_report.month")
            == .duplicate(fields: ["projectID", "month"]))
        #expect(ConstraintMessage.rule(of: "FOREIGN KEY constraint failed") == .missingReference)
        #expect(ConstraintMessage.rule(of: "NOT NULL constraint failed: project.funding_end_month")
            == .missingValue(field: "fundingEnd"))
        #expect(ConstraintMessage.rule(of: "something else") == .other)
    }
}

@Suite("lotse import --replace backs the database up first")
struct ReplaceBackupTests {
    @Test func replaceWritesABackupThatOpensAndHoldsTheOldData() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        _ = try DatabaseLocation.prepare(path: path)
        let store = try SQLiteStore(path: path, now: Fixture.clock)
        try store.replaceAll(with: Fixture.portfolio(), by: "tester")
        let old = try store.loadPortfolio()
        let checked = try ImportFiles.checked(Portfolio(), in: folder)

        let outcome = try store.importPortfolio(checked, mode: .replace, by: "import")
        let backup = try #require(outcome.backupPath)
        #expect(backup == SQLiteStore.backupName(for: path, at: Fixture.clock()))
        #expect(backup.hasPrefix(path + ".bak-") && backup.count == path.count + ".bak-YYYYMMDD-HHMMSS".count)
        #expect(mode(backup) == mode(path))
        #expect(outcome.replacedProjects == 2 && outcome.replacedReports == 3)
        #expect(try store.loadPortfolio() == Portfolio())
        let copy = try SQLiteStore.openReadOnly(path: backup)
        #expect(try copy.loadPortfolio() == old)
        try copy.close()

        // A second backup within the same second gets a name of its own.
        let again = try store.importPortfolio(checked, mode: .replace, by: "import")
        #expect(again.backupPath == backup + "-2")
    }

    @Test func whenTheBackupCannotBeWrittenNothingChanges() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        _ = try DatabaseLocation.prepare(path: path)
        let store = try SQLiteStore(path: path, now: Fixture.clock)
        try store.replaceAll(with: Fixture.portfolio(), by: "tester")
        let before = try ImportStreamTests.snapshot(store)
        // Every name the backup could take is taken (a folder, so it cannot be opened either).
        let base = SQLiteStore.backupName(for: path, at: Fixture.clock())
        for name in [base] + (2...20).map({ "\(base)-\($0)" }) {
            try FileManager.default.createDirectory(atPath: name, withIntermediateDirectories: false)
        }
        let checked = try ImportFiles.checked(Portfolio(), in: folder)
        #expect(throws: ImportBackupError.self) {
            try store.importPortfolio(checked, mode: .replace, by: "import")
        }
        #expect(try ImportStreamTests.snapshot(store) == before)
    }
}

@Suite("A merged file may refer to what the database holds")
struct MergeReferencesTests {
    /// Reports of a project the file does not list: refused standing alone, merged when the
    /// database holds the project, and the project stays as it is.
    @Test func reportsOfAProjectInTheDatabaseMerge() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Fixture.filledStore()
        var partial = Fixture.portfolio()
        let project = try #require(partial.projects.first { $0.id == "P1" })
        partial.projects.removeAll { $0.id == "P1" }
        let index = try #require(partial.reports.firstIndex { $0.projectID == "P1" })
        partial.reports[index].achieved = "new text from a partial file"
        partial.reports[index].submittedAt = partial.reports[index].submittedAt.addingTimeInterval(3600)
        let path = folder.file("partial.json")
        try PortfolioCoding.encoder().encode(partial).write(to: URL(fileURLWithPath: path))

        #expect(throws: PortfolioFileError.self) { try CheckedPortfolioFile.check(path: path) }
        let existing = try store.existingIdentifiers()
        #expect(existing.projects.contains("P1"))
        let checked = try CheckedPortfolioFile.check(path: path, existing: existing)
        let outcome = try store.importPortfolio(checked, mode: .merge(force: false), by: "import")
        #expect(!outcome.keptConflicts)
        let report = partial.reports[index]
        #expect(try ImportFiles.report(store, "P1", report.month.description)?.achieved == "new text from a partial file")
        #expect(try store.loadPortfolio().projects.first { $0.id == "P1" } == project, "the project the file lacks stays")
    }
}
