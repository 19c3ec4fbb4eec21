import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

/// The portfolio's filter dialog (`f`), its keys and title, and the trend strip of each row.
@Suite struct PortfolioFilterTests {
    static let small = Size(width: 80, height: 24)
    static let large = Size(width: 120, height: 40)

    static func sample(_ key: String, _ l: Language) -> String? {
        let t = PortfolioFilterStrings.forLanguage(l)
        switch key {
        case "officeMatches": return t.officeMatches("Amt A, Amt B")
        case "officeAmbiguous": return t.officeAmbiguous("Amt A, Amt B")
        case "age": return [0, 1, 3, 12].map(t.age).joined(separator: "|")
        default: return nil
        }
    }

    @Test func stringsAreCompleteInBothLanguages() {
        let result = StringTableCheck.compare("PortfolioFilterStrings", german: PortfolioFilterStrings.german,
                                              english: PortfolioFilterStrings.english, sample: Self.sample)
        #expect(result.checked == result.total)
        #expect(result.total > 20)
        // Only the word "Phase" reads the same; everything else is translated.
        #expect(Set(result.same).isSubset(of: ["labelPhase"]))
    }

    // MARK: Keys

    static func type(_ text: String, into state: inout AppState) {
        for c in text { state.send(.key(.char(c))) }
    }

    @Test func fOpensTheDialogAndEnterAppliesTheChoices() {
        var state = Sample.state(Self.small, screen: .portfolio)
        let total = state.page.total
        state.send(.key(.char("f")))
        #expect(state.topModal?.kind == .filters)
        #expect(state.query == PortfolioQuery(), "opening the dialog changes nothing")
        state.send(.key(.down))                        // phase
        state.send(.key(.right))                       // 1 Experimentieren
        state.send(.key(.down)); state.send(.key(.down)); state.send(.key(.down)); state.send(.key(.down)) // attention
        state.send(.key(.char(" ")))                   // ja
        #expect(state.filterForm?.phase == Phase.allCases.first)
        #expect(state.filterForm?.needsAttention == true)
        #expect(state.query == PortfolioQuery(), "nothing applies before Enter")
        state.send(.key(.enter))
        #expect(state.topModal == nil)
        #expect(state.query.phase == Phase.allCases.first)
        #expect(state.query.needsAttention)
        #expect(state.page.matching < total)
        for position in 0..<state.rowCount {
            let row = state.row(at: position)
            #expect(row?.project.phase == Phase.allCases.first)
            #expect(row?.needsAttention(in: state.month) == true)
        }
    }

    @Test func escapeInTheDialogChangesNothing() {
        var state = Sample.state(Self.small, screen: .portfolio)
        state.send(.key(.char("f")))
        state.send(.key(.right))
        #expect(state.filterForm?.field != nil)
        state.send(.key(.escape))
        #expect(state.topModal == nil)
        #expect(state.query == PortfolioQuery())
        #expect(state.route == .portfolio)
    }

    @Test func leftCyclesBackThroughAll() {
        var form = FilterFormState(query: PortfolioQuery(), municipalityIDs: ["a", "b"], knownOffices: [])
        form.focus = .municipality
        form.choose(-1)
        #expect(form.municipality == "b")
        form.choose(1)
        #expect(form.municipality == nil)
        form.focus = .light
        form.choose(-1)
        #expect(form.light == PortfolioQuery.LightFilter.allCases.last)
        form.reset()
        #expect(form.light == .all)
    }

