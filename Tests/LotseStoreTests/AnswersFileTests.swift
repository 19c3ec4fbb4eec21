import LotseDomain
import Testing
@testable import LotseStore

@Suite("Answers file")
struct AnswersFileTests {
    let q: Questionnaire

    init() throws { q = try QuestionnaireFile.builtin() }

    @Test func readsValuesDontKnowAndTheOptionalHeader() throws {
        let file = try AnswersFile.parse("""
            questionnaire = "phasenmodell 1.1.0"
            municipality = "Musterstadt"
            [answers]
            STR-1 = 4
            "STR-2" = "?"
            STR-3 = " Weiß nicht "
            POL-1 = 1
            """, file: "a.toml", questionnaire: q)
        #expect(file.questionnaire == "phasenmodell 1.1.0")
        #expect(file.municipality == "Musterstadt")
        let expected: [String: Int?] = ["STR-1": 4, "STR-2": nil, "STR-3": nil, "POL-1": 1]
        #expect(file.answers == expected)
        #expect(file.scoringAnswers == ["STR-1": 4, "POL-1": 1])
        #expect(file.dontKnowCount == 2)
    }

    @Test func headerIsOptional() throws {
        let file = try AnswersFile.parse("[answers]\nSTR-1 = 5\n", file: "a.toml", questionnaire: q)
        #expect(file.questionnaire == nil && file.municipality == nil)
        #expect(file.answers == ["STR-1": 5])
    }

    @Test func everyBadAnswerIsReportedWithItsLine() throws {
        let error = try #require(throws: DataFileError.self) {
            try AnswersFile.parse("""
                [answers]
                STR-1 = 4
                STR-9 = 3
                str-2 = 3
                POL-1 = 6
                POL-2 = 2.5
                ORG-1 = "viel"
                """, file: "a.toml", questionnaire: q)
        }
        let described = error.problems.map(\.description).sorted()
        #expect(described == [
            "a.toml:3: answers.STR-9: unknown statement 'STR-9'; the questionnaire 'phasenmodell 1.1.0' has 43 statements, STR-1 … VER-4",
            "a.toml:4: answers.str-2: unknown statement 'str-2' (did you mean STR-2?)",
            "a.toml:5: answers.POL-1: 6 is not on the scale; use an integer 1…5 or \"?\" / \"weiß nicht\" for don't know",
            "a.toml:6: answers.POL-2: a floating-point number is not an answer; use an integer 1…5 or \"?\" / \"weiß nicht\" for don't know",
            "a.toml:7: answers.ORG-1: 'viel' is not an answer; use an integer 1…5 or \"?\" / \"weiß nicht\" for don't know",
        ])
    }

    @Test func anotherQuestionnaireVersionIsRefused() throws {
        let error = try #require(throws: DataFileError.self) {
            try AnswersFile.parse("questionnaire = \"phasenmodell 2.0.0\"\n[answers]\n", file: "a.toml", questionnaire: q)
        }
        #expect(error.problems.map(\.line) == [1])
        #expect(error.problems.first?.message.contains("'phasenmodell 2.0.0'") == true)
    }

    @Test func missingAnswersTableAndUnknownKeysAreReported() throws {
        let error = try #require(throws: DataFileError.self) {
            try AnswersFile.parse("kommune = \"X\"\n", file: "a.toml", questionnaire: q)
        }
        #expect(error.problems.map(\.description) == [
            "a.toml:1: kommune: unknown key 'kommune'; allowed here: questionnaire, municipality, answers",
            "a.toml: answers: missing key 'answers' (a table)",
        ])
    }

    @Test func syntaxErrorHasLineAndColumn() throws {
        let error = try #require(throws: DataFileError.self) {
            try AnswersFile.parse("[answers]\nSTR-1 = 4\nSTR-2 4\n", file: "a.toml", questionnaire: q)
        }
        guard case .syntax(let problem) = error else {
            Issue.record("expected a syntax error, got \(error)")
            return
        }
        #expect(problem.line == 3)
        #expect(problem.column != nil)
    }
}
