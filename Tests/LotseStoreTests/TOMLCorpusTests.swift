import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// The TOML junk files of `Tests/Corpus/t*.toml`, each with its `.expect`: one line per
/// expected message fragment, either for every reader or prefixed with the reader
/// (`questionnaire: …`, `theme: …`, `answers: …`). A reader without a fragment must still
/// refuse the file.
enum TOMLCorpus {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    enum Reader: String, CaseIterable, Sendable { case theme, questionnaire, answers }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        /// Reader → fragment; nil key (stored as "*") for every reader.
        var fragments: [String: String]

        var testDescription: String { name }

        func fragment(for reader: Reader) -> String? { fragments[reader.rawValue] ?? fragments["*"] }
    }

    static func cases() -> [Case] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("t") && $0.hasSuffix(".toml") }.sorted().map { file in
            let base = String(file.dropLast(".toml".count))
            let expect = (try? String(contentsOf: folder.appendingPathComponent(base + ".expect"), encoding: .utf8)) ?? ""
            var fragments: [String: String] = [:]
            for line in expect.split(separator: "\n") where !line.isEmpty {
                if let colon = line.firstIndex(of: ":"), let reader = Reader(rawValue: String(line[..<colon])) {
                    fragments[reader.rawValue] = String(line[line.index(after: colon)...].dropFirst())
                } else {
                    fragments["*"] = String(line)
                }
            }
            return Case(name: base, path: folder.appendingPathComponent(file).path, fragments: fragments)
        }
    }

    /// Runs `reader` on the file; the error it refused the file with, or nil when it loaded.
    static func refusal(_ reader: Reader, path: String) throws -> Error? {
        do {
            switch reader {
            case .theme: _ = try ThemeFile.load(path: path)
            case .questionnaire: _ = try QuestionnaireFile.load(path: path)
            case .answers: _ = try AnswersFile.load(path: path, questionnaire: try QuestionnaireFile.builtin())
            }
            return nil
        } catch {
            return error
        }
    }
}

@Suite("TOML junk corpus")
struct TOMLCorpusTests {
    @Test func theCorpusHasItsFilesAndEachAnExpectation() {
        let cases = TOMLCorpus.cases()
        #expect(cases.count >= 25)
        for c in cases { #expect(!c.fragments.isEmpty, "\(c.name) has no .expect") }
    }

    @Test(arguments: TOMLCorpus.cases())
    func everyReaderRefusesTheFileWithItsMessage(_ c: TOMLCorpus.Case) throws {
        for reader in TOMLCorpus.Reader.allCases {
            let error = try TOMLCorpus.refusal(reader, path: c.path)
            let refusal = try #require(error, "\(reader) loaded \(c.name)")
            #expect(refusal is DataFileError, "\(reader): \(type(of: refusal)): \(refusal)")
            if let fragment = c.fragment(for: reader) {
                let message = String(describing: refusal)
                #expect(message.contains(fragment), "\(reader): \(message)")
                #expect(message.contains(c.path), "\(reader): the message names the file: \(message)")
            }
        }
    }

    @Test func syntaxProblemsCarryLineAndColumn() throws {
        for c in TOMLCorpus.cases() where c.fragments["*"]?.first?.isNumber == true {
            let error = try TOMLCorpus.refusal(.theme, path: c.path)
            guard case .syntax(let problem)? = error as? DataFileError else {
                Issue.record("\(c.name): not a syntax error: \(String(describing: error))")
                continue
            }
            #expect(problem.line != nil && problem.column != nil, "\(c.name)")
            #expect(c.fragments["*"]?.hasPrefix("\(problem.line ?? 0):\(problem.column ?? 0):") == true, "\(c.name): \(problem)")
        }
    }
}

/// The readers give kinds with their values, not sentences: the place stays the same, the
/// words are the text tables' to choose.
@Suite("TOML problems as kinds")
struct TOMLProblemKindTests {
    @Test func theSyntaxGuardNamesWhatItFoundAndWhere() throws {
        let open = try #require(TOMLSyntaxGuard.problem(in: "[[\n"))
        #expect(open.kind == .headerNeedsKey(opening: "[[", before: .endOfLine))
        #expect((open.line, open.column) == (1, 3))
        #expect(TOMLSyntaxGuard.problem(in: "a = \"x\u{1B}\"")?.kind == .controlInString(.control(hex: "001B"), basic: true))
        #expect(TOMLSyntaxGuard.problem(in: "a = 'x\u{0}'")?.kind == .controlInString(.nul, basic: false))
        #expect(TOMLSyntaxGuard.problem(in: "a = 1.e5")?.kind == .invalidValue("1.e5", .expectedFractionDigits))
        #expect(TOMLSyntaxGuard.problem(in: "a = \"\\q\"")?.kind == .unknownEscape(.visible("q")))
        #expect(TOMLSyntaxGuard.problem(in: "a = {b = 1,}")?.kind == .expectedInlineKey(found: .visible("}")))
        #expect(TOMLSyntaxGuard.problem(in: "a = 1\n") == nil)
    }

