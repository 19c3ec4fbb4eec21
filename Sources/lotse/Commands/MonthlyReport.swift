import ArgumentParser
import Foundation
import LotseDomain
import LotseUI

extension MonthlyReport.Format: ExpressibleByArgument {}

/// `lotse report`: the monthly portfolio report on stdout, for a person or a monthly cron job.
struct MonthlyReportCommand: ParsableCommand, HasGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the monthly portfolio report (text, markdown or json) to stdout.",
        discussion: """
            With --exit-code the command exits with 0 when nothing needs attention and with 2 when \
            a project is red, got worse than last month, has its report missing, or has its funding \
            ending within 6 months with the continuation still open; any other status is an error.
            """)

    @Option(name: .long, help: "text, markdown or json")
    var format: MonthlyReport.Format = .text

    @Option(name: .long, help: ArgumentHelp(
        "The month to report (YYYY-MM), or 'last' for the month before the current one (default: the current month).",
        valueName: "month"))
    var month: String?

    @Option(name: .long, help: ArgumentHelp("Only the projects of this responsible office (Amt), as in the project's owner.",
                                            valueName: "name"))
    var office: String?

    @Flag(name: .long, help: "Exit with 2 when something needs attention, 0 when nothing does.")
    var exitCode = false

    @OptionGroup var global: GlobalOptions

    /// The month asked for: `--month`, else the current month.
    func reportMonth() throws -> YearMonth {
        let current = try global.currentMonth()
        guard let month else { return current }
        if month.lowercased() == "last" { return current.previous }
        guard let m = YearMonth(month) else { throw ValidationError(Strings.forLanguage(global.language()).explanation.badMonth(month)) }
        return m
    }

    func run() throws {
        let month = try reportMonth()
        let office = self.office.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let store = try global.openStore().engine
        let due = ReportDue.current(clock: Date(), currentMonth: try global.currentMonth(), dueDay: global.dueDay)
        let content = try MonthlyReport.gather(store, month: month, office: office, due: due)
        print(MonthlyReport.render(content, format: format, strings: .forLanguage(global.language())), terminator: "")
        if exitCode, !content.attention.isEmpty { throw ExitCode(MonthlyReport.attentionExitCode) }
    }
}
