import Foundation
import LotseDomain

/// What every engine checks before it writes a report, a continuation review or an
/// assessment, so that SQLite and PostgreSQL refuse the same values with the same words.
public enum WriteChecks {
    /// The problems of a submitted report: values out of range, readings of another month,
    /// a KPI read twice. Empty when the report may be written.
    public static func problems(of report: StatusReport, readings: [KPIReading]) -> [String] {
        var problems: [String] = []
        if !(0...100).contains(report.progress) { problems.append("progress \(report.progress) is not within 0…100") }
        if report.spent.cents < 0 { problems.append("money spent must not be negative") }
        var seen: Set<String> = []
        for reading in readings {
            if reading.month != report.month {
                problems.append("the reading of KPI '\(reading.kpiID)' is for \(reading.month), not \(report.month)")
            }
            if !seen.insert(reading.kpiID).inserted { problems.append("KPI '\(reading.kpiID)' has two readings") }
        }
        return problems
    }

    /// The problems of a submitted continuation review. Empty when it may be written.
    public static func problems(of review: ContinuationReview) -> [String] {
        var problems: [String] = []
        if let amount = review.followUpAmount, amount.cents < 0 { problems.append("follow-up financing must not be negative") }
        if let amount = review.followUpAmount, let p = PlausibleValues.money(amount, "follow-up financing") {
            problems.append(p)
        }
        if review.decision != .open && (review.decidedBy.isEmpty || review.decidedOn == nil) {
            problems.append("a decision needs who decided and when")
        }
        if review.decision == .stop && review.basicComponent {
            problems.append("a project that stops cannot be proposed as a basic component")
        }
        return problems
    }

    /// The problems of a new assessment. Empty when it may be created.
    public static func problems(ofNew assessment: Assessment) -> [String] {
        var problems: [String] = []
        if assessment.id.isEmpty { problems.append("the id is empty") }
        if assessment.questionnaire.isEmpty { problems.append("the questionnaire is empty") }
        if assessment.position < 0 { problems.append("position \(assessment.position) is negative") }
        if Set(assessment.participants).count != assessment.participants.count {
            problems.append("a participant is named twice")
        }
        return problems
    }

    /// The refusal of a wizard position, or nil when it may be saved.
    public static func refusal(position: Int, assessmentID: String) -> AssessmentStoreError? {
        position >= 0 ? nil : .invalid(assessmentID: assessmentID, problems: ["position \(position) is negative"])
    }

    /// The refusal of a stance on a tension field, or nil when it may be saved.
    public static func refusal(stance: TensionStance, tensionID: String, assessmentID: String) -> AssessmentStoreError? {
        if let p = stance.position, !TensionStance.positions.contains(p) {
            return .invalid(assessmentID: assessmentID, problems: ["stance position \(p) is not 1…5"])
        }
        if tensionID.isEmpty {
            return .invalid(assessmentID: assessmentID, problems: ["the tension field id is empty"])
        }
        return nil
    }
}
