import ArgumentParser
import LotseDomain
import LotseUI

extension MonthlyReport.Format: ExpressibleByArgument {}

/// `lotse report`: the monthly portfolio report on stdout.
struct MonthlyReportCommand: ParsableCommand, HasGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the monthly portfolio report (text, markdown or json) to stdout.")

    @Option(name: .long, help: "text, markdown or json")
    var format: MonthlyReport.Format = .text

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let month = try global.currentMonth()
        let store = try global.openStore().store
        print(try MonthlyReport.render(store, month: month, format: format,
                                       strings: .forLanguage(global.language())), terminator: "")
    }
}
