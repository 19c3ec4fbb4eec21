import Foundation
import GRDB
import GRDBSQLite
import LotseDomain

/// `lotse import`: merge by identity (the default), `--replace` with a backup first, and a
/// dry run that runs exactly the same and rolls back.
///
/// Merge rules (README, "Import"):
/// - identity: municipality, project, KPI and risk by `id`; report by (project, month);
///   KPI reading by (KPI, month). What the file has is added or updated, what it lacks
///   stays; a merge never deletes anything, drafts included.
/// - a value whose columns equal the stored ones (audit columns aside) is "unchanged" and
///   not written, so its `changed_at` and a report's revision stay as they are.
/// - a report is "newer in the database" when its stored `submitted_at` is later than the
///   file's `submittedAt` (every submit in the editor sets it; `changed_at` cannot decide,
///   because an import sets it to the time of the import). Both are compared to the whole
///   second, as exported files hold them (the database keeps fractions): a report exported
///   and imported again is the same report, not a newer or older one. Such a report is kept and listed
///   as a conflict, and so are the file's KPI readings of that project and month (they are
///   entered with the report); `force` writes the file's instead.
/// - master data (municipality, project, KPI, risk) carries no time of its own in the file:
///   the file's values are taken.
/// - a report that is written gets its stored revision + 1 (new: 1), so an editor opened
///   on it before gets its conflict message, as after any other write.
/// - continuation reviews (section `continuationReviews`) are history: a stored revision is
///   never changed or deleted. A review the project's history already holds (same values,
///   same who and when) is unchanged; one whose revision is free is added under it; one whose
///   revision the database holds with other values is added on top as the next revision, so
///   both stay (`ContinuationMerge`). A file without the section leaves the reviews as they are.
extension SQLiteStore {
    /// Imports a checked portfolio file in one transaction and says what it did. With
    /// `dryRun` the same import runs, every check and constraint of the database included,
    /// and is rolled back: nothing changes and no backup is written (whether the backup's
    /// folder is writable is checked).
    ///
    /// Throws `ImportRefusal` when the database refuses a value, `ImportBackupError` when
    /// the backup of `.replace` cannot be written, `PortfolioFileError` when the file changed
    /// since it was checked; nothing changes then.
    /// - Parameter backup: whether `.replace` backs up a database file first (false for a
    ///   database that was just created and holds nothing).
    public func importPortfolio(_ file: CheckedPortfolioFile, mode: ImportMode, by user: String,
                                dryRun: Bool = false, backup: Bool = true) throws -> ImportOutcome {
        let audit = Audit(user: user, at: now())
        let backupWanted = mode == .replace && backup && path != ":memory:"
        return try perform {
            try writer.writeWithoutTransaction { db in
                // The backup must hold exactly what the replace deletes: when another process
                // commits between the backup and the transaction, write it again.
                for _ in 0..<3 {
                    let version = try Int.fetchOne(db, sql: "PRAGMA data_version")
                    var backupPath: String?
                    if backupWanted {
                        backupPath = dryRun ? try Self.checkBackupFolder(for: path, at: now())
                            : try Self.writeBackup(db, of: path, at: now())
                    }
                    var outcome: ImportOutcome?
                    do {
                        try db.inTransaction(.immediate) {
                            if backupWanted, try Int.fetchOne(db, sql: "PRAGMA data_version") != version {
                                return .rollback
                            }
                            outcome = try Self.importBody(db, file, mode: mode, audit: audit, dryRun: dryRun)
                            return dryRun ? .rollback : .commit
                        }
                    } catch {
                        // Nothing changed, so the copy of it is not needed.
                        if let backupPath, !dryRun { unlink(backupPath) }
                        throw error
                    }
                    guard var outcome else {
                        if let backupPath, !dryRun { unlink(backupPath) }
                        continue
                    }
                    outcome.backupPath = backupPath
                    return outcome
                }
                throw ImportBackupError(path: Self.backupName(for: path, at: now()),
                                        reason: "the database kept changing while it was copied")
            }
        }
    }

