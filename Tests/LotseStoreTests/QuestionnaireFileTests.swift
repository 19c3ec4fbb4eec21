import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// The shipped questionnaire's text, and edits of it that break one thing.
enum ShippedQuestionnaire {
    static let text: String = {
        // Loaded once: every test that edits the file starts from the same text.
        (try? QuestionnaireFile.readText(path: QuestionnaireFile.builtinURL().path)) ?? ""
    }()

    static var lines: [String] { text.components(separatedBy: "\n") }

    /// 1-based number of the first line equal to `line` after `start` (1-based, exclusive).
    static func lineNumber(of line: String, after start: Int = 0) -> Int? {
        lines.enumerated().first { $0.offset + 1 > start && $0.element == line }.map { $0.offset + 1 }
    }

    /// The text with line `number` (1-based) replaced.
    static func replacing(line number: Int, with newLine: String) -> String {
        var all = lines
        all[number - 1] = newLine
        return all.joined(separator: "\n")
    }
}

@Suite("Questionnaire file")
struct QuestionnaireFileTests {
    @Test func shippedQuestionnaireLoadsCompleteAndValid() throws {
        let q = try QuestionnaireFile.builtin()
        #expect(q.versionTag == "phasenmodell 1.1.0")
        #expect(q.statements.count == 43)
        #expect(q.dimensions.count == 9)
        #expect(q.gates.count == 5)
        #expect(q.recommendations.count == 27)
        #expect(q.scale.min == 1 && q.scale.max == 5)
        #expect(q.scale.dontKnow.de == "weiß nicht")
        #expect(QuestionnaireValidator.problems(in: q).isEmpty)
        let str2 = try #require(q.statement("STR-2"))
        #expect(str2.phase == .transfer && str2.weight == 3 && str2.dimension == "strategie")
        #expect(q.gates.first { $0.id == "G-TRANSFER-STRATEGIE" }?.statements == ["STR-2"])
    }

    @Test func bundledFileIsTheRepositoryFile() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("questionnaires/phasenmodell-v1.toml")
        #expect(try Data(contentsOf: QuestionnaireFile.builtinURL()) == Data(contentsOf: repository))
    }

    @Test func syntaxErrorNamesLineAndColumn() throws {
        let line = try #require(ShippedQuestionnaire.lineNumber(of: "weight = 2"))
        let broken = ShippedQuestionnaire.replacing(line: line, with: "weight = = 2")
        let error = try #require(throws: DataFileError.self) {
            try QuestionnaireFile.parse(broken, file: "mein.toml")
        }
        guard case .syntax(let problem) = error else {
            Issue.record("expected a syntax error, got \(error)")
            return
        }
        #expect(problem.file == "mein.toml")
        #expect(problem.line == line)
        #expect(problem.column == 10)
        #expect("\(error)".hasPrefix("mein.toml:\(line):10: "))
    }

    @Test func unknownDimensionReportsTheStatementsLine() throws {
        let header = try #require(ShippedQuestionnaire.lineNumber(of: "id = \"STR-2\""))
        let line = try #require(ShippedQuestionnaire.lineNumber(of: "dimension = \"strategie\"", after: header))
        let broken = ShippedQuestionnaire.replacing(line: line, with: "dimension = \"strategy\"")
        let error = try #require(throws: DataFileError.self) { try QuestionnaireFile.parse(broken, file: "q.toml") }
        #expect(error.problems.count == 1)
        let problem = try #require(error.problems.first)
        #expect(problem.line == line)
        #expect(problem.item == "statement STR-2 (dimension)")
        #expect(problem.message.contains("unknown dimension 'strategy'"))
        #expect(problem.message.contains("strategie, politik"))
        #expect("\(error)".contains("q.toml:\(line): statement STR-2 (dimension): unknown dimension"))
    }

    @Test func missingAndMistypedKeysAreAllReportedWithTheirLines() throws {
        let str2 = try #require(ShippedQuestionnaire.lineNumber(of: "id = \"STR-2\""))
        let weight = try #require(ShippedQuestionnaire.lineNumber(of: "weight = 3", after: str2))
        let gate = try #require(ShippedQuestionnaire.lineNumber(of: "id = \"G-TRANSFER-EVALUATION\""))
        let minimum = try #require(ShippedQuestionnaire.lineNumber(of: "minimum = 4", after: gate))
        var text = ShippedQuestionnaire.replacing(line: weight, with: "wieght = 3")
        text = text.replacingOccurrences(of: "minimum = 4\ntext.de = \"Für das Transferieren braucht es eine ehrliche",
                                         with: "minimum = \"4\"\ntext.de = \"Für das Transferieren braucht es eine ehrliche")
        let error = try #require(throws: DataFileError.self) { try QuestionnaireFile.parse(text, file: "q.toml") }
        guard case .structure(let problems) = error else {
            Issue.record("expected structure problems, got \(error)")
            return
        }
        let described = problems.map(\.description)
        #expect(described.contains("q.toml:\(weight): statements[1].wieght (id STR-2): unknown key 'wieght'; "
                                   + "allowed here: id, dimension, phase, weight, text, help, source"))
        // The header of the statement, since the key is not there.
        #expect(described.contains("q.toml:\(str2 - 1): statements[1].weight (id STR-2): missing key 'weight' (an integer)"))
        #expect(described.contains("q.toml:\(minimum): gates[1].minimum (id G-TRANSFER-EVALUATION): "
                                   + "expected an integer, found a string"))
        #expect(problems.count == 3)
    }

    @Test func unknownPhaseNamesTheAllowedOnes() throws {
        let line = try #require(ShippedQuestionnaire.lineNumber(of: "phase = \"etablieren\""))
        let text = ShippedQuestionnaire.replacing(line: line, with: "phase = \"etabliert\"")
        let error = try #require(throws: DataFileError.self) { try QuestionnaireFile.parse(text, file: "q.toml") }
        #expect(error.problems.map(\.line) == [line])
        #expect(error.problems.first?.message == "unknown phase 'etabliert'; allowed: experimentieren, transferieren, etablieren")
    }

    @Test func validatorProblemsOfInlineTablesAreFoundByTheirID() throws {
        let text = """
            id = "mini"
            version = "1"
            title = { de = "T", en = "T" }
            description = { de = "D", en = "D" }
            scale = { min = 1, max = 3, labels = { de = ["a", "b", "c"], en = ["a", "b", "c"] }, dont_know = { de = "?", en = "?" } }
            dimensions = [
              { id = "d", name = { de = "D", en = "D" }, description = { de = "D", en = "D" } },
            ]
            statements = [
              { id = "S1", dimension = "d", phase = "experimentieren", weight = 1, text = { de = "t", en = "t" }, help = { de = "h", en = "h" }, source = "s" },
              { id = "S2", dimension = "d", phase = "transferieren", weight = 9, text = { de = "t", en = "t" }, help = { de = "h", en = "h" }, source = "s" },
            ]
            gates = []
            recommendations = []
            """
        let error = try #require(throws: DataFileError.self) { try QuestionnaireFile.parse(text, file: "inline.toml") }
        let weight = error.problems.first { $0.item == "statement S2 (weight)" }
        #expect(weight?.line == 11)
        #expect(weight?.message == "weight 9 is not allowed; use 1, 2 or 3 (3 = central for the phase)")
        #expect(error.problems.contains { $0.item == "phase etablieren" && $0.line == nil })
    }

    @Test func unreadableFileSaysSo() throws {
        let error = try #require(throws: DataFileError.self) {
            try QuestionnaireFile.load(path: "/nonexistent/fragebogen.toml")
        }
        #expect(error == .unreadable(file: "/nonexistent/fragebogen.toml", reason: "no such file"))
    }
}

