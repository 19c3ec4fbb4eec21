import Foundation
import Testing
import LotseDomain
@testable import LotseStore

/// New and closed risks of a month: every engine counts them as the reference does, for the
/// whole portfolio and for one office, and their months travel through files, imports and
/// the database unchanged.
@Suite struct RiskChangeContractTests {
    static let month = Fixture.month("2025-02")

    /// The fixture with risks raised and closed around `month`: in `month` P1 (Bauamt)
    /// raised R2 and R4 and closed R4; P2 (Hauptamt) closed R3. R5 is older, R6 has no months.
    static func portfolio() -> Portfolio {
        var p = Fixture.portfolio()
        p.risks += [
            Risk(id: "R2", projectID: "P1", title: "Sensor fällt aus", challenge: .technologyIntoProcedures, probability: 2,
                 impact: 3, measure: "", owner: "", raised: month),
            Risk(id: "R3", projectID: "P2", title: "Datenschutz", challenge: .backing, probability: 3,
                 impact: 3, measure: "", owner: "", isOpen: false, raised: Fixture.month("2024-12"), closed: month),
            Risk(id: "R4", projectID: "P1", title: "Lieferung", challenge: .procurement, probability: 1,
                 impact: 2, measure: "", owner: "", isOpen: false, raised: month, closed: month),
            Risk(id: "R5", projectID: "P2", title: "Alt", challenge: .money, probability: 1, impact: 1,
                 measure: "", owner: "", isOpen: false, raised: Fixture.month("2024-11"), closed: Fixture.month("2025-01")),
            Risk(id: "R6", projectID: "P2", title: "Ohne Monat", challenge: .staff, probability: 2, impact: 2,
                 measure: "", owner: ""),
        ]
        return p
    }

    @Test(arguments: EngineUnderTest.all)
    func theMonthsNewAndClosedRisksAreCountedLikeTheReference(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        let p = Self.portfolio()
        try store.replaceAll(with: p, by: "contract")
        let reference = InMemoryPortfolio(p)
        let filters: [PortfolioQuery?] = [nil, PortfolioQuery(office: "Bauamt"), PortfolioQuery(office: "Hauptamt"),
                                          PortfolioQuery(office: "Kein solches Amt")]
        for month in [Self.month.previous.previous, Self.month.previous, Self.month, Self.month.next] {
            for filter in filters {
                let request = ScreenDataRequest(overview: month).overview(filter: filter)
                let got = try #require(try store.answer(request).overview)
                let want = try #require(try reference.answer(request).overview)
                #expect(got.risksRaised == want.risksRaised, "raised \(month) \(String(describing: filter))")
                #expect(got.risksClosed == want.risksClosed, "closed \(month) \(String(describing: filter))")
                #expect(got == want)
            }
        }
        func counts(_ filter: PortfolioQuery?, _ month: YearMonth) throws -> [Int] {
            let f = try #require(try store.answer(ScreenDataRequest(overview: month).overview(filter: filter)).overview)
            return [f.risksRaised, f.risksClosed]
        }
        // As the fixture was built: R2, R4 raised and R3, R4 closed in the month.
        #expect(try counts(nil, Self.month) == [2, 2])
        #expect(try counts(PortfolioQuery(office: "Bauamt"), Self.month) == [2, 1])
        #expect(try counts(PortfolioQuery(office: "Hauptamt"), Self.month) == [0, 1])
        #expect(try counts(nil, Fixture.month("2025-01")) == [0, 1])
        #expect(try counts(nil, Fixture.month("2024-12")) == [1, 0])
        #expect(try counts(nil, Self.month.next) == [0, 0])
    }

    /// The sample and the generated county have new and closed risks in their newest month,
    /// so the contract suite compares figures that are not all zero.
    @Test(arguments: EngineUnderTest.all)
    func theSampleAndTheGeneratedDataHaveChanges(_ engine: EngineUnderTest) throws {
        for p in [ReaderContractTests.sample, ReaderContractTests.synthetic] {
            let (store, _, cleanup) = try engine.make()
            defer { cleanup() }
            try store.replaceAll(with: p, by: "contract")
            let month = try #require(p.latestReportMonth)
            let f = try #require(try store.answer(ScreenDataRequest(overview: month)).overview)
            #expect(f.risksRaised > 0 && f.risksClosed > 0, "\(f.risksRaised) raised, \(f.risksClosed) closed")
            #expect(f.risksRaised == p.risks.filter { $0.raised == month }.count)
            #expect(f.risksClosed == p.risks.filter { !$0.isOpen && $0.closed == month }.count)
            #expect(PortfolioValidator.problems(in: p).isEmpty)
        }
    }

