import LotseDomain

/// Why the store refused or failed. Every case names what the user needs to find the cause.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `replaceAll` was given a portfolio that breaks the rules; nothing was changed.
    case invalidPortfolio(problems: [String])
    /// `save(report:)` was given a report with values out of range; nothing was changed.
    case invalidReport(projectID: String, month: YearMonth, problems: [String])
    /// `save(report:)` names a project that is not in the database.
    case unknownProject(String)
    /// A stored value cannot be read back (edited by hand, or written by a broken tool).
    case corruptValue(table: String, row: String, column: String, found: String, expected: String)
    /// The database was migrated by a newer Lotse; this version must not write to it.
    case newerSchema(path: String, unknownMigrations: [String])
    /// SQLite refused: locked, constraint, not a database, disk full, …
    case database(path: String, message: String)
    /// The database file was deleted or replaced while it was open.
    case vanished(path: String)
    /// The database refused a write for lack of rights (a PostgreSQL role that may only
    /// read, or only write its own municipality's rows); nothing was changed. `municipality`
    /// is the one whose rows the write touched, when the server names it.
    case writeRefused(path: String, municipality: String?)

    public var description: String {
        switch self {
        case .invalidPortfolio(let problems):
            "the portfolio was not stored, \(problems.count) problem(s):\n"
                + problems.map { "  - \($0)" }.joined(separator: "\n")
        case .invalidReport(let projectID, let month, let problems):
            "report \(projectID) \(month) was not saved: " + problems.joined(separator: "; ")
        case .unknownProject(let id):
            "there is no project '\(id)' in the database"
        case .corruptValue(let table, let row, let column, let found, let expected):
            "table \(table), row \(row), column \(column): found \(found), expected \(expected)"
        case .newerSchema(let path, let unknown):
            "\(path) was written by a newer Lotse (schema \(unknown.joined(separator: ", "))); please update Lotse"
        case .database(let path, let message):
            "\(path): \(message)"
        case .vanished(let path):
            "\(path) was deleted or replaced while Lotse had it open; nothing was read or written. "
                + "Restore the file or restart Lotse."
        case .writeRefused(let path, let municipality):
            "\(path): read only" + (municipality.map { " for municipality \($0)" } ?? "")
                + "; your database role may not change this, nothing was changed"
        }
    }
}
