import Foundation
import Testing
@testable import LotseDomain

@Suite struct ReportValidatorTests {
    let kpi = KPI(id: "K1", projectID: "A", name: "Nutzende", unit: "Personen", target: 100, direction: .higherIsBetter)
    let date = Date(timeIntervalSince1970: 1_795_000_000)

    func complete() -> ReportDraft {
        ReportDraft(projectID: "A", month: YearMonth("2026-11")!, overall: .yellow, schedule: .green, cost: .red,
                    results: .green, progress: " 55 % ", achieved: "  Pilot gestartet ", nextSteps: "Auswerten",
                    risksAndMeasures: "", spent: "1.250,5", readings: ["K1": "87,5"])
    }

    @Test func aCompleteDraftBecomesAReportWithReadings() throws {
        let result = ReportValidator.validate(complete(), kpis: [kpi], previous: nil, author: "x", at: date)
        let submission = try result.get()
        #expect(submission.report.progress == 55)
        #expect(submission.report.achieved == "Pilot gestartet")
        #expect(submission.report.spent == Money(cents: 125_050))
        #expect(submission.report.cost == .red)
        #expect(submission.readings == [KPIReading(kpiID: "K1", month: YearMonth("2026-11")!, value: Decimal(string: "87.5")!)])
    }

    @Test func emptyReadingMeansNotMeasured() throws {
        var d = complete()
        d.readings = ["K1": "  "]
        #expect(try ReportValidator.validate(d, kpis: [kpi], previous: nil, author: "x", at: date).get().readings.isEmpty)
    }

    @Test func everyFieldGetsItsOwnProblem() {
        let d = ReportDraft(projectID: "A", month: YearMonth("2026-11")!, overall: nil, schedule: .green, cost: nil,
                            results: .green, progress: "120", achieved: "", nextSteps: " ", spent: "zwölf",
                            readings: ["K1": "viel"])
        guard case .failure(let p) = ReportValidator.validate(d, kpis: [kpi], previous: nil, author: "x", at: date) else {
            Issue.record("an invalid draft was accepted")
            return
        }
        #expect(p.problems == [.overall: .missing, .cost: .missing, .progress: .progressOutOfRange,
                               .achieved: .missing, .nextSteps: .missing, .spent: .notMoney, .reading("K1"): .notANumber])
    }

    @Test func progressBelowLastMonthNeedsAWordOfExplanation() {
        let previous = StatusReport(projectID: "A", month: YearMonth("2026-10")!, overall: .green, schedule: .green,
                                    cost: .green, results: .green, progress: 60, spent: .zero, author: "x", submittedAt: date)
        var d = complete()
        d.achieved = ""
        d.risksAndMeasures = ""
        guard case .failure(let p) = ReportValidator.validate(d, kpis: [kpi], previous: previous, author: "x", at: date) else {
            Issue.record("accepted")
            return
        }
        #expect(p.problems[.progress] == .progressBelowPrevious(60))
        d.risksAndMeasures = "Anforderungen neu bewertet, Umfang gekürzt"
        d.achieved = "Neuplanung"
        #expect((try? ReportValidator.validate(d, kpis: [kpi], previous: previous, author: "x", at: date).get()) != nil)
    }

    @Test func negativeMoneyIsRefused() {
        var d = complete()
        d.spent = "-5"
        guard case .failure(let p) = ReportValidator.validate(d, kpis: [], previous: nil, author: "x", at: date) else {
            Issue.record("accepted")
            return
        }
        #expect(p.problems == [.spent: .negative])
    }

    @Test func moneyBeyondAnyBudgetIsRefused() {
        var d = complete()
        d.spent = "1.000.000.000.000"  // a trillion euros
        guard case .failure(let p) = ReportValidator.validate(d, kpis: [], previous: nil, author: "x", at: date) else {
            Issue.record("accepted")
            return
        }
        #expect(p.problems == [.spent: .beyondAnyBudget])
        d.spent = "100.000.000.000"  // the limit itself is still an amount
        #expect((try? ReportValidator.validate(d, kpis: [], previous: nil, author: "x", at: date).get()) != nil)
    }

    @Test func draftRoundTripsThroughJSON() throws {
        let d = complete()
        let back = try JSONDecoder().decode(ReportDraft.self, from: JSONEncoder().encode(d))
        #expect(back == d)
    }
}
