import Foundation
import Testing
@testable import LotseDomain

/// The continuation review's rules: amounts, months and days checked, a decision needs who,
/// when and why, and a stopped project is no basic component.
@Suite struct ContinuationValidatorTests {
    static let project = Project(id: "P1", municipalityID: "m", name: "Pegel", field: .water,
                                 solutionKind: .digitalInfrastructure, phase: .transfer, owner: "Tiefbau",
                                 start: YearMonth("2024-02")!, fundingEnd: YearMonth("2026-12")!, fundingSource: "MPSC",
                                 budgetPlanned: Money(euros: 500_000))
    static let today = DayText.parse("18.11.2026")!

    static func decided(_ decision: ContinuationDecision = .ownBudget) -> ContinuationDraft {
        var answers = ContinuationAnswers()
        answers.goal = "  Pegel messen \n"
        answers.ownBudget = "Ja"
        return ContinuationDraft(projectID: "P1", answers: answers, decision: decision, followUpAmount: "80.000,50",
                                 followUpSource: " Haushalt ", followUpFrom: "01/2027", decidedBy: "Gemeinderat",
                                 decidedOn: "2026-10-15")
    }

    func problems(_ d: ContinuationDraft) -> [ContinuationField: ContinuationFieldProblem] {
        switch ContinuationValidator.validate(d, project: Self.project, today: Self.today) {
        case .success: [:]
        case .failure(let p): p.problems
        }
    }

    @Test func aCompleteDecisionBecomesAReviewWithTrimmedTexts() throws {
        let review = try ContinuationValidator.validate(Self.decided(), project: Self.project, today: Self.today).get()
        #expect(review.answers.goal == "Pegel messen")
        #expect(review.followUpAmount == Money(cents: 8_000_050))
        #expect(review.followUpSource == "Haushalt")
        #expect(review.followUpFrom == YearMonth("2027-01"))
        #expect(review.decidedOn.map(DayText.iso) == "2026-10-15")
        #expect(review.decision == .ownBudget)
    }

    @Test func anOpenDecisionNeedsNothing() {
        #expect(problems(ContinuationDraft(projectID: "P1")).isEmpty)
    }

    @Test func aDecisionNeedsWhoWhenAndTheWeighing() {
        var d = Self.decided(.scaleAndTransfer)
        d.decidedBy = " "
        d.decidedOn = ""
        d.answers.ownBudget = "\n"
        #expect(problems(d) == [.decidedBy: .missing, .decidedOn: .missing, .question(.ownBudget): .missing])
    }

    @Test func amountsMonthsAndDaysAreChecked() {
        var d = Self.decided()
        d.followUpAmount = "viel"
        #expect(problems(d) == [.followUpAmount: .notMoney])
        d.followUpAmount = "-1"
        #expect(problems(d) == [.followUpAmount: .negative])
        d.followUpAmount = "200.000.000.000"
        #expect(problems(d) == [.followUpAmount: .beyondAnyBudget])
        d.followUpAmount = ""
        #expect(problems(d) == [.followUpAmount: .missing], "continuing from the own budget names the amount")
        d = Self.decided()
        d.followUpFrom = "13/2027"
        #expect(problems(d) == [.followUpFrom: .notAMonth])
        d.followUpFrom = "2023-12"
        #expect(problems(d) == [.followUpFrom: .monthBeforeStart(YearMonth("2024-02")!)])
        d.followUpFrom = "01/2037"
        #expect(problems(d) == [.followUpFrom: .monthTooFar(YearMonth("2036-12")!)])
        d.followUpFrom = ""
        d.followUpSource = ""
        #expect(problems(d) == [.followUpFrom: .missing, .followUpSource: .missing])
        d = Self.decided()
        d.decidedOn = "31.02.2026"
        #expect(problems(d) == [.decidedOn: .notADate])
        d.decidedOn = "19.11.2026"
        #expect(problems(d) == [.decidedOn: .dateInFuture])
        d.decidedOn = "18.11.2026"
        #expect(problems(d).isEmpty, "today is not the future")
    }

    @Test func aStoppedProjectIsNoBasicComponentAndTextsHaveALimit() {
        var d = Self.decided(.stop)
        d.followUpAmount = ""
        d.followUpSource = ""
        d.followUpFrom = ""
        d.basicComponent = true
        d.answers.reuse = String(repeating: "x", count: ContinuationValidator.maxTextLength + 1)
        #expect(problems(d) == [.basicComponent: .stoppedButBasicComponent,
                                .question(.reuse): .tooLong(ContinuationValidator.maxTextLength)])
    }

    @Test func typedMonthsAndDaysReadBackAsTheyAreShown() {
        #expect(MonthText.parse("7/2027") == YearMonth("2027-07"))
        #expect(MonthText.parse("2027-07") == YearMonth("2027-07"))
        #expect(MonthText.parse("07/27") == nil)
        #expect(MonthText.format(YearMonth("2027-07")!) == "07/2027")
        #expect(DayText.parse("1.3.2026").map(DayText.format) == "01.03.2026")
        #expect(DayText.parse("2026-03-01").map(DayText.iso) == "2026-03-01")
        #expect(DayText.parse("29.02.2025") == nil)
        #expect(DayText.parse("29.02.2024") != nil)
        #expect(DayText.parse("2026-3-1") == nil)
    }

    @Test func aDraftFromASubmittedReviewHoldsItsValuesAsText() throws {
        let review = try ContinuationValidator.validate(Self.decided(), project: Self.project, today: Self.today).get()
        let draft = ContinuationDraft(SubmittedContinuation(
            review: review, version: ContinuationVersion(revision: 4, changedBy: "a", changedAt: Self.today)))
        #expect(draft.baseRevision == 4)
        #expect(draft.followUpAmount == "80.000,50")
        #expect(draft.decidedOn == "15.10.2026")
        #expect(try ContinuationValidator.validate(draft, project: Self.project, today: Self.today).get() == review)
    }
}
