import Foundation
import LotseDomain

/// How `SQLiteStore.importPortfolio` treats what the database already holds.
public enum ImportMode: Sendable, Equatable {
    /// Merge by identity (the default of `lotse import`): what the file has is added or
    /// updated, what it lacks stays. A report the database holds in a newer version
    /// (a later `submitted_at`) is kept and listed as a conflict, unless `force`.
    case merge(force: Bool)
    /// Replace the whole portfolio by the file; drafts of remaining projects are carried.
    /// A database file is backed up first (see `SQLiteStore.backupPath`).
    case replace
}

/// The kinds of values a portfolio file holds, in the order they are imported.
public enum ImportKind: Int, CaseIterable, Sendable {
    case municipalities, projects, reports, kpis, readings, risks
    /// Submitted continuation reviews, one per revision.
    case reviews
}

/// What an import did (or, in a dry run, would do) with the values of one kind.
public struct ImportCounts: Equatable, Sendable {
    /// Not in the database before.
    public var added = 0
    /// In the database with other values, now the file's.
    public var changed = 0
    /// In the database with exactly the file's values; not written.
    public var unchanged = 0
    /// In the database in a newer version (or belonging to such a report): kept as stored.
    public var kept = 0

    public init(added: Int = 0, changed: Int = 0, unchanged: Int = 0, kept: Int = 0) {
        self.added = added
        self.changed = changed
        self.unchanged = unchanged
        self.kept = kept
    }

    public var total: Int { added + changed + unchanged + kept }
}

/// A report the database holds in a newer version than the file.
public struct ImportConflict: Equatable, Sendable {
    public var projectID: String
    public var month: YearMonth
    /// Who submitted the stored report, and when.
    public var storedAuthor: String
    public var storedSubmittedAt: Date
    /// When the file's version was submitted.
    public var fileSubmittedAt: Date

    public init(projectID: String, month: YearMonth, storedAuthor: String, storedSubmittedAt: Date,
                fileSubmittedAt: Date) {
        self.projectID = projectID
        self.month = month
        self.storedAuthor = storedAuthor
        self.storedSubmittedAt = storedSubmittedAt
        self.fileSubmittedAt = fileSubmittedAt
    }
}

/// The result of `SQLiteStore.importPortfolio`.
public struct ImportOutcome: Equatable, Sendable {
    /// How many conflicts are listed by name; the rest are only counted.
    public static let listedConflicts = 20

    public var mode: ImportMode
    /// True when nothing was stored (the import ran and was rolled back).
    public var dryRun: Bool
    /// By `ImportKind.rawValue`. In `.replace` every value of the file counts as added.
    public var counts: [ImportCounts]
    /// The first `listedConflicts` conflicts, in the order of the file.
    public var conflicts: [ImportConflict] = []
    /// All conflicts: kept (merge) or overwritten (merge with force).
    public var conflictCount = 0
    /// `.replace`: projects and reports the database held before.
    public var replacedProjects = 0
    public var replacedReports = 0
    /// Open drafts before the import, and how many of them are still there.
    public var draftsBefore = 0
    public var draftsKept = 0
    /// `.replace`: the backup written before anything changed, or (dry run) the one that would be.
    public var backupPath: String?

    public init(mode: ImportMode, dryRun: Bool) {
        self.mode = mode
        self.dryRun = dryRun
        counts = Array(repeating: ImportCounts(), count: ImportKind.allCases.count)
    }

    public subscript(kind: ImportKind) -> ImportCounts {
        get { counts[kind.rawValue] }
        set { counts[kind.rawValue] = newValue }
    }

    /// Newer reports of the database were kept instead of the file's (the exit code says so).
    public var keptConflicts: Bool { conflictCount > 0 && mode == .merge(force: false) }

    /// Whether the import changed (or would change) anything at all.
    public var changesSomething: Bool {
        mode == .replace || counts.contains { $0.added > 0 || $0.changed > 0 }
    }
}

/// The database refused a value of an import file (one of its own rules, a `CHECK`, a
/// unique key, a reference). Nothing was imported. Says which value, where in the file,
/// and which rule, never SQLite's own words or the database's path.
public struct ImportRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Rule: Equatable, Sendable {
        /// A value outside what the column allows; the field of the file when known.
        case valueNotAllowed(field: String?)
        /// The same key twice.
        case duplicate(fields: [String])
        /// A reference to a project, municipality or KPI that does not exist.
        case missingReference
        /// A value that must be there is missing.
        case missingValue(field: String?)
        /// Another rule of the database.
        case other
    }

    /// The file, as messages name it.
    public var source: String
    /// The line of the value in the file.
    public var line: Int
    public var kind: ImportKind
    /// The value's identity: `P-01`, `P-01 2026-03`, `K-3 2026-03`.
    public var key: String
    public var rule: Rule

    public init(source: String, line: Int, kind: ImportKind, key: String, rule: Rule) {
        self.source = source
        self.line = line
        self.kind = kind
        self.key = key
        self.rule = rule
    }

    public var description: String {
        let what: String
        switch rule {
        case .valueNotAllowed(let field): what = "the value of \(field.map { "'\($0)'" } ?? "a field") is not allowed"
        case .duplicate(let fields): what = "it is there twice (\(fields.joined(separator: ", ")))"
        case .missingReference: what = "it refers to something that does not exist"
        case .missingValue(let field): what = "\(field.map { "'\($0)'" } ?? "a value") is missing"
        case .other: what = "the database refused it"
        }
        return "\(source), line \(line): \(kind) \(key) was not imported: \(what); nothing was changed"
    }
}

/// The backup that `--replace` writes first could not be written; nothing was changed.
public struct ImportBackupError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    /// The system's words for why (`Permission denied`).
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): the backup cannot be written (\(reason)); nothing was changed" }
}
