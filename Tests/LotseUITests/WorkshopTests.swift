import Foundation
import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

/// A workshop at full size: twelve participants on both screen sizes, German dates, the
/// question before finishing, reopening, and statements not reached kept apart from
/// "weiß nicht".
@Suite struct WorkshopTests {
    static let twelve = ["Anna", "Annegret", "Bernd", "Bettina", "Cem", "Dörte", "Emil", "Fatma", "Gregor", "Hanna",
                         "Ingo", "Jördis"]
    static let values: [Int?] = [3, 4, 2, 5, 4, nil, 3, 4, 1, 4, 5, 3]

    // MARK: Texts

    static func sample(_ key: String, _ l: Language) -> String? {
        let t = WorkshopStrings.forLanguage(l)
        switch key {
        case "tooManyParticipants": return t.tooManyParticipants(12, 14)
        case "finishQuestion": return [(6, 6), (5, 6), (2, 6)].map { t.finishQuestion($0.0, $0.1) }.joined(separator: "|")
        case "reopenedBy": return t.reopenedBy("berta", "18.11.2026")
        case "notAnsweredCount": return [1, 3].map(t.notAnsweredCount).joined(separator: "|")
        case "scoredWithOther": return t.scoredWithOther("phasenmodell 1.0.0", "phasenmodell 1.1.0")
        default: return nil
        }
    }

    @Test func everyTextExistsInBothLanguages() {
        let result = StringTableCheck.compare("WorkshopStrings", german: WorkshopStrings.german,
                                              english: WorkshopStrings.english, sample: Self.sample)
        #expect(result.checked == result.total && result.total == 10)
        #expect(result.same.isEmpty, "\(result.same)")
        #expect(WorkshopStrings.german.finishQuestion(5, 6).contains("1 Aussage nicht beantwortet"))
    }

    // MARK: Twelve participants

