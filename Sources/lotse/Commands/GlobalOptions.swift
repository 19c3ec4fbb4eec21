import ArgumentParser
import Foundation
import LotseDomain
import LotsePostgres
import LotseStore
import LotseUI

extension Language: ExpressibleByArgument {}

/// Options every subcommand understands.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Database file, or a PostgreSQL server as postgres://user@host:port/dbname "
            + "(default: $LOTSE_DB, else $XDG_DATA_HOME/lotse/lotse.sqlite).", valueName: "path|url"))
    var db: String?

    @Option(name: .long, help: "Language of screens and reports: de or en (default: from the locale).")
    var lang: Language?

    @Option(name: .long, help: ArgumentHelp("Treat this month as the current one (YYYY-MM).", valueName: "month"))
    var today: String?

    @Option(name: .long, help: ArgumentHelp("A month's status reports fall due on this day of the next month (1–28).",
                                            valueName: "day"))
    var dueDay: Int = ReportDue.defaultDueDay

    func validate() throws {
        guard (1...28).contains(dueDay) else {
            throw ValidationError(MonthStrings.forLanguage(language()).badDueDay(dueDay))
        }
    }

    @Flag(name: .long, help: "Open the database for reading only: every screen opens, every change is refused.")
    var readOnly = false

    @Flag(name: .long, help: "The database is shared by a group: accept a group-writable file and folder owned by another member.")
    var shared = false

    var environment: [String: String] { Self.processEnvironment }

    /// Read once: Foundation builds the dictionary afresh at every call (some 380 000
    /// instructions, five times before the first frame), and Lotse never changes its own
    /// environment.
    private static let processEnvironment = ProcessInfo.processInfo.environment

    /// The month the program treats as "now": --today, else the system clock, read once here.
    func currentMonth() throws -> YearMonth {
        if let today {
            guard let m = YearMonth(today) else {
                throw ValidationError(strings.todayNotAMonth(today))
            }
            return m
        }
        // The local month from the C library: Foundation's calendar would load time-zone
        // data at every start for this one value.
        var now = time(nil)
        var local = tm()
        guard localtime_r(&now, &local) != nil,
              let month = YearMonth(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1) else {
            return YearMonth(date: Date())
        }
        return month
    }

    func language() -> Language { lang ?? Language.from(environment: environment) }

    /// Every text the command prints, in the language of `language()`.
    var strings: CLIStrings { .forLanguage(language()) }

    /// The user's database, checked (see `DatabaseLocation.check`) and opened: read-only
    /// with `--read-only` or when this account cannot write it. Only the default location
    /// is created (folder 0700, file 0600); a missing `--db` or `LOTSE_DB` is refused.
    /// - Parameters:
    ///   - forWriting: the command changes the database; read-only access is refused then.
    ///   - quiet: keep the notes (read-only, readable by others) in `notes` instead of
    ///     printing them on stderr (the dashboard shows them in its status line).
    func openStore(forWriting: Bool = false, quiet: Bool = false) throws -> OpenedStore {
        if let server = try serverLocation() { return try openServer(server) }
        let access = AccessStrings.forLanguage(language())
        let path: String
        let checked: DatabaseAccess
        do {
            path = try DatabaseLocation.resolve(explicit: db, environment: environment)
            checked = try DatabaseLocation.check(path: path, mayCreate: !DatabaseLocation.isExplicit(db, environment: environment),
                                                 readOnly: readOnly, shared: shared)
        } catch let error as DatabaseLocationError {
            throw CLIError(Self.describe(error, access))
        }
        if forWriting, checked.readOnly != nil { throw CLIError(access.writeRefused(path)) }
        var notes: [String] = []
        if checked.readableByOthers { notes.append(access.readableByOthers(path)) }
        switch checked.readOnly {
        case .fileNotWritable?: notes.append(access.openedReadOnly(path, access.reasonFileNotWritable))
        case .folderNotWritable?: notes.append(access.openedReadOnly(path, access.reasonFolderNotWritable))
        case .requested?, nil: break
        }
        let store: SQLiteStore
        do {
            store = checked.readOnly == nil ? try SQLiteStore(path: path) : try SQLiteStore.openReadOnly(path: path)
        } catch ReadOnlyStoreError.needsMigration {
            throw CLIError(access.needsMigration(path))
        }
        if store.isSnapshot { notes.append(access.snapshotNote) }
        if !quiet {
            for note in notes { FileHandle.standardError.write(Data((note + "\n").utf8)) }
        }
        return OpenedStore(engine: store, file: store, path: path, isNew: checked.isNew, readOnly: checked.readOnly != nil, notes: notes)
    }

    /// The PostgreSQL server `--db` or `LOTSE_DB` names; nil for a file. A URL that cannot be
    /// used is refused with the reason (never showing a password).
    func serverLocation() throws -> PostgresLocation? {
        let named = (db ?? "").isEmpty ? environment["LOTSE_DB"] ?? "" : db ?? ""
        guard PostgresLocation.isURL(named) else { return nil }
        let server = ServerStrings.forLanguage(language())
        do {
            return try PostgresLocation(url: named, environment: environment, account: author.account)
        } catch let error as PostgresLocationError {
            let reason: String = switch error {
            case .notAURL, .noUser: server.reasonNoUser
            case .badHost(let h): server.reasonBadHost(h)
            case .badPort(let p): server.reasonBadPort(p)
            case .badSSLMode(let m): server.reasonBadSSLMode(m)
            case .badEncoding(let t): server.reasonBadEncoding(t)
            case .unknownParameter(let k): server.reasonUnknownParameter(k)
            }
            throw CLIError(server.badURL(PostgresLocation.redacted(named), reason))
        }
    }

    /// Connects to the server; `--read-only` makes every transaction of the connection read-only.
    private func openServer(_ location: PostgresLocation) throws -> OpenedStore {
        let server = ServerStrings.forLanguage(language())
        if shared { throw CLIError(server.sharedIsForFiles) }
        let store: PostgresStore
        do {
            store = try PostgresStore(location: location, readOnly: readOnly)
        } catch StoreError.database(_, let message) {
            throw CLIError(server.cannotConnect(location.description, message))
        }
        return OpenedStore(engine: store, file: nil, path: location.description, isNew: false, readOnly: readOnly,
                           notes: [])
    }

    /// A database location's refusal, in the language of the command line.
    static func describe(_ error: DatabaseLocationError, _ access: AccessStrings) -> String {
        switch error {
        case .unsupportedURL(let scheme): access.unsupportedURL(scheme)
        case .missing(let path): access.missing(path)
        case .ownedByOther(let path, let owner): access.ownedByOther(path, owner)
        case .writableByOthers(let path, let group): group ? access.writableByGroup(path) : access.writableByEverybody(path)
        case .fileNotReadable(let path): access.fileNotReadable(path)
        default: "\(error)"
        }
    }

    /// Who makes the changes of this process: the account (from the password database, not
    /// `$USER`) and a display name (`LOTSE_NAME`, else the account's full name).
    var author: Author { SystemAccount.current(environment: environment) }

    /// The name recorded as author of every change: "Anna Schmidt (aschmidt)".
    var userName: String { author.label }
}

/// A database opened for a command: a file (SQLite) or a server (PostgreSQL).
struct OpenedStore {
    /// What every screen and command needs, on either engine.
    var engine: any PortfolioEngine & AssessmentStore & ContinuationTransfer
    /// The SQLite store when the database is a file; nil on a server.
    var file: SQLiteStore?
    /// The file's path, or the server's URL without its password.
    var path: String
    /// Made now: the dashboard offers sample data.
    var isNew: Bool
    /// Open for reading only (`--read-only`, or the file or folder is not writable).
    var readOnly: Bool
    /// What the user should know (read-only, readable by others), in their language.
    var notes: [String]
}

/// A command that knows the language it speaks: messages and errors (see `Lotse.main`) use it.
protocol SpeaksLanguage {
    var language: Language { get }
}

extension SpeaksLanguage {
    var strings: CLIStrings { .forLanguage(language) }
}

/// The commands with the global options speak the language of `--lang` or the locale.
protocol HasGlobalOptions: SpeaksLanguage {
    var global: GlobalOptions { get }
}

extension HasGlobalOptions {
    var language: Language { global.language() }
}
