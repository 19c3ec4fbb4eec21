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
