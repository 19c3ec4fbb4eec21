import Foundation
import LotseDomain
import LotseStore
import LotseUI
import Testing

/// The TOML junk corpus (`Tests/Corpus/t*.toml`) read by every TOML reader and told in
/// German the way `lotse` tells it: no English sentence is left, and some messages exactly.
@Suite("TOML corpus in German")
struct TOMLCorpusGermanTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    enum Reader: String, CaseIterable, Sendable { case theme, questionnaire, answers }

    static func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasPrefix("t") && $0.hasSuffix(".toml") }.sorted()
    }

    /// The error `reader` refuses the corpus file `name` with.
    static func refusal(_ reader: Reader, _ name: String) -> DataFileError? {
        let path = corpus.appendingPathComponent(name).path
        do {
            switch reader {
            case .theme: _ = try ThemeFile.load(path: path)
            case .questionnaire: _ = try QuestionnaireFile.load(path: path)
            case .answers: _ = try AnswersFile.load(path: path, questionnaire: try QuestionnaireFile.builtin())
            }
            return nil
        } catch {
            return error as? DataFileError
        }
    }

    /// The whole message in `language`, as `lotse` prints it (without the error prefix).
    static func told(_ error: DataFileError, _ language: Language) -> String {
        let t = TOMLProblemStrings.forLanguage(language)
        return DataFileStrings.forLanguage(language).describe(error.fileReport(message: t.message, part: t.part,
                                                                               reason: t.reason))
    }

    /// English words of the sentences that the German messages must not contain.
    static let englishWords = ["expected", "is not", "found", "allowed", "missing", "unknown", "must", "cannot",
                               "the ", "needs", "not used", "error"]

    @Test(arguments: Reader.allCases)
    func everyCorpusFileIsRefusedInGermanWithoutAnEnglishSentence(_ reader: Reader) throws {
        let names = Self.names()
        #expect(names.count >= 25)
        for name in names {
            let error = try #require(Self.refusal(reader, name), "\(reader) did not refuse \(name) with a DataFileError")
            let path = Self.corpus.appendingPathComponent(name).path
            let german = Self.told(error, .german)
            // The file's name may hold English words ("t03-missing-value"); the sentences may not.
            let sentences = german.replacingOccurrences(of: path, with: "FILE")
            let hits = Self.englishWords.filter { sentences.lowercased().contains($0) }
            #expect(hits.isEmpty, "\(reader) \(name): \(hits) in\n\(german)")
            #expect(german != Self.told(error, .english), "\(reader) \(name)")
        }
    }

    /// The line of `name`'s message for `reader` that follows the headline.
    static func firstProblem(_ reader: Reader, _ name: String, _ language: Language = .german) throws -> String {
        let error = try #require(refusal(reader, name))
        let lines = told(error, language).components(separatedBy: "\n")
        let path = corpus.appendingPathComponent(name).path
        return (lines.count > 1 ? lines[1] : lines[0]).trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: path, with: name)
    }

    @Test func someMessagesExactlyInGerman() throws {
        #expect(try Self.firstProblem(.answers, "t01-open-array-header.toml")
                == "t01-open-array-header.toml:1:3: der Tabellenkopf '[[' braucht einen Schlüssel; "
                + "stattdessen folgt das Zeilenende (TOML-Syntax)")
        #expect(try Self.firstProblem(.theme, "t07-nul-byte.toml")
                == "t07-nul-byte.toml:1:23: ein NUL-Byte (U+0000) ist in einer Zeichenkette nicht erlaubt; "
                + "als Escape schreiben, etwa \\u001B (TOML-Syntax)")
        #expect(try Self.firstProblem(.questionnaire, "t09-min-greater-max.toml")
                == "t09-min-greater-max.toml:10: Skala (max): max (1) muss größer sein als min (5)")
        #expect(try Self.firstProblem(.questionnaire, "t11-scale-nan.toml")
                == "t11-scale-nan.toml:9: scale.min: hier gehört eine Ganzzahl hin, gefunden wurde eine Gleitkommazahl")
        #expect(try Self.firstProblem(.answers, "t23-duplicate-key.toml")
                == "t23-duplicate-key.toml:3:9: 'STR-1' ist schon festgelegt; jeder Schlüssel und jede Tabelle "
                + "darf nur einmal vorkommen (TOML-Syntax)")
        #expect(try Self.firstProblem(.theme, "t24-float-without-digits.toml")
                == "t24-float-without-digits.toml:1:5: '1.e5' ist kein gültiger Wert: nach '.' müssen Ziffern folgen (TOML-Syntax)")
        let unreadable = try #require(Self.refusal(.answers, "t06-invalid-utf8.toml"))
        #expect(Self.told(unreadable, .german).hasSuffix("t06-invalid-utf8.toml: kann nicht gelesen werden (kein UTF-8-Text)"))
    }

    @Test func theEnglishMessagesStayAsTheyWere() throws {
        // The same problems in English: the sentences of the kinds' descriptions, which the
        // corpus' .expect files and the readers' tests pin.
        #expect(try Self.firstProblem(.answers, "t01-open-array-header.toml", .english)
                == "t01-open-array-header.toml:1:3: the table header '[[' needs a key before the end of the line (TOML syntax)")
        #expect(try Self.firstProblem(.answers, "t23-duplicate-key.toml", .english)
                == "t23-duplicate-key.toml:3:9: Error while parsing key-value pair: cannot redefine existing integer 'STR-1' (TOML syntax)")
        for reader in Reader.allCases {
            for name in Self.names() {
                guard let error = Self.refusal(reader, name) else { continue }
                for problem in error.problems {
                    let english = Self.told(error, .english)
                    #expect(english.contains(problem.message), "\(reader) \(name): \(problem.message)")
                }
            }
        }
    }

    @Test func aQuestionnairePartIsNamedInGerman() throws {
        let text = try String(contentsOf: try QuestionnaireFile.builtinURL(), encoding: .utf8)
            .replacingOccurrences(of: "weight = 3", with: "weight = 9")
        do {
            _ = try QuestionnaireFile.parse(text, file: "q.toml")
            Issue.record("a weight of 9 was accepted")
        } catch let error as DataFileError {
            let german = Self.told(error, .german)
            #expect(german.contains(": Aussage "), "\(german)")
            #expect(german.contains("(weight): das Gewicht 9 geht nicht; 1, 2 oder 3 verwenden (3 = zentral für die Phase)"),
                    "\(german)")
            #expect(Self.told(error, .english).contains(": statement "))
        }
    }
}