    /// The wizard on S1 with twelve answers given (dissent) and no consensus yet.
    func twelveState(_ size: Size) -> AppState {
        var s = Sample.state(size)
        _ = s.send(.tick(WizardTests.now))
        _ = s.send(.questionnaireLoaded(TestQuestionnaire.value))
        let answers = Dictionary(uniqueKeysWithValues: zip(Self.twelve, Self.values))
        let stored = Assessment(id: "SE-12", municipalityID: "musterstadt", questionnaire: "test 1", date: WizardTests.now,
                                facilitator: "m", participants: Self.twelve, responses: ["S1": answers], position: 0)
        _ = s.send(.assessmentsLoaded([stored]))
        _ = s.send(.key(.char("3")))
        _ = s.send(.key(.enter))
        return s
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func twelveParticipantsAndTheirFiguresAllShow(size: Size) {
        let s = twelveState(size)
        #expect(s.assessmentMode == .wizard)
        let buffer = AppView.render(s, background: marker)
        #expect(unpaintedCells(buffer) == 0)
        assertSnapshot(buffer, named: "wizard-twelve-\(size.width)x\(size.height)")
        let text = buffer.textDump()
        let stats = ResponseStats(Self.values)
        #expect(text.contains("Median " + s.strings.formats.decimal(stats.median!, maxDigits: 1)))
        #expect(text.contains("Spanne \(stats.spread)"))
        #expect(text.contains("Dissens"))
        // Every participant with their answer: the name (at least its first three letters)
        // followed by the value, nothing cut off.
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" }).map(String.init)
        for (name, value) in zip(Self.twelve, Self.values) {
            let shown = zip(tokens, tokens.dropFirst()).contains { a, b in
                a.hasPrefix(String(name.prefix(3))) && name.hasPrefix(a) && b == (value.map(String.init) ?? "?")
            }
            #expect(shown, "\(name) at \(size.width)×\(size.height)")
        }
        let answerRows = text.split(separator: "\n").filter { $0.contains("Anna") || $0.contains("Jör") }
        #expect(!answerRows.isEmpty && answerRows.allSatisfy { !$0.contains("…") })
        #expect(text.contains("Konsens: nicht beantwortet"))
    }

    @Test func theGridKeepsNamesDistinctAndNeverWiderThanTheLine() {
        let names = ["Mitarbeiterin Nord", "Mitarbeiterin Süd", "Mitarbeiter Ost", "Amtsleitung", "Bürgermeisterin",
                     "Kämmerei", "IT-Leitung", "Stadtwerke", "Quartiersmanagement", "Presse", "Personalrat", "Gast"]
        for width in [38, 58, 78, 118] {
            for count in 1...12 {
                let some = Array(names.prefix(count))
                let layout = ParticipantGrid.layout(some, width: width, beside: 50)
                #expect(layout.labels.count == count)
                #expect(Set(layout.labels).count == count, "\(count) names at \(width)")
                let rowWidth = layout.inline ? 50 + layout.labels.reduce(0) { $0 + DisplayWidth.of($1) + 4 }
                    : layout.columns * ParticipantGrid.cellWidth(layout.labels)
                #expect(rowWidth <= width, "\(count) names at \(width)")
            }
        }
        // Twelve at 80 columns: beside the figures they do not fit, two rows under them do.
        let twelve = ParticipantGrid.layout(Self.twelve, width: 78, beside: 50)
        #expect(!twelve.inline && twelve.rows == 2)
    }

    @Test func theSetUpTakesTwelveAndRefusesThirteenChangingNothing() {
        var s = WizardTests().state()
        _ = s.send(.key(.char("n")))
        _ = s.send(.key(.tab)); _ = s.send(.key(.tab)); _ = s.send(.key(.tab))
        _ = WizardTests().type((Self.twelve + ["Zora"]).joined(separator: ", "), into: &s)
        #expect(s.send(.key(.enter)) == [])
        #expect(s.notice == WorkshopStrings.german.tooManyParticipants(12, 13))
        #expect(s.assessment.current == nil && s.assessment.assessments.isEmpty)
        #expect(s.assessmentMode == .setup, "the list stays in the field to shorten it")
        for _ in 0..<6 { _ = s.send(.key(.backspace)) }
        let effects = s.send(.key(.enter))
        let created = s.assessment.current
        #expect(created?.participants == Self.twelve)
        #expect(effects == created.map { [.createAssessment($0)] })
        #expect(s.assessmentMode == .wizard)
    }

    // MARK: German dates

    @Test func datesTypedTheGermanWayAreTaken() {
        let f = Strings.german.formats
        func day(_ text: String) -> String? { f.parseDate(text).map { ISO8601DateFormatter().string(from: $0) } }
        #expect(day("12.11.2025") == "2025-11-12T00:00:00Z")
        #expect(day("12.11.25") == "2025-11-12T00:00:00Z")
        #expect(day("1.2.26") == "2026-02-01T00:00:00Z")
        #expect(day(" 01.02.2026 ") == "2026-02-01T00:00:00Z")
        for bad in ["12.11.5", "12.11.025", "31.02.25", "12.13.25", "12.11.+5", "12.11.", "12,11,25"] {
            #expect(f.parseDate(bad) == nil, "\(bad)")
        }
    }

    @Test func theSetUpTakesATwoDigitYearAndRefusesANonsenseDate() throws {
        var s = WizardTests().state()
        _ = s.send(.key(.char("n")))
        _ = s.send(.key(.tab))
        for _ in 0..<10 { _ = s.send(.key(.backspace)) }
        _ = WizardTests().type("31.02.25", into: &s)
        for _ in 0..<2 { _ = s.send(.key(.enter)) }
        #expect(s.send(.key(.enter)) == [])
        #expect(s.notice == AssessmentStrings.german.badDate("31.02.25"))
        #expect(s.assessment.assessments.isEmpty)
        #expect(s.setup?.focus == 1)
        for _ in 0..<8 { _ = s.send(.key(.backspace)) }
        _ = WizardTests().type("12.11.25", into: &s)
        for _ in 0..<3 { _ = s.send(.key(.enter)) }
        #expect(s.assessmentMode == .wizard)
        let created = try #require(s.assessment.current)
        #expect(Strings.german.formats.date(created.date) == "12.11.2025")
    }

    // MARK: Finishing asks, reopening is recorded

    func openStored(_ a: Assessment, into s: inout AppState) {
        _ = s.send(.assessmentsLoaded([a]))
        _ = s.send(.key(.enter))
    }

    /// S1 and S3 answered, S2 "weiß nicht", S4 to S6 not reached.
    static let consensus: [String: Int?] = ["S1": 5, "S2": nil, "S3": 4]
    static let stored = Assessment(id: "SE-1", municipalityID: "musterstadt", questionnaire: "test 1", date: WizardTests.now,
                                   facilitator: "m", participants: [], consensus: consensus, position: 3)

    @Test func eAsksBeforeFinishingAndNoLeavesItOpen() {
        var s = WizardTests().state()
        openStored(Self.stored, into: &s)
        #expect(s.assessmentMode == .wizard)
        #expect(s.send(.key(.char("e"))) == [])
        guard case .confirm(let question)? = s.topModal else {
            Issue.record("no question")
            return
        }
        #expect(question.question == WorkshopStrings.german.finishQuestion(3, 6))
        #expect(AppView.render(s).textDump().contains("Selbsteinschätzung abschließen?"))
        #expect(s.send(.key(.char("n"))) == [])
        #expect(s.assessmentMode == .wizard && s.assessment.current?.completed == false)
        _ = s.send(.key(.char("e")))
        #expect(s.send(.key(.enter)) == [.savePosition(assessmentID: "SE-1", position: 3, completed: true)])
        #expect(s.assessmentMode == .result && s.assessment.current?.completed == true)
    }

    @Test func aFinishedAssessmentIsReopenedFromTheResultAfterAYes() throws {
        var s = WizardTests().state()
        var finished = Self.stored
        finished.completed = true
        openStored(finished, into: &s)
        #expect(s.assessmentMode == .result)
        #expect(s.send(.key(.char("w"))) == [])
        #expect(s.send(.key(.escape)) == [], "Esc says no")
        #expect(s.assessment.current?.completed == true)
        _ = s.send(.key(.char("w")))
        #expect(s.send(.key(.char("j"))) == [.savePosition(assessmentID: "SE-1", position: 3, completed: false)])
        #expect(s.assessmentMode == .wizard)
        let reopened = try #require(s.assessment.current)
        #expect(!reopened.completed && reopened.reopenings == [Reopening(by: "moderation", at: WizardTests.now)])
        #expect(s.assessment.assessments.first?.reopenings.count == 1, "the list shows the same")
        // Finished again, the result names the reopening.
        _ = s.send(.key(.char("e"))); _ = s.send(.key(.char("y")))
        #expect(AppView.render(s).textDump().contains("wieder geöffnet von moderation am 18.11.2026"))
    }

    @Test func readOnlyAsksNothingAndChangesNothing() {
        var s = WizardTests().state()
        s.readOnly = true
        var finished = Self.stored
        finished.completed = true
        openStored(finished, into: &s)
        #expect(s.send(.key(.char("w"))) == [])
        #expect(s.topModal == nil && s.notice == AccessStrings.german.readOnlyRefused)
        #expect(s.assessment.current?.completed == true && s.assessment.current?.reopenings == [])
        _ = s.send(.key(.escape))
        _ = s.send(.assessmentsLoaded([Self.stored]))
        _ = s.send(.key(.enter))
        #expect(s.assessmentMode == .wizard)
        #expect(s.send(.key(.char("e"))) == [])
        #expect(s.topModal == nil && s.assessment.current?.completed == false)
    }

    @Test func theListReopensOnlyWhatIsFinished() {
        var s = WizardTests().state()
        _ = s.send(.assessmentsLoaded([Self.stored]))
        #expect(s.send(.key(.char("w"))) == [])
        #expect(s.notice == WorkshopStrings.german.notFinished)
        #expect(s.topModal == nil)
        var finished = Self.stored
        finished.completed = true
        _ = s.send(.assessmentsLoaded([finished]))
        _ = s.send(.key(.char("w")))
        #expect(s.send(.key(.char("y"))) == [.savePosition(assessmentID: "SE-1", position: 3, completed: false)])
        #expect(s.assessmentMode == .wizard)
    }

    // MARK: Not reached is not "weiß nicht"

    @Test func notReachedAndDontKnowReadDifferentlyEverywhere() {
        var s = WizardTests().state()
        var a = Self.stored
        a.position = 1
        openStored(a, into: &s)
        #expect(AppView.render(s).textDump().contains("Konsens: weiß nicht"))
        _ = s.send(.key(.right)); _ = s.send(.key(.right))
        #expect(s.assessment.currentStatement?.id == "S4")
        #expect(AppView.render(s).textDump().contains("Konsens: nicht beantwortet"))

        // The result counts the statements not reached.
        _ = s.send(.key(.char("e"))); _ = s.send(.key(.char("y")))
        #expect(AppView.render(s).textDump().contains("3 Aussagen nicht beantwortet"))

        // The minutes: "weiß nicht" as the consensus, not-reached statements by name.
        let md = AssessmentMinutes(assessment: a, questionnaire: TestQuestionnaire.value, language: .german).render(.markdown)
        #expect(md.contains("- Konsens: weiß nicht"))
        #expect(md.contains("3 Aussagen nicht beantwortet: S4, S5, S6"))
        var reopened = a
        reopened.reopenings = [Reopening(by: "berta", at: WizardTests.now)]
        let again = AssessmentMinutes(assessment: reopened, questionnaire: TestQuestionnaire.value, language: .german)
        #expect(again.render(.markdown).contains("- wieder geöffnet von berta am 2026-11-18"))
        #expect(again.reopenings.map(\.by) == ["berta"])
        let json = try! JSONSerialization.jsonObject(with: Data(again.render(.json).utf8)) as? [String: Any]
        #expect((json?["reopenings"] as? [[String: Any]])?.first?["day"] as? String == "2026-11-18")

        // `lotse assess score`: one "weiß nicht", three not answered.
        let score = AssessmentResult(questionnaire: TestQuestionnaire.value, answers: a.consensus, language: .german)
            .text(markdown: false)
        #expect(score.contains("1 × weiß nicht, 3 Aussagen nicht beantwortet"))
        let english = AssessmentResult(questionnaire: TestQuestionnaire.value, answers: a.consensus, language: .english)
            .text(markdown: false)
        #expect(english.contains("1 × don't know, 3 statements not answered"))
    }
}
