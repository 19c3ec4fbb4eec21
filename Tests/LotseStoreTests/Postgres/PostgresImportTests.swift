import Foundation
import LotseDomain
import Testing
@testable import LotseStore
@testable import LotsePostgres

/// `lotse import` on a server follows SQLite's rules exactly (`PostgresStore.changeThroughCopy`):
/// the same outcome and the same rows, revisions and audit columns included; a dry run and
/// a refusal change nothing; a replacement keeps the replaced portfolio as JSON first.
@Suite struct PostgresImportTests {
    static let sample: Portfolio = try! SampleData.load()

    /// Writes `portfolio` as an import document.
    static func document(_ portfolio: Portfolio, at path: String) throws {
        try AtomicFile.write(path: path, mode: 0o600) { try PortfolioExport.write(portfolio, reviews: [], to: $0) }
    }

    /// Every row of the tables an import touches, sorted, per table.
    static func tables(_ server: PostgresStore) throws -> [String: [[String?]]] {
        var out: [String: [[String?]]] = [:]
        for table in PostgresStore.importTables {
            out[table] = try server.perform { try server.rows(of: try server.shape(of: table)) }.rows.sorted(by: Self.order)
        }
        return out
    }

    static func tables(_ file: SQLiteStore, like server: PostgresStore) throws -> [String: [[String?]]] {
        var out: [String: [[String?]]] = [:]
        for table in PostgresStore.importTables {
            let shape = try server.perform { try server.shape(of: table) }
            out[table] = try file.rows(of: table, columns: shape.columns).rows.sorted(by: Self.order)
        }
        return out
    }

    static func order(_ a: [String?], _ b: [String?]) -> Bool {
        a.map { $0 ?? "\u{0}" }.lexicographicallyPrecedes(b.map { $0 ?? "\u{0}" })
    }

    /// The sample with changes a merge meets: a renamed project, a report newer in the file,
    /// one older than the stored one (a conflict), a new project with a report.
    static func changed(_ p: Portfolio) -> Portfolio {
        var c = p
        c.projects[0].name += " (umbenannt)"
        let newest = c.reports.indices.max { c.reports[$0].month < c.reports[$1].month }!
        c.reports[newest].overall = .red
        c.reports[newest].submittedAt = c.reports[newest].submittedAt.addingTimeInterval(86_400)
        let other = c.reports.indices.first { $0 != newest && c.reports[$0].projectID != c.reports[newest].projectID }!
        c.reports[other].progress = (c.reports[other].progress + 7) % 101
        c.reports[other].submittedAt = c.reports[other].submittedAt.addingTimeInterval(-86_400)
        var project = c.projects[1]
        project.id = "NEU-01"
        project.name = "Neues Projekt"
        c.projects.append(project)
        var report = c.reports.first { $0.projectID == c.projects[1].id }!
        report.projectID = "NEU-01"
        c.reports.append(report)
        return c
    }

    @Test func anImportOnTheServerDoesExactlyWhatItDoesInAFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try SQLiteStore(path: folder.file("a.sqlite"), now: Fixture.clock)
        try file.replaceAll(with: Self.sample, by: "test")
        let db = try TestServer.freshDatabase()
        defer { db.drop() }
        let server = try PostgresStore(location: db.location, now: Fixture.clock)
        defer { server.close() }
        try server.replaceAll(with: Self.sample, by: "test")
        #expect(try Self.tables(server) == Self.tables(file, like: server))