    /// The whole import inside the caller's transaction.
    private static func importBody(_ db: Database, _ file: CheckedPortfolioFile, mode: ImportMode, audit: Audit,
                                   dryRun: Bool) throws -> ImportOutcome {
        guard file.isUnchanged else {
            throw PortfolioFileError.malformed(
                source: file.source, detail: "the file changed after it was checked; nothing was imported")
        }
        // See `replaceAll(with:by:)` for the page cache of an import.
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -\(importCacheKiB)")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        var outcome = ImportOutcome(mode: mode, dryRun: dryRun)
        outcome.draftsBefore = try Int.fetchOne(db, sql: "SELECT count(*) FROM report_draft") ?? 0
        switch mode {
        case .replace:
            outcome.replacedProjects = try Int.fetchOne(db, sql: "SELECT count(*) FROM project") ?? 0
            outcome.replacedReports = try Int.fetchOne(db, sql: "SELECT count(*) FROM status_report") ?? 0
            outcome.draftsKept = try replaceBody(db, file, audit: audit, refusals: true)
            let written = [file.municipalities, file.projects, file.reports, file.kpis, file.readings, file.risks,
                           file.reviews]
            for kind in ImportKind.allCases { outcome[kind].added = written[kind.rawValue] }
        case .merge(let force):
            var merger = try Merger(db: db, audit: audit, force: force, source: file.source)
            var reader = try PortfolioStreamReader(path: file.path, source: file.source)
            for section in PortfolioStreamValidator.Section.allCases {
                try reader.readSection(section, of: file.layout, &merger)
            }
            try merger.updateSummaries()
            outcome.counts = merger.counts
            outcome.conflicts = merger.conflicts
            outcome.conflictCount = merger.conflictCount
            outcome.draftsKept = try Int.fetchOne(db, sql: "SELECT count(*) FROM report_draft") ?? 0
        }
        return outcome
    }

    /// Compares each value of the file with the stored one of the same identity and adds,
    /// updates or leaves it (see the rules above).
    private struct Merger: PortfolioValueVisitor {
        let db: Database
        let audit: Audit
        let force: Bool
        let source: String
        var counts = Array(repeating: ImportCounts(), count: ImportKind.allCases.count)
        var conflicts: [ImportConflict] = []
        var conflictCount = 0

        var municipalities: TableMerge
        var projects: TableMerge
        var reports: TableMerge
        var kpis: TableMerge
        var readings: TableMerge
        var risks: TableMerge
        var reviews = ContinuationMerge()

        /// Reports kept as conflicts, and the project of each KPI of the file (for its readings).
        var keptReports: Set<ProjectMonth> = []
        var kpiProject: [String: String] = [:]
        /// What the summaries must follow: any municipality or project written, and the
        /// months of the reports written per project.
        var masterDataWritten = false
        var reportMonths: [String: Set<YearMonth>] = [:]

        struct ProjectMonth: Hashable {
            var project: String
            var month: YearMonth
        }

        init(db: Database, audit: Audit, force: Bool, source: String) throws {
            self.db = db
            self.audit = audit
            self.force = force
            self.source = source
            municipalities = try TableMerge(MunicipalityRecord.databaseTableName, key: MunicipalityRecord.key, db)
            projects = try TableMerge(ProjectRecord.databaseTableName, key: ProjectRecord.key, db)
            reports = try TableMerge(StatusReportRecord.databaseTableName, key: StatusReportRecord.key, db,
                                     raisesRevision: true, wholeSeconds: ["submitted_at"])
            kpis = try TableMerge(KPIRecord.databaseTableName, key: KPIRecord.key, db)
            readings = try TableMerge(KPIReadingRecord.databaseTableName, key: KPIReadingRecord.key, db)
            risks = try TableMerge(RiskRecord.databaseTableName, key: RiskRecord.key, db)
        }

