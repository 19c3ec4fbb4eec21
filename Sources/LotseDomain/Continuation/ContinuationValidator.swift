import Foundation

/// A field of the continuation form, in form order (`ContinuationField.all`).
public enum ContinuationField: Hashable, Sendable {
    case question(ContinuationQuestion)
    case decision, followUpAmount, followUpSource, followUpFrom, basicComponent, decidedBy, decidedOn

    public static let all: [ContinuationField] = ContinuationQuestion.allCases.map { .question($0) }
        + [.decision, .followUpAmount, .followUpSource, .followUpFrom, .basicComponent, .decidedBy, .decidedOn]
}

/// What is wrong with one field of the continuation form.
public enum ContinuationFieldProblem: Hashable, Sendable {
    /// Needed for the chosen decision (or with the follow-up amount given).
    case missing
    case tooLong(Int)
    /// Not an amount of euros.
    case notMoney
    case negative
    /// More than any municipal budget (`PlausibleValues.moneyLimit`).
    case beyondAnyBudget
    /// Not a month such as 01/2027 or 2027-01.
    case notAMonth
    /// Before the project started.
    case monthBeforeStart(YearMonth)
    /// Later than `ContinuationValidator.maxYearsAhead` years after the end of funding (or the start).
    case monthTooFar(YearMonth)
    /// Not a day such as 30.11.2026 or 2026-11-30.
    case notADate
    /// A decision cannot be taken on a day still to come.
    case dateInFuture
    /// A project that is stopped cannot be proposed as a basic component.
    case stoppedButBasicComponent
}

/// Every problem of a continuation draft, by field.
public struct ContinuationProblems: Error, Hashable, Sendable {
    public var problems: [ContinuationField: ContinuationFieldProblem]

    public init(problems: [ContinuationField: ContinuationFieldProblem]) {
        self.problems = problems
    }
}

/// Turns a continuation draft into a review, or says field by field what is wrong.
///
/// Rules: an amount is euros, not negative and within any budget; a follow-up amount needs
/// its source and its first month; that month lies between the project's start and
/// `maxYearsAhead` years after its end of funding; a decision other than "open" needs who
/// decided and when (a day not after today) and the answer to "worth continuing from our
/// own budget?"; continuing from the own budget needs the amount; a project that stops
/// is not proposed as a basic component.
public enum ContinuationValidator {
    public static let maxTextLength = 4000
    public static let maxNameLength = 200
    public static let maxYearsAhead = 10

    public static func validate(_ d: ContinuationDraft, project: Project, today: Date,
                                parseDay: (String) -> Date? = DayText.parse) -> Result<ContinuationReview, ContinuationProblems> {
        var problems: [ContinuationField: ContinuationFieldProblem] = [:]
        let answers = d.answers.trimmed
        for q in ContinuationQuestion.allCases where answers[q].count > maxTextLength {
            problems[.question(q)] = .tooLong(maxTextLength)
        }
        let decided = d.decision != .open

        // Follow-up financing.
        var amount: Money?
        let amountText = d.followUpAmount.trimmingCharacters(in: .whitespaces)
        if !amountText.isEmpty {
            if let m = MoneyText.parse(amountText) {
                if m.cents < 0 {
                    problems[.followUpAmount] = .negative
                } else if PlausibleValues.money(m, "follow-up") != nil {
                    problems[.followUpAmount] = .beyondAnyBudget
                } else {
                    amount = m
                }
            } else {
                problems[.followUpAmount] = .notMoney
            }
        } else if d.decision == .ownBudget {
            problems[.followUpAmount] = .missing
        }
        let source = d.followUpSource.trimmingCharacters(in: .whitespacesAndNewlines)
        if source.count > maxNameLength {
            problems[.followUpSource] = .tooLong(maxNameLength)
        } else if let amount, amount.cents > 0, source.isEmpty {
            problems[.followUpSource] = .missing
        }
        var from: YearMonth?
        let fromText = d.followUpFrom.trimmingCharacters(in: .whitespaces)
        if fromText.isEmpty {
            if let amount, amount.cents > 0 { problems[.followUpFrom] = .missing }
        } else if let m = MonthText.parse(fromText) {
            let latest = (project.fundingEnd ?? project.start).adding(months: 12 * maxYearsAhead)
            if m < project.start {
                problems[.followUpFrom] = .monthBeforeStart(project.start)
            } else if m > latest {
                problems[.followUpFrom] = .monthTooFar(latest)
            } else {
                from = m
            }
        } else {
            problems[.followUpFrom] = .notAMonth
        }

        // The decision and who took it when.
        let by = d.decidedBy.trimmingCharacters(in: .whitespacesAndNewlines)
        if by.count > maxNameLength {
            problems[.decidedBy] = .tooLong(maxNameLength)
        } else if decided && by.isEmpty {
            problems[.decidedBy] = .missing
        }
        var on: Date?
        let onText = d.decidedOn.trimmingCharacters(in: .whitespaces)
        if onText.isEmpty {
            if decided { problems[.decidedOn] = .missing }
        } else if let day = parseDay(onText) {
            if day > DayText.day(of: today) { problems[.decidedOn] = .dateInFuture } else { on = DayText.day(of: day) }
        } else {
            problems[.decidedOn] = .notADate
        }
        if decided && answers.ownBudget.isEmpty && problems[.question(.ownBudget)] == nil {
            problems[.question(.ownBudget)] = .missing
        }
        if d.decision == .stop && d.basicComponent { problems[.basicComponent] = .stoppedButBasicComponent }

        guard problems.isEmpty else { return .failure(ContinuationProblems(problems: problems)) }
        return .success(ContinuationReview(
            projectID: d.projectID, answers: answers, decision: d.decision, followUpAmount: amount,
            followUpSource: source, followUpFrom: from, basicComponent: d.basicComponent,
            decidedBy: by, decidedOn: on))
    }
}
