import Foundation

/// Turns a draft into a report and its KPI readings, or says, field by field, what is wrong.
public enum ReportValidator {
    public static let maxTextLength = 2000

    public struct Submission: Hashable, Sendable {
        public var report: StatusReport
        public var readings: [KPIReading]
    }

    /// - Parameters:
    ///   - kpis: the project's KPIs; a reading may be left empty (not measured this month).
    ///   - previous: the project's report of an earlier month, for the progress check.
    public static func validate(_ d: ReportDraft, kpis: [KPI], previous: StatusReport?, author: String,
                                at date: Date) -> Result<Submission, ReportProblems> {
        var problems: [ReportField: ReportFieldProblem] = [:]
        func light(_ l: Light?, _ f: ReportField) -> Light {
            if l == nil { problems[f] = .missing }
            return l ?? .green
        }
        let overall = light(d.overall, .overall), schedule = light(d.schedule, .schedule)
        let cost = light(d.cost, .cost), results = light(d.results, .results)

        var progress = 0
        let p = d.progress.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
            .trimmingCharacters(in: .whitespaces)
        if p.isEmpty {
            problems[.progress] = .missing
        } else if let v = Int(p), (0...100).contains(v) {
            progress = v
            if let previous, v < previous.progress, d.achieved.isEmpty && d.risksAndMeasures.isEmpty {
                problems[.progress] = .progressBelowPrevious(previous.progress)
            }
        } else {
            problems[.progress] = .progressOutOfRange
        }
        if d.achieved.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems[.achieved] = .missing }
        if d.nextSteps.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems[.nextSteps] = .missing }
        for (text, field) in [(d.achieved, ReportField.achieved), (d.nextSteps, .nextSteps),
                              (d.risksAndMeasures, .risksAndMeasures)] where text.count > maxTextLength {
            problems[field] = .tooLong(maxTextLength)
        }
        var spent = Money.zero
        if d.spent.trimmingCharacters(in: .whitespaces).isEmpty {
            problems[.spent] = .missing
        } else if let m = MoneyText.parse(d.spent) {
            if m.cents < 0 {
                problems[.spent] = .negative
            } else if PlausibleValues.money(m, "spent") != nil {
                problems[.spent] = .beyondAnyBudget
            } else {
                spent = m
            }
        } else {
            problems[.spent] = .notMoney
        }
        var readings: [KPIReading] = []
        for k in kpis {
            let text = (d.readings[k.id] ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            if let v = DecimalText.parse(text) {
                readings.append(KPIReading(kpiID: k.id, month: d.month, value: v))
            } else {
                problems[.reading(k.id)] = .notANumber
            }
        }
        guard problems.isEmpty else { return .failure(ReportProblems(problems: problems)) }
        let report = StatusReport(projectID: d.projectID, month: d.month, overall: overall, schedule: schedule,
                                  cost: cost, results: results, progress: progress,
                                  achieved: d.achieved.trimmingCharacters(in: .whitespacesAndNewlines),
                                  nextSteps: d.nextSteps.trimmingCharacters(in: .whitespacesAndNewlines),
                                  risksAndMeasures: d.risksAndMeasures.trimmingCharacters(in: .whitespacesAndNewlines),
                                  spent: spent, author: author, submittedAt: date)
        return .success(Submission(report: report, readings: readings))
    }
}

/// Every problem of a draft, by field.
public struct ReportProblems: Error, Hashable, Sendable {
    public var problems: [ReportField: ReportFieldProblem]
}