        let changedPath = folder.file("changed.json"), samplePath = folder.file("sample.json")
        try Self.document(Self.changed(Self.sample), at: changedPath)
        try Self.document(Self.sample, at: samplePath)
        for (path, mode) in [(changedPath, ImportMode.merge(force: false)), (changedPath, .merge(force: true)),
                             (samplePath, .replace), (samplePath, .merge(force: false))] {
            let inFile = try file.importPortfolio(
                try CheckedPortfolioFile.check(path: path, existing: mode == .replace ? .init() : file.existingIdentifiers()),
                mode: mode, by: "test", backup: false)
            let onServer = try server.importPortfolio(mode: mode, by: "test", dryRun: false, backupFolder: folder.path) {
                try CheckedPortfolioFile.check(path: path, existing: mode == .replace ? .init() : $0)
            }
            var compared = onServer
            compared.backupPath = nil
            #expect(compared == inFile, "\(mode) of \(path)")
            #expect(try Self.tables(server) == Self.tables(file, like: server), "\(mode) of \(path)")
        }
        // The merge met the conflict, and the replacement raised the revisions.
        let revisions = try Self.tables(server)["status_report"]!.compactMap { row in row[14].flatMap { Int($0) } }
        #expect(revisions.max() ?? 0 >= 2)
    }

    @Test func aDryRunChangesNothingAndAReplacementKeepsTheOldPortfolioFirst() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try TestServer.freshDatabase()
        defer { db.drop() }
        let server = try PostgresStore(location: db.location, now: Fixture.clock)
        defer { server.close() }
        try server.replaceAll(with: Self.sample, by: "test")
        let before = try Self.tables(server)
        let exported = try PortfolioExport.document(of: server)
        let path = folder.file("changed.json")
        try Self.document(Self.changed(Self.sample), at: path)

        let dry = try server.importPortfolio(mode: .merge(force: true), by: "test", dryRun: true, backupFolder: folder.path) {
            try CheckedPortfolioFile.check(path: path, existing: $0)
        }
        #expect(dry.changesSomething && dry.dryRun)
        #expect(try Self.tables(server) == before)

        let replaced = try server.importPortfolio(mode: .replace, by: "test", dryRun: false, backupFolder: folder.path) { _ in
            try CheckedPortfolioFile.check(path: path, existing: .init())
        }
        let backup = try #require(replaced.backupPath)
        #expect(backup.hasPrefix(folder.path + "/"))
        #expect(FileManager.default.contents(atPath: backup) == exported)
        #expect(mode(backup) == 0o600)
        #expect(try server.loadPortfolio().projects.contains { $0.id == "NEU-01" })

        // A backup that cannot be written stops the replacement before anything changes.
        let now = try Self.tables(server)
        #expect(throws: ImportBackupError.self) {
            try server.importPortfolio(mode: .replace, by: "test", dryRun: false, backupFolder: folder.file("missing")) { _ in
                try CheckedPortfolioFile.check(path: path, existing: .init())
            }
        }
        #expect(try Self.tables(server) == now)
    }

    @Test func aMunicipalityImportsIntoItsOwnProjectsOnly() throws {
        let f = try RowSecurityFixture()
        defer { f.close() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let anna = try f.store(as: f.anna)
        defer { anna.close() }
        var foreign = try f.ownerStore.loadPortfolio()
        foreign.projects = foreign.projects.map { var p = $0; p.name += " (geändert)"; return p }
        let path = folder.file("all.json")
        try Self.document(foreign, at: path)
        let before = try f.contents()
        #expect {
            try anna.importPortfolio(mode: .merge(force: true), by: "anna", dryRun: false, backupFolder: folder.path) {
                try CheckedPortfolioFile.check(path: path, existing: $0)
            }
        } throws: { error in
            guard case StoreError.writeRefused(_, let municipality) = error else { return false }
            return municipality == "nachbarort"
        }
        #expect(try f.contents() == before)

        var own = try f.ownerStore.loadPortfolio()
        own.projects = own.projects.map { var p = $0; if p.municipalityID == "musterstadt" { p.name += " (neu)" }; return p }
        try Self.document(own, at: path)
        let outcome = try anna.importPortfolio(mode: .merge(force: false), by: "anna", dryRun: false,
                                               backupFolder: folder.path) {
            try CheckedPortfolioFile.check(path: path, existing: $0)
        }
        #expect(outcome[.projects].changed == 1)
        #expect(try f.ownerStore.loadPortfolio().projects.first { $0.id == "p1" }?.name.hasSuffix("(neu)") == true)
    }
}
