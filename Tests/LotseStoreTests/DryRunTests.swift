import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// `lotse import --dry-run` runs the real import and rolls it back: the same verdict, the
/// same counts, and the database as it was.
@Suite("lotse import --dry-run tells the truth")
struct DryRunTests {
    /// What an import said: what it did, or why it refused (the message as printed).
    enum Verdict: Equatable {
        case imported(ImportOutcome)
        case refused(String)
    }

    /// Checks the file and imports it, as `lotse import` does; the outcome without its
    /// dry-run flag, so that a dry run and a real import compare equal when they agree.
    static func verdict(_ store: SQLiteStore, _ path: String, _ mode: ImportMode, dryRun: Bool) -> Verdict {
        do {
            let checked = try CheckedPortfolioFile.check(path: path)
            var outcome = try store.importPortfolio(checked, mode: mode, by: "import", dryRun: dryRun)
            #expect(outcome.dryRun == dryRun)
            outcome.dryRun = false
            return .imported(outcome)
        } catch {
            return .refused(String(describing: error))
        }
    }

    /// Runs the dry run, checks that it changed nothing, then runs the real import on the
    /// same database and checks that both said the same.
    static func expectSameVerdict(_ store: SQLiteStore, _ path: String, _ mode: ImportMode,
                                  sourceLocation: SourceLocation = #_sourceLocation) throws -> Verdict {
        let before = try ImportStreamTests.snapshot(store)
        let dry = verdict(store, path, mode, dryRun: true)
        #expect(try ImportStreamTests.snapshot(store) == before, "dry run changed \(path)", sourceLocation: sourceLocation)
        let real = verdict(store, path, mode, dryRun: false)
        #expect(dry == real, "dry run and import disagree on \(path) (\(mode))", sourceLocation: sourceLocation)
        return real
    }

    /// The files and starting databases of the equivalence test: merges that add, change,
    /// keep conflicts or change nothing, replaces, an empty file and a refused value.
    static func cases(in folder: TemporaryFolder) throws -> [(name: String, start: () throws -> SQLiteStore, file: String)] {
        func write(_ p: Portfolio, _ name: String) throws -> String {
            let path = folder.file(name)
            try PortfolioCoding.encoder().encode(p).write(to: URL(fileURLWithPath: path))
            return path
        }
        var changed = Fixture.portfolio()
        changed.reports[2].progress = 77
        changed.reports[2].submittedAt = Date(timeIntervalSinceReferenceDate: 1_000)
        changed.reports.append(Fixture.report("P1", "2025-03", progress: 100, at: Date(timeIntervalSinceReferenceDate: 762_000_000)))
        let generated = SyntheticPortfolio.make(projects: 40, municipalities: 3, months: 12,
                                                endingAt: Fixture.month("2026-11"), seed: 9)
        let fixture = try write(Fixture.portfolio(), "fixture.json")
        let withNewer: () throws -> SQLiteStore = {
            let store = try Fixture.filledStore()
            try store.save(report: ImportFiles.newerReport(), by: "anna")
            return store
        }
        let withRule: () throws -> SQLiteStore = {
            let store = try Fixture.filledStore()
            try store.execute(sql: """
                CREATE TRIGGER no_pegel BEFORE UPDATE ON project WHEN NEW.name = 'Pegel'
                BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: name <> ''Pegel'''); END
                """)
            return store
        }
        var renamed = Fixture.portfolio()
        renamed.projects[1].name = "Pegel"
        return [
            ("fixture into empty", Fixture.store, fixture),
            ("fixture into itself", Fixture.filledStore, fixture),
            ("changed and added", Fixture.filledStore, try write(changed, "changed.json")),
            ("older than the database", withNewer, fixture),
            ("empty file", Fixture.filledStore, try write(Portfolio(), "empty.json")),
            ("generated", Fixture.filledStore, try write(generated, "generated.json")),
            ("refused by a rule", withRule, try write(renamed, "renamed.json")),
        ]
    }

