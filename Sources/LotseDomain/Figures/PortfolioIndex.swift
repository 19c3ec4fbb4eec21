/// Lookups over a portfolio that the figures need again and again, built once.
public struct PortfolioIndex: Sendable {
    public let portfolio: Portfolio
    /// Reports of each project, oldest first.
    public let reportsByProject: [String: [StatusReport]]
    public let kpisByProject: [String: [KPI]]
    public let readingsByKPI: [String: [KPIReading]]
    public let risksByProject: [String: [Risk]]

    public init(_ portfolio: Portfolio) {
        self.portfolio = portfolio
        let projects = portfolio.projects.count, kpis = portfolio.kpis.count
        reportsByProject = Self.groupedByMonth(portfolio.reports, keys: projects) { $0.projectID }
        kpisByProject = Self.grouped(portfolio.kpis, keys: projects) { $0.projectID }
        readingsByKPI = Self.groupedByMonth(portfolio.readings, keys: kpis) { $0.kpiID }
        risksByProject = Self.grouped(portfolio.risks, keys: projects) { $0.projectID }
    }

    /// The report of `projectID` for exactly `month`.
    public func report(of projectID: String, in month: YearMonth) -> StatusReport? {
        guard let reports = reportsByProject[projectID] else { return nil }
        return Self.report(in: reports, month: month)
    }

    /// The newest report of `projectID` up to and including `month`.
    public func latestReport(of projectID: String, upTo month: YearMonth) -> StatusReport? {
        guard let reports = reportsByProject[projectID] else { return nil }
        let end = Self.end(of: reports, upTo: month)
        return end > 0 ? reports[end - 1] : nil
    }

    /// Money spent by `projectID` in all months up to and including `month`.
    public func spent(by projectID: String, upTo month: YearMonth) -> Money {
        guard let reports = reportsByProject[projectID] else { return .zero }
        return Self.spent(in: reports, upTo: month)
    }

    // MARK: - On the reports of one project, oldest first

    /// How many of `reports` are of `month` or earlier: the index after the last of them.
    /// A binary search, so a lookup costs a handful of steps instead of a walk through all.
    static func end(of reports: [StatusReport], upTo month: YearMonth) -> Int {
        var low = 0, high = reports.count
        while low < high {
            let middle = (low + high) / 2
            if reports[middle].month <= month { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The report of exactly `month`; the last one should there be several.
    static func report(in reports: [StatusReport], month: YearMonth) -> StatusReport? {
        position(in: reports, month: month).map { reports[$0] }
    }

    /// Where the report of exactly `month` is (the last one should there be several), so
    /// that a caller can read a field of it without copying the whole report.
    static func position(in reports: [StatusReport], month: YearMonth) -> Int? {
        let end = end(of: reports, upTo: month)
        return end > 0 && reports[end - 1].month == month ? end - 1 : nil
    }

    static func spent(in reports: [StatusReport], upTo month: YearMonth) -> Money {
        var sum = Money.zero
        for i in 0..<end(of: reports, upTo: month) { sum += reports[i].spent }
        return sum
    }

    // MARK: - Building

    /// `Dictionary(grouping:by:)`, keeping the order within each group, but one dictionary
    /// access per run of equal keys: the store delivers each table ordered by its key.
    /// `keys` is how many groups to expect, so that the dictionary need not grow.
    static func grouped<Value>(_ values: [Value], keys: Int = 0, by key: (Value) -> String) -> [String: [Value]] {
        var groups = [String: [Value]](minimumCapacity: keys)
        forEachRun(of: values, by: key) { runKey, run in groups[runKey, default: []].append(contentsOf: run) }
        return groups
    }

    /// `grouped`, then each group ordered by month like `sorted { $0.month < $1.month }`
    /// would (values of the same month keep their order), sorting only groups that are not
    /// in order already; the store delivers them in order.
    static func groupedByMonth<Value: MonthStamped>(_ values: [Value], keys: Int = 0,
                                                    by key: (Value) -> String) -> [String: [Value]] {
        var groups = [String: [Value]](minimumCapacity: keys)
        var unordered: Set<String> = []
        forEachRun(of: values, by: key) { runKey, run in
            var inOrder = true
            if let last = groups[runKey]?.last, let first = run.first, first.month < last.month { inOrder = false }
            for i in run.indices.dropFirst() where run[i].month < run[i - 1].month { inOrder = false }
            if !inOrder { unordered.insert(runKey) }
            groups[runKey, default: []].append(contentsOf: run)
        }
        for runKey in unordered {
            groups[runKey]?.sort { $0.month < $1.month }
        }
        return groups
    }

    /// Calls `body` with each run of consecutive values of the same key, in order.
    private static func forEachRun<Value>(of values: [Value], by key: (Value) -> String,
                                          _ body: (String, ArraySlice<Value>) -> Void) {
        var start = values.startIndex
        while start < values.endIndex {
            let runKey = key(values[start])
            var end = start + 1
            while end < values.endIndex, key(values[end]) == runKey { end += 1 }
            body(runKey, values[start..<end])
            start = end
        }
    }
}

/// Values that belong to a month, for `PortfolioIndex.groupedByMonth`.
protocol MonthStamped {
    var month: YearMonth { get }
}

extension StatusReport: MonthStamped {}
extension KPIReading: MonthStamped {}
