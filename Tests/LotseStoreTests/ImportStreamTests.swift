import Foundation
import LotseDomain
import Testing
@testable import LotseStore

@Suite("Importing a portfolio file value by value")
struct ImportStreamTests {
    static let tables = ["municipality", "project", "status_report", "kpi", "kpi_reading", "risk", "report_draft",
                         "project_status", "month_summary", "light_change", "project_tally", "open_risk_tally"]

    /// Every row of every table, audit columns, row ids and revisions included.
    static func snapshot(_ store: SQLiteStore) throws -> [String: [[String]]] {
        var out: [String: [[String]]] = [:]
        for table in tables { out[table] = try store.rows(sql: "SELECT * FROM \(table) ORDER BY 1, 2, 3") }
        return out
    }

    /// `text` as a file in a fresh folder; the folder goes when `body` returns.
    @discardableResult
    static func withFile<T>(_ data: Data, _ body: (String) throws -> T) throws -> T {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("portfolio.json")
        try data.write(to: URL(fileURLWithPath: path))
        return try body(path)
    }

    static func encoded(_ p: Portfolio) throws -> Data { try PortfolioCoding.encoder().encode(p) }

    /// The store after `replaceAll` with the decoded file and after the streamed import of
    /// the same file, both starting from `prepare`.
    static func bothWays(_ data: Data, prepare: (SQLiteStore) throws -> Void = { _ in }) throws
        -> (whole: SQLiteStore, streamed: SQLiteStore) {
        let whole = try Fixture.store(), streamed = try Fixture.store()
        try prepare(whole)
        try prepare(streamed)
        try withFile(data) { path in
            try whole.replaceAll(with: PortfolioCoding.decode(data, source: path), by: "import")
            try streamed.replaceAll(with: CheckedPortfolioFile.check(path: path), by: "import")
        }
        return (whole, streamed)
    }

    // MARK: - Same result as replaceAll

    @Test func sampleFileGivesWhatReplaceAllGives() throws {
        let url = try SampleData.resourceURL()
        let data = try Data(contentsOf: url)
        let (whole, streamed) = try Self.bothWays(data)
        #expect(try streamed.loadPortfolio() == whole.loadPortfolio())
        #expect(try streamed.loadPortfolio() == SampleData.load().inStoreOrder())
        #expect(try Self.snapshot(streamed) == Self.snapshot(whole))
        let checked = try CheckedPortfolioFile.check(path: url.path)
        let sample = try SampleData.load()
        let counted: [Int] = [checked.municipalities, checked.projects, checked.reports, checked.kpis,
                              checked.readings, checked.risks]
        let expected: [Int] = [sample.municipalities.count, sample.projects.count, sample.reports.count,
                               sample.kpis.count, sample.readings.count, sample.risks.count]
        #expect(counted == expected)
    }

    @Test func awkwardValuesAndAGeneratedPortfolioComeOutTheSame() throws {
        var awkward = Fixture.portfolio()
        awkward.projects[0].name = "\"quotes\", back\\slash, a/b, ✓ 🚲"
        // Texts may hold tabs and line breaks; names and ids no control characters at all.
        awkward.reports[0].achieved = "Tab\there,\nsecond line, \"quotes\", back\\slash, ✓ 🚲"
        let generated = SyntheticPortfolio.make(projects: 80, municipalities: 6, months: 14,
                                                endingAt: Fixture.month("2026-11"), seed: 4)
        for portfolio in [awkward, generated, Portfolio()] {
            let (whole, streamed) = try Self.bothWays(try Self.encoded(portfolio))
            #expect(try Self.snapshot(streamed) == Self.snapshot(whole))
        }
    }

    @Test func reimportCarriesRevisionsAndDraftsLikeReplaceAll() throws {
        var imported = Fixture.portfolio()
        imported.reports.removeAll { $0.month == Fixture.month("2025-01") }
        imported.reports.append(Fixture.report("P1", "2025-05", progress: 90, at: Date(timeIntervalSince1970: 0)))
        imported.projects.removeAll { $0.id == "P2" }
        imported.reports.removeAll { $0.projectID == "P2" }
        imported.kpis.removeAll { $0.projectID == "P2" }
        imported.readings.removeAll { $0.kpiID == "K1" }
        imported.risks.removeAll { $0.projectID == "P2" }
        let (whole, streamed) = try Self.bothWays(try Self.encoded(imported)) { store in
            try store.replaceAll(with: Fixture.portfolio(), by: "tester")
            try store.save(report: Fixture.report("P1", "2025-02", progress: 60, at: Date(timeIntervalSince1970: 9)),
                           by: "berta")
            try store.saveDraft(ReportDraft(projectID: "P1", month: Fixture.month("2025-03"), progress: "7"), by: "anna")
            try store.saveDraft(ReportDraft(projectID: "P2", month: Fixture.month("2025-03"), progress: "5"), by: "anna")
        }
        #expect(try Self.snapshot(streamed) == Self.snapshot(whole))
        #expect(try streamed.reportVersion(projectID: "P1", month: Fixture.month("2025-02"))?.revision == 3)
        #expect(try streamed.rows(sql: "SELECT project_id FROM report_draft") == [["P1"]])
    }

