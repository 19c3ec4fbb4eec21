import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// The portfolio's bulk writes: load everything, replace everything, save one report.
extension PostgresStore: PortfolioStore {
    public func loadPortfolio() throws -> Portfolio { throw notYet("loadPortfolio") }
    public func replaceAll(with portfolio: Portfolio, by user: String) throws { throw notYet("replaceAll") }
    public func save(report: StatusReport, by user: String) throws { throw notYet("save(report:)") }
}
