import Foundation
import Testing
@testable import LotseDomain
@testable import LotseStore

/// The portfolio table's rows on every engine: pages that together give the reference's
/// whole order, the window moved to hold an anchor, the search (case, accents, umlauts
/// spelled out, several words), ties kept in byte order of the ids, the first projects of
/// each phase, and one project's whole history — each as `InMemoryPortfolio` answers.
@Suite struct RowsContractTests {
    /// The synthetic county with a few projects added whose ids sort differently by bytes
    /// than by a language's rules (capitals, umlauts, digits), whose names hold umlauts,
    /// ß and accents, and which have no reports (so many rows tie on every key).
    static let portfolio: Portfolio = {
        var p = ReaderContractTests.synthetic
        let template = p.projects[0]
        let added: [(id: String, name: String)] = [
            ("a-1", "Straßenbeleuchtung Süd"), ("B-1", "Bürgerbüro digital"), ("Ä-1", "Ärztehaus Vernetzung"),
            ("ä-2", "Café-Wegweiser Mobilität"), ("z", "ÖPNV Echtzeit"), ("10", "Élan Sensorik"), ("9", "Grünflächen"),
        ]
        for (id, name) in added {
            var q = template
            q.id = id
            q.name = name
            q.owner = "Amt für Straßen und Grün"
            p.projects.append(q)
        }
        p.municipalities[0].name = "Großenhain an der Müritz"
        return p
    }()

    static func months(_ p: Portfolio) -> [YearMonth] {
        let last = p.latestReportMonth!
        return [last.adding(months: -6), last, last.next]
    }

    static let sorts: [PortfolioQuery] = PortfolioQuery.SortKey.allCases.flatMap { sort in
        [false, true].map { PortfolioQuery(sort: sort, descending: $0) }
    }

    static let searches = ["strasse", "STRASSE", "straße", "bürger", "buerger", "burger", "MÜRITZ", "muritz",
                           "grossenhain mueritz", "amt grün", "elan", "élan", "cafe mobilitaet", "ä", "ae", "a-1",
                           "sensor echtzeit", "zzz", "ö", "oe", "ss"]

    private func store(_ engine: EngineUnderTest, _ p: Portfolio) throws -> (any PortfolioEngine, () -> Void) {
        let (store, _, cleanup) = try engine.make()
        try store.replaceAll(with: p, by: "contract")
        return (store, cleanup)
    }

    private func page(_ reader: any PortfolioReader, _ request: RowRequest) throws -> RowPage {
        try #require(try reader.answer(ScreenDataRequest(rows: request)).rows)
    }

