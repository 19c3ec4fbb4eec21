import Foundation
import GRDB
import LotseDomain
import Testing
@testable import LotseStore

/// The checks of a database on a shared server: missing files, URLs, owners and modes,
/// read-only access, drafts per author (migration v5) and who the author is.
@Suite("Shared server: access and authors")
struct SharedServerAccessTests {
    static let nobody: uid_t = 65534

    @Test func anExplicitPathThatDoesNotExistIsRefusedAndNothingIsCreated() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("typo/lotse.sqlite")
        #expect(throws: DatabaseLocationError.missing(path: path)) {
            try DatabaseLocation.check(path: path, mayCreate: false, readOnly: false, shared: false)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("typo")))
        // Read-only never creates either, not even at the default location.
        #expect(throws: DatabaseLocationError.missing(path: path)) {
            try DatabaseLocation.check(path: path, mayCreate: true, readOnly: true, shared: false)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("typo")))
        // The default location is made: folder 0700, file 0600.
        let made = try DatabaseLocation.check(path: path, mayCreate: true, readOnly: false, shared: false)
        #expect(made.isNew && made.readOnly == nil && !made.readableByOthers)
        #expect(mode(folder.file("typo")) == 0o700)
        #expect(mode(path) == 0o600)
    }

    @Test(arguments: ["postgres://lotse@db.example/lotse", "postgresql://x/y", "mysql://h/d", "file:lotse.sqlite?mode=memory"])
    func aURLIsNeverTakenAsAPath(_ url: String) throws {
        let error = try #require(throws: DatabaseLocationError.self) {
            try DatabaseLocation.resolve(explicit: url, environment: [:])
        }
        guard case .unsupportedURL(let scheme) = error else { Issue.record("\(error)"); return }
        #expect(url.hasPrefix(scheme))
        #expect(throws: DatabaseLocationError.self) {
            try DatabaseLocation.resolve(explicit: nil, environment: ["LOTSE_DB": url])
        }
        // A plain path with a colon is still a path.
        #expect(try DatabaseLocation.resolve(explicit: "./a:b.sqlite", environment: [:]) == "./a:b.sqlite")
    }

    @Test func writableByGroupIsRefusedUnlessSharedAndByEverybodyAlways() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        chmod(folder.path, 0o700)
        let path = folder.file("lotse.sqlite")
        try DatabaseLocation.prepare(path: path)

        chmod(path, 0o660)
        #expect(throws: DatabaseLocationError.writableByOthers(path: path, group: true)) {
            try DatabaseLocation.check(path: path, mayCreate: false, readOnly: false, shared: false)
        }
        #expect(try DatabaseLocation.check(path: path, mayCreate: false, readOnly: false, shared: true).readOnly == nil)

        chmod(path, 0o666)
        for shared in [false, true] {
            #expect(throws: DatabaseLocationError.writableByOthers(path: path, group: false)) {
                try DatabaseLocation.check(path: path, mayCreate: false, readOnly: false, shared: shared)
            }
        }
        chmod(path, 0o600)
        chmod(folder.path, 0o777)
        #expect(throws: DatabaseLocationError.writableByOthers(path: folder.path, group: false)) {
            try DatabaseLocation.check(path: path, mayCreate: false, readOnly: false, shared: true)
        }
        chmod(folder.path, 0o770)
        #expect(throws: DatabaseLocationError.writableByOthers(path: folder.path, group: true)) {
            try DatabaseLocation.check(path: path, mayCreate: false, readOnly: false, shared: false)
        }
    }

    @Test func aPrivateDatabaseReadableByOthersIsReportedForAWarning() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        chmod(folder.path, 0o700)
        let path = folder.file("lotse.sqlite")
        try DatabaseLocation.prepare(path: path)
        #expect(try DatabaseLocation.check(path: path, mayCreate: false, readOnly: false, shared: false).readableByOthers == false)
        chmod(path, 0o644)
        #expect(try DatabaseLocation.check(path: path, mayCreate: false, readOnly: false, shared: false).readableByOthers)
        chmod(path, 0o640)
        #expect(try DatabaseLocation.check(path: path, mayCreate: false, readOnly: false, shared: false).readableByOthers)
        // In a group's database the group reads by design; everybody else still counts.
        #expect(try DatabaseLocation.check(path: path, mayCreate: false, readOnly: false, shared: true).readableByOthers == false)
    }

    @Test func aFileOfAnotherAccountIsRefusedUnlessShared() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        chmod(folder.path, 0o755)
        let path = folder.file("lotse.sqlite")
        try DatabaseLocation.prepare(path: path)
        if geteuid() == 0 {
            #expect(chown(path, Self.nobody, Self.nobody) == 0)
        } else {
            // Without root no file can be given away: use one that belongs to root.
            let foreign = "/etc/hostname"
            let error = try #require(throws: DatabaseLocationError.self) {
                try DatabaseLocation.check(path: foreign, mayCreate: false, readOnly: true, shared: false)
            }
            #expect(error == .ownedByOther(path: foreign, owner: "root"))
            return
        }
        let owner = SystemAccount.accountName(uid: Self.nobody) ?? "65534"
        #expect(throws: DatabaseLocationError.ownedByOther(path: path, owner: owner)) {
            try DatabaseLocation.check(path: path, mayCreate: false, readOnly: false, shared: false)
        }
        #expect(throws: Never.self) {
            try DatabaseLocation.check(path: path, mayCreate: false, readOnly: false, shared: true)
        }
    }

    @Test func aReadOnlyStoreReadsEverythingAndRefusesEveryWriteChangingNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let writer = try SQLiteStore(path: path, now: Fixture.clock)
        try writer.replaceAll(with: Fixture.portfolio(), by: "tester")
        try writer.saveDraft(ReportDraftTests.fullDraft(), by: "anna")
        try writer.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let viewer = try SQLiteStore.openReadOnly(path: path, now: Fixture.clock)
        #expect(viewer.isReadOnly)
        #expect(try viewer.loadPortfolio() == Fixture.portfolio().inStoreOrder())
        #expect(try viewer.drafts(projectID: "P1", month: Fixture.month("2025-03")).map(\.author.account) == ["anna"])
        #expect(throws: ReadOnlyStoreError.readOnly(path: path)) {
            try viewer.saveDraft(ReportDraftTests.fullDraft(), by: "berta")
        }
        #expect(throws: ReadOnlyStoreError.readOnly(path: path)) {
            try viewer.replaceAll(with: Portfolio(), by: "berta")
        }
        #expect(try viewer.loadPortfolio() == Fixture.portfolio().inStoreOrder())
        try viewer.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// A database in WAL mode in a folder where SQLite may not create its `-shm` file: it
    /// opens as an immutable snapshot and reads everything.
    @Test func anImmutableSnapshotReadsAWALDatabaseWithoutItsSharedMemoryFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("we?ird #name%.sqlite")
        let writer = try SQLiteStore(path: path, now: Fixture.clock)
        try writer.replaceAll(with: Fixture.portfolio(), by: "tester")
        try writer.checkpoint()  // everything in the main file
        try writer.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        #expect(try String(contentsOfFile: path, encoding: .isoLatin1).utf8.dropFirst(18).first == 2)  // WAL
        let queue = try DatabaseQueue(path: SQLiteStore.immutableURI(path), configuration: {
            var c = Configuration(); c.readonly = true; return c
        }())
        let store = try SQLiteStore(writer: queue, path: path, now: Fixture.clock, readOnly: true, snapshot: true)
        #expect(try store.loadPortfolio() == Fixture.portfolio().inStoreOrder())
        try store.close()
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func migrationV5KeepsEveryDraftWithItsAuthorAndGivesEachAuthorTheirOwn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        _ = try SQLiteStore.createDatabase(path: path, upTo: "v4", with: Fixture.portfolio(), by: "tester",
                                           at: Fixture.clock())
        let json = try ReportDraftRecord.json(of: ReportDraftTests.fullDraft()).replacingOccurrences(of: "'", with: "''")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO report_draft (project_id, month, draft, changed_by, changed_at)
                VALUES ('P1', '2025-03', '\(json)', 'anna', '2025-03-30T10:00:00Z')
                """)
        }
        try queue.close()

        let store = try SQLiteStore(path: path, now: Fixture.clock)
        #expect(try store.appliedMigrations().contains("v5"))
        let drafts = try store.drafts(projectID: "P1", month: Fixture.month("2025-03"))
        #expect(drafts.count == 1)
        #expect(drafts.first?.draft == ReportDraftTests.fullDraft())
        #expect(drafts.first?.author == Author(account: "anna"))
        #expect(drafts.first.map { Timestamp.formatWholeSeconds($0.startedAt) } == "2025-03-30T10:00:00Z")
        try store.saveDraft(ReportDraftTests.fullDraft(), by: Author(account: "berta", name: "Berta Berg"))
        #expect(try store.rows(sql: "SELECT changed_by, author_name FROM report_draft ORDER BY changed_by")
                    == [["anna", ""], ["berta", "Berta Berg"]])
        // A read-only store on a database that needs a migration says so instead of failing later.
        _ = try SQLiteStore.createDatabase(path: folder.file("old.sqlite"), upTo: "v4", with: Fixture.portfolio(),
                                           by: "tester", at: Fixture.clock())
        #expect(throws: ReadOnlyStoreError.needsMigration(path: folder.file("old.sqlite"), missing: ["v5", "v6-assessment-reopened", "v7-continuation-review", "v8-search-spellings", "v9-tension-stance", "v10-risk-months", "v11-report-lights", "v12-overview-tallies", "v13-previous-light", "v14-radar-in-status"])) {
            try SQLiteStore.openReadOnly(path: folder.file("old.sqlite"))
        }
    }

    @Test func theAuthorIsTheAccountFromThePasswordDatabaseNotUSER() throws {
        let author = SystemAccount.current(environment: ["USER": "mallory", "LOGNAME": "mallory", "LOTSE_NAME": "Anna\u{1B}[31m Schmidt"])
        let expected = try #require(SystemAccount.accountName(uid: geteuid()))
        #expect(author.account == expected)
        #expect(author.account != "mallory")
        #expect(author.name == "Anna[31m Schmidt")  // control characters removed
        #expect(author.label == "Anna[31m Schmidt (\(expected))")
        #expect(SystemAccount.current(environment: ["LOTSE_NAME": expected]).label == expected)
    }
}
