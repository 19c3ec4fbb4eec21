import Foundation
import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

/// The continuation form (Verstetigung): `v` opens it, every change is a draft, a submit
/// checks every field and expects the revision it started from, the history is shown.
@Suite struct ContinuationFormTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

    /// An earlier decision of MS-03 with its version.
    static func submitted(_ revision: Int, _ decision: ContinuationDecision, by: String = "Anna Schmidt (aschmidt)")
        -> SubmittedContinuation {
        var answers = ContinuationAnswers()
        answers.goal = "Planungsvarianten der Innenstadt sichtbar machen"
        answers.ownBudget = "Ja, für die Bauleitplanung"
        let review = ContinuationReview(projectID: "MS-03", answers: answers, decision: decision,
                                        followUpAmount: Money(euros: 80_000), followUpSource: "Haushalt Stadtplanungsamt",
                                        followUpFrom: YearMonth("2027-01"), decidedBy: "Gemeinderat",
                                        decidedOn: DayText.parse("15.10.2026"))
        return SubmittedContinuation(review: review, version: ContinuationVersion(
            revision: revision, changedBy: by, changedAt: now.addingTimeInterval(-86_400 * Double(10 - revision))))
    }

    /// MS-03's project view with `v` pressed and the store's answer delivered.
    func form(_ size: Size = Size(width: 120, height: 40), language: Language = .german,
              history: [SubmittedContinuation] = [], draft: ContinuationDraft? = nil,
              others: [AuthoredContinuationDraft] = []) -> AppState {
        var s = Sample.state(size, screen: .portfolio, language: language)
        _ = s.send(.tick(Self.now))
        _ = s.send(.key(.char("/")))
        for c in "MS-03" { _ = s.send(.key(.char(c))) }
        _ = s.send(.key(.enter))
        _ = s.send(.key(.enter))
        #expect(s.openProjectID == "MS-03")
        #expect(s.send(.key(.char("v"))) == [.openContinuationForm(projectID: "MS-03")])
        _ = s.send(.continuationLoaded(ContinuationLoad(projectID: "MS-03", history: history, draft: draft,
                                                        others: others, project: Sample.project("MS-03"))))
        return s
    }

    func type(_ text: String, _ s: inout AppState) -> [Effect] {
        text.flatMap { s.send(.key(.char($0))) }
    }

    /// Tab until `field` has the focus.
    func go(to field: ContinuationField, _ s: inout AppState) {
        while s.continuationForm?.focusedField != field, s.continuationForm!.focus < ContinuationField.all.count - 1 {
            _ = s.send(.key(.tab))
        }
        #expect(s.continuationForm?.focusedField == field)
    }

    /// A complete decision: continue from the own budget.
    func fillDecision(_ s: inout AppState) {
        go(to: .question(.ownBudget), &s)
        _ = type("Ja, die Bauleitplanung braucht ihn", &s)
        go(to: .decision, &s)
        _ = s.send(.key(.right))
        go(to: .followUpAmount, &s)
        _ = type("80.000", &s)
        _ = s.send(.key(.tab))
        _ = type("Haushalt Stadtplanungsamt", &s)
        _ = s.send(.key(.tab))
        _ = type("01/2027", &s)
        go(to: .decidedBy, &s)
        _ = type("Gemeinderat", &s)
        _ = s.send(.key(.tab))
        _ = type("15.10.2026", &s)
    }

    @Test func vOpensTheFormFromTheProjectAndFromTheSelectedPortfolioRow() {
        var s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        let id = try! #require(s.selectedRow?.id)
        #expect(s.send(.key(.char("v"))) == [.openContinuationForm(projectID: id)])
        let f = form()
        #expect(f.topModal?.kind == .continuationForm)
        #expect(f.continuationForm?.draft == ContinuationDraft(projectID: "MS-03"))
        #expect(f.continuationForm?.project.name == "Digitaler Zwilling Innenstadt")
    }

    @Test func everyChangeIsSavedAsADraftAndChoicesAreNotTyped() {
        var s = form()
        let typed = type("Zwilling", &s)
        #expect(s.continuationForm?.draft.answers.goal == "Zwilling")
        #expect(typed.count == 8)
        #expect(typed.last == .saveContinuationDraft(s.continuationForm!.draft))
        go(to: .decision, &s)
        #expect(type("x", &s) == [], "a choice takes no letters")
        #expect(s.send(.key(.right)) == [.saveContinuationDraft(s.continuationForm!.draft)])
        #expect(s.continuationForm?.draft.decision == .ownBudget)
        _ = s.send(.key(.left)); _ = s.send(.key(.left))
        #expect(s.continuationForm?.draft.decision == .stop, "← from open wraps to the last decision")
        go(to: .basicComponent, &s)
        _ = s.send(.key(.char(" ")))
        #expect(s.continuationForm?.draft.basicComponent == true)
        #expect(s.send(.key(.tab)) == [], "moving on changes nothing")
    }

    @Test func submittingNamesEveryProblemNextToItsField() {
        var s = form()
        go(to: .decision, &s)
        _ = s.send(.key(.left))  // stop
        _ = s.send(.key(.tab)); _ = type("-5", &s)
        go(to: .basicComponent, &s); _ = s.send(.key(.char(" ")))
        go(to: .decidedOn, &s); _ = type("31.02.2026", &s)
        #expect(s.send(.key(.ctrl("s"))) == [])
        let p = s.continuationForm!.problems
        #expect(p[.question(.ownBudget)] == .missing)
        #expect(p[.followUpAmount] == .negative)
        #expect(p[.basicComponent] == .stoppedButBasicComponent)
        #expect(p[.decidedBy] == .missing)
        #expect(p[.decidedOn] == .notADate)
        #expect(s.continuationForm?.focusedField == .question(.ownBudget), "focus jumps to the first problem")
        #expect(s.notice == "5 Felder sind noch nicht in Ordnung.")
        let text = AppView.render(s).textDump()
        #expect(text.contains("darf nicht negativ sein"))
        #expect(text.contains("ein beendetes Projekt wird keine Basiskomponente"))
        // Fixing a field takes its problem away at once.
        _ = type("Nein", &s)
        #expect(s.continuationForm?.problems[.question(.ownBudget)] == nil)
    }

    @Test func aValidFormSubmitsTheReviewExpectingNoEarlierVersion() {
        var s = form()
        fillDecision(&s)
        let effects = s.send(.key(.ctrl("s")))
        guard case .submitContinuation(let review, let expecting)? = effects.first, effects.count == 1 else {
            Issue.record("no submit: \(effects), notice \(s.notice ?? "")")
            return
        }
        #expect(expecting == nil)
        #expect(review.decision == .ownBudget)
        #expect(review.followUpAmount == Money(euros: 80_000))
        #expect(review.followUpFrom == YearMonth("2027-01"))
        #expect(review.decidedOn == DayText.parse("2026-10-15"))
        #expect(s.continuationForm?.submitting == true)
        _ = s.send(.continuationSubmitted(projectID: "MS-03", decision: .ownBudget))
        #expect(s.continuationForm == nil)
        #expect(s.notice == "Verstetigung MS-03 eingereicht: aus eigenem Haushalt weiter.")
    }

    @Test func revisingStartsFromTheCurrentVersionAndExpectsIt() {
        var s = form(history: [Self.submitted(2, .scaleAndTransfer), Self.submitted(1, .open)])
        #expect(s.continuationForm?.draft == ContinuationDraft(Self.submitted(2, .scaleAndTransfer)))
        #expect(s.continuationForm?.draft.followUpAmount == "80.000")
        #expect(s.continuationForm?.draft.decidedOn == "15.10.2026")
        _ = type(" und Verkehr", &s)
        guard case .submitContinuation(_, let expecting)? = s.send(.key(.ctrl("s"))).first else {
            Issue.record("no submit")
            return
        }
        #expect(expecting == 2)
    }

    @Test func aConflictKeepsTheFormAndTheDraftAndSaysWho() {
        var s = form()
        fillDecision(&s)
        _ = s.send(.key(.ctrl("s")))
        let draft = s.continuationForm?.draft
        _ = s.send(.continuationConflict(ContinuationConflict(projectID: "MS-03", current: ContinuationVersion(
            revision: 1, changedBy: "Berta Berg (bberg)", changedAt: Self.now))))
        #expect(s.continuationForm?.submitting == false)
        #expect(s.continuationForm?.draft == draft)
        #expect(s.notice?.contains("Berta Berg (bberg) hat inzwischen Fassung 1 eingereicht") == true)
        #expect(s.send(.key(.ctrl("d"))) == [.discardContinuationDraft(projectID: "MS-03"),
                                             .openContinuationForm(projectID: "MS-03")])
    }

    @Test func aRestoredDraftSaysSoAndAnOutdatedOneNamesWhoSubmitted() {
        var draft = ContinuationDraft(projectID: "MS-03", decision: .rebuild, baseRevision: 1)
        draft.answers.reached = "Prototyp"
        var s = form(history: [Self.submitted(1, .open)], draft: draft)
        #expect(s.continuationForm?.draft == draft)
        #expect(s.notice == "Gespeicherter Entwurf wiederhergestellt.")
        s = form(history: [Self.submitted(2, .stop, by: "bberg"), Self.submitted(1, .open)], draft: draft)
        #expect(s.notice?.contains("bberg hat seither eine neue Fassung eingereicht") == true)
        #expect(s.continuationForm?.expecting == 1, "the draft's own starting point, so a submit is refused")
        s = form(others: [AuthoredContinuationDraft(draft: draft, author: Author(account: "cem", name: "Cem"),
                                                    startedAt: Self.now, changedAt: Self.now)])
        #expect(s.notice == "Auch in Arbeit bei: Cem (cem)")
    }

    @Test func escKeepsTheDraftAndAReadOnlyDatabaseRefusesTyping() {
        var s = form()
        _ = type("A", &s)
        #expect(s.send(.key(.escape)) == [])
        #expect(s.continuationForm == nil)
        #expect(s.notice == "Entwurf gespeichert – v öffnet ihn wieder.")

        var r = form()
        r.readOnly = true
        #expect(type("A", &r) == [])
        #expect(r.continuationForm?.draft.answers.goal == "")
        #expect(r.notice == r.access.readOnlyRefused)
    }

    @Test func aProjectThatIsGoneOpensNoForm() {
        var s = Sample.state(Size(width: 80, height: 24), screen: .portfolio)
        _ = s.send(.continuationLoaded(ContinuationLoad(projectID: "XX-1", history: [], draft: nil, others: [], project: nil)))
        #expect(s.continuationForm == nil)
        #expect(s.notice == "Projekt XX-1 gibt es nicht mehr.")
    }

    @Test func theHelpNamesTheFormsKeys() {
        var s = form()
        go(to: .decision, &s)
        let labels = s.listedBindings.map(\.label)
        #expect(labels.contains("← → ␣"))
        #expect(labels.contains("^S F2"))
        let help = s.listedBindings.map { $0.describe(s.strings) }
        #expect(help.contains("Entscheidung wählen, Basiskomponente ja/nein"))
    }

    // MARK: - Snapshots

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test(arguments: sizes)
    func emptyFormWhileTyping(_ size: Size) {
        var s = form(size)
        _ = type("Daten der Innenstadt in 3D für Planung und Beteiligung", &s)
        let buffer = AppView.render(s, background: marker)
        #expect(unpaintedCells(buffer) == 0)
        assertSnapshot(buffer, named: "continuation-form-\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes)
    func revisingWithHistoryAndProblemsInEnglish(_ size: Size) {
        var s = form(size, language: .english, history: [Self.submitted(2, .scaleAndTransfer), Self.submitted(1, .open)])
        go(to: .decision, &s)
        _ = s.send(.key(.right)); _ = s.send(.key(.right))  // from scale and transfer to stop
        go(to: .basicComponent, &s); _ = s.send(.key(.char(" ")))
        _ = s.send(.key(.ctrl("s")))
        let buffer = AppView.render(s, background: marker)
        #expect(unpaintedCells(buffer) == 0)
        let text = buffer.textDump()
        #expect(text.contains("#2 scale and transfer"), "the history shows")
        assertSnapshot(buffer, named: "continuation-form-en-history-\(size.width)x\(size.height)")
    }

    @Test func withoutUTF8TheFormIsPlainASCII() {
        var s = form(Size(width: 80, height: 24), history: [Self.submitted(1, .open)])
        s.glyphs = .ascii
        let buffer = AsciiFallback.apply(to: AppView.render(s))
        #expect(buffer.textDump().unicodeScalars.allSatisfy { $0.isASCII })
    }
}

/// `ContinuationStrings` has every text in both languages, each one non-empty and translated.
@Suite struct ContinuationStringsTests {
    static func sample(_ key: String, _ l: Language) -> String? {
        let t = ContinuationStrings.forLanguage(l)
        switch key {
        case "revising": return t.revising(3)
        case "question": return ContinuationQuestion.allCases.map(t.question).joined(separator: "|")
        case "decision": return ContinuationDecision.allCases.map(t.decision).joined(separator: "|")
        case "historyEntry": return t.historyEntry(2, "beenden", "Rat, 01.10.2026", "anna")
        case "decidedByOn": return t.decidedByOn("Rat", "01.10.2026")
        case "draftOutdated": return t.draftOutdated("anna")
        case "submitted": return t.submitted("MS-03", "beenden")
        case "problemsCount": return [1, 3].map(t.problemsCount).joined()
        case "conflict": return t.conflict("anna", 2)
        case "othersEditing": return t.othersEditing("anna")
        case "problemTooLong": return t.problemTooLong(4000)
        case "problemMonthBeforeStart": return t.problemMonthBeforeStart("02/2024")
        case "problemMonthTooFar": return t.problemMonthTooFar("12/2036")
        default: return nil
        }
    }

    @Test func everyKeyHasATextInBothLanguages() {
        let r = StringTableCheck.compare("ContinuationStrings", german: ContinuationStrings.german,
                                         english: ContinuationStrings.english, sample: Self.sample)
        #expect(r.checked == r.total && r.checked > 40)
        #expect(r.same == ["decidedByOn"], Comment(rawValue: "not translated: " + r.same.joined(separator: ", ")))
    }

    @Test func everyProblemAndLabelHasWordsInBothLanguages() {
        let problems: [ContinuationFieldProblem] = [
            .missing, .tooLong(4000), .notMoney, .negative, .beyondAnyBudget, .notAMonth,
            .monthBeforeStart(YearMonth("2024-02")!), .monthTooFar(YearMonth("2036-12")!), .notADate, .dateInFuture,
            .stoppedButBasicComponent,
        ]
        for l in Language.allCases {
            let t = ContinuationStrings.forLanguage(l)
            let texts = problems.map { t.problem($0, field: .followUpFrom, Formats(l)) }
            #expect(Set(texts).count == problems.count, "each problem reads differently")
            #expect(ContinuationField.all.allSatisfy { !t.label($0).isEmpty })
            #expect(Set(ContinuationField.all.map(t.label)).count == ContinuationField.all.count)
            #expect(t.problem(.missing, field: .question(.ownBudget), Formats(l)) != t.problem(.missing, field: .decidedBy, Formats(l)))
        }
        #expect(Strings.german.continuationForm.title == "Verstetigung")
        #expect(Strings.english.continuationForm.title == "Continuation")
    }
}
