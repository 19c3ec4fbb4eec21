import Foundation
import LotseDomain
import LotseStore
import Testing

/// `lotse report` as a monthly cron job runs it: `--month`, `--office`, and `--exit-code`
/// (0 when nothing needs attention, 2 when something does, 1 for an error) through the binary.
@Suite("Monthly report through the binary", .serialized)
struct ReportCLITests {
    static func project(_ id: String, owner: String) -> Project {
        Project(id: id, municipalityID: "m", name: "Projekt \(id)", field: .mobility, solutionKind: .applicationScenario,
                phase: .experimentation, owner: owner, start: YearMonth("2026-01")!, fundingEnd: YearMonth("2028-12"),
                fundingSource: "MPSC", budgetPlanned: Money(euros: 100_000))
    }

    static func report(_ id: String, _ month: String, _ light: Light) -> StatusReport {
        StatusReport(projectID: id, month: YearMonth(month)!, overall: light, schedule: light, cost: .green, results: .green,
                     progress: 90, spent: Money(euros: 1_000), author: "t", submittedAt: Date(timeIntervalSince1970: 1_790_000_000))
    }

    @Test func exitCodeMonthAndOffice() throws {
        let binary = try LotseBinary.locate().get()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let db = home.appendingPathComponent("lotse.sqlite").path
        // October: both green. November: B turns red (Amt B); A stays green (Amt A).
        let portfolio = Portfolio(
            municipalities: [Municipality(id: "m", name: "Teststadt", kind: .city, population: 1000)],
            projects: [Self.project("A", owner: "Amt A"), Self.project("B", owner: "Amt B")],
            reports: ["A", "B"].flatMap { id in (1...10).map { m in Self.report(id, "2026-\(m < 10 ? "0" : "")\(m)", .green) } }
                + [Self.report("A", "2026-11", .green), Self.report("B", "2026-11", .red)])
        try SQLiteStore(path: db).replaceAll(with: portfolio, by: "test")
        func report(_ extra: [String]) throws -> TOMLCorpusBinaryTests.Run {
            try TOMLCorpusBinaryTests.run(binary, ["report", "--db", db, "--today", "2026-12"] + extra, home: home)
        }

        let calm = try report(["--month", "2026-10", "--exit-code"])
        #expect(calm.status == 0, "\(calm.stderr)")
        #expect(calm.stdout.hasPrefix("Portfolio-Bericht 10/2026"))
        #expect(calm.stdout.contains("Handlungsbedarf: keiner"))

        let last = try report(["--month", "last", "--exit-code", "--format", "markdown"])
        #expect(last.status == 2)
        #expect(last.stdout.hasPrefix("# Portfolio-Bericht 11/2026"))
        #expect(last.stdout.contains("- B Projekt B: grün → rot"))
        #expect(last.stdout.contains("  - Warum: Zeitplan rot (laut Bericht)"))

        // Without --exit-code the same month exits 0; one office sees only its own projects.
        #expect(try report(["--month", "2026-11"]).status == 0)
        let officeA = try report(["--month", "2026-11", "--office", "Amt A", "--exit-code", "--format", "json"])
        #expect(officeA.status == 0, "\(officeA.stdout)")
        #expect(officeA.stdout.contains("\"office\" : \"Amt A\""))

        // The current month (December) has no reports yet: they are missing.
        // (Seen from a month the clock is not in, so the due day cannot have been reached yet:
        // the rule is then "missing as soon as the month is shown".)
        let notNow = YearMonth(date: Date()) == YearMonth("2027-01")! ? "2027-02" : "2027-01"
        let december = try TOMLCorpusBinaryTests.run(binary, ["report", "--db", db, "--today", notNow, "--month", "2026-12",
                                                              "--exit-code"], home: home)
        #expect(december.status == 2, "\(december.stdout)")

        let bad = try report(["--month", "2026-13"])
        #expect(bad.status != 0 && bad.status != 2)
        #expect(bad.stderr.contains("--month '2026-13'"))
        #expect(bad.stdout.isEmpty)
    }
}
