import Testing
@testable import LotseDomain

/// The portfolio query's filters, the rows' trends, the due day of reports and one
/// office's overview, worked out on the hand-made fixture.
@Suite struct PortfolioFilterTests {
    static let month = Fixture.now  // 2026-11
    static let early = ReportDue(today: CalendarDay(year: 2026, month: 12, day: 10)!)
    static let late = ReportDue(today: CalendarDay(year: 2026, month: 12, day: 11)!)

    /// The fixture with B in an office of its own.
    static var portfolio: Portfolio {
        var p = Fixture.portfolio
        p.projects = p.projects.map { var q = $0; if q.id == "B" { q.owner = "Amt Digitalisierung" }; return q }
        return p
    }

    func ids(_ query: PortfolioQuery, month: YearMonth = month, due: ReportDue? = nil) -> [String] {
        InMemoryPortfolio(Self.portfolio).rows(month: month, query: query, due: due).map(\.id)
    }

    func row(_ id: String, month: YearMonth = month, due: ReportDue? = nil) throws -> ProjectRow {
        try #require(InMemoryPortfolio(Self.portfolio).rows(month: month, query: PortfolioQuery(), due: due)
            .first { $0.id == id })
    }

    // MARK: - Filters

    @Test func eachFilterKeepsOnlyItsProjects() {
        #expect(ids(PortfolioQuery(office: "Amt Digitalisierung")) == ["B"])
        #expect(ids(PortfolioQuery(office: "Amt")) == ["A", "C", "D", "E"])
        #expect(ids(PortfolioQuery(office: "Amt Digital")).isEmpty)  // exact, not a prefix
        #expect(ids(PortfolioQuery(phase: .transfer)) == ["A"])
        #expect(ids(PortfolioQuery(field: .mobility)).count == 5)
        #expect(ids(PortfolioQuery(field: .work)).isEmpty)
        #expect(ids(PortfolioQuery(municipality: "m")).count == 5)
        #expect(ids(PortfolioQuery(municipality: "x")).isEmpty)
        #expect(ids(PortfolioQuery(lightFilter: .green)) == ["C"])
        #expect(ids(PortfolioQuery(lightFilter: .yellow)) == ["B"])
        #expect(ids(PortfolioQuery(lightFilter: .red)) == ["A"])
        #expect(ids(PortfolioQuery(lightFilter: .noneReported)) == ["D", "E"])
        #expect(ids(PortfolioQuery(lightFilter: .reportMissing)) == ["C"])
    }

    @Test func filtersCombineWithAnd() {
        #expect(ids(PortfolioQuery(lightFilter: .yellowOrRed, office: "Amt")) == ["A"])
        #expect(ids(PortfolioQuery(lightFilter: .yellowOrRed, phase: .experimentation)) == ["B"])
        #expect(ids(PortfolioQuery(search: "projekt a", lightFilter: .red, office: "Amt")) == ["A"])
        #expect(ids(PortfolioQuery(search: "digitalisierung")) == ["B"])
        #expect(ids(PortfolioQuery(search: "digitalisierung", office: "Amt")).isEmpty)
    }

    /// A red, B ending within 12 months undecided, C missing its report, D ending soon
    /// undecided; E stopped. Before the due day C is not missing and drops out.
    @Test func needsAttentionIsRedWorseMissingOrEndingUndecided() {
        #expect(ids(PortfolioQuery(needsAttention: true)) == ["A", "B", "C", "D"])
        #expect(ids(PortfolioQuery(needsAttention: true), due: Self.early) == ["A", "B", "D"])
        // A month later A is green again (better) but its funding ends that month, undecided.
        #expect(ids(PortfolioQuery(needsAttention: true), month: Self.month.next) == ["A", "B", "C", "D"])
        // Once A's funding has ended (and its January report is not yet due) it is calm.
        let january = Self.month.adding(months: 2)
        let firstOfFebruary = ReportDue(today: CalendarDay(year: 2027, month: 2, day: 1)!)
        #expect(!ids(PortfolioQuery(needsAttention: true), month: january, due: firstOfFebruary).contains("A"))
        #expect(ids(PortfolioQuery(needsAttention: true), month: january).contains("A"))  // missing without a due rule
    }

    @Test func worseThanTheMonthBeforeAloneNeedsAttention() {
        var p = Fixture.portfolio
        // B goes green → yellow: worse, though neither red, missing nor ending soon.
        p.projects = p.projects.map { var q = $0; if q.id == "B" { q.fundingEnd = nil }; return q }
        p.reports = p.reports.map { var r = $0; if r.projectID == "B" && r.month == YearMonth("2026-10")! { r.overall = .green }; return r }
        let rows = InMemoryPortfolio(p).rows(month: Self.month, query: PortfolioQuery(needsAttention: true))
        #expect(rows.map(\.id).contains("B"))
        var calm = p
        calm.reports = p.reports.map { var r = $0; if r.projectID == "B" { r.overall = .green }; return r }
        #expect(!InMemoryPortfolio(calm).rows(month: Self.month, query: PortfolioQuery(needsAttention: true))
            .map(\.id).contains("B"))
    }

    @Test func activeFiltersListWhatIsInForceInAFixedOrder() {
        #expect(PortfolioQuery().activeFilters.isEmpty && !PortfolioQuery().isActive)
        #expect(!PortfolioQuery(sort: .light, descending: true).isActive)
        let q = PortfolioQuery(search: "bus", lightFilter: .redOnly, field: .mobility, phase: .transfer,
                               municipality: "m", office: "Amt Digitalisierung", needsAttention: true)
        #expect(q.activeFilters == [.field(.mobility), .phase(.transfer), .municipality("m"),
                                    .office("Amt Digitalisierung"), .light(.redOnly), .needsAttention, .search("bus")])
        #expect(PortfolioQuery(office: "Amt").activeFilters == [.office("Amt")])
        #expect(q.selection.activeFilters.count == 6 && q.selection.search.isEmpty)
    }

    // MARK: - Trends

    @Test func rowsCarryThePreviousLightTheTrendAndTheLastTwelveMonths() throws {
        let a = try row("A")
        #expect(a.light == .red && a.previousLight == .green && a.lightTrend == .worse)
        #expect(a.recentLights.count == 12)
        #expect(a.recentLights[11] == .red && a.recentLights[10] == .green)
        #expect(a.recentLights[0..<10].allSatisfy { $0 == nil })
        #expect(a.lastReportAge(in: Self.month) == 0)

        let b = try row("B")
        #expect(b.lightTrend == .same)
        let c = try row("C")  // last reported 10/2026
        #expect(c.light == .green && c.previousLight == .green && c.lightTrend == .same)
        #expect(c.recentLights[11] == nil && c.recentLights[10] == .green)
        #expect(c.lastReportAge(in: Self.month) == 1)
        let d = try row("D")
        #expect(d.light == nil && d.lightTrend == nil && d.lastReportAge(in: Self.month) == nil)

        let aLater = try row("A", month: Self.month.next)
        #expect(aLater.lightTrend == .better && aLater.recentLights.suffix(3) == [.green, .red, .green])
        // The report of a later month never shows in an earlier one.
        let aEarlier = try row("A", month: YearMonth("2026-10")!)
        #expect(aEarlier.previousLight == nil && aEarlier.lightTrend == nil && aEarlier.recentLights[11] == .green)
    }

    @Test func trendComparesSeverity() {
        #expect(Trend(from: .green, to: .yellow) == .worse)
        #expect(Trend(from: .red, to: .yellow) == .better)
        #expect(Trend(from: .yellow, to: .yellow) == .same)
    }

    // MARK: - Due day

    @Test func calendarDaysAreRealDaysInOrder() {
        #expect(CalendarDay(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2028, month: 2, day: 29) != nil)
        #expect(CalendarDay(year: 2026, month: 4, day: 31) == nil)
        #expect(CalendarDay(year: 2026, month: 13, day: 1) == nil)
        #expect(CalendarDay(year: 2026, month: 1, day: 0) == nil)
        #expect(CalendarDay(year: 2026, month: 12, day: 31)! < CalendarDay(year: 2027, month: 1, day: 1)!)
        #expect(CalendarDay(year: 2026, month: 11, day: 9)! < CalendarDay(year: 2026, month: 11, day: 10)!)
        #expect(CalendarDay(year: 2026, month: 3, day: 5)!.description == "2026-03-05")
    }

    @Test func aReportIsOverdueOnlyAfterItsDueDay() {
        let november = Self.month
        #expect(Self.early.dueDate(of: november) == CalendarDay(year: 2026, month: 12, day: 10))
        #expect(!Self.early.isOverdue(november))  // on the due day itself still on time
        #expect(Self.late.isOverdue(november))
        #expect(Self.early.isOverdue(november.previous))  // October's passed on 10 November
        #expect(!Self.early.isOverdue(november.next))
        // A due day past the month's end is its last day: January's report is due 28 February.
        let feb = ReportDue(today: CalendarDay(year: 2027, month: 2, day: 28)!, dueDay: 31)
        #expect(feb.dueDate(of: YearMonth("2027-01")!) == CalendarDay(year: 2027, month: 2, day: 28))
        #expect(!feb.isOverdue(YearMonth("2027-01")!))
        #expect(ReportDue(today: CalendarDay(year: 2026, month: 12, day: 2)!, dueDay: 1).isOverdue(november))
        let none: ReportDue? = nil
        #expect(none.isOverdue(november))
    }

    @Test func beforeTheDueDayAMissingReportIsNotYetDue() throws {
        #expect(try !row("C", due: Self.early).reportMissing)
        #expect(try row("C", due: Self.late).reportMissing)
        #expect(try row("C").reportMissing)
        let before = OverviewFigures(portfolio: Self.portfolio, month: Self.month, due: Self.early)
        #expect(before.lights == LightCounts(green: 0, yellow: 1, red: 1, missing: 0, notYetDue: 1))
        #expect(before.reportsNotYetDue == 1 && before.reportsMissing.isEmpty && before.reportsMissingCount == 0)
        let after = OverviewFigures(portfolio: Self.portfolio, month: Self.month, due: Self.late)
        #expect(after == OverviewFigures(portfolio: Self.portfolio, month: Self.month))
        #expect(after.reportsMissing.map(\.id) == ["C"] && after.reportsNotYetDue == 0)
    }

    // MARK: - One office's overview, what changed

    @Test func anOfficeOverviewCountsThatOfficesProjectsOnly() throws {
        let engine = InMemoryPortfolio(Self.portfolio)
        let request = ScreenDataRequest(overview: Self.month).overview(filter: PortfolioQuery(office: "Amt Digitalisierung"))
        let f = try #require(try engine.answer(request).overview)
        #expect(f.projectCount == 1 && f.count(in: .experimentation) == 1)
        #expect(f.budgetPlanned == Money(euros: 50_000) && f.budgetSpent == Money(euros: 5_000))
        #expect(f.lights == LightCounts(yellow: 1))
        #expect(f.topRisks.map(\.openRisks).reduce(0, +) == 2)
        #expect(f.fundingEndingUndecided.map(\.id) == ["B"] && f.lightChanges.isEmpty)
        // A search in the filter is ignored; no filter at all is the whole portfolio.
        let searched = ScreenDataRequest(overview: Self.month)
            .overview(filter: PortfolioQuery(search: "zzz", office: "Amt Digitalisierung"))
        #expect(try engine.answer(searched).overview == f)
        let whole = try engine.answer(ScreenDataRequest(overview: Self.month).overview(filter: PortfolioQuery(search: "zzz")))
        #expect(whole.overview?.projectCount == 5)
    }

    @Test func worsenedListsLightsThatGotWorseRedFirst() {
        let f = OverviewFigures(portfolio: Self.portfolio, month: Self.month)
        #expect(f.worsened == [.init(projectID: "A", from: .green, to: .red)] && f.worsenedCount == 1)
        #expect(f.reportsReceived == 2)
        let later = OverviewFigures(portfolio: Self.portfolio, month: Self.month.next)
        #expect(later.lightChanges.count == 1 && later.worsened.isEmpty && later.worsenedCount == 0)
        #expect(later.reportsReceived == 1)

        let changes: [OverviewFigures.LightChange] = [.init(projectID: "b", from: .green, to: .yellow),
                                                      .init(projectID: "c", from: .yellow, to: .red),
                                                      .init(projectID: "a", from: .red, to: .green),
                                                      .init(projectID: "d", from: .green, to: .red)]
        #expect(OverviewFigures.LightChange.worstFirst(changes).map(\.projectID) == ["c", "d", "b"])
        let limited = f.limitingLists(to: 0)
        #expect(limited.worsened.isEmpty && limited.worsenedCount == 1)
    }

    // MARK: - Search spellings

    @Test func umlautsAndSharpSFoundInEitherSpelling() {
        let text = SearchText.indexed("Bürgerbus Straßenlicht Öko Mäßig")
        for word in ["buerger", "burger", "bürger", "BÜRGER", "strasse", "straße", "oeko", "oko",
                     "maessig", "massig", "bürgerbus"] {
            #expect(SearchText.matches(text, words: PortfolioQuery(search: word).searchWords), "\(word)")
        }
        #expect(!SearchText.matches(text, words: PortfolioQuery(search: "buergerx").searchWords))
        #expect(SearchText.indexed("Radverkehr") == SearchText.fold("Radverkehr"))
        #expect(SearchText.spellingOutUmlauts("ÄÖÜäöüß") == "aeoeueaeoeuess")
    }

    /// What matched the folded text before still matches: every piece of it does.
    @Test func nothingThatMatchedBeforeStopsMatching() {
        for original in ["Bürgerportal Michael Kühn", "Israel Straße", "Mobilität Öffentlicher Raum", "Quelle ae ue"] {
            let before = Array(SearchText.fold(original)), after = SearchText.indexed(original)
            for start in before.indices {
                for length in 1...4 where start + length <= before.count {
                    let word = String(before[start..<(start + length)])
                    guard !word.contains(" ") else { continue }
                    #expect(SearchText.matches(after, words: [word]), "\(word) in \(original)")
                }
            }
        }
    }

    @Test func theEngineFindsBothSpellings() {
        var p = Self.portfolio
        p.projects = p.projects.map { var q = $0; if q.id == "C" { q.name = "Bürgerbüro Straße" }; return q }
        let engine = InMemoryPortfolio(p)
        for word in ["buergerbuero", "burgerburo", "Bürgerbüro", "strasse"] {
            #expect(engine.rows(month: Self.month, query: PortfolioQuery(search: word)).map(\.id) == ["C"], "\(word)")
        }
    }
}
