import Foundation
import GRDB
import LotseDomain

/// The portfolio in an SQLite file (or in memory), through GRDB.
///
/// Opening migrates the schema. Reads see one consistent snapshot; writes are single
/// immediate transactions, so a failure changes nothing. Several processes may share one
/// file: SQLite runs in WAL mode and a writer waits up to `busyTimeout` for another one.
public final class SQLiteStore: PortfolioStore, Sendable {
    /// How long a write waits for another connection or process before failing.
    public static let busyTimeout: TimeInterval = 5
    /// How often opening tries the migrations when another process migrates the same new
    /// file at the same moment (with growing pauses, about 2 s in all).
    static let migrationAttempts = 14

    /// The database file, or `:memory:`.
    public let path: String
    let writer: any DatabaseWriter
    let now: @Sendable () -> Date
    /// Device and inode of the file when it was opened; nil in memory.
    private let fileIdentity: FileIdentity?
    /// Opened for reading only: every write is refused with `ReadOnlyStoreError.readOnly`.
    public let isReadOnly: Bool
    /// Opened as an unchanging snapshot (SQLite's `immutable`), because SQLite could not make
    /// the shared-memory file it needs to follow other writers: changes by others are not seen.
    public let isSnapshot: Bool
    /// The table's last orders of ids, so that scrolling to rows outside the window does not
    /// filter and sort every project again, and the search texts that narrow them while a
    /// search is typed (see `PortfolioRowsSQL.page`).
    let rowOrder = PortfolioRowsSQL.OrderCache()
    let searchTexts = PortfolioRowsSQL.SearchTextCache()

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// Call `DatabaseLocation.prepare(path:)` first, so that a new file gets mode 0600
    /// (SQLite would create it with the umask's permissions).
    /// Throws `StoreError.newerSchema` when a newer Lotse has migrated the file.
    /// - Parameter now: the clock for `changed_at`; tests pass a fixed one.
    public convenience init(path: String, now: @escaping @Sendable () -> Date = { Date() }) throws {
        var configuration = Self.configuration()
        configuration.label = "LotseStore"
        let pool: DatabasePool
        do {
            // Switching a new file to WAL needs a moment alone with it; another process
            // opening the same new file at that instant makes SQLite answer "locked"
            // without waiting, so try again briefly.
            pool = try Self.retryingWhileLocked { try DatabasePool(path: path, configuration: configuration) }
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, message: Self.message(of: error))
        }
        try self.init(writer: pool, path: path, now: now)
    }

    /// Opens the database at `path` for reading only (`SQLITE_OPEN_READONLY`): for viewers
    /// (`--read-only`) and for files or folders this account may not write. Nothing is
    /// created, not even SQLite's journal files when they are missing.
    ///
    /// A database in WAL mode needs its `-shm` file; in a folder this account cannot write,
    /// SQLite cannot make it, and then the file is opened as an immutable snapshot
    /// (`isSnapshot`): the data as it is now, without following later changes.
    /// Throws `ReadOnlyStoreError.needsMigration` when the schema is older than this Lotse.
    public static func openReadOnly(path: String, now: @escaping @Sendable () -> Date = { Date() }) throws
        -> SQLiteStore {
        var configuration = Self.configuration()
        configuration.label = "LotseStore"
        configuration.readonly = true
        func open(_ name: String) throws -> DatabaseQueue {
            let queue = try DatabaseQueue(path: name, configuration: configuration)
            try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        }
        do {
            do {
                return try SQLiteStore(writer: try open(path), path: path, now: now, readOnly: true, snapshot: false)
            } catch let first as DatabaseError {
                guard let snapshot = try? open(immutableURI(path)) else { throw first }
                return try SQLiteStore(writer: snapshot, path: path, now: now, readOnly: true, snapshot: true)
            }
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, message: Self.message(of: error))
        }
    }

    /// A copy of the database at `path` in memory, migrated there: for a dry run on a file
    /// whose schema is older than this Lotse, which must neither be migrated nor changed.
    public static func inMemoryCopy(of path: String, now: @escaping @Sendable () -> Date = { Date() }) throws
        -> SQLiteStore {
        var readOnly = Self.configuration()
        readOnly.readonly = true
        do {
            let source = try DatabaseQueue(path: path, configuration: readOnly)
            let memory = try DatabaseQueue(configuration: configuration())
            try source.backup(to: memory)
            try source.close()
            return try SQLiteStore(writer: memory, path: ":memory:", now: now)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, message: Self.message(of: error))
        }
    }

    /// `file:` URI of `path` with `immutable=1`; characters that mean something in a URI escaped.
    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:" + escaped + "?immutable=1"
    }

    /// A fresh, empty database that lives only as long as the store (tests, previews).
    public static func inMemory(now: @escaping @Sendable () -> Date = { Date() }) throws -> SQLiteStore {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: configuration())
        } catch let error as DatabaseError {
            throw StoreError.database(path: ":memory:", message: message(of: error))
        }
        return try SQLiteStore(writer: queue, path: ":memory:", now: now)
    }

    init(writer: any DatabaseWriter, path: String, now: @escaping @Sendable () -> Date, readOnly: Bool = false,
         snapshot: Bool = false) throws {
        self.writer = writer
        self.path = path
        self.now = now
        self.isReadOnly = readOnly
        self.isSnapshot = snapshot
        self.fileIdentity = path == ":memory:" ? nil : FileIdentity(path: path)
        try migrate()
    }

    /// Runs `body` again, with growing pauses, while SQLite reports the file busy or locked.
    static func retryingWhileLocked<T>(_ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                attempt += 1
                if attempt >= migrationAttempts { throw error }
                Thread.sleep(forTimeInterval: 0.02 * Double(attempt))
            }
        }
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        // Room for the pages every screen reads again and again (the status rows, the
        // summaries, their indexes: a few MB at 10 000 projects). SQLite's default of 2 MB
        // would read them from the file at every keystroke. Memory is taken only as used.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -\(readCacheKiB)") }
        return configuration
    }

    /// Page cache per connection, in KiB.
    static let readCacheKiB = 16_384

    // MARK: - Schema

    /// Identifiers of the migrations this version of Lotse knows, oldest first.
    public static var knownMigrations: [String] { StoreSchema.migrationIdentifiers }

    /// Identifiers of the migrations applied to this database, oldest first.
    public func appliedMigrations() throws -> [String] {
        try perform { try writer.read { db in try StoreSchema.migrator().appliedMigrations(db) } }
    }

    /// The newest applied migration (`"v1"`), or nil for a database without schema.
    public func schemaVersion() throws -> String? { try appliedMigrations().last }

    /// Applies the migrations that are missing; a no-op on an up-to-date database.
    func migrate() throws {
        let migrator = StoreSchema.migrator()
        try perform {
            let unknown = try Self.retryingWhileLocked {
                try writer.read { db in try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted() }
            }
            guard unknown.isEmpty else { throw StoreError.newerSchema(path: path, unknownMigrations: unknown) }
            if isReadOnly {
                let applied = try writer.read { db in
                    try db.tableExists("grdb_migrations") ? try migrator.appliedIdentifiers(db) : []
                }
                let missing = migrator.migrations.filter { !applied.contains($0) }
                guard missing.isEmpty else { throw ReadOnlyStoreError.needsMigration(path: path, missing: missing) }
                return
            }
            // Several processes opening a new file at once: a loser's migration fails
            // because a winner has just created the tables, possibly while the winner is
            // still on a later migration. Try again until the winner is through; the
            // migrator then finds everything applied and does nothing.
            var attempt = 0
            while true {
                do {
                    try migrator.migrate(writer)
                    return
                } catch {
                    if try writer.read({ db in try migrator.hasCompletedMigrations(db) }) { return }
                    attempt += 1
                    if attempt >= Self.migrationAttempts { throw error }
                    Thread.sleep(forTimeInterval: 0.02 * Double(attempt))
                }
            }
        }
    }

    // MARK: - PortfolioStore

    /// Everything in one read transaction, in the order of `Portfolio.inStoreOrder()`.
    ///
    /// Reads only the columns the domain values need (no audit columns), each by position,
    /// straight into the values: at thousands of projects the first frame waits for this.
    public func loadPortfolio() throws -> Portfolio {
        try perform {
            try writer.read { db in
                Portfolio(
                    municipalities: try MunicipalityRecord.valueLayout.fetchAll(
                        db, orderedBy: ["id"], MunicipalityRecord.value),
                    projects: try ProjectRecord.valueLayout.fetchAll(db, orderedBy: ["id"], ProjectRecord.value),
                    reports: try StatusReportRecord.valueLayout.fetchAll(
                        db, orderedBy: ["project_id", "month"], StatusReportRecord.value),
                    kpis: try KPIRecord.valueLayout.fetchAll(db, orderedBy: ["project_id", "id"], KPIRecord.value),
                    readings: try KPIReadingRecord.valueLayout.fetchAll(
                        db, orderedBy: ["kpi_id", "month"], KPIReadingRecord.value),
                    risks: try RiskRecord.valueLayout.fetchAll(db, orderedBy: ["project_id", "id"], RiskRecord.value))
            }
        }
    }

    /// Validates `portfolio`, then replaces the whole content in one transaction.
    /// Throws `StoreError.invalidPortfolio` (changing nothing) when the validator objects.
    public func replaceAll(with portfolio: Portfolio, by user: String) throws {
        let problems = PortfolioValidator.problems(in: portfolio)
        guard problems.isEmpty else { throw StoreError.invalidPortfolio(problems: problems) }
        let audit = Audit(user: user, at: now())
        try perform {
            try writer.write { db in
                let carried = try ReportCarryOver.take(db)  // report revisions and drafts
                try Self.deletePortfolio(db)
                // One prepared statement per table, the values bound in the records' order
                // (as `lotse import` writes them).
                var inserter = RecordInserter()
                for value in portfolio.municipalities { try inserter.insert(MunicipalityRecord(value: value, audit: audit), db) }
                for value in portfolio.projects { try inserter.insert(ProjectRecord(value: value, audit: audit), db) }
                for value in portfolio.reports {
                    try inserter.insert(StatusReportRecord(value: value, audit: audit, revision: carried.revision(after: value)), db)
                }
                for value in portfolio.kpis { try inserter.insert(KPIRecord(value: value, audit: audit), db) }
                for value in portfolio.readings { try inserter.insert(KPIReadingRecord(value: value, audit: audit), db) }
                for value in portfolio.risks { try inserter.insert(RiskRecord(value: value, audit: audit), db) }
                try carried.restore(db)
                try DerivedData.rebuildAll(db)
            }
        }
    }

    /// Deletes every row of the portfolio's tables (not assessments, not drafts: the caller
    /// carries those), children first, so this does not depend on foreign keys being enabled.
    static func deletePortfolio(_ db: Database) throws {
        for table in ["kpi_reading", "kpi", "risk", "status_report", "project", "municipality"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
    }

    /// Inserts the report, or replaces the one of the same project and month.
    /// Throws `StoreError.invalidReport` for values out of range and
    /// `StoreError.unknownProject` when the project does not exist; nothing changes then.
    public func save(report: StatusReport, by user: String) throws {
        let problems = WriteChecks.problems(of: report, readings: [])
        guard problems.isEmpty else {
            throw StoreError.invalidReport(projectID: report.projectID, month: report.month, problems: problems)
        }
        let record = StatusReportRecord(value: report, audit: Audit(user: user, at: now()))
        try perform {
            try writer.write { db in
                guard try ProjectRecord.exists(db, key: report.projectID) else {
                    throw StoreError.unknownProject(report.projectID)
                }
                try record.upsert(db)
                try DerivedData.reportsChanged(db, projectID: report.projectID, months: [report.month])
            }
        }
    }

    /// Moves everything from the write-ahead log into the database file, so that the file
    /// alone holds all the data (before copying it).
    public func checkpoint() throws {
        if isReadOnly { return }  // nothing of this connection's is in the log
        try perform { try writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) } }
    }

    /// Whether the database holds any project.
    public func isFilled() throws -> Bool {
        try perform { try writer.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM project)") ?? false } }
    }

    /// Closes the connections; every later call fails.
    public func close() throws {
        try perform { try writer.close() }
    }

    // MARK: - Errors

    /// Runs `body`, turning GRDB's errors into `StoreError`s that name the file.
    ///
    /// First it checks that the file is still the one that was opened: SQLite keeps
    /// writing to a deleted or replaced file through its open handle, and whatever went
    /// there would be lost without a word. So nothing is read or written then.
    func perform<T>(_ body: () throws -> T) throws -> T {
        if let fileIdentity, FileIdentity(path: path) != fileIdentity {
            throw StoreError.vanished(path: path)
        }
        do {
            return try body()
        } catch let error as DatabaseError where isReadOnly && error.resultCode == .SQLITE_READONLY {
            throw ReadOnlyStoreError.readOnly(path: path)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, message: Self.message(of: error))
        }
    }

    private static func message(of error: DatabaseError) -> String {
        error.message ?? error.resultCode.description
    }
}

/// Which file a path names right now: device and inode.
struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
