import Foundation
import GRDB
import GRDBSQLite
import LotseDomain

/// Import of a portfolio file without holding it in memory (`lotse import`).
extension SQLiteStore {
    /// Replaces the whole content by the file, in one transaction, exactly as
    /// `replaceAll(with: Portfolio, by:)` does with the same values: report revisions and
    /// drafts carried (`ReportCarryOver`), audit columns of the records, the summaries
    /// rebuilt before the commit. Reads the file a second time, value by value; a file that
    /// changed since it was checked is refused and nothing changes.
    public func replaceAll(with file: CheckedPortfolioFile, by user: String) throws {
        let audit = Audit(user: user, at: now())
        try perform {
            try writer.write { db in
                guard file.isUnchanged else {
                    throw PortfolioFileError.malformed(
                        source: file.source, detail: "the file changed after it was checked; nothing was imported")
                }
                // The indexes by month take rows in no particular order: with SQLite's default
                // 2 MB of page cache they keep evicting and re-reading pages (measured: a fifth
                // of the time for 10,000 projects). The cache grows only as far as it is used.
                let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
                try Self.replaceBody(db, file, audit: audit)
            }
        }
    }

    /// Deletes the portfolio and inserts the file's values, inside the caller's transaction:
    /// report revisions and drafts carried (`ReportCarryOver`), the summaries rebuilt.
    ///
    /// Continuation reviews: a file with the section `continuationReviews` replaces every
    /// stored review by its own (every revision as the file has it, who and when included).
    /// An older file without the section says nothing about reviews: the reviews of the
    /// projects the file has are kept, those of projects that are gone are deleted with them
    /// (the backup of `lotse import --replace` still holds them). Continuation drafts stay.
    /// Returns how many drafts were kept. A value the database refuses throws `ImportRefusal`
    /// when `refusals` (`lotse import`), SQLite's error otherwise (`replaceAll`, as before).
    @discardableResult
    static func replaceBody(_ db: Database, _ file: CheckedPortfolioFile, audit: Audit, refusals: Bool = false) throws -> Int {
        let carried = try ReportCarryOver.take(db)  // report revisions and drafts
        try deletePortfolio(db)
        if file.hasReviews { try db.execute(sql: "DELETE FROM continuation_review") }
        var reader = try PortfolioStreamReader(path: file.path, source: file.source)
        var inserter = Inserter(db: db, audit: audit, carried: carried, source: file.source, refusals: refusals)
        // Parents before children, whatever order the file has.
        for section in PortfolioStreamValidator.Section.allCases {
            try reader.readSection(section, of: file.layout, &inserter)
        }
        if !file.hasReviews {
            try db.execute(sql: "DELETE FROM continuation_review WHERE project_id NOT IN (SELECT id FROM project)")
        }
        let kept = try carried.restore(db)
        try DerivedData.rebuildAll(db)
        return kept
    }

    /// The page cache of an import, in KiB.
    static let importCacheKiB = 32_768

    /// How many projects and reports the database holds now (for messages such as the
    /// summary of an import), without loading them.
    public func contentCounts() throws -> (projects: Int, reports: Int) {
        try perform {
            try writer.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM project") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM status_report") ?? 0)
            }
        }
    }

    /// Writes each value through its record (so the columns are encoded in one place) and
    /// one prepared statement per table.
    private struct Inserter: PortfolioValueVisitor {
        let db: Database
        let audit: Audit
        let carried: ReportCarryOver
        var municipalities = RecordInserter()
        var projects = RecordInserter()
        var reports = RecordInserter()
        var kpis = RecordInserter()
        var readings = RecordInserter()
        var risks = RecordInserter()
        var reviews: Statement?

        let source: String
        let refusals: Bool

        init(db: Database, audit: Audit, carried: ReportCarryOver, source: String, refusals: Bool) {
            self.db = db
            self.audit = audit
            self.carried = carried
            self.source = source
            self.refusals = refusals
        }

        mutating func visit(_ value: Municipality, line: Int) throws {
            do {
                try municipalities.insert(MunicipalityRecord(value: value, audit: audit), db)
            } catch let error as DatabaseError { throw refusal(error, .municipalities, value.id, line) }
        }

        mutating func visit(_ value: Project, line: Int) throws {
            do {
                try projects.insert(ProjectRecord(value: value, audit: audit), db)
            } catch let error as DatabaseError { throw refusal(error, .projects, value.id, line) }
        }

        mutating func visit(_ value: StatusReport, line: Int) throws {
            do {
                try reports.insert(StatusReportRecord(value: value, audit: audit, revision: carried.revision(after: value)), db)
            } catch let error as DatabaseError { throw refusal(error, .reports, "\(value.projectID) \(value.month)", line) }
        }

        mutating func visit(_ value: KPI, line: Int) throws {
            do {
                try kpis.insert(KPIRecord(value: value, audit: audit), db)
            } catch let error as DatabaseError { throw refusal(error, .kpis, value.id, line) }
        }

        mutating func visit(_ value: KPIReading, line: Int) throws {
            do {
                try readings.insert(KPIReadingRecord(value: value, audit: audit), db)
            } catch let error as DatabaseError { throw refusal(error, .readings, "\(value.kpiID) \(value.month)", line) }
        }

        mutating func visit(_ value: Risk, line: Int) throws {
            do {
                try risks.insert(RiskRecord(value: value, audit: audit), db)
            } catch let error as DatabaseError { throw refusal(error, .risks, value.id, line) }
        }

        mutating func visit(_ value: SubmittedContinuation, line: Int) throws {
            do {
                if reviews == nil { reviews = try db.cachedStatement(sql: SQLiteStore.insertContinuationSQL) }
                try SQLiteBinding.run(reviews!, SQLiteStore.continuationValues(value), db)
            } catch let error as DatabaseError {
                throw refusal(error, .reviews, "\(value.review.projectID) \(value.version.revision)", line)
            }
        }

        /// A constraint violation as an `ImportRefusal` (see `ConstraintMessage`).
        private func refusal(_ error: DatabaseError, _ kind: ImportKind, _ key: String, _ line: Int) -> Error {
            guard refusals, error.resultCode == .SQLITE_CONSTRAINT else { return error }
            return ImportRefusal(source: source, line: line, kind: kind, key: key,
                                 rule: ConstraintMessage.rule(of: error.message ?? ""))
        }

        func finished(_ section: PortfolioStreamValidator.Section) {}
    }
}