        mutating func visit(_ value: Municipality, line: Int) throws {
            do {
                let found = try municipalities.merge(MunicipalityRecord(value: value, audit: audit), db)
                count(.municipalities, found)
                if found != .unchanged { masterDataWritten = true }
            } catch let error as DatabaseError { throw refusal(error, .municipalities, value.id, line) }
        }

        mutating func visit(_ value: Project, line: Int) throws {
            do {
                let found = try projects.merge(ProjectRecord(value: value, audit: audit), db)
                count(.projects, found)
                if found != .unchanged { masterDataWritten = true }
            } catch let error as DatabaseError { throw refusal(error, .projects, value.id, line) }
        }

        mutating func visit(_ value: StatusReport, line: Int) throws {
            let force = self.force
            var conflict: ImportConflict?
            do {
                let found = try reports.merge(StatusReportRecord(value: value, audit: audit), db) { stored in
                    conflict = Self.conflict(value, stored)
                    return conflict == nil || force
                }
                count(.reports, found)
                if found == .added || found == .changed {
                    reportMonths[value.projectID, default: []].insert(value.month)
                }
            } catch let error as DatabaseError { throw refusal(error, .reports, "\(value.projectID) \(value.month)", line) }
            if let conflict {
                conflictCount += 1
                if conflicts.count < ImportOutcome.listedConflicts { conflicts.append(conflict) }
                if !force { keptReports.insert(ProjectMonth(project: value.projectID, month: value.month)) }
            }
        }

        /// The conflict when the stored report (its columns by name) was submitted later
        /// than the file's; nil when it was not, or when there is none.
        static func conflict(_ value: StatusReport, _ stored: [String: DatabaseValue]) -> ImportConflict? {
            guard let text = stored["submitted_at"].flatMap(String.fromDatabaseValue),
                  let storedAt = Timestamp.parse(text),
                  let fileAt = Timestamp.parse(Timestamp.format(value.submittedAt)),
                  storedAt.timeIntervalSinceReferenceDate.rounded(.down)
                    > fileAt.timeIntervalSinceReferenceDate.rounded(.down) else { return nil }
            return ImportConflict(projectID: value.projectID, month: value.month,
                                  storedAuthor: stored["author"].flatMap(String.fromDatabaseValue) ?? "",
                                  storedSubmittedAt: storedAt, fileSubmittedAt: value.submittedAt)
        }

        mutating func visit(_ value: KPI, line: Int) throws {
            kpiProject[value.id] = value.projectID
            do {
                count(.kpis, try kpis.merge(KPIRecord(value: value, audit: audit), db))
            } catch let error as DatabaseError { throw refusal(error, .kpis, value.id, line) }
        }

        mutating func visit(_ value: KPIReading, line: Int) throws {
            // A reading is entered with its project's report of the month: kept with it.
            let project = keptReports.isEmpty ? nil : kpiProject[value.kpiID]
            let keep = project.map { keptReports.contains(ProjectMonth(project: $0, month: value.month)) } ?? false
            do {
                count(.readings, try readings.merge(KPIReadingRecord(value: value, audit: audit), db) { _ in !keep })
            } catch let error as DatabaseError { throw refusal(error, .readings, "\(value.kpiID) \(value.month)", line) }
        }

        mutating func visit(_ value: Risk, line: Int) throws {
            do {
                count(.risks, try risks.merge(RiskRecord(value: value, audit: audit), db))
            } catch let error as DatabaseError { throw refusal(error, .risks, value.id, line) }
        }

        mutating func visit(_ value: SubmittedContinuation, line: Int) throws {
            do {
                count(.reviews, try reviews.merge(value, db))
            } catch let error as DatabaseError {
                throw refusal(error, .reviews, "\(value.review.projectID) \(value.version.revision)", line)
            }
        }

        func finished(_ section: PortfolioStreamValidator.Section) {}

