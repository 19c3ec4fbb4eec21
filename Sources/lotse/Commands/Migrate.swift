import ArgumentParser
import Foundation
import LotseDomain
import LotsePostgres
import LotseStore
import LotseUI

/// `lotse migrate --from A --to B`: copies a whole portfolio between a database file and a
/// PostgreSQL server (either way, or file to file) into an empty target, then checks the
/// copy: the export of both must be identical byte for byte, and so must the
/// self-assessments. On any failure the target is left as empty as it was.
struct Migrate: ParsableCommand, HasGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy everything from one database to another, empty one (file ⇄ PostgreSQL), and check the copy.",
        discussion: """
        Each side is a database file or a server URL (postgres://user@host:port/dbname). The target \
        must be empty: a new file is created (mode 0600); a server database must exist (the schema is \
        made on first use). Copied: municipalities, projects, reports, KPIs and readings, risks, \
        continuation reviews and self-assessments; between a file and a server also report revisions, \
        personal drafts, and who changed what when.
        """)

    @Option(name: .long, help: ArgumentHelp("The database to copy from.", valueName: "path|url"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("The empty database to copy into.", valueName: "path|url"))
    var to: String

    @OptionGroup var global: GlobalOptions

    var texts: ServerStrings { .forLanguage(language) }

    func run() throws {
        guard from != to else { throw CLIError(texts.migrateSameDatabase) }
        let source = try open(from, asTarget: false)
        let createdFile = !PostgresLocation.isURL(to) && !FileManager.default.fileExists(atPath: to)
        let target = try open(to, asTarget: true)
        guard source.label != target.label else { throw CLIError(texts.migrateSameDatabase) }
        guard try Self.isEmpty(target.engine) else { throw CLIError(texts.migrateTargetNotEmpty(target.label)) }

        let portfolio = try source.engine.loadPortfolio()
        let assessments = try source.engine.assessments(municipalityID: nil)
        let reviews = try PortfolioExport.reviews(of: portfolio, in: source.engine)
        do {
            let copiedRows = try Self.copyTables(from: source.engine, to: target.engine)
            if !copiedRows {
                try target.engine.replaceAll(with: portfolio, by: global.userName)
                try Self.restore(reviews, into: target.engine)
            }
            for assessment in assessments.reversed() { try target.engine.create(assessment, by: global.userName) }

            // The check: what `lotse export` writes, and every assessment and review, read back.
            let written = try Export.document(of: target.engine)
            let original = try Export.document(of: source.engine)
            if written != original {
                throw Mismatch(line: Self.firstDifferentLine(original, written))
            }
            guard try target.engine.assessments(municipalityID: nil) == assessments,
                  try PortfolioExport.reviews(of: portfolio, in: target.engine) == reviews else {
                throw Mismatch(line: 0)
            }
            // Row by row, revisions, drafts and who changed what when included.
            if copiedRows, try !Self.sameRows(source.engine, target.engine) { throw Mismatch(line: 0) }
        } catch {
            if let server = target.engine as? PostgresStore { try? server.emptyCopiedTables() }
            try? target.engine.replaceAll(with: Portfolio(), by: global.userName)
            if createdFile { try? FileManager.default.removeItem(atPath: to) }
            if let mismatch = error as? Mismatch { throw CLIError(texts.migrateMismatch(mismatch.line)) }
            throw error
        }
        print(texts.migrated(portfolio.projects.count, portfolio.reports.count, reviews.count, assessments.count,
                             source.label, target.label))
        print(texts.migrateVerified)
    }

    private struct Mismatch: Error { var line: Int }

    /// One side: a server URL or a file. A source file must exist; a target file is made.
    private func open(_ name: String, asTarget: Bool) throws -> (engine: any PortfolioEngine & AssessmentStore & ContinuationTransfer, label: String) {
        var options = global
        options.db = name
        if PostgresLocation.isURL(name) {
            let opened = try options.openStore(forWriting: asTarget, quiet: true)
            return (opened.engine, opened.path)
        }
        if !asTarget, !FileManager.default.fileExists(atPath: name) { throw CLIError(texts.migrateSourceMissing(name)) }
        if asTarget, !FileManager.default.fileExists(atPath: name) {
            do {
                _ = try DatabaseLocation.prepare(path: name)
            } catch let error as DatabaseLocationError {
                throw CLIError(GlobalOptions.describe(error, AccessStrings.forLanguage(language)))
            }
        }
        let opened = try options.openStore(forWriting: asTarget, quiet: true)
        return (opened.engine, opened.path)
    }

    /// No municipality and no assessment: nothing a copy could overwrite.
    static func isEmpty(_ engine: any PortfolioEngine & AssessmentStore) throws -> Bool {
        try (engine.answer(ScreenDataRequest(municipalities: true)).municipalities ?? []).isEmpty
            && engine.assessments(municipalityID: nil).isEmpty
    }

    /// Copies the portfolio's tables row by row between a file and a server, as they are:
    /// report revisions, drafts, every review, who changed what and when. False when
    /// neither side is a server (a file to a file goes through `replaceAll`).
    static func copyTables(from source: any PortfolioEngine, to target: any PortfolioEngine) throws -> Bool {
        if let server = target as? PostgresStore, let file = source as? SQLiteStore {
            try server.insert(try server.copyColumns().map { try file.rows(of: $0.table, columns: $0.columns) })
            return true
        }
        if let server = source as? PostgresStore, let file = target as? SQLiteStore {
            try file.insert(try server.copiedTables())
            return true
        }
        return false
    }

    /// Whether the copied tables hold the same rows on both sides (between a file and a
    /// server; the server's columns are the ones compared).
    static func sameRows(_ a: any PortfolioEngine, _ b: any PortfolioEngine) throws -> Bool {
        guard let server = (a as? PostgresStore) ?? (b as? PostgresStore) else { return true }
        let columns = try server.copyColumns()
        func rows(_ engine: any PortfolioEngine) throws -> [[[String?]]] {
            let tables: [TableRows]
            if let other = engine as? PostgresStore {
                tables = try other.copiedTables()
            } else if let file = engine as? SQLiteStore {
                tables = try columns.map { try file.rows(of: $0.table, columns: $0.columns) }
            } else {
                return []
            }
            return tables.map { table in
                table.rows.sorted { $0.map { $0 ?? "\u{0}" }.lexicographicallyPrecedes($1.map { $0 ?? "\u{0}" }) }
            }
        }
        return try rows(a) == rows(b)
    }

    /// Stores the reviews exactly as they were submitted (revision, who, when).
    static func restore(_ reviews: [SubmittedContinuation], into engine: any ContinuationTransfer) throws {
        guard !reviews.isEmpty else { return }
        try engine.restoreContinuations(reviews)
    }

    static func firstDifferentLine(_ a: Data, _ b: Data) -> Int {
        let left = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let right = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (i, pair) in zip(left, right).enumerated() where pair.0 != pair.1 { return i + 1 }
        return min(left.count, right.count) + 1
    }
}
