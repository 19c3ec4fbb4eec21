/// What the application needs from a storage engine. `LotseStore` implements it for
/// SQLite; a second engine (for example PostgreSQL for a county sharing one database)
/// implements the same protocol without touching the screens.
public protocol PortfolioStore: Sendable {
    /// Everything in the database as plain values.
    func loadPortfolio() throws -> Portfolio
    /// Replaces the whole content by `portfolio` in one transaction (import, sample data).
    /// Nothing changes when it fails.
    func replaceAll(with portfolio: Portfolio, by user: String) throws
    /// Inserts or replaces the report of `report.projectID` for `report.month`.
    func save(report: StatusReport, by user: String) throws
}