        private mutating func count(_ kind: ImportKind, _ found: TableMerge.Found) {
            switch found {
            case .added: counts[kind.rawValue].added += 1
            case .changed: counts[kind.rawValue].changed += 1
            case .unchanged: counts[kind.rawValue].unchanged += 1
            case .kept: counts[kind.rawValue].kept += 1
            }
        }

        /// The database's refusal of a value as an `ImportRefusal` that names the value and
        /// its line, not SQLite's words; other errors as they are.
        private func refusal(_ error: DatabaseError, _ kind: ImportKind, _ key: String, _ line: Int) -> Error {
            guard error.resultCode == .SQLITE_CONSTRAINT else { return error }
            return ImportRefusal(source: source, line: line, kind: kind, key: key,
                                 rule: ConstraintMessage.rule(of: error.message ?? ""))
        }

        /// The summaries in the same transaction: the reports' projects when only reports
        /// changed for a few projects, else everything.
        func updateSummaries() throws {
            if masterDataWritten || reportMonths.count > 64 {
                try DerivedData.rebuildAll(db)
                return
            }
            for (project, months) in reportMonths.sorted(by: { $0.key < $1.key }) {
                try DerivedData.reportsChanged(db, projectID: project, months: months.sorted())
            }
        }
    }
}

/// Merges the records of one table: looks up the stored row of the same key, then inserts,
/// updates or leaves it. Statements are prepared once (for the record's columns, which are
/// the same for every record of a table) and bound directly, as `RecordInserter` does.
struct TableMerge {
    enum Found: Equatable { case added, changed, unchanged, kept }

    let table: String
    let key: [String]
    let raisesRevision: Bool
    /// Timestamp columns compared to the whole second (`YYYY-MM-DDTHH:MM:SS`).
    let wholeSeconds: Set<String>
    /// Nothing to look up: the table held no row when the import began (the file's keys
    /// are unique, the validator saw to that).
    let startedEmpty: Bool
    private var inserter = RecordInserter()
    /// The compared columns (all but the audit columns and the revision), sorted.
    private var columns: [String] = []
    private var select: Statement?
    private var update: Statement?