    @Test func theMonthsComeBackFromTheDatabase() throws {
        let store = try Fixture.store()
        let p = Self.portfolio()
        try store.replaceAll(with: p, by: "tester")
        let loaded = try store.loadPortfolio()
        for risk in p.risks {
            let back = try #require(loaded.risks.first { $0.id == risk.id })
            #expect(back.raised == risk.raised && back.closed == risk.closed, "\(risk.id)")
        }
        let rows = try store.rows(sql: "SELECT raised_month, closed_month FROM risk WHERE id = 'R3'")
        #expect(rows == [["2024-12", "2025-02"]])
    }

    @Test func aV9DatabaseMigratesWithItsRisksWithoutMonths() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("old.sqlite")
        try SQLiteStore.createDatabase(path: path, upTo: "v9-tension-stance", with: Self.portfolio(), by: "anna",
                                       at: Fixture.clock())
        let store = try SQLiteStore(path: path, now: Fixture.clock)
        #expect(try store.appliedMigrations().last == SQLiteStore.knownMigrations.last)
        let risks = try store.loadPortfolio().risks
        #expect(Set(risks.map(\.id)) == Set(Self.portfolio().risks.map(\.id)))
        #expect(risks.allSatisfy { $0.raised == nil && $0.closed == nil })
        try store.replaceAll(with: Self.portfolio(), by: "anna")
        #expect(try store.loadPortfolio().risks.filter { $0.raised != nil }.count == 4)
    }

    @Test func theDatabaseRefusesAMonthThatIsNone() throws {
        let store = try Fixture.store()
        try store.replaceAll(with: Self.portfolio(), by: "tester")
        let before = try store.loadPortfolio()
        for bad in ["2025-13", "2025-2", "0000-01", ""] {
            #expect(throws: (any Error).self, "\(bad)") {
                try store.execute(sql: "UPDATE risk SET raised_month = '\(bad)' WHERE id = 'R2'")
            }
        }
        #expect(try store.loadPortfolio() == before)
    }

    @Test func aFileCarriesTheMonthsAndAMergeImportKeepsThem() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("portfolio.json")
        let p = Self.portfolio()
        try PortfolioCoding.encoder().encode(p).write(to: URL(fileURLWithPath: path))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"raised\"") && text.contains("\"closed\""))

        // The fixture without months in the database, the file with them merged in.
        let store = try Fixture.store()
        var without = p
        for i in without.risks.indices { (without.risks[i].raised, without.risks[i].closed) = (nil, nil) }
        try store.replaceAll(with: without, by: "tester")
        _ = try store.importPortfolio(try CheckedPortfolioFile.check(path: path), mode: .merge(force: false), by: "import")
        let merged = try store.loadPortfolio()
        for risk in p.risks {
            let back = try #require(merged.risks.first { $0.id == risk.id })
            #expect(back.raised == risk.raised && back.closed == risk.closed, "\(risk.id)")
        }
    }

    @Test func aFileWithoutMonthsStillReads() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("portfolio.json")
        let p = Fixture.portfolio()
        try PortfolioCoding.encoder().encode(p).write(to: URL(fileURLWithPath: path))
        #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("\"raised\""))
        let store = try Fixture.store()
        _ = try store.importPortfolio(try CheckedPortfolioFile.check(path: path), mode: .replace, by: "import",
                                      backup: false)
        #expect(try store.loadPortfolio().risks.allSatisfy { $0.raised == nil && $0.closed == nil })
    }

    /// A closing month on an open risk, or before the risk was raised, refuses the file
    /// with the problem named, and the database stays as it was.
    @Test func implausibleMonthsRefuseTheFile() throws {
        let store = try Fixture.store()
        try store.replaceAll(with: Self.portfolio(), by: "tester")
        let before = try store.loadPortfolio()
        var open = Self.portfolio()
        open.risks[open.risks.firstIndex { $0.id == "R3" }!].isOpen = true
        var backwards = Self.portfolio()
        backwards.risks[backwards.risks.firstIndex { $0.id == "R5" }!].closed = Fixture.month("2024-10")
        for (bad, expected) in [(open, "closed in 2025-02 but still open"),
                                (backwards, "closed in 2024-10, before it was raised in 2024-11")] {
            #expect(PortfolioValidator.problems(in: bad).contains { $0.contains(expected) })
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let path = folder.file("bad.json")
            try PortfolioCoding.encoder().encode(bad).write(to: URL(fileURLWithPath: path))
            do {
                _ = try CheckedPortfolioFile.check(path: path)
                Issue.record("the file with '\(expected)' was accepted")
            } catch {
                #expect(String(describing: error).contains(expected), "\(error)")
            }
        }
        #expect(try store.loadPortfolio() == before)
    }
}
