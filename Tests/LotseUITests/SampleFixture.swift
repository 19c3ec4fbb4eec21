import Foundation
import LotseDomain
import LotseUI
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

    static var month: YearMonth { portfolio.latestReportMonth! }

    static func state(_ size: Size, screen: Screen = .overview, language: Language = .german) -> AppState {
        var s = AppState(month: month, size: size, strings: .forLanguage(language), sourceLabel: "Demo")
        _ = s.update(.portfolioLoaded(portfolio))
        s.screen = screen
        return s
    }
}
