import ArgumentParser
import Foundation
import LotseDomain
import LotseUI

/// `lotse`: the dashboard by default, subcommands for work without the screen.
@main
struct Lotse: ParsableCommand {
    static let version = "0.1.0"
    /// When `main` began (uptime in ns): the trace's start line counts from here, through
    /// the moments in `phases` (the arguments parsed, the database open).
    nonisolated(unsafe) static var launched: UInt64 = 0
    nonisolated(unsafe) static var phases: [(phase: String, at: UInt64)] = []

    static func mark(_ phase: String) { phases.append((phase, DispatchTime.now().uptimeNanoseconds)) }

    static let configuration = CommandConfiguration(
        commandName: "lotse",
        abstract: "Lotse – Steuerung kommunaler Smart-City-Portfolios im Terminal.",
        discussion: """
        Without a subcommand Lotse opens the dashboard on your database \
        (created on first run under $XDG_DATA_HOME/lotse). --demo opens a throw-away \
        copy of the sample municipality. --db PATH or LOTSE_DB choose another database \
        for the dashboard and every subcommand alike: a file, or a shared PostgreSQL \
        database as postgres://user@host:port/dbname (docs/POSTGRES.md).
        """,
        version: version,
        subcommands: [Dashboard.self, MonthlyReportCommand.self, ListCommand.self, Export.self, Import.self, Assess.self,
                      ThemesCommand.self, Generate.self, Init.self, Migrate.self, Admin.self],
        defaultSubcommand: Dashboard.self
    )

    /// ArgumentParser's `main`, but errors are printed in the language the command speaks
    /// (`--lang`, else the locale): `Fehler: …` / `Error: …`.
    static func main() {
        launched = DispatchTime.now().uptimeNanoseconds
        let arguments = Array(CommandLine.arguments.dropFirst())
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
            mark("parse")
        } catch {
            fail(error, language: languageBeforeParsing(arguments, environment: ProcessInfo.processInfo.environment))
        }
        do {
            try command.run()
        } catch {
            let language = (command as? SpeaksLanguage)?.language
                ?? languageBeforeParsing(arguments, environment: ProcessInfo.processInfo.environment)
            fail(error, language: language)
        }
    }

    /// The language when there is no parsed command to ask: the last `--lang` of the raw
    /// arguments, else the locale. A `--lang` that names no language decides nothing: German.
    static func languageBeforeParsing(_ arguments: [String], environment: [String: String]) -> Language {
        var chosen: String??
        var i = 0
        while i < arguments.count, arguments[i] != "--" {
            if arguments[i] == "--lang" {
                chosen = .some(i + 1 < arguments.count ? arguments[i + 1] : nil)
                i += 1
            } else if arguments[i].hasPrefix("--lang=") {
                chosen = .some(String(arguments[i].dropFirst("--lang=".count)))
            }
            i += 1
        }
        guard let chosen else { return Language.from(environment: environment) }
        return chosen.flatMap(Language.init(rawValue:)) ?? .german
    }

    /// Prints `error` on stderr behind the prefix of `language` and exits with its code.
    /// Help, `--version` and bare exit codes go through ArgumentParser unchanged.
    static func fail(_ error: Error, language: Language) -> Never {
        let code = exitCode(for: error)
        if code == .success || error is ExitCode { exit(withError: error) }
        var text = fullMessage(for: error)
        // Refused data files are told in the user's language (their `description` is English).
        if let described = FileErrorText.describe(error, language: language) {
            text = _errorPrefix + described
        }
        // ArgumentParser's prefix ("Error: ") becomes the table's.
        if text.hasPrefix(_errorPrefix) {
            text = CLIStrings.forLanguage(language).errorPrefix + text.dropFirst(_errorPrefix.count)
        }
        if !text.isEmpty {
            // Names and texts quoted from files and arguments cannot drive the terminal.
            FileHandle.standardError.write(Data((SafeText.forTerminal(text) + "\n").utf8))
        }
        exit(withError: code)
    }
}