@Suite("TOML source map")
struct TOMLSourceMapTests {
    @Test func findsHeadersKeysAndParents() {
        let map = TOMLSourceMap(text: """
            # comment = 1
            id = "x"
            title.de = "a"
            notes = \"\"\"
            [[statements]]
            weight = 1
            \"\"\"
            [scale]
            "min" = 1
            [[statements]]
            id = "S1"
            [[statements]]
            text . de = "b"
            """)
        #expect(map.line(of: "id") == 2)
        #expect(map.line(of: "title.de") == 3)
        #expect(map.line(of: "title.en") == nil)
        #expect(map.line(of: "scale.min") == 9)
        #expect(map.line(of: "scale.max") == 8)
        #expect(map.line(of: "statements[0]") == 10)
        #expect(map.line(of: "statements[0].weight") == 10)
        #expect(map.line(of: "statements[1].text.de") == 13)
        #expect(map.line(ofID: "S1") == 11)
    }
}

/// Earlier shipped questionnaire versions stay available, so an assessment is scored with
/// the version it was made with.
@Suite("Questionnaire versions")
struct QuestionnaireVersionTests {
    @Test func theFirstEditionIsKeptAndDiffersWhereTheNewOneChanged() throws {
        let current = try QuestionnaireFile.builtin()
        let archived = try QuestionnaireFile.archived()
        #expect(archived.map(\.versionTag) == ["phasenmodell 1.0.0"])
        let first = try #require(archived.first)
        #expect(QuestionnaireValidator.problems(in: first).isEmpty)
        #expect(first.statement("WIR-5")?.phase == .establishment)
        #expect(current.statement("WIR-5")?.phase == .transfer)
        #expect(first.tensions.isEmpty && current.tensions.count == 4)
        #expect(try QuestionnaireFile.shipped(versionTag: "phasenmodell 1.0.0") == first)
        #expect(try QuestionnaireFile.shipped(versionTag: current.versionTag) == current)
        #expect(try QuestionnaireFile.shipped(versionTag: "phasenmodell 0.9.0") == nil)
    }

    @Test func theSameAnswersCanPlaceDifferentlyInTheTwoVersions() throws {
        let current = try QuestionnaireFile.builtin()
        let first = try #require(try QuestionnaireFile.archived().first)
        // Everything 5 except the establishment statements, which stay at 1 — but WIR-5 at 5:
        // it counts for establishment in 1.0.0 and for transfer in 1.1.0.
        var answers: [String: Int] = [:]
        for s in current.statements { answers[s.id] = s.phase == .establishment ? 1 : 5 }
        answers["WIR-5"] = 5
        let then = Placement(questionnaire: first, answers: answers).score(of: .establishment)
        let now = Placement(questionnaire: current, answers: answers).score(of: .establishment)
        #expect(then != now, "WIR-5 moved between the phases")
    }

    @Test func theArchivedFileIsTheRepositoryFile() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("questionnaires/archive/phasenmodell-1.0.0.toml")
        guard case .success(let url) = BundledResource.locate("archive/phasenmodell-1.0.0.toml") else {
            Issue.record("not installed")
            return
        }
        #expect(try Data(contentsOf: url) == Data(contentsOf: repository))
    }
}