/// Inserts records of one table through a prepared statement for their columns, instead
/// of building and looking up the statement for every row as `insert(_:)` does, and binds
/// the values straight to SQLite (GRDB's arguments cost as much as the insert itself).
/// Records whose columns differ (a report with or without its carried revision) get a
/// statement of their own.
///
/// The rows bypass GRDB's statement execution, so GRDB's in-process transaction observers
/// do not see them one by one; other processes see the commit as usual (`data_version`).
struct RecordInserter {
    private struct Prepared {
        var table: String
        var columns: [String]
        var statement: Statement
    }

    /// One statement per table and set of columns (in the record's order): usually one
    /// per table.
    private var prepared: [Prepared] = []
    private var columns: [String] = []
    private var values: [DatabaseValue] = []

    mutating func insert(_ record: some ColumnEncoding & TableRecord, _ db: Database) throws {
        // The buffers of the last row, taken out of `self` so they stay uniquely referenced
        // and are refilled without a new allocation.
        var columns: [String] = [], values: [DatabaseValue] = []
        swap(&columns, &self.columns)
        swap(&values, &self.values)
        columns.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        record.encodeColumns { name, value in
            columns.append(name)
            values.append(value?.databaseValue ?? .null)
        }
        defer { swap(&columns, &self.columns); swap(&values, &self.values) }
        let table = type(of: record).databaseTableName
        let statement: Statement
        if let p = prepared.first(where: { $0.table == table && $0.columns == columns }) {
            statement = p.statement
        } else {
            let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (" + SQL.marks(columns.count) + ")"
            statement = try db.cachedStatement(sql: sql)
            prepared.append(Prepared(table: table, columns: columns, statement: statement))
        }
        try SQLiteBinding.run(statement, values, db)
    }
}

/// Binds values straight to SQLite and steps a prepared statement: GRDB's arguments cost as
/// much as the write itself at import sizes.
enum SQLiteBinding {
    /// Binds `values` to the statement's parameters, in order.
    static func bind(_ statement: Statement, _ values: [DatabaseValue], _ db: Database) throws {
        let s = statement.sqliteStatement
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            let code: Int32
            switch value.storage {
            case .null: code = sqlite3_bind_null(s, position)
            case .int64(let value): code = sqlite3_bind_int64(s, position, value)
            case .double(let value): code = sqlite3_bind_double(s, position, value)
            case .string(let text): code = sqlite3_bind_text(s, position, text, -1, SQLITE_TRANSIENT)
            case .blob(let data):
                code = data.withUnsafeBytes {
                    sqlite3_bind_blob(s, position, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT)
                }
            }
            guard code == SQLITE_OK else { throw error(code, db, statement) }
        }
    }

    /// Binds and runs a statement that returns no rows.
    static func run(_ statement: Statement, _ values: [DatabaseValue], _ db: Database) throws {
        try bind(statement, values, db)
        let code = sqlite3_step(statement.sqliteStatement)
        guard code == SQLITE_DONE else { throw error(code, db, statement) }
        sqlite3_reset(statement.sqliteStatement)
    }

    /// Binds and runs a query of at most one row: its columns, or nil without a row.
    static func fetchOne(_ statement: Statement, _ values: [DatabaseValue], _ db: Database) throws -> [DatabaseValue]? {
        try bind(statement, values, db)
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        let code = sqlite3_step(s)
        switch code {
        case SQLITE_DONE: return nil
        case SQLITE_ROW:
            return (0..<sqlite3_column_count(s)).map { DatabaseValue(sqliteStatement: s, index: $0) }
        default: throw error(code, db, statement)
        }
    }

    static func error(_ code: Int32, _ db: Database, _ statement: Statement) -> DatabaseError {
        let message = sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
        sqlite3_reset(statement.sqliteStatement)
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}

/// SQLite copies the bound text (the Swift string is gone after the call).
private let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
