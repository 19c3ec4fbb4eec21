import Testing
@testable import LotseDomain

@Suite struct QuestionnaireValidatorTests {
    /// `MiniQuestionnaire` with one recommendation per dimension and phase: valid.
    static var valid: Questionnaire {
        var q = MiniQuestionnaire.value
        q.description = MiniQuestionnaire.text("Ein kleiner Fragebogen")
        for i in q.dimensions.indices { q.dimensions[i].description = MiniQuestionnaire.text("d") }
        q.recommendations = ["a", "b"].flatMap { d in
            Phase.allCases.map { Questionnaire.Recommendation(dimension: d, phase: $0, text: MiniQuestionnaire.text("r")) }
        }
        return q
    }

    func problems(_ change: (inout Questionnaire) -> Void) -> [String] {
        var q = Self.valid
        change(&q)
        return QuestionnaireValidator.problems(in: q).map(\.description)
    }

    @Test func theValidQuestionnaireHasNoProblems() {
        #expect(QuestionnaireValidator.problems(in: Self.valid) == [])
    }

    @Test func duplicateIDsAreNamed() {
        #expect(problems { $0.statements[2].id = "1-1" } == ["statement 1-1 (id): the statement id '1-1' is used more than once"])
        #expect(problems { $0.gates[1].id = "G-T" } == ["gate G-T (id): the gate id 'G-T' is used more than once"])
        let dimension = problems { $0.dimensions[1].id = "a" }
        #expect(dimension.first == "dimension a (id): the dimension id 'a' is used more than once")
    }

    @Test func statementRulesNameTheAllowedValues() {
        #expect(problems { $0.statements[0].dimension = "x" } == ["statement 1-1 (dimension): unknown dimension 'x'; allowed: a, b"])
        #expect(problems { $0.statements[0].weight = 0 }
                == ["statement 1-1 (weight): weight 0 is not allowed; use 1, 2 or 3 (3 = central for the phase)"])
        #expect(problems { $0.statements[0].text.en = " " } == ["statement 1-1 (text.en): the English text is empty"])
        #expect(problems { $0.statements[0].source = "" }
                == ["statement 1-1 (source): the source is empty; name the source and its section"])
        #expect(problems { $0.statements[0].id = "" } == ["statement (no id) (id): the id is empty"])
    }

    @Test func scaleNeedsOrderAndOneLabelPerValue() {
        #expect(problems { $0.scale.max = 1 }.first == "scale (max): max (1) must be greater than min (1)")
        #expect(problems { $0.scale.labels.en.removeLast() }
                == ["scale (labels.en): 4 label(s) for the values 1…5; exactly 5 are needed, one per value"])
        #expect(problems { $0.scale.dontKnow.de = "" } == ["scale (dont_know.de): the German text is empty"])
    }

    @Test func gatesReferToStatementsOnTheScale() {
        #expect(problems { $0.gates[0].statements = ["1-2", "9-9"] } == ["gate G-T (statements): unknown statement '9-9'"])
        #expect(problems { $0.gates[0].minimum = 6 } == ["gate G-T (minimum): minimum 6 is not on the scale 1…5"])
        #expect(problems { $0.gates[0].statements = [] } == ["gate G-T (statements): the gate names no statement"])
        #expect(problems { $0.gates[0].phase = .experimentation }.first?.hasPrefix("gate G-T (phase): a gate cannot guard experimentieren") == true)
    }

    @Test func everyPhaseAndDimensionNeedsStatements() {
        let noEstablishment = problems { $0.statements.removeAll { $0.phase == .establishment } }
        #expect(noEstablishment.contains("phase etablieren: no statement is evidence for this phase; every phase needs at least one"))
        let oneDimension = problems { q in
            for i in q.statements.indices { q.statements[i].dimension = "a" }
        }
        #expect(oneDimension == ["dimension b: the dimension has no statements"])
        let onePhase = problems { q in
            for i in q.statements.indices where q.statements[i].dimension == "b" { q.statements[i].phase = .transfer }
        }
        #expect(onePhase == ["dimension b: the dimension has statements for one phase only; it needs statements for at least two phases"])
    }

    @Test func recommendationsExactlyOncePerExistingDimensionAndPhase() {
        #expect(problems { $0.recommendations[0].dimension = "x" } == [
            "recommendation x/experimentieren (dimension): unknown dimension 'x'; allowed: a, b",
            "dimension a: no recommendation for experimentieren; one per dimension and phase is needed",
        ])
        #expect(problems { $0.recommendations[1].phase = .experimentation } == [
            "recommendation a/experimentieren: a second recommendation for dimension a and phase experimentieren; there must be exactly one",
            "dimension a: no recommendation for transferieren; one per dimension and phase is needed",
        ])
    }

    @Test func problemsCarryTheirItemForLocating() {
        var q = Self.valid
        q.statements[5].weight = 7
        let problem = QuestionnaireValidator.problems(in: q).first
        #expect(problem?.item == .statement(index: 5, id: "2-2"))
        #expect(problem?.field == "weight")
    }
}
