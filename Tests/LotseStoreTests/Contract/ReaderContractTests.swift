import Foundation
import Testing
import LotseDomain
@testable import LotseStore

/// The contract every storage engine keeps: for any portfolio it holds, its answers to the
/// screens' questions equal those of `InMemoryPortfolio`, the reference computed the plain
/// way from the whole portfolio. Written against the protocols only, so a new engine runs
/// the same suite by adding itself to `EngineUnderTest.all`.
@Suite struct ReaderContractTests {
    static let sample: Portfolio = try! SampleData.load()
    static let synthetic = SyntheticPortfolio.make(projects: 90, municipalities: 4, months: 14,
                                                   endingAt: YearMonth(year: 2026, month: 10)!, seed: 7)

    /// Months around the data: before the first report, inside (older months take the
    /// engine's path for earlier months), the newest, and after it.
    static func months(of p: Portfolio) -> [YearMonth] {
        guard let last = p.latestReportMonth, let first = p.reports.map(\.month).min() else { return [] }
        return [first.previous, first, first.adding(months: 5), last.adding(months: -1), last, last.next]
    }

    static let queries: [PortfolioQuery] = {
        var out: [PortfolioQuery] = []
        for sort in PortfolioQuery.SortKey.allCases {
            for descending in [false, true] { out.append(PortfolioQuery(sort: sort, descending: descending)) }
        }
        for filter in PortfolioQuery.LightFilter.allCases {
            out.append(PortfolioQuery(sort: .light, lightFilter: filter))
        }
        for search in ["mobi", "MOBILITÄT", "mobilitat wasser", "lotsenau", "é", "zzz-nothing", " ", "Bürger", "ms",
                       "m", "sensor*", "\"quoted\"", "a AND b", "ter-", "straße", "ea ab bc"] {
            out.append(PortfolioQuery(search: search))
            out.append(PortfolioQuery(search: search, sort: .budgetUse, descending: true, lightFilter: .yellowOrRed))
        }
        return out
    }()

