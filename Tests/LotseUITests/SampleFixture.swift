import Foundation
import LotseDomain
@testable import LotseUI
import TermCanvas

/// The sample municipality from `sample-data/`, as the demo shows it.
enum Sample {
    static let portfolio: Portfolio = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sample-data/musterstadt.json")
        do {
            return try PortfolioCoding.decode(Data(contentsOf: url), source: url.path)
        } catch {
            fatalError("sample data unusable: \(error)")
        }
    }()

    /// The reference engine on the sample: answers what the screens ask, as a store would.
    static let reader = InMemoryPortfolio(portfolio)

    static var month: YearMonth { portfolio.latestReportMonth! }

    /// One project with its history, as the store hands it to the report form.
    static func project(_ id: String) -> Portfolio? {
        try! reader.answer(ScreenDataRequest(projectID: id)).project
    }

    static func state(_ size: Size, screen: Screen = .overview, language: Language = .german) -> AppState {
        var s = AppState(month: month, size: size, strings: .forLanguage(language), sourceLabel: "Demo")
        s.load(reader)
        _ = s.go(to: Route.home(of: screen))
        _ = s.send(.resize(size))
        if screen != .overview { s.load(reader) }  // what that screen shows, as on switching to it
        return s
    }
}

extension AppState {
    /// Sends a message and performs the store effects it causes against `reader`, as the
    /// runtime does; returns the other effects.
    @discardableResult
    mutating func send(_ message: Message, reader: any PortfolioReader = Sample.reader) -> [Effect] {
        var others: [Effect] = []
        var queue = update(message)
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            if case .load(let request) = effect {
                queue += update(.dataLoaded(try! reader.answer(request)))
            } else {
                others.append(effect)
            }
        }
        return others
    }

    /// Asks `reader` for everything the open screens show.
    mutating func load(_ reader: any PortfolioReader) {
        _ = send(.dataChanged(byOthers: false), reader: reader)
    }

    /// The rows the store's window holds (for the sample: all rows the table shows).
    var rows: [ProjectRow] { page.rows }

    /// Every project's row, unfiltered, in id order.
    var allRows: [ProjectRow] { Sample.reader.rows(month: month, query: PortfolioQuery()) }
}
