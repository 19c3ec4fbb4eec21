import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// `sample-data/musterstadt.json` is the source of the sample town: a maintainer edits it by
/// hand, and these tests check the edit. The file must pass the checks of `lotse import`,
/// keep its layout (one value per line) and the house rules of the sample, and keep every
/// story `sample-data/README.md` tells: each promise below is one sentence of that README.
@Suite("Sample town source file (sample-data/musterstadt.json)")
struct SampleDataSourceTests {
    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sample-data/musterstadt.json")

    /// The sample's first report month and its "now" (the newest report month).
    static let first = YearMonth(year: 2024, month: 12)!
    static let now = YearMonth(year: 2026, month: 11)!

    static func text() throws -> String { try String(contentsOf: file, encoding: .utf8) }

    /// The file decoded and validated as `SampleData.load()` does.
    static func sample() throws -> Portfolio {
        try PortfolioCoding.decode(Data(contentsOf: file), source: file.path)
    }

    // MARK: - Import check and round trip

    /// The check `lotse import` (and `--dry-run`) runs, on the repository file.
    @Test func passesTheImportCheck() throws {
        let checked = try CheckedPortfolioFile.check(path: Self.file.path)
        let sample = try Self.sample()
        let counted = [checked.municipalities, checked.projects, checked.reports, checked.kpis, checked.readings,
                       checked.risks]
        #expect(counted == [sample.municipalities.count, sample.projects.count, sample.reports.count,
                            sample.kpis.count, sample.readings.count, sample.risks.count])
        #expect(PortfolioValidator.problems(in: sample).isEmpty)
    }

    /// Nothing in the file is lost or changed on the way through import and export: what
    /// the store holds after the import is the file (in the store's order), and export's
    /// encoding of it reads back the same.
    @Test func importThenExportKeepsEveryValue() throws {
        let sample = try Self.sample()
        let store = try Fixture.store()
        try store.replaceAll(with: CheckedPortfolioFile.check(path: Self.file.path), by: "import")
        let stored = try store.loadPortfolio()
        #expect(stored == sample.inStoreOrder())
        let exported = try PortfolioCoding.encoder().encode(stored) + Data("\n".utf8)
        #expect(try PortfolioCoding.decode(exported, source: "export") == stored)
        #expect(try PortfolioCoding.decoder().decode(Portfolio.self, from: PortfolioCoding.encoder().encode(sample))
                == sample)
    }

    /// A mistake in a hand edit is refused with the line it is on.
    @Test func aBrokenEditIsRefusedWithItsLine() throws {
        let lines = try Self.text().components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains(#""id": "LN-01""#) })
        var edited = lines
        edited[index] = edited[index].replacingOccurrences(of: #""municipalityID": "lotsenau""#,
                                                           with: #""municipalityID": "lotsenow""#)
        #expect(edited != lines)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("musterstadt.json")
        try Data(edited.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: PortfolioFileError.self) { try CheckedPortfolioFile.check(path: path) }
        #expect(error == .rejected(source: path, problems: [PortfolioProblem(
            line: index + 1, kind: .unknownMunicipality(.project("LN-01"), municipality: "lotsenow"))],
                                   omitted: 0, stopped: false))
    }

    // MARK: - Layout

    @Test func layoutIsOneValuePerLine() throws {
        let problems = Self.layoutProblems(try Self.text())
        #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
    }

    /// The layout check can fail: export's pretty-printed form of the same portfolio is not
    /// the sample's layout, nor is a value spread over two lines.
    @Test func layoutCheckRefusesOtherLayouts() throws {
        let sample = try Self.sample()
        let exported = String(decoding: try PortfolioCoding.encoder().encode(sample), as: UTF8.self) + "\n"
        #expect(!Self.layoutProblems(exported).isEmpty)
        let split = try Self.text().replacingOccurrences(of: #", "population": 8412"#, with: ",\n\"population\": 8412")
        #expect(Self.layoutProblems(split).contains { $0.hasPrefix("line 5:") }, "\(Self.layoutProblems(split))")
        #expect(Self.layoutProblems(try Self.text() + "\n") == ["the file ends with empty lines"])
    }

    /// The file's sections, in the order of the file.
    static let sections = ["municipalities", "projects", "reports", "kpis", "readings", "risks"]

    /// Problems with the sample's layout: `{`, `"formatVersion": 1,`, then each section as
    /// `"name": [` with one complete value per line (a comma after all but the last) and `]`,
    /// then `}` and a final line break. Lines are numbered from 1.
    static func layoutProblems(_ text: String) -> [String] {
        guard !text.contains("\r") else { return ["the file has carriage returns (use \\n line breaks)"] }
        var lines = text.components(separatedBy: "\n")
        guard lines.count > 1, lines.removeLast().isEmpty else { return ["the file does not end with a line break"] }
        guard lines.last?.isEmpty == false else { return ["the file ends with empty lines"] }
        var problems: [String] = []
        var i = 0
        func take(_ expected: String) -> Bool {
            defer { i += 1 }
            guard i < lines.count else {
                problems.append("the file ends early: expected \(expected)")
                return false
            }
            guard lines[i] == expected else {
                problems.append("line \(i + 1): expected \(expected), found \(lines[i].prefix(60))")
                return false
            }
            return true
        }
        guard take("{"), take(#"  "formatVersion": 1,"#) else { return problems }
        for (s, section) in sections.enumerated() {
            guard take("  \"\(section)\": [") else { return problems }
            let close = s == sections.count - 1 ? "  ]" : "  ],"
            while i < lines.count, lines[i] != close, !lines[i].hasPrefix("  ]") {
                var line = Substring(lines[i])
                let isLast = i + 1 < lines.count && lines[i + 1].hasPrefix("  ]")
                let hasComma = line.hasSuffix(",")
                if hasComma { line = line.dropLast() }
                if hasComma == isLast || !line.hasPrefix("    {") || !line.hasSuffix("}")
                    || !decodes(section, Data(line.dropFirst(4).utf8)) {
                    problems.append("line \(i + 1): not one complete value of \(section) on one line "
                                    + "(four spaces, the value, a comma unless it is the last)")
                }
                i += 1
            }
            guard take(close) else { return problems }
        }
        if take("}"), i < lines.count { problems.append("line \(i + 1): text after the end of the document") }
        return problems
    }

    private static func decodes(_ section: String, _ json: Data) -> Bool {
        let d = PortfolioCoding.decoder()
        switch section {
        case "municipalities": return (try? d.decode(Municipality.self, from: json)) != nil
        case "projects": return (try? d.decode(Project.self, from: json)) != nil
        case "reports": return (try? d.decode(StatusReport.self, from: json)) != nil
        case "kpis": return (try? d.decode(KPI.self, from: json)) != nil
        case "readings": return (try? d.decode(KPIReading.self, from: json)) != nil
        case "risks": return (try? d.decode(Risk.self, from: json)) != nil
        default: return false
        }
    }

    // MARK: - Promises of the README

    @Test(arguments: SampleDataSourceTests.promises)
    func shippedFileKeeps(_ promise: Promise) throws {
        let problem = promise.check(try Self.sample())
        #expect(problem == nil, "\(promise.name): \(problem ?? "")")
    }

    /// The checks can fail: each edit breaks the promise it names.
    @Test(arguments: SampleDataSourceTests.edits)
    func anEditThatBreaksAStoryFails(_ edit: Edit) throws {
        var sample = try Self.sample()
        edit.change(&sample)
        let promise = try #require(Self.promises.first { $0.name == edit.breaks })
        #expect(promise.check(sample) != nil, "\(edit.name) should break: \(edit.breaks)")
    }

    /// The demo moves every month so that the newest one is the current month: the stories
    /// of "now" are there whatever month the demo runs in.
    @Test(arguments: ["2031-05", "2019-01", "2026-11"])
    func demoTellsTheStoriesOfNowInAnyMonth(text: String) throws {
        let month = Fixture.month(text)
        let demo = try SampleData.demoPortfolio(from: Data(contentsOf: Self.file), currentMonth: month)
        #expect(demo.latestReportMonth == month)
        let figures = OverviewFigures(portfolio: demo, month: month)
        let original = OverviewFigures(portfolio: try Self.sample(), month: Self.now)
        #expect(figures.reportsMissing.map(\.id) == ["LN-02", "MS-12", "MS-23", "MS-27"])
        #expect(figures.lightChanges == original.lightChanges)
        #expect(figures.fundingEndingUndecided.map(\.id) == original.fundingEndingUndecided.map(\.id))
        #expect(figures.lights == original.lights)
    }

    /// One sentence of `sample-data/README.md`: `check` returns nil when the portfolio keeps
    /// it, else what is wrong.
    struct Promise: Sendable, CustomTestStringConvertible {
        let name: String
        let check: @Sendable (Portfolio) -> String?
        var testDescription: String { name }
    }

    /// A hand edit and the promise it breaks.
    struct Edit: Sendable, CustomTestStringConvertible {
        let name: String
        let breaks: String
        let change: @Sendable (inout Portfolio) -> Void
        var testDescription: String { name }
    }

    static let promises: [Promise] = townPromises + reportPromises + houseRules + storyPromises

    static let townPromises: [Promise] = [
        Promise(name: "Musterstadt an der Lotse (Stadt, 61.234) and Lotsenau (Gemeinde, 8.412)") { p in
            let expected = [
                Municipality(id: "musterstadt", name: "Musterstadt an der Lotse", kind: .city, population: 61_234),
                Municipality(id: "lotsenau", name: "Lotsenau", kind: .municipality, population: 8_412),
            ]
            return p.municipalities == expected ? nil : "found \(p.municipalities)"
        },
        Promise(name: "30 projects: 27 MS-… of Musterstadt, 3 LN-… of Lotsenau") { p in
            let ms = p.projects.filter { $0.id.hasPrefix("MS-") && $0.municipalityID == "musterstadt" }
            let ln = p.projects.filter { $0.id.hasPrefix("LN-") && $0.municipalityID == "lotsenau" }
            return (p.projects.count, ms.count, ln.count) == (30, 27, 3) ? nil
                : "\(p.projects.count) projects, \(ms.count) MS-… of musterstadt, \(ln.count) LN-… of lotsenau"
        },
        Promise(name: "all 19 fields of action") { p in
            missing(FieldOfAction.allCases, in: p.projects.map(\.field))
        },
        Promise(name: "all three phases") { p in missing(Phase.allCases, in: p.projects.map(\.phase)) },
        Promise(name: "all four kinds of solution") { p in
            missing(SolutionKind.allCases, in: p.projects.map(\.solutionKind))
        },
        Promise(name: "1–3 KPIs for all but one project, each with readings") { p in
            let perProject = Dictionary(grouping: p.kpis, by: \.projectID)
            let without = p.projects.filter { perProject[$0.id] == nil }.map(\.id)
            let tooMany = p.projects.filter { (perProject[$0.id]?.count ?? 0) > 3 }.map(\.id)
            let read = Set(p.readings.map(\.kpiID))
            let unread = p.kpis.filter { !read.contains($0.id) }.map(\.id)
            return without.count == 1 && tooMany.isEmpty && unread.isEmpty ? nil
                : "without KPIs: \(without), more than 3: \(tooMany), KPIs without readings: \(unread)"
        },
        Promise(name: "risks in all ten challenges, some closed") { p in
            if let problem = missing(Challenge.allCases, in: p.risks.map(\.challenge)) { return problem }
            let closed = p.risks.filter { !$0.isOpen }.count
            return closed > 0 && closed < p.risks.count ? nil : "\(closed) of \(p.risks.count) risks closed"
        },
    ]

    static let reportPromises: [Promise] = [
        Promise(name: "the newest report month is 2026-11 (\"now\"), the oldest 2024-12") { p in
            let months = p.reports.map(\.month)
            return months.min() == first && months.max() == now
                ? nil : "reports from \(months.min().map { "\($0)" } ?? "-") to \(months.max().map { "\($0)" } ?? "-")"
        },
        Promise(name: "monthly reports from 2024-12 or the project's start, only while a report is due") { p in
            let projects = Dictionary(p.projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let wrong = p.reports.filter { r in
                guard let project = projects[r.projectID] else { return true }
                return r.month < first || r.month > now || !project.expectsReport(in: r.month)
            }
            return wrong.isEmpty ? nil : "not due: " + wrong.map { "\($0.projectID) \($0.month)" }.joined(separator: ", ")
        },
        Promise(name: "missing reports: 2026-11 of MS-12, MS-23, MS-27, LN-02, and MS-23 2025-08 and 2025-09") { p in
            let gaps = missingReports(p)
            let expected = ["LN-02 2026-11", "MS-12 2026-11", "MS-23 2025-08", "MS-23 2025-09", "MS-23 2026-11",
                            "MS-27 2026-11"]
            let overview = OverviewFigures(portfolio: p, month: now).reportsMissing.map(\.id)
            return gaps == expected && overview == ["LN-02", "MS-12", "MS-23", "MS-27"]
                ? nil : "missing: \(gaps); overview of 2026-11 lists \(overview)"
        },
    ]

    /// What the sample keeps beyond the import's checks (see "Regeln" in the README).
    static let houseRules: [Promise] = [
        Promise(name: "project names have at most 34 characters") { p in
            let long = p.projects.filter { $0.name.unicodeScalars.count > 34 }.map(\.id)
            return long.isEmpty ? nil : "too long: \(long)"
        },
        Promise(name: "planned budgets between 40.000 € and 2.500.000 €") { p in
            let outside = p.projects.filter { !(4_000_000...250_000_000).contains($0.budgetPlanned.cents) }.map(\.id)
            return outside.isEmpty ? nil : "outside: \(outside)"
        },
        Promise(name: "report texts are filled and have at most 120 characters") { p in
            let wrong = p.reports.filter { r in
                [r.achieved, r.nextSteps, r.risksAndMeasures].contains {
                    $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.unicodeScalars.count > 120
                }
            }
            return wrong.isEmpty ? nil : "wrong: " + wrong.map { "\($0.projectID) \($0.month)" }.joined(separator: ", ")
        },
        Promise(name: "overall light is the worst part light or one step milder, never better than the second worst") { p in
            let wrong = p.reports.filter { r in
                let parts = [r.schedule, r.cost, r.results].map(\.severity).sorted(by: >)
                return !(max(parts[0] - 1, parts[1])...parts[0]).contains(r.overall.severity)
            }
            return wrong.isEmpty ? nil : "wrong: " + wrong.map { "\($0.projectID) \($0.month)" }.joined(separator: ", ")
        },
        Promise(name: "progress never falls from one report to the next") { p in
            let falling = Dictionary(grouping: p.reports, by: \.projectID).compactMap { id, reports -> String? in
                let sorted = reports.sorted { $0.month < $1.month }
                return zip(sorted, sorted.dropFirst()).contains { $1.progress < $0.progress } ? id : nil
            }
            return falling.isEmpty ? nil : "falls: \(falling.sorted())"
        },
        Promise(name: "a report is submitted in its month") { p in
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let wrong = p.reports.filter { r in
                let parts = calendar.dateComponents([.year, .month], from: r.submittedAt)
                return YearMonth(year: parts.year ?? 0, month: parts.month ?? 0) != r.month
            }
            return wrong.isEmpty ? nil : "wrong: " + wrong.map { "\($0.projectID) \($0.month)" }.joined(separator: ", ")
        },
        Promise(name: "KPI readings only in months the project reported") { p in
            let project = Dictionary(p.kpis.map { ($0.id, $0.projectID) }, uniquingKeysWith: { a, _ in a })
            let reported = Set(p.reports.map { "\($0.projectID) \($0.month)" })
            let wrong = p.readings.filter { !reported.contains("\(project[$0.kpiID] ?? "?") \($0.month)") }
            return wrong.isEmpty ? nil : "wrong: " + wrong.map { "\($0.kpiID) \($0.month)" }.joined(separator: ", ")
        },
    ]

    static let storyPromises: [Promise] = [
        Promise(name: "MS-05 Bodensensoren Stadtbäume red 2025-04 to 2025-07, green again from 2025-09") { p in
            guard p.project("MS-05")?.name == "Bodensensoren Stadtbäume" else { return "MS-05 has another name" }
            let reports = p.reports(of: "MS-05")
            let red = reports.filter { $0.overall == .red }.map { "\($0.month)" }
            let later = reports.filter { $0.month >= YearMonth("2025-09")! }
            guard red == ["2025-04", "2025-05", "2025-06", "2025-07"] else { return "red in \(red)" }
            guard reports.first?.overall == .green, !later.isEmpty, later.allSatisfy({ $0.overall == .green }) else {
                return "not green before and from 2025-09: \(reports.map { "\($0.month) \($0.overall)" })"
            }
            return nil
        },
        Promise(name: "MS-15 Telemedizin im Quartier stalled since 2025-10, yellow, red in 2026-11") { p in
            guard p.project("MS-15")?.name == "Telemedizin im Quartier" else { return "MS-15 has another name" }
            let reports = p.reports(of: "MS-15")
            let before = reports.filter { $0.month < YearMonth("2025-10")! }
            let stalled = reports.filter { $0.month >= YearMonth("2025-10")! }
            let progress = stalled.map(\.progress)
            guard let low = progress.min(), let high = progress.max(), high - low <= 2,
                  let moving = before.map(\.progress).min(), low - moving >= 10 else {
                return "progress before 2025-10 \(before.map(\.progress)), since \(progress)"
            }
            let lights = stalled.map(\.overall)
            guard before.allSatisfy({ $0.overall == .green }), lights.last == .red, stalled.last?.month == now,
                  lights.dropLast().allSatisfy({ $0 == .yellow }) else {
                return "lights since 2025-10: \(lights)"
            }
            return nil
        },
        Promise(name: "MS-03 Digitaler Zwilling Innenstadt: funding ends 2026-12 without decision") { p in
            guard let ms03 = p.project("MS-03"), ms03.name == "Digitaler Zwilling Innenstadt" else {
                return "MS-03 has another name"
            }
            return ms03.fundingEnd == YearMonth("2026-12") && ms03.continuation == .open
                ? nil : "ends \(ms03.fundingEnd.map { "\($0)" } ?? "never"), decision \(ms03.continuation.rawValue)"
        },
        Promise(name: "funding ends within 12 months: MS-01 (haushalt), MS-03, MS-11 (offen), MS-16 (beenden), LN-02 (offen)") { p in
            let ending = p.projects.filter { $0.fundingEnd.map { $0 >= now && $0 <= now.adding(months: 11) } ?? false }
                .map { "\($0.id) \($0.continuation.rawValue)" }.sorted()
            let expected = ["LN-02 offen", "MS-01 haushalt", "MS-03 offen", "MS-11 offen", "MS-16 beenden"]
            let overview = OverviewFigures(portfolio: p, month: now).fundingEndingUndecided.map(\.id)
            return ending == expected && overview == ["MS-03", "LN-02", "MS-11"]
                ? nil : "ending: \(ending); overview lists \(overview)"
        },
        Promise(name: "decisions: MS-16 beenden, MS-04 and MS-14 skalieren, MS-17 neu aufsetzen") { p in
            func ids(_ decision: ContinuationDecision) -> [String] {
                p.projects.filter { $0.continuation == decision }.map(\.id).sorted()
            }
            let found = [ids(.stop), ids(.scaleAndTransfer), ids(.rebuild)]
            return found == [["MS-16"], ["MS-04", "MS-14"], ["MS-17"]] ? nil : "stop, scale, rebuild: \(found)"
        },
        Promise(name: "MS-17 is slightly over budget (at most 10 %), the only project over budget") { p in
            let over = p.projects.filter { spent(p, $0.id) > $0.budgetPlanned.cents }.map(\.id)
            guard let ms17 = p.project("MS-17"), over == ["MS-17"] else { return "over budget: \(over)" }
            let share = Double(spent(p, "MS-17")) / Double(ms17.budgetPlanned.cents)
            return share <= 1.1 ? nil : "MS-17 spent \(Int(share * 100)) % of its budget"
        },
        Promise(name: "light changes 2026-10 to 2026-11: MS-03, MS-08, MS-15, MS-21, MS-25") { p in
            let changes = OverviewFigures(portfolio: p, month: now).lightChanges
            let expected: [OverviewFigures.LightChange] = [
                .init(projectID: "MS-03", from: .green, to: .yellow),
                .init(projectID: "MS-08", from: .yellow, to: .green),
                .init(projectID: "MS-15", from: .yellow, to: .red),
                .init(projectID: "MS-21", from: .green, to: .yellow),
                .init(projectID: "MS-25", from: .yellow, to: .green),
            ]
            return changes == expected ? nil : "changes: " + changes.map {
                "\($0.projectID) \($0.from.rawValue)→\($0.to.rawValue)"
            }.joined(separator: ", ")
        },
    ]

    static let edits: [Edit] = [
        Edit(name: "LN-01 moved to Musterstadt", breaks: "30 projects: 27 MS-… of Musterstadt, 3 LN-… of Lotsenau") { p in
            p.edit(project: "LN-01") { $0.municipalityID = "musterstadt" }
        },
        Edit(name: "MS-17 in the field of MS-18", breaks: "all 19 fields of action") { p in
            p.edit(project: "MS-17") { $0.field = .work }
        },
        Edit(name: "MS-12 reports for 2026-11", breaks: storyName("missing reports")) { p in
            var late = p.reports(of: "MS-12").last!
            late.month = now
            p.reports.append(late)
        },
        Edit(name: "a report before the start of MS-11", breaks: storyName("monthly reports")) { p in
            var early = p.reports(of: "MS-11").first!
            early.month = YearMonth("2025-02")!
            p.reports.append(early)
        },
        Edit(name: "MS-05 green in 2025-05", breaks: storyName("MS-05")) { p in
            p.edit(report: "MS-05", "2025-05") { $0.overall = .green }
        },
        Edit(name: "MS-15 progresses in 2026-06", breaks: storyName("MS-15")) { p in
            for month in ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"] {
                p.edit(report: "MS-15", month) { $0.progress = 45 }
            }
        },
        Edit(name: "MS-03 decided: own budget", breaks: storyName("MS-03")) { p in
            p.edit(project: "MS-03") { $0.continuation = .ownBudget }
        },
        Edit(name: "MS-11 funded until 2027-11", breaks: storyName("funding ends within")) { p in
            p.edit(project: "MS-11") { $0.fundingEnd = YearMonth("2027-11") }
        },
        Edit(name: "MS-04 stops", breaks: storyName("decisions")) { p in
            p.edit(project: "MS-04") { $0.continuation = .stop }
        },
        Edit(name: "MS-17 spends half as much", breaks: storyName("MS-17")) { p in
            for r in p.reports(of: "MS-17") { p.edit(report: "MS-17", "\(r.month)") { $0.spent.cents /= 2 } }
        },
        Edit(name: "MS-21 stays green in 2026-11", breaks: storyName("light changes")) { p in
            p.edit(report: "MS-21", "2026-11") { r in (r.overall, r.schedule, r.cost, r.results) = (.green, .green, .green, .green) }
        },
        Edit(name: "green overall with two red parts", breaks: ruleName("overall light")) { p in
            p.edit(report: "MS-01", "2025-03") { $0.schedule = .red; $0.cost = .red }
        },
        Edit(name: "a report text of 121 characters", breaks: ruleName("report texts")) { p in
            p.edit(report: "MS-02", "2025-03") { $0.achieved = String(repeating: "ä", count: 121) }
        },
        Edit(name: "progress falls", breaks: ruleName("progress")) { p in
            p.edit(report: "MS-02", "2025-03") { $0.progress = 0 }
        },
        Edit(name: "a reading without report", breaks: ruleName("KPI readings")) { p in
            p.readings.append(KPIReading(kpiID: "MS-12-K1", month: now, value: 1))
        },
        Edit(name: "the last KPI of MS-12 removed", breaks: "1–3 KPIs for all but one project, each with readings") { p in
            p.kpis.removeAll { $0.projectID == "MS-12" }
            p.readings.removeAll { $0.kpiID.hasPrefix("MS-12-") }
        },
        Edit(name: "every risk open", breaks: "risks in all ten challenges, some closed") { p in
            for i in p.risks.indices { p.risks[i].isOpen = true }
        },
    ]

    static func storyName(_ start: String) -> String {
        (reportPromises + storyPromises).first { $0.name.hasPrefix(start) }!.name
    }

    static func ruleName(_ start: String) -> String { houseRules.first { $0.name.hasPrefix(start) }!.name }

    /// Nil when every case occurs in `found`, else which ones are missing.
    static func missing<T: Hashable & RawRepresentable>(_ all: [T], in found: [T]) -> String? where T.RawValue == String {
        let absent = all.filter { !found.contains($0) }.map(\.rawValue)
        return absent.isEmpty ? nil : "missing \(absent)"
    }

    /// "project month" of every report that is due (from 2024-12 or the start to now) and absent, sorted.
    static func missingReports(_ p: Portfolio) -> [String] {
        let present = Set(p.reports.map { "\($0.projectID) \($0.month)" })
        var out: [String] = []
        for project in p.projects {
            var month = max(project.start, first)
            while month <= now {
                if project.expectsReport(in: month), !present.contains("\(project.id) \(month)") {
                    out.append("\(project.id) \(month)")
                }
                month = month.next
            }
        }
        return out.sorted()
    }

    /// Cents spent by a project over all its reports.
    static func spent(_ p: Portfolio, _ id: String) -> Int64 {
        p.reports(of: id).reduce(0) { $0 + $1.spent.cents }
    }
}

private extension Portfolio {
    func project(_ id: String) -> Project? { projects.first { $0.id == id } }

    /// The project's reports, oldest first.
    func reports(of id: String) -> [StatusReport] {
        reports.filter { $0.projectID == id }.sorted { $0.month < $1.month }
    }

    mutating func edit(project id: String, _ change: (inout Project) -> Void) {
        for i in projects.indices where projects[i].id == id { change(&projects[i]) }
    }

    mutating func edit(report id: String, _ month: String, _ change: (inout StatusReport) -> Void) {
        for i in reports.indices where reports[i].projectID == id && "\(reports[i].month)" == month {
            change(&reports[i])
        }
    }
}