    @Test func theOfficeIsCompletedFromTheLoadedRows() throws {
        var state = Sample.state(Self.small, screen: .portfolio)
        state.send(.key(.char("f")))
        let offices = try #require(state.filterForm?.knownOffices)
        #expect(!offices.isEmpty)
        #expect(Set(offices) == Set(state.page.rows.map(\.project.owner)))
        let office = offices[0]
        for _ in 0..<3 { state.send(.key(.down)) }
        #expect(state.filterForm?.focus == .office)
        // Typed in lower case without accents, the name completes to the office.
        Self.type(SearchText.fold(office), into: &state)
        state.send(.key(.enter))
        #expect(state.query.office == office)
        #expect(state.page.matching > 0)
        for position in 0..<state.rowCount { #expect(state.row(at: position)?.project.owner == office) }
    }

    @Test func severalMatchingOfficesAreRefusedWithAMessage() throws {
        var state = Sample.state(Self.small, screen: .portfolio)
        var form = FilterFormState(query: state.query, municipalityIDs: [],
                                   knownOffices: ["Amt für Digitales", "Amt für Mobilität", "Kämmerei"])
        form.focus = .office
        state.modals.append(.filters(form))
        Self.type("amt fur", into: &state)
        #expect(state.filterForm?.officeMatches == ["Amt für Digitales", "Amt für Mobilität"])
        state.send(.key(.enter))
        #expect(state.topModal?.kind == .filters, "the dialog stays open")
        #expect(state.query.office == nil, "nothing was applied")
        let problem = try #require(state.filterForm?.problem)
        #expect(problem.contains("Amt für Mobilität"))
        // An office the rows do not show is taken as typed.
        var unknown = FilterFormState(query: PortfolioQuery(), municipalityIDs: [], knownOffices: ["Kämmerei"])
        unknown.office = LineEditor("Stadtwerke")
        #expect(unknown.resolvedOffice() == .success("Stadtwerke"))
        unknown.office = LineEditor("kammer")
        #expect(unknown.resolvedOffice() == .success("Kämmerei"))
    }

    @Test func shiftFClearsEveryFilterButTheSearch() {
        var state = Sample.state(Self.small, screen: .portfolio)
        let all = state.page.total
        state.applyQuery(PortfolioQuery(search: "stadt", sort: .fundingEnd, lightFilter: .yellowOrRed,
                                          field: FieldOfAction.allCases.first, needsAttention: true))
        state.load(Sample.reader)
        state.send(.key(.char("F")))
        #expect(state.query == PortfolioQuery(search: "stadt", sort: .fundingEnd))
        #expect(state.notice == PortfolioFilterStrings.german.cleared)
        #expect(state.page.matching <= all)
    }

    @Test func escapeOnTheTableClearsTheNewFiltersBeforeLeaving() {
        var state = Sample.state(Self.small, screen: .portfolio)
        let municipality = state.municipalities?.first?.id
        state.applyQuery(PortfolioQuery(sort: .light, phase: .transfer, municipality: municipality,
                                          office: "X", needsAttention: true))
        state.send(.key(.escape))
        #expect(state.route == .portfolio)
        #expect(state.query == PortfolioQuery(sort: .light))
        #expect(!state.query.isActive)
        state.send(.key(.escape))
        #expect(state.route == .overview)
    }

    @Test func theTitleNamesTheActiveFilters() {
        var state = Sample.state(Self.large, screen: .portfolio)
        state.applyQuery(PortfolioQuery(search: "app", lightFilter: .green, phase: .establishment, needsAttention: false))
        let title = AppView.render(state).textDump().split(separator: "\n")[1]
        #expect(title.contains(Strings.german.phase(.establishment)))
        #expect(title.contains(Strings.german.lightFilter(.green)))
        // The search shows in the bottom border, not in the title.
        #expect(!title.contains("app"))
    }

    // MARK: Trend strip

    static func row(lights: [Light?], latest: Light?, previous: Light?, month: YearMonth, missing: Bool = false) -> ProjectRow {
        let project = Sample.state(small, screen: .portfolio).page.rows[0].project
        return ProjectRow(project: project, municipalityName: "M",
                          latestReport: latest.map { .init(month: month, overall: $0, progress: 50) },
                          spent: .zero, reportMissing: missing, previousLight: previous, recentLights: lights)
    }

    @Test func theStripShowsOneShapePerMonthAndTheReportsAge() {
        let state = Sample.state(Self.large, screen: .portfolio)
        let lights: [Light?] = [.green, .green, .yellow, nil, .red, .red, .yellow, .green, .green, nil, .yellow, .red]
        let row = Self.row(lights: lights, latest: .red, previous: .yellow, month: state.month.adding(months: -3),
                           missing: true)
        let g = state.glyphs
        let text = PortfolioView.trendStrip(row, months: 8, state).map(\.text).joined()
        let shapes = lights.suffix(8).map { $0.map { Format.glyph($0, g) } ?? g.lightNone }.joined()
        #expect(text.hasPrefix(shapes))
        #expect(text.hasSuffix(PortfolioFilterStrings.german.age(3) + " !"))
        #expect(PortfolioView.trendMark(row, g).map(\.text).joined() == " " + g.down)
        let better = Self.row(lights: lights, latest: .green, previous: .red, month: state.month)
        #expect(PortfolioView.trendMark(better, g).map(\.text).joined() == " " + g.up)
        #expect(PortfolioView.trendStrip(better, months: 6, state).map(\.text).joined().hasSuffix(" 0"))
        let same = Self.row(lights: [], latest: .green, previous: .green, month: state.month)
        #expect(PortfolioView.trendMark(same, g).isEmpty)
        // A row without history still gets a full strip of empty months.
        let none = Self.row(lights: [], latest: nil, previous: nil, month: state.month)
        #expect(PortfolioView.trendStrip(none, months: 6, state).first?.text == g.lightNone)
        #expect(PortfolioView.trendStrip(none, months: 6, state).count == 7)
    }

    /// The strip shows six months until the name has `nameRoom` cells; from there it
    /// grows with the width up to twelve, never taking the name's room.
    @Test func theStripGrowsOnlyWhereTheNameKeepsItsRoom() {
        let s = Strings.german
        let wide = PortfolioView.trendMonths(width: Self.large.width - 2, s, query: PortfolioQuery(), glyphs: .unicode)
        let narrow = PortfolioView.trendMonths(width: Self.small.width - 2, s, query: PortfolioQuery(), glyphs: .unicode)
        #expect(wide == 6)
        #expect(narrow == 6)
        #expect(PortfolioView.trendMonths(width: 158, s, query: PortfolioQuery(), glyphs: .unicode) == 12)
        for width in 60...200 {
            let months = PortfolioView.trendMonths(width: width, s, query: PortfolioQuery(), glyphs: .unicode)
            #expect(PortfolioView.trendMonths.contains(months))
            guard months > 6 else { continue }
            // As the table lays itself out: with the "more columns" mark when one is left out.
            let table = Table(columns: PortfolioView.columns(s, months: months), rows: [])
            var layout = table.fit(width: width)
            if layout.count < table.columns.count {
                layout = table.fit(width: width - DisplayWidth.of(Glyphs.unicode.moreColumns) - 1)
            }
            #expect((layout.first { $0.index == PortfolioView.nameColumn }?.width ?? 0) >= PortfolioView.nameRoom, "width \(width)")
        }
        #expect(PortfolioView.trendMonths(width: 30, s, query: PortfolioQuery(), glyphs: .ascii) >= 6)
        // The 80-column table keeps the strip and drops lower-priority columns instead.
        let columns = PortfolioView.columns(s, months: narrow)
        let kept = Table(columns: columns, rows: []).fit(width: Self.small.width - 4).map(\.index)
        #expect(kept.contains(PortfolioView.trendColumn))
    }

    // MARK: Snapshots

    static func filtered(_ size: Size, language: Language = .german) -> AppState {
        var state = Sample.state(size, screen: .portfolio, language: language)
        state.applyQuery(PortfolioQuery(lightFilter: .yellowOrRed, phase: .transfer))
        return state
    }

    @Test(arguments: [small, large])
    func portfolioWithFiltersAndTrendStrip(size: Size) {
        let buffer = AppView.render(Self.filtered(size), background: marker)
        #expect(unpaintedCells(buffer) == 0)
        assertSnapshot(buffer, named: "portfolio-filtered-\(size.width)x\(size.height)")
    }

    @Test(arguments: [small, large])
    func filterDialog(size: Size) {
        var state = Self.filtered(size, language: size == Self.small ? .german : .english)
        state.send(.key(.char("f")))
        for _ in 0..<3 { state.send(.key(.down)) }
        // The wide one shows the offices the typed text matches.
        if size == Self.large { Self.type("amt", into: &state) }
        let buffer = AppView.render(state, background: marker)
        #expect(unpaintedCells(buffer) == 0)
        assertSnapshot(buffer, named: "portfolio-filter-dialog-\(size.width)x\(size.height)")
    }

    @Test(arguments: [Size(width: 0, height: 0), Size(width: 3, height: 2), Size(width: 20, height: 6),
                      Size(width: 60, height: 15)])
    func tinySizesDoNotCrash(size: Size) {
        var state = Self.filtered(size)
        _ = AppView.render(state, background: marker)
        state.send(.key(.char("f")))
        let buffer = AppView.render(state, background: marker)
        #expect(unpaintedCells(buffer) == 0)
        #expect(buffer.size == size)
    }
}

extension AppState {
    /// Sets the query and loads what it asks for from the sample, as the runtime does.
    mutating func applyQuery(_ q: PortfolioQuery) {
        var queue = setQuery(q)
        while !queue.isEmpty {
            if case .load(let request) = queue.removeFirst() {
                queue += update(.dataLoaded(try! Sample.reader.answer(request)))
            }
        }
    }
}