    func expectSameAnswers(_ engine: any PortfolioReader, as p: Portfolio, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reference = InMemoryPortfolio(p)
        for month in Self.months(of: p) {
            let request = ScreenDataRequest(overview: month, municipalities: true,
                                            phaseSamples: .init(month: month, limit: 4),
                                            evidence: .init(month: month, municipalityID: nil))
            let got = try engine.answer(request), want = try reference.answer(request)
            #expect(got.overview == want.overview, "overview \(month)", sourceLocation: sourceLocation)
            for limit in [0, 1, 3] {
                let limited = ScreenDataRequest(overview: month, listLimit: limit)
                #expect(try engine.answer(limited).overview == reference.answer(limited).overview,
                        "overview \(month) with at most \(limit) projects a list", sourceLocation: sourceLocation)
            }
            #expect(got.municipalities == want.municipalities, sourceLocation: sourceLocation)
            #expect(got.phaseSamples == want.phaseSamples, "phase samples \(month)", sourceLocation: sourceLocation)
            #expect(got.evidence == want.evidence, "evidence \(month)", sourceLocation: sourceLocation)
            for municipality in p.municipalities {
                let r = ScreenDataRequest(evidence: .init(month: month, municipalityID: municipality.id))
                #expect(try engine.answer(r).evidence == reference.answer(r).evidence, sourceLocation: sourceLocation)
            }
            #expect(try engine.redStreaks(month: month) == reference.redStreaks(month: month), sourceLocation: sourceLocation)
            for query in Self.queries {
                let all = RowRequest(month: month, query: query, offset: 0, limit: 100_000)
                let gotAll = try engine.answer(ScreenDataRequest(rows: all)).rows
                let wantAll = try reference.answer(ScreenDataRequest(rows: all)).rows
                #expect(gotAll == wantAll, "rows \(month) \(query)", sourceLocation: sourceLocation)
            }
        }
        for project in p.projects {
            let r = ScreenDataRequest(projectID: project.id)
            #expect(try engine.answer(r).project == reference.answer(r).project, "project \(project.id)",
                    sourceLocation: sourceLocation)
        }
        #expect(try engine.answer(ScreenDataRequest(projectID: "no-such-project")).project == nil,
                sourceLocation: sourceLocation)
    }

    @Test(arguments: EngineUnderTest.all)
    func answersEqualTheReferenceOnTheSample(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        try store.replaceAll(with: Self.sample, by: "contract")
        try expectSameAnswers(store, as: Self.sample)
    }

    @Test(arguments: EngineUnderTest.all)
    func answersEqualTheReferenceOnASyntheticCounty(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        try store.replaceAll(with: Self.synthetic, by: "contract")
        try expectSameAnswers(store, as: Self.synthetic)
    }

    @Test(arguments: EngineUnderTest.all)
    func anEmptyEngineAnswersWithNothing(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        let month = YearMonth(year: 2026, month: 11)!
        let request = ScreenDataRequest(overview: month, municipalities: true,
                                        rows: RowRequest(month: month, limit: 50, anchorID: "x"),
                                        projectID: "x", phaseSamples: .init(month: month, limit: 3),
                                        evidence: .init(month: month, municipalityID: nil))
        #expect(try store.answer(request) == InMemoryPortfolio(Portfolio()).answer(request))
        #expect(try store.redStreaks(month: month).isEmpty)
    }

    /// Windows of rows: offsets past the end are pulled back, an anchor outside the window
    /// moves the window to it, and the anchor's position is reported.
    @Test(arguments: EngineUnderTest.all)
    func windowsAndAnchorsMatchTheReference(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        let p = Self.synthetic
        try store.replaceAll(with: p, by: "contract")
        let reference = InMemoryPortfolio(p)
        let month = p.latestReportMonth!
        let ids = p.projects.map(\.id).sorted()
        for query in [PortfolioQuery(), PortfolioQuery(sort: .light), PortfolioQuery(sort: .progress, descending: true),
                      PortfolioQuery(search: "a", lightFilter: .yellowOrRed)] {
            for (offset, limit, anchor) in [(0, 10, nil), (85, 10, nil), (500, 7, nil), (0, 10, ids[60]),
                                            (40, 12, ids[3]), (20, 30, ids[25]), (0, 5, "missing-id"), (3, 0, ids[1])] {
                let r = ScreenDataRequest(rows: RowRequest(month: month, query: query, offset: offset, limit: limit,
                                                           anchorID: anchor))
                let got = try store.answer(r).rows, want = try reference.answer(r).rows
                #expect(got == want, "\(query) offset \(offset) limit \(limit) anchor \(anchor ?? "-")")
            }
        }
    }

    /// A search typed letter by letter, corrected and typed on, with the sort and the
    /// filter changed between: every step answers as the reference, whatever the engine
    /// keeps from the steps before.
    static let typedSearches: [PortfolioQuery] = {
        var out: [PortfolioQuery] = []
        for search in ["", "p", "pa", "par", "park", "par", "pa", "p", "p ", "p a", "p ar", "ar p", "", "e", "ea",
                       "eaX", "ea", "Ü", "ü b", "b"] {
            out.append(PortfolioQuery(search: search))
        }
        for (i, search) in ["", "s", "st", "sta", "st", "s t", "m", "mo", ""].enumerated() {
            out.append(PortfolioQuery(search: search, sort: i % 2 == 0 ? .light : .fundingEnd, descending: i % 3 == 0,
                                      lightFilter: i < 4 ? .all : .yellowOrRed))
        }
        return out
    }()

    @Test(arguments: EngineUnderTest.all)
    func aSearchTypedLetterByLetterAnswersAsTheReferenceAtEveryStep(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        let p = Self.synthetic
        try store.replaceAll(with: p, by: "contract")
        let reference = InMemoryPortfolio(p)
        let month = p.latestReportMonth!
        for query in Self.typedSearches {
            for (offset, limit) in [(0, 15), (30, 15)] {
                let r = ScreenDataRequest(rows: RowRequest(month: month, query: query, offset: offset, limit: limit))
                #expect(try store.answer(r).rows == reference.answer(r).rows, "\(query) at \(offset)")
            }
        }
    }
}
