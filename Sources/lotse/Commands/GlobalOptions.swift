import ArgumentParser
import Foundation
import LotseDomain
import LotseStore
import LotseUI

extension Language: ExpressibleByArgument {}

/// Options every subcommand understands.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Database file (default: $LOTSE_DB, else $XDG_DATA_HOME/lotse/lotse.sqlite).",
                                             valueName: "path"))
    var db: String?

    @Option(name: .long, help: "Language of screens and reports: de or en (default: from the locale).")
    var lang: Language?

    @Option(name: .long, help: ArgumentHelp("Treat this month as the current one (YYYY-MM).", valueName: "month"))
    var today: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

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

    /// The user's database path, prepared (folder 0700, file 0600) and opened.
    func openStore() throws -> (store: SQLiteStore, path: String, isNew: Bool) {
        let path = try DatabaseLocation.resolve(explicit: db, environment: environment)
        let isNew = try DatabaseLocation.prepare(path: path)
        return (try SQLiteStore(path: path), path, isNew)
    }

    /// The name recorded as author of every change ("unbekannt" / "unknown" without USER and LOGNAME).
    var userName: String {
        environment["USER"] ?? environment["LOGNAME"] ?? strings.unknownUser
    }
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
