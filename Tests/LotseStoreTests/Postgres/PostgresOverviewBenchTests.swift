import Foundation
import Testing
import LotseDomain
import LotseStore
import LotsePostgres

/// The PostgreSQL speed measurement runs end to end and measures what the reference says.
/// Small by default; `LOTSE_PG_BENCH_PROJECTS=10000` measures dataset L (prints the figures).
@Suite struct PostgresOverviewBenchTests {
    @Test func theBenchMeasuresTheOverviewTheReferenceComputes() throws {
        let projects = ProcessInfo.processInfo.environment["LOTSE_PG_BENCH_PROJECTS"].flatMap(Int.init) ?? 200
        let bench = PostgresOverviewBench(projects: projects, repeats: 3)
        var compared = false
        let figures = try bench.run { store, portfolio in
            let request = bench.overviewRequest
            let got = try store.answer(request), want = try InMemoryPortfolio(portfolio).answer(request)
            #expect(got.overview == want.overview)
            #expect(got.radar == want.radar)
            #expect(got.municipalities == want.municipalities)
            compared = true
        }
        #expect(compared)
        #expect(figures.projects == projects)
        #expect(figures.reports > projects)
        #expect(figures.replaceAllMs > 0 && figures.firstOverviewMs > 0 && figures.warmOverviewMs > 0)
        print("PostgreSQL bench:", String(decoding: try JSONEncoder().encode(figures), as: UTF8.self))
    }
}
