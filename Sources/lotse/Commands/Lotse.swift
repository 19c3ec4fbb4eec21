import ArgumentParser

/// `lotse`: the dashboard by default, subcommands for work without the screen.
@main
struct Lotse: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "lotse",
        abstract: "Lotse – Steuerung kommunaler Smart-City-Portfolios im Terminal.",
        discussion: """
        Without a subcommand Lotse opens the dashboard on your database \
        (created on first run under $XDG_DATA_HOME/lotse). --demo opens a throw-away \
        copy of the sample municipality. --db PATH or LOTSE_DB choose another database \
        for the dashboard and every subcommand alike.
        """,
        version: version,
        subcommands: [Dashboard.self, MonthlyReportCommand.self, Export.self, Import.self, Assess.self,
                      ThemesCommand.self, Generate.self],
        defaultSubcommand: Dashboard.self
    )
}