    static let modes: [ImportMode] = [.merge(force: false), .merge(force: true), .replace]

    @Test func dryRunAndImportAgreeOnEveryCaseAndMode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var verdicts: [String: Verdict] = [:]
        for c in try Self.cases(in: folder) {
            for mode in Self.modes {
                verdicts["\(c.name) \(mode)"] = try Self.expectSameVerdict(try c.start(), c.file, mode)
            }
        }
        // The cases say what they are meant to say (so the agreement above is not vacuous).
        guard case .imported(let older)? = verdicts["older than the database \(ImportMode.merge(force: false))"],
              case .imported(let changed)? = verdicts["changed and added \(ImportMode.merge(force: false))"],
              case .refused(let refused)? = verdicts["refused by a rule \(ImportMode.merge(force: false))"] else {
            Issue.record("unexpected verdicts: \(verdicts)")
            return
        }
        #expect(older.keptConflicts && older[.reports].kept == 1)
        #expect(changed[.reports] == ImportCounts(added: 1, changed: 1, unchanged: 2))
        #expect(refused.contains("P1") && refused.contains("'name'"))
    }

    @Test func aDryRunLeavesTheDatabaseFileByteForByteAndWritesNoBackup() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        _ = try DatabaseLocation.prepare(path: path)
        let store = try SQLiteStore(path: path, now: Fixture.clock)
        try store.replaceAll(with: Fixture.portfolio(), by: "tester")
        try store.checkpoint()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var changed = Fixture.portfolio()
        changed.projects[0].name = "anders"
        let checked = try ImportFiles.checked(changed, in: folder, name: "import.json")
        let listed = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()

        for mode in Self.modes {
            let outcome = try store.importPortfolio(checked, mode: mode, by: "import", dryRun: true)
            #expect(outcome.changesSomething)
            if mode == .replace {
                #expect(outcome.backupPath == SQLiteStore.backupName(for: path, at: Fixture.clock()))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == listed)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        try store.checkpoint()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(listed == (files + ["import.json"]).sorted())
    }

    /// Every `.json` file of `Tests/Corpus` (malformed and hostile files), and the cases
    /// above: the dry run's verdict (imported with its counts, or the message) is the real
    /// import's, starting from the same database, and the dry run changes nothing.
    @Test func dryRunAndImportAgreeOnEveryCorpusFile() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Corpus").standardizedFileURL
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let own = try Self.cases(in: folder).map(\.file)
        var compared = 0
        for path in names.map({ corpus.appendingPathComponent($0).path }) + own {
            for mode in Self.modes {
                _ = try Self.expectSameVerdict(try Fixture.filledStore(), path, mode)
                compared += 1
            }
        }
        #expect(compared == (names.count + own.count) * Self.modes.count && compared >= 21)
    }
}

@Suite("A dry run on a database of an older Lotse")
struct DryRunOlderSchemaTests {
    /// The copy in memory is migrated and importable; the file keeps its old schema and bytes.
    @Test func theCopyIsMigratedAndTheFileIsUntouched() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("old.sqlite")
        _ = try SQLiteStore.createDatabase(path: path, upTo: "v4", with: Fixture.portfolio(), by: "anna", at: Fixture.clock())
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: ReadOnlyStoreError.self) { try SQLiteStore.openReadOnly(path: path) }

        let copy = try SQLiteStore.inMemoryCopy(of: path, now: Fixture.clock)
        #expect(try copy.appliedMigrations().last == StoreSchema.migrationIdentifiers.last)
        #expect(try copy.loadPortfolio() == Fixture.portfolio().inStoreOrder())
        let file = try ImportFiles.checked(Fixture.portfolio(), in: folder)
        let outcome = try copy.importPortfolio(file, mode: .merge(force: false), by: "x", dryRun: true)
        #expect(!outcome.keptConflicts)

        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the file was neither migrated nor changed")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }
}