    @Test func theParsersRedefinitionsNameTheKey() {
        let message = "Error while parsing key-value pair: cannot redefine existing integer 'STR-1'"
        #expect(TOMLReading.parserProblem(message) == .redefined(key: "STR-1", original: message))
        let header = "Error while parsing table header: cannot redefine existing table 'a' as array-of-tables"
        #expect(TOMLReading.parserProblem(header) == .redefined(key: "a", original: header))
        let dotted = "Error while parsing key-value pair: cannot redefine existing integer as dotted key-value pair"
        #expect(TOMLReading.parserProblem(dotted) == .redefined(key: "", original: dotted))
        #expect(TOMLReading.parserProblem("something else") == .parser("something else"))
        // Through a reader: a key defined twice, at the parser's place.
        do {
            _ = try ThemeFile.parse("[title]\nfg256 = 1\nfg256 = 2\n", file: "t.toml")
            Issue.record("a key defined twice was accepted")
        } catch {
            guard case .syntax(let problem)? = error as? DataFileError else {
                Issue.record("not a syntax error: \(error)")
                return
            }
            guard case .redefined(let key, _) = problem.kind else {
                Issue.record("not a redefinition: \(problem.kind)")
                return
            }
            #expect(key == "title.fg256" || key == "fg256", "\(key)")
            #expect(problem.line == 3)
        }
    }

    @Test func structureAndRuleProblemsCarryTheirValues() throws {
        let q = try QuestionnaireFile.builtin()
        do {
            _ = try AnswersFile.parse("[answers]\nstr-1 = 4\nSTR-2 = 9\nSTR-3 = true\n", file: "a.toml", questionnaire: q)
            Issue.record("bad answers were accepted")
        } catch let error as DataFileError {
            let kinds = error.problems.map(\.kind)
            #expect(kinds.contains(.unknownAnswerStatement("str-1", didYouMean: "STR-1", questionnaire: q.versionTag,
                                                           count: q.statements.count, first: q.statements.first?.id ?? "",
                                                           last: q.statements.last?.id ?? "")), "\(kinds)")
            #expect(kinds.contains(.answerOffScale(9, min: q.scale.min, max: q.scale.max)), "\(kinds)")
            #expect(kinds.contains(.notAnAnswer(text: nil, type: .boolean, min: q.scale.min, max: q.scale.max)), "\(kinds)")
        }
        let text = try String(contentsOf: try QuestionnaireFile.builtinURL(), encoding: .utf8)
            .replacingOccurrences(of: "weight = 3", with: "weight = 9")
        do {
            _ = try QuestionnaireFile.parse(text, file: "q.toml")
            Issue.record("a weight of 9 was accepted")
        } catch let error as DataFileError {
            let weight = try #require(error.problems.first { $0.kind == .weightNotAllowed(9) })
            guard case .statement? = weight.part else {
                Issue.record("the problem names no statement: \(weight)")
                return
            }
            #expect(weight.field == "weight")
            #expect(weight.item.hasPrefix("statement ") && weight.item.hasSuffix(" (weight)"))
        }
    }
}
