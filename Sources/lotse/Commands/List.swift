import ArgumentParser
import Foundation
import LotseDomain
import LotseStore
import LotseUI

extension PortfolioListing.Format: ExpressibleByArgument {}

/// `lotse list`: the portfolio table as the screen shows it for a filter, a sort and a
/// month, on stdout or into a file.
struct ListCommand: ParsableCommand, HasGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the portfolio table (csv, markdown or json), filtered and sorted as on the screen.",
        discussion: """
        Filters (all must hold): feld=, phase=, kommune=, amt=, ampel=gruen|gelb|rot|gelb-rot|fehlt|ohne, \
        achtung (red, worse than last month, report missing, or funding ending within 12 months undecided), \
        suche=WORDS; English keys (field, municipality, office, light, attention, search) work too. \
        Sort: id, ampel, foerderende, fortschritt, budget (--descending, or --sort=-KEY). \
        CSV as a spreadsheet of the language expects it (German: ';' and decimal comma), UTF-8 with BOM; \
        `lotse import` reads it back.
        """)

    @Option(name: .long, help: ArgumentHelp("A filter KEY=VALUE; repeat for several.", valueName: "filter"))
    var filter: [String] = []

    @Option(name: .long, help: ArgumentHelp("The sort key (id, ampel, foerderende, fortschritt, budget).", valueName: "key"))
    var sort: String?

    @Flag(name: .long, help: "Sort descending.")
    var descending = false

    @Option(name: .long, help: ArgumentHelp("The month shown (YYYY-MM); default: the current one.", valueName: "month"))
    var month: String?

    @Option(name: .long, help: "csv, markdown or json")
    var format: PortfolioListing.Format = .csv

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (complete or not at all) instead of stdout.",
                                                      valueName: "file"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let language = global.language()
        let strings = Strings.forLanguage(language), t = ListStrings.forLanguage(language)
        let today = try global.currentMonth()
        var shown = today
        if let month {
            guard let m = YearMonth(month) else { throw CLIError(global.strings.todayNotAMonth(month)) }
            shown = m
        }
        let opened = try global.openStore()
        let store = opened.engine
        let municipalities = try store.answer(ScreenDataRequest(municipalities: true)).municipalities ?? []
        let query: PortfolioQuery
        do {
            var q = try QueryWords.parse(filters: filter, sort: sort, municipalities: municipalities)
            if descending { q.descending = true }
            query = q
        } catch {
            throw CLIError(Self.describe(error, t))
        }
        let due = ReportDue.current(clock: Date(), currentMonth: today, dueDay: global.dueDay)
        let request = RowRequest(month: shown, query: query, limit: 0, due: due)
        let listing = try PortfolioListing.gather(store, request, strings: strings, municipalities: municipalities)
        let text = listing.render(format)
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try AtomicFile.write(Data(text.utf8), to: output, mode: AtomicFile.mode(following: opened.path))
        } catch {
            throw CLIError(global.strings.cannotWrite(output, Export.reason(error)))
        }
    }

    static func describe(_ problem: QueryWords.Problem, _ t: ListStrings) -> String {
        switch problem {
        case .unknownKey(let found, let allowed):
            t.unknownOption("--filter", SafeText.forTerminalLine(found), allowed.joined(separator: ", "))
        case .unknownValue(let key, let found, let allowed):
            t.unknownOption("--filter " + key, SafeText.forTerminalLine(found), allowed.joined(separator: ", "))
        case .unknownSort(let found, let allowed):
            t.unknownOption("--sort", SafeText.forTerminalLine(found), allowed.joined(separator: ", "))
        }
    }
}