    @Test func keysInAnyOrderUnknownKeysEscapesAndNullAreRead() throws {
        let json = #"""
        {"risks": [], "readings": [{"value": 1.50, "month": "2025-01", "kpiID": "K"}],
         "extra": {"nested": [1, 2.5e3, true, null, "x"]},
         "projects": [{"start": "2024-11", "name": "M\u00fchle \ud83d\udeb2 \"1\"", "id": "P", "municipalityID": "m",
                       "field": "wasser", "solutionKind": "infrastruktur", "phase": "experimentieren",
                       "owner": "A\/B", "fundingEnd": null, "fundingSource": "", "budgetPlanned": 0,
                       "basicComponentCandidate": false, "reusedByOthers": true, "continuation": "offen",
                       "unknown": {"a": [[]]}}],
         "municipalities": [{"population": 0, "kind": "gemeinde", "name": "M", "id": "m"}],
         "kpis": [{"unit": "", "target": -0.001, "projectID": "P", "name": "k", "id": "K", "direction": "niedriger"}],
         "reports": [], "formatVersion": 1}
        """#
        let (whole, streamed) = try Self.bothWays(Data(json.utf8))
        #expect(try Self.snapshot(streamed) == Self.snapshot(whole))
        let loaded = try streamed.loadPortfolio()
        #expect(loaded.projects.first?.name == "Mühle 🚲 \"1\"")
        #expect(loaded.projects.first?.owner == "A/B")
        #expect(loaded.readings.first?.value == Decimal(string: "1.5"))
        #expect(loaded.kpis.first?.target == Decimal(string: "-0.001"))
    }

    @Test func aByteOrderMarkAtTheStartIsSkipped() throws {
        let (whole, streamed) = try Self.bothWays(Data([0xEF, 0xBB, 0xBF]) + Self.encoded(Fixture.portfolio()))
        #expect(try Self.snapshot(streamed) == Self.snapshot(whole))
    }

    // MARK: - Problems change nothing

    static let valid = #"{"formatVersion": 1, "municipalities": [], "projects": [], "reports": [], "kpis": [], "readings": [], "risks": []}"#

    @Test(arguments: [
        // (document, what the message must contain)
        (#"{"formatVersion": 1, "municipalities": [] "projects": []}"#, "line 1, column 43: expected ',' or '}'"),
        ("{\n  \"formatVersion\": 1,\n  \"kpis\": [\n    {\"id\": \"K\",,", "line 4, column 16"),
        (#"{"formatVersion": 1, "kpis": ["#, "unexpected end of file"),
        (#"{"formatVersion": "1"}"#, "formatVersion: expected a whole number, found text '1'"),
        (#"{"formatVersion": 1, "municipalities": [{"id": "m", "name": "M", "kind": "dorf", "population": 1}]}"#,
         "municipalities[0].kind: 'dorf' is not one of 'stadt', 'landkreis', 'gemeinde'"),
        (#"{"formatVersion": 1, "municipalities": [{"id": "m", "name": "M", "kind": "stadt"}]}"#,
         "municipalities[0]: missing field 'population'"),
        (#"{"formatVersion": 1, "readings": [{"kpiID": "K", "month": "2025-13", "value": 1}]}"#,
         "readings[0].month: '2025-13' is not a month"),
        (#"{"formatVersion": 1, "readings": [{"kpiID": "K", "month": "2025-12", "value": 01}]}"#,
         "readings[0].value: '01' is not a number"),
        (#"{"formatVersion": 1, "municipalities": [], "projects": [], "kpis": [], "readings": [], "risks": []}"#,
         "line 1, column 1: missing field 'reports'"),
        (valid + " x", "after the end of the document"),
        (#"{"formatVersion": 1, "municipalities": [{"id": "a\u0000b", "name": "M\#n", "kind": "stadt", "population": 1}]}"#,
         "control character"),
        ("[]", "expected '{'"),
    ])
    func malformedFilesAreRefusedWithThePlace(document: String, expected: String) throws {
        let store = try Fixture.filledStore()
        let before = try Self.snapshot(store)
        try Self.withFile(Data(document.utf8)) { path in
            let error = try #require(throws: PortfolioFileError.self) {
                try store.replaceAll(with: CheckedPortfolioFile.check(path: path), by: "x")
            }
            guard case .rejected(let source, let problems, _, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            let detail = try #require(problems.first { $0.description.contains(expected) }?.description,
                                      "\(problems)")
            #expect(source == path)
            #expect(detail.hasPrefix("line "), "\(detail)")
        }
        #expect(try Self.snapshot(store) == before)
    }

    @Test func newerFormatIsRefused() throws {
        try Self.withFile(Data(#"{"formatVersion": 2, "projects": {"whatever": 1}}"#.utf8)) { path in
            #expect(throws: PortfolioFileError.unsupportedVersion(source: path, found: 2,
                                                                  supported: Portfolio.formatVersion)) {
                try CheckedPortfolioFile.check(path: path)
            }
        }
    }

    @Test func invalidFileNamesTheSameProblemsAsTheValidatorWithTheirLines() throws {
        var bad = Fixture.portfolio()
        bad.projects.append(bad.projects[0])
        bad.projects[1].municipalityID = "nowhere"
        bad.projects[1].fundingEnd = Fixture.month("2020-01")
        bad.reports[0].progress = 150
        bad.reports.append(bad.reports[1])
        bad.reports.append(Fixture.report("X", "2025-01", progress: 1, at: Date(timeIntervalSince1970: 0)))
        bad.kpis.append(KPI(id: "K9", projectID: "nope", name: "", unit: "", target: 1, direction: .higherIsBetter))
        bad.kpis.append(bad.kpis[0])
        bad.readings.append(KPIReading(kpiID: "K404", month: Fixture.month("2025-01"), value: 1))
        bad.readings.append(bad.readings[0])
        bad.risks[0].impact = 9
        bad.risks.append(Risk(id: "R0", projectID: "P404", title: "", challenge: .staff, probability: 0, impact: 1,
                              measure: "", owner: ""))
        bad.municipalities[1].population = -1
        let expected = PortfolioValidator.problems(in: bad)
        #expect(expected.count > 10)

        let store = try Fixture.filledStore()
        let before = try Self.snapshot(store)
        try Self.withFile(try Self.encoded(bad)) { path in
            let error = try #require(throws: PortfolioFileError.self) { try CheckedPortfolioFile.check(path: path) }
            guard case .rejected(let source, let found, 0, false) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            // The same problems, in file order (by line) instead of the validator's.
            let problems = found.map(\.description)
            #expect(source == path)
            #expect(found.map { $0.line ?? 0 } == found.map { $0.line ?? 0 }.sorted())
            #expect(problems.allSatisfy { $0.range(of: #"^line [0-9]+: "#, options: .regularExpression) != nil })
            let withoutLines = problems.map { $0.replacingOccurrences(of: #"^line [0-9]+: "#, with: "",
                                                                      options: .regularExpression) }
            #expect(withoutLines.sorted() == expected.sorted())
            // The line is the one where the value starts.
            let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
            let risk = try #require(problems.first { $0.hasSuffix("risk R0: unknown project 'P404'") })
            let number = Int(risk.dropFirst(5).prefix { $0.isNumber })!
            #expect(lines[number - 1].trimmingCharacters(in: .whitespaces) == "{")
            #expect(lines[number].contains("\"challenge\""))
        }
        #expect(try Self.snapshot(store) == before)
    }

    @Test func aFileChangedAfterTheCheckIsNotImported() throws {
        let store = try Fixture.filledStore()
        let before = try Self.snapshot(store)
        try Self.withFile(try Self.encoded(Portfolio())) { path in
            let checked = try CheckedPortfolioFile.check(path: path)
            try Data((Self.valid + "\n").utf8).write(to: URL(fileURLWithPath: path))
            #expect(throws: PortfolioFileError.self) { try store.replaceAll(with: checked, by: "x") }
        }
        #expect(try Self.snapshot(store) == before)
    }

    @Test func aRowTheDatabaseRejectsRollsBackTheWholeImport() throws {
        let store = try Fixture.filledStore()
        let before = try Self.snapshot(store)
        // The checks before the import refuse whatever the tables would refuse; a trigger
        // stands in for a row the database turns down anyway (a full disk, a lock), on the
        // very last row written.
        try store.writer.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_boom BEFORE INSERT ON risk WHEN NEW.id = 'boom'
                BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                """)
        }
        var bad = Fixture.portfolio()
        bad.risks[bad.risks.count - 1].id = "boom"
        #expect(PortfolioValidator.problems(in: bad).isEmpty)
        try Self.withFile(try Self.encoded(bad)) { path in
            #expect(throws: StoreError.self) { try store.replaceAll(with: CheckedPortfolioFile.check(path: path), by: "x") }
        }
        #expect(try Self.snapshot(store) == before)
    }

    @Test func countsOfTheDatabase() throws {
        let store = try Fixture.filledStore()
        let counts = try store.contentCounts()
        #expect(counts.projects == 2 && counts.reports == 3)
    }
}
