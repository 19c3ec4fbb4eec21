import Foundation
import LotseDomain
import LotseStore

/// The speed of the PostgreSQL engine at one portfolio size: a generated portfolio stored
/// with `replaceAll` into a fresh database of a throw-away cluster that writes to disk like
/// a real server (`durable: true`), then the overview the dashboard asks for at its start,
/// the first time and again. For `lotse-bench` and for the engine's own tests.
public struct PostgresOverviewBench: Sendable {
    public struct Figures: Codable, Sendable, Equatable {
        public var projects: Int
        public var reports: Int
        public var readings: Int
        /// Making the portfolio in memory.
        public var makeMs: Double
        /// `replaceAll` into the empty database (validation included).
        public var replaceAllMs: Double
        /// Opening a second connection (connect, schema check, `LISTEN`), as a new process does.
        public var openMs: Double
        /// The dashboard's first overview request on that new connection.
        public var firstOverviewMs: Double
        /// The same request again: the median of `repeats`.
        public var warmOverviewMs: Double
        /// The whole first frame's request, the table's attention list included, when the
        /// engine answers it; nil when it refused.
        public var fullRequestMs: Double?
    }

    public var projects: Int
    public var months: Int
    public var seed: UInt64
    /// The newest month of the generated reports, and the month the overview shows.
    public var month: YearMonth
    /// How many projects the overview's lists hold (the dashboard's height).
    public var listLimit: Int
    public var repeats: Int
    /// The request timed; nil for `overviewRequest` (`lotse-bench --postgres` gives the
    /// dashboard's own first request).
    public var request: ScreenDataRequest?

    public init(projects: Int, months: Int = 24, seed: UInt64 = 1, month: YearMonth = YearMonth(year: 2026, month: 11)!,
                listLimit: Int = 40, repeats: Int = 9) {
        self.projects = projects
        self.months = months
        self.seed = seed
        self.month = month
        self.listLimit = listLimit
        self.repeats = repeats
    }

    /// The overview part of the dashboard's first request (`AppState.fullRequest()` on the
    /// overview screen, without the attention list, which the table's query answers).
    public var overviewRequest: ScreenDataRequest {
        var request = ScreenDataRequest(overview: month, listLimit: listLimit, municipalities: true)
        request.radar = month
        return request
    }

    /// Makes the portfolio, starts a cluster, measures, stops the cluster.
    /// - Parameter check: called with the store and the portfolio after the measurement,
    ///   before the cluster stops (tests compare the answers with the reference there).
    public func run(check: (PostgresStore, Portfolio) throws -> Void = { _, _ in }) throws -> Figures {
        let clock = ContinuousClock()
        func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
            let start = clock.now
            let value = try body()
            let c = (clock.now - start).components
            return (value, Double(c.seconds) * 1_000 + Double(c.attoseconds) / 1e15)
        }
        let (portfolio, makeMs) = time {
            SyntheticPortfolio.make(projects: projects, municipalities: min(25, max(1, projects / 10)), months: months,
                                    endingAt: month, seed: seed)
        }
        let cluster = try ThrowawayCluster(durable: true)
        defer { cluster.stop() }
        try cluster.createDatabase("bench")
        let location = cluster.location(database: "bench")
        let writer = try PostgresStore(location: location)
        defer { writer.close() }
        let (_, replaceAllMs) = try time { try writer.replaceAll(with: portfolio, by: "bench") }

        let (store, openMs) = try time { try PostgresStore(location: location) }
        defer { store.close() }
        let request = self.request ?? overviewRequest
        let (_, firstMs) = try time { try store.answer(request) }
        var warm: [Double] = []
        for _ in 0..<max(1, repeats) { warm.append(try time { try store.answer(request) }.1) }
        var full = request
        full.attention = RowRequest(month: month, query: PortfolioQuery(lightFilter: .redOrWorse), limit: listLimit)
        let fullMs = try? time { try store.answer(full) }.1
        try check(store, portfolio)
        return Figures(projects: portfolio.projects.count, reports: portfolio.reports.count,
                       readings: portfolio.readings.count, makeMs: makeMs, replaceAllMs: replaceAllMs, openMs: openMs,
                       firstOverviewMs: firstMs, warmOverviewMs: warm.sorted()[warm.count / 2], fullRequestMs: fullMs)
    }
}
