import ArgumentParser
import Foundation
import LotseDomain
import LotseStore
import LotsePostgres
import LotseUI

/// `lotse export`: the whole database as a JSON document (the import format).
struct Export: ParsableCommand, HasGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole portfolio as JSON to stdout or a file.")

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let opened = try global.openStore()
        let data = try Self.document(of: opened.engine)
        if let output {
            // Complete or not at all, and as private as the database it comes from.
            do {
                try AtomicFile.write(data, to: output, mode: AtomicFile.mode(following: opened.path))
            } catch {
                throw CLIError(strings.cannotWrite(output, Self.reason(error)))
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// What `lotse export` writes for the data of `engine`: the portfolio and every submitted
    /// continuation review (`PortfolioExport`).
    static func document(of engine: any PortfolioEngine) throws -> Data {
        try PortfolioExport.document(of: engine)
    }

    /// The system's words for why a write failed ("No such file or directory"), as `generate` gives them.
    static func reason(_ error: Error) -> String {
        if let failed = error as? AtomicFile.WriteError { return failed.reason }
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? Error {
            let posix = underlying as NSError
            if posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
        }
        return error.localizedDescription
    }
}

/// `lotse import`: merges a JSON document into the portfolio (default) or replaces the
/// portfolio by it (`--replace`, after a backup), after validating all of it.
///
/// The file is read twice, value by value, and never held in memory as a whole: first to
/// check everything, then (if nothing is wrong) to store it in one transaction. A dry run
/// runs the same import and rolls it back. Exit codes: 0 imported, 1 refused (nothing
/// changed), 3 imported except reports that are newer in the database (`--force` takes them).
struct Import: ParsableCommand, HasGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge a JSON document (as written by export) into the portfolio, or replace the portfolio by it.",
        discussion: """
        The file is checked completely first; on any problem nothing changes. Merging adds and \
        updates what the file has and keeps what it lacks; reports that are newer in the database \
        are kept and listed (exit code 3) unless --force. --replace backs the database up \
        beside it first (on a server: the replaced portfolio as JSON in the current folder). \
        --dry-run runs the same import and changes nothing. A server follows the same rules.
        """)

    /// The exit code when reports newer in the database were kept.
    static let conflictsKeptExitCode: Int32 = 3

    @Argument(help: ArgumentHelp("The JSON file.", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Run the whole import, say what it would change, and change nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Replace the whole portfolio (after a backup of the database) instead of merging.")
    var replace = false

    @Flag(name: .long, help: "When merging, overwrite reports that are newer in the database.")
    var force = false

    @OptionGroup var global: GlobalOptions

    var texts: ImportStrings { .forLanguage(language) }

    func validate() throws {
        if replace && force { throw ValidationError(texts.forceNeedsMerge) }
    }

    func run() throws {
        if SheetImport.isSheet(file) {
            print(try SheetImport.run(path: file, dryRun: dryRun, global: global))
            return
        }
        guard FileManager.default.isReadableFile(atPath: file) else {
            let reason = FileManager.default.fileExists(atPath: file)
                ? strings.reasonPermissionDenied : strings.reasonNoSuchFile
            throw CLIError(strings.cannotRead(file, reason))
        }
        // A merge may bring reports, KPIs and risks of projects the database already holds, so
        // the file is checked against what is there; a replacement must stand alone. A database
        // that does not exist yet is not created for a file that is then refused.
        let mode: ImportMode = replace ? .replace : .merge(force: force)
        if try global.serverLocation() != nil { return try runOnServer(mode: mode) }
        let exists = global.databasePathIfAny().map { FileManager.default.fileExists(atPath: $0) && !Self.isEmptyFile($0) }
            ?? false
        let early = exists && !replace ? try open() : nil
        let existing = try early.map { try $0.store.existingIdentifiers() } ?? .init()
        let incoming = try CheckedPortfolioFile.check(path: file, existing: existing)
        let (store, path, isNew, inMemory) = try early ?? open()
        let outcome: ImportOutcome
        do {
            outcome = try store.importPortfolio(incoming, mode: mode, by: global.userName, dryRun: dryRun,
                                                backup: !isNew)
        } catch let refusal as ImportRefusal {
            throw CLIError(ImportReport(texts).refusal(refusal))
        } catch let failed as ImportBackupError {
            throw CLIError(texts.backupFailed(failed.path, failed.reason))
        }
        let lines = ImportReport(texts).lines(outcome, file: file, database: path, newDatabase: inMemory,
                                              backedUp: !isNew)
        print(lines.joined(separator: "\n"))
        if outcome.keptConflicts { throw ExitCode(Self.conflictsKeptExitCode) }
    }

    /// The import into a server: the same rules, the same report. A replacement writes the
    /// portfolio it replaces as JSON into the current folder first.
    private func runOnServer(mode: ImportMode) throws {
        let opened = try global.openStore(forWriting: !dryRun)
        guard let server = opened.engine as? PostgresStore else {
            throw CLIError(ServerStrings.forLanguage(language).fileOnly(Import._commandName))
        }
        defer { server.close() }
        let outcome: ImportOutcome
        do {
            outcome = try server.importPortfolio(mode: mode, by: global.userName, dryRun: dryRun,
                                                 backupFolder: FileManager.default.currentDirectoryPath) { existing in
                try CheckedPortfolioFile.check(path: file, existing: mode == .replace ? .init() : existing)
            }
        } catch let refusal as ImportRefusal {
            throw CLIError(ImportReport(texts).refusal(refusal))
        } catch let failed as ImportBackupError {
            throw CLIError(texts.backupFailed(failed.path, failed.reason))
        }
        let lines = ImportReport(texts).lines(outcome, file: file, database: opened.path, newDatabase: false,
                                              backedUp: true)
        print(lines.joined(separator: "\n"))
        if outcome.keptConflicts { throw ExitCode(Self.conflictsKeptExitCode) }
    }

    /// The database the import writes to, checked as every command checks it. A dry run
    /// creates nothing: where the real import would create the database (the default
    /// location on first use, or an empty file), it runs against an empty database in memory.
    private func open() throws -> (store: SQLiteStore, path: String, isNew: Bool, inMemory: Bool) {
        if dryRun, let path = global.databasePathIfAny() {
            let exists = FileManager.default.fileExists(atPath: path)
            if Self.isEmptyFile(path) || (!exists && !DatabaseLocation.isExplicit(global.db, environment: global.environment)) {
                return (try SQLiteStore.inMemory(), path, true, true)
            }
            // A database of an older Lotse is not migrated by a dry run: it runs on a copy in memory.
            if exists {
                do {
                    _ = try SQLiteStore.openReadOnly(path: path)
                } catch ReadOnlyStoreError.needsMigration {
                    return (try SQLiteStore.inMemoryCopy(of: path), path, false, false)
                } catch {
                    // Anything else is reported by the normal opening below.
                }
            }
        }
        let opened = try global.openStore(forWriting: true)
        guard let file = opened.file else { throw CLIError(ServerStrings.forLanguage(language).fileOnly(Import._commandName)) }
        return (file, opened.path, opened.isNew, false)
    }

    private static func isEmptyFile(_ path: String) -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue == 0
    }
}