    /// Paging through the table 7 rows at a time gives the reference's whole order, each
    /// page where it was asked for, with the same counts.
    @Test(arguments: EngineUnderTest.all)
    func pagesTogetherGiveTheReferenceOrder(_ engine: EngineUnderTest) throws {
        let p = Self.portfolio
        let (store, cleanup) = try store(engine, p)
        defer { cleanup() }
        let reference = InMemoryPortfolio(p)
        for month in Self.months(p) {
            for query in Self.sorts + [PortfolioQuery(sort: .light, lightFilter: .yellowOrRed),
                                       PortfolioQuery(search: "a", sort: .budgetUse, descending: true)] {
                let want = reference.rows(month: month, query: query)
                var got: [ProjectRow] = []
                var offset = 0
                repeat {
                    let page = try page(store, RowRequest(month: month, query: query, offset: offset, limit: 7))
                    // The last window is moved back to be as full as it can be.
                    let start = RowPage.clampedStart(offset, limit: 7, matching: want.count)
                    #expect(page.offset == start && page.matching == want.count && page.total == p.projects.count,
                            "\(month) \(query) at \(offset)")
                    #expect(page == reference.page(RowRequest(month: month, query: query, offset: offset, limit: 7)))
                    got += page.rows.dropFirst(offset - page.offset)
                    offset += 7
                } while offset < want.count
                #expect(got == want, "\(month) \(query)")
            }
        }
        // The data has ties to break: many rows share a light and a progress.
        let month = try #require(p.latestReportMonth)
        let rows = reference.rows(month: month, query: PortfolioQuery(sort: .progress))
        #expect(Dictionary(grouping: rows, by: \.progress).values.contains { $0.count >= 5 })
    }

    /// Ties stay in the byte order of the ids: capitals before small letters, digits first,
    /// umlauts after every ASCII letter.
    @Test(arguments: EngineUnderTest.all)
    func tiesStayInTheByteOrderOfTheIDs(_ engine: EngineUnderTest) throws {
        let p = Self.portfolio
        let (store, cleanup) = try store(engine, p)
        defer { cleanup() }
        let month = try #require(p.latestReportMonth)
        let query = PortfolioQuery(search: "strassen und gruen", sort: .light, descending: true, lightFilter: .noneReported)
        let ids = try page(store, RowRequest(month: month, query: query, limit: 100)).rows.map(\.id)
        #expect(ids == ["10", "9", "B-1", "a-1", "z", "Ä-1", "ä-2"])
        #expect(ids == InMemoryPortfolio(p).rows(month: month, query: query).map(\.id))
    }

    /// The window moves to hold the anchor when it lies outside the rows asked for, and
    /// stays where it was asked when the anchor is inside or not kept.
    @Test(arguments: EngineUnderTest.all)
    func theWindowMovesToHoldTheAnchor(_ engine: EngineUnderTest) throws {
        let p = Self.portfolio
        let (store, cleanup) = try store(engine, p)
        defer { cleanup() }
        let reference = InMemoryPortfolio(p)
        let month = try #require(p.latestReportMonth)
        var moved = 0
        for query in [PortfolioQuery(sort: .budgetUse), PortfolioQuery(sort: .light, lightFilter: .yellowOrRed),
                      PortfolioQuery(search: "strasse", sort: .fundingEnd, descending: true)] {
            let all = reference.rows(month: month, query: query)
            let anchors = [all.first?.id, all.dropFirst(all.count / 2).first?.id, all.last?.id, "Ä-1", "nicht-da", nil]
            for anchor in anchors {
                for (offset, limit) in [(0, 5), (40, 5), (3, 1), (0, 0), (500, 10), (0, 1_000)] {
                    let request = RowRequest(month: month, query: query, offset: offset, limit: limit, anchorID: anchor)
                    let got = try page(store, request), want = reference.page(request)
                    #expect(got == want, "\(query) anchor \(anchor ?? "none") at \(offset) limit \(limit)")
                    if let position = want.anchorPosition, limit > 0 {
                        #expect(got.row(at: position)?.id == anchor)
                        if !(offset..<(offset + limit)).contains(position) { moved += 1 }
                    }
                }
            }
        }
        #expect(moved > 5)
    }

    /// A search finds what the reference finds, whatever the case, accents and spelling of
    /// umlauts, with several words all required; the searches do find something.
    @Test(arguments: EngineUnderTest.all)
    func searchesFindWhatTheReferenceFinds(_ engine: EngineUnderTest) throws {
        let p = Self.portfolio
        let (store, cleanup) = try store(engine, p)
        defer { cleanup() }
        let reference = InMemoryPortfolio(p)
        let month = try #require(p.latestReportMonth)
        var found: [String: Int] = [:]
        for search in Self.searches {
            for query in [PortfolioQuery(search: search),
                          PortfolioQuery(search: search, sort: .progress, descending: true, needsAttention: true)] {
                let request = RowRequest(month: month, query: query, limit: 1_000)
                let got = try page(store, request)
                #expect(got == reference.page(request), "search \(search) \(query)")
                if query.sort == .id { found[search] = got.matching }
            }
        }
        for spelled in [["strasse", "STRASSE", "straße"], ["bürger", "buerger"], ["MÜRITZ", "muritz"], ["elan", "élan"]] {
            let counts = spelled.map { found[$0] ?? -1 }
            #expect(counts.allSatisfy { $0 > 0 && $0 == counts[0] }, "\(spelled): \(counts)")
        }
        #expect(found["grossenhain mueritz"] ?? 0 > 0 && found["zzz"] == 0)
        #expect(found["cafe mobilitaet"] == 1 && found["sensor echtzeit"] == 0)
    }

    /// The first projects of each phase, for a few limits and months.
    @Test(arguments: EngineUnderTest.all)
    func phaseSamplesAreTheFirstProjectsOfEachPhase(_ engine: EngineUnderTest) throws {
        let p = Self.portfolio
        let (store, cleanup) = try store(engine, p)
        defer { cleanup() }
        let reference = InMemoryPortfolio(p)
        for month in Self.months(p) {
            for limit in [0, 1, 3, 1_000] {
                let request = ScreenDataRequest(phaseSamples: .init(month: month, limit: limit))
                let got = try #require(try store.answer(request).phaseSamples)
                #expect(try got == reference.answer(request).phaseSamples, "\(month) limit \(limit)")
                if limit == 3 { #expect(got.values.contains { $0.count == 3 }) }
            }
        }
    }

    /// One project with its municipality, reports oldest first, KPIs, readings and risks;
    /// nothing for an unknown id.
    @Test(arguments: EngineUnderTest.all)
    func aProjectComesWithItsWholeHistory(_ engine: EngineUnderTest) throws {
        for p in [ReaderContractTests.sample, Self.portfolio] {
            let (store, cleanup) = try store(engine, p)
            defer { cleanup() }
            let reference = InMemoryPortfolio(p)
            var withHistory = 0
            for project in p.projects {
                let request = ScreenDataRequest(projectID: project.id)
                let got = try store.answer(request).project
                #expect(got == (try reference.answer(request)).project, "\(project.id)")
                if let got, got.reports.count > 1, !got.kpis.isEmpty, !got.readings.isEmpty { withHistory += 1 }
            }
            #expect(withHistory > 0)
            #expect(try store.answer(ScreenDataRequest(projectID: "kein-projekt")).project == nil)
        }
    }
}
