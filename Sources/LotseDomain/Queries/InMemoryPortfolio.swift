/// The reference engine: answers every question of `PortfolioReader` from a portfolio
/// held in memory, by the plainest computation. It is the specification the storage
/// engines are tested against (their contract suite compares their answers with these),
/// and it drives the screens in tests and previews.
public struct InMemoryPortfolio: PortfolioReader {
    public let index: PortfolioIndex
    /// Returned by `changeToken`: a portfolio in memory never changes behind one's back.
    public let version: Int64

    public init(_ portfolio: Portfolio, version: Int64 = 0) {
        index = PortfolioIndex(portfolio)
        self.version = version
    }

    public var portfolio: Portfolio { index.portfolio }

    public func changeToken() throws -> ChangeToken { ChangeToken(version) }

    public func answer(_ request: ScreenDataRequest) throws -> ScreenData {
        var data = ScreenData(request: request)
        if let month = request.overview {
            data.overview = OverviewFigures(index: overviewIndex(month: month, filter: request.overviewFilter,
                                                                 due: request.reportDue),
                                            month: month, due: request.reportDue).limitingLists(to: request.listLimit)
        }
        if request.municipalities { data.municipalities = portfolio.municipalities.sorted { $0.id < $1.id } }
        if let rows = request.rows { data.rows = page(rows) }
        if let attention = request.attention { data.attention = page(attention) }
        if let id = request.projectID { data.project = project(id: id) }
        if let samples = request.phaseSamples {
            let all = ProjectRow.rows(index: index, month: samples.month)
            data.phaseSamples = Dictionary(uniqueKeysWithValues: Phase.allCases.map { phase in
                (phase, Array(all.lazy.filter { $0.project.phase == phase }.prefix(samples.limit)))
            })
        }
        if let e = request.evidence {
            data.evidence = PortfolioEvidence(index: index, month: e.month, municipalityID: e.municipalityID)
        }
        if let month = request.radar {
            // The radar follows the overview's office (the office's dashboard).
            let scope = request.overviewFilter?.office.map {
                overviewIndex(month: month, filter: PortfolioQuery(office: $0), due: nil)
            } ?? index
            data.radar = FundingRadar(index: scope, month: month).limitingList(to: request.listLimit)
        }
        return data
    }

    public func redStreaks(month: YearMonth) throws -> [RedStreak] {
        portfolio.projects.sorted { $0.id < $1.id }.compactMap { p in
            guard index.report(of: p.id, in: month)?.overall == .red else { return nil }
            var since = month
            while let r = index.report(of: p.id, in: since.previous), r.overall == .red { since = since.previous }
            return RedStreak(project: p, since: since)
        }
    }

    /// The index of the projects an overview counts: all, or those `filter` keeps (its
    /// search and order aside), with their reports, KPIs and risks.
    func overviewIndex(month: YearMonth, filter: PortfolioQuery?, due: ReportDue?) -> PortfolioIndex {
        guard let filter, filter.selection.isActive else { return index }
        let ids = Set(rows(month: month, query: filter.selection, due: due).map(\.id))
        let kpis = portfolio.kpis.filter { ids.contains($0.projectID) }
        let kpiIDs = Set(kpis.map(\.id))
        return PortfolioIndex(Portfolio(
            municipalities: portfolio.municipalities, projects: portfolio.projects.filter { ids.contains($0.id) },
            reports: portfolio.reports.filter { ids.contains($0.projectID) }, kpis: kpis,
            readings: portfolio.readings.filter { kpiIDs.contains($0.kpiID) },
            risks: portfolio.risks.filter { ids.contains($0.projectID) }))
    }

    /// Every project's row as of `month` that `query` keeps, in its order.
    public func rows(month: YearMonth, query: PortfolioQuery, due: ReportDue? = nil) -> [ProjectRow] {
        let words = query.searchWords
        let names = Dictionary(portfolio.municipalities.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let kept = ProjectRow.rows(index: index, month: month, due: due).filter { row in
            guard query.keeps(row, month: month) else { return false }
            guard !words.isEmpty else { return true }
            let text = SearchText.of(row.project, municipalityName: names[row.project.municipalityID] ?? row.project.municipalityID)
            return SearchText.matches(text, words: words)
        }
        return kept.sorted { a, b in
            let order = Self.compare(a, b, by: query.sort)
            if order != 0 { return query.descending ? order > 0 : order < 0 }
            return a.id < b.id
        }
    }

    func page(_ request: RowRequest) -> RowPage {
        let all = rows(month: request.month, query: request.query, due: request.due)
        let anchor = request.anchorID.flatMap { id in all.firstIndex { $0.id == id } }
        var offset = RowPage.clampedStart(request.offset, limit: request.limit, matching: all.count)
        if let anchor, !(offset..<(offset + request.limit)).contains(anchor) {
            offset = RowPage.windowStart(around: anchor, limit: request.limit, matching: all.count)
        }
        let end = min(all.count, offset + request.limit)
        return RowPage(month: request.month, query: request.query, offset: offset,
                       rows: offset < end ? Array(all[offset..<end]) : [], matching: all.count,
                       total: portfolio.projects.count, anchorPosition: anchor)
    }

    /// The portfolio of one project: it, its municipality, reports, KPIs, readings, risks.
    func project(id: String) -> Portfolio? {
        guard let p = portfolio.projects.first(where: { $0.id == id }) else { return nil }
        let kpis = (index.kpisByProject[id] ?? []).sorted { $0.id < $1.id }
        return Portfolio(
            municipalities: portfolio.municipalities.filter { $0.id == p.municipalityID },
            projects: [p],
            reports: index.reportsByProject[id] ?? [],
            kpis: kpis,
            readings: kpis.flatMap { index.readingsByKPI[$0.id] ?? [] },
            risks: (index.risksByProject[id] ?? []).sorted { $0.id < $1.id })
    }

    /// Negative when `a` comes first in the natural order of the key.
    static func compare(_ a: ProjectRow, _ b: ProjectRow, by key: PortfolioQuery.SortKey) -> Int {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : x > y ? 1 : 0 }
        switch key {
        case .id: return cmp(a.id, b.id)
        case .light: // worst first, projects without a report last
            return cmp(-(a.light?.severity ?? -1), -(b.light?.severity ?? -1))
        case .fundingEnd: // soonest first, none last
            return cmp(a.project.fundingEnd?.ordinal ?? Int.max, b.project.fundingEnd?.ordinal ?? Int.max)
        case .progress:
            return cmp(a.progress ?? -1, b.progress ?? -1)
        case .budgetUse: // most used first
            return cmp(-(a.spent.percent(of: a.project.budgetPlanned) ?? 0),
                       -(b.spent.percent(of: b.project.budgetPlanned) ?? 0))
        }
    }
}