    init(_ table: String, key: [String], _ db: Database, raisesRevision: Bool = false,
         wholeSeconds: Set<String> = []) throws {
        self.table = table
        self.key = key
        self.raisesRevision = raisesRevision
        self.wholeSeconds = wholeSeconds
        startedEmpty = !(try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") ?? false)
    }

    private static let notCompared: Set<String> = ["changed_by", "changed_at", "revision"]

    /// Adds, updates or leaves the record's row. `overwrite` is asked (with the stored
    /// values by column) before a differing row is updated, or a missing one added: false
    /// keeps what is stored.
    mutating func merge(_ record: some EncodableRecord & TableRecord & ColumnEncoding, _ db: Database,
                        overwrite: ([String: DatabaseValue]) -> Bool = { _ in true }) throws -> Found {
        if startedEmpty {
            guard overwrite([:]) else { return .kept }
            try inserter.insert(record, db)
            return .added
        }
        let values = try record.databaseDictionary
        if select == nil { try prepare(values, db) }
        let keyValues = key.map { values[$0] ?? .null }
        guard let stored = try SQLiteBinding.fetchOne(select!, keyValues, db) else {
            guard overwrite([:]) else { return .kept }
            try inserter.insert(record, db)
            return .added
        }
        if isSame(stored, values) { return .unchanged }
        guard overwrite(Dictionary(uniqueKeysWithValues: zip(columns, stored))) else { return .kept }
        let assigned = columns.filter { !key.contains($0) }.map { values[$0] ?? .null }
        let audit = [values["changed_by"] ?? .null, values["changed_at"] ?? .null]
        try SQLiteBinding.run(update!, assigned + audit + keyValues, db)
        return .changed
    }

    /// Whether the stored row has the record's values (timestamps of `wholeSeconds` to the second).
    private func isSame(_ stored: [DatabaseValue], _ values: [String: DatabaseValue]) -> Bool {
        for (column, storedValue) in zip(columns, stored) {
            let fileValue = values[column] ?? .null
            if storedValue == fileValue { continue }
            guard wholeSeconds.contains(column),
                  let a = String.fromDatabaseValue(storedValue), let b = String.fromDatabaseValue(fileValue),
                  a.utf8.count >= 19, a.utf8.prefix(19).elementsEqual(b.utf8.prefix(19)) else { return false }
        }
        return true
    }

    private mutating func prepare(_ values: [String: DatabaseValue], _ db: Database) throws {
        columns = values.keys.filter { !Self.notCompared.contains($0) }.sorted()
        let condition = key.map { "\($0) = ?" }.joined(separator: " AND ")
        select = try db.cachedStatement(sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE \(condition)")
        let assignments = columns.filter { !key.contains($0) }.map { "\($0) = ?" }
            + ["changed_by = ?", "changed_at = ?"] + (raisesRevision ? ["revision = revision + 1"] : [])
        update = try db.cachedStatement(sql: "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE \(condition)")
    }
}

/// Reads which rule SQLite's message of a constraint violation names, and the column, as
/// the field of the portfolio file (`spent_cents` → `spent`).
enum ConstraintMessage {
    static func rule(of message: String) -> ImportRefusal.Rule {
        func after(_ prefix: String) -> String? {
            message.range(of: prefix).map { String(message[$0.upperBound...]).trimmingCharacters(in: .whitespaces) }
        }
        if let rest = after("CHECK constraint failed:") {
            return .valueNotAllowed(field: firstIdentifier(rest).map(field))
        }
        if message.contains("CHECK constraint failed") { return .valueNotAllowed(field: nil) }
        if let rest = after("UNIQUE constraint failed:") {
            return .duplicate(fields: rest.split(separator: ",").map { field(columnName(String($0))) })
        }
        if message.contains("FOREIGN KEY constraint failed") { return .missingReference }
        if let rest = after("NOT NULL constraint failed:") { return .missingValue(field: field(columnName(rest))) }
        return .other
    }

    /// `status_report.month` → `month`
    private static func columnName(_ text: String) -> String {
        String(text.trimmingCharacters(in: .whitespaces).split(separator: ".").last ?? "")
    }

    /// The first column-like word of a CHECK expression (`progress BETWEEN 0 AND 100`).
    private static func firstIdentifier(_ text: String) -> String? {
        let words = text.split { !($0.isLetter || $0 == "_" || $0.isNumber) }
        let skipped: Set<String> = ["typeof", "substr", "length", "NOT", "AND", "OR", "IN", "GLOB", "BETWEEN", "IS", "NULL"]
        return words.map(String.init).first { !skipped.contains($0) && !($0.first?.isNumber ?? true) }
    }

    /// The file's name of a column.
    static func field(_ column: String) -> String {
        switch column {
        case "start_month": return "start"
        case "funding_end_month": return "fundingEnd"
        default: break
        }
        var name = column
        if name.hasSuffix("_cents") { name.removeLast("_cents".count) }
        if name.hasSuffix("_id") { name = String(name.dropLast(3)) + "ID" }
        let parts = name.split(separator: "_")
        guard let first = parts.first else { return column }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

extension SQLiteStore {
    /// The ids of every municipality, project and KPI: what a merged file may refer to
    /// without carrying it.
    public func existingIdentifiers() throws -> PortfolioStreamValidator.Existing {
        try perform {
            try writer.read { db in
                PortfolioStreamValidator.Existing(
                    municipalities: Set(try String.fetchAll(db, sql: "SELECT id FROM municipality")),
                    projects: Set(try String.fetchAll(db, sql: "SELECT id FROM project")),
                    kpis: Set(try String.fetchAll(db, sql: "SELECT id FROM kpi")))
            }
        }
    }
}
