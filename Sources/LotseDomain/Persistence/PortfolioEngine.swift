/// Everything Lotse needs from a storage engine: the screens' questions, the portfolio's
/// bulk writes and the status report and continuation editors' writes. SQLite is one engine; another (a
/// shared server) implements the same protocols and must pass the same contract suite.
public typealias PortfolioEngine = PortfolioReader & PortfolioStore & ReportStore & ContinuationStore
