import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// `TOMLSyntaxGuard` lets valid TOML through and refuses, with its place, what TOMLKit's
/// parser would abort on; mutated files never abort the readers.
@Suite("TOML syntax guard")
struct TOMLSyntaxGuardTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every TOML file the repository ships.
    static func shippedFiles() -> [URL] {
        var files: [URL] = []
        for folder in ["Themes", "questionnaires", "questionnaires/examples"] {
            let url = repository.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            files += names.filter { $0.hasSuffix(".toml") }.sorted().map { url.appendingPathComponent($0) }
        }
        return files
    }

    @Test func everyShippedFileIsAccepted() throws {
        let files = Self.shippedFiles()
        #expect(files.count >= 8)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(TOMLSyntaxGuard.problem(in: text) == nil, "\(file.lastPathComponent)")
        }
    }

    /// Valid TOML that uses the corners of the grammar: accepted, and TOMLKit agrees.
    @Test(arguments: [
        "a = \"\"\"\nx \"\" y \\\n   z\"\"\"\"\n",
        "a = '''\nraw \\ '' text'''''\n",
        "\"quoted key\".b = 1\r\nc.'lit' = 2\r\n",
        "a = [\n  1, # one\n  2,\n]\n",
        "t = { x = 1, y.z = [1, { w = 'v' }] }\n",
        "n = [0xDEAD_beef, 0o755, 0b1010, -0, +17, 1_000, 3.14e-2, -inf, nan, 5E+22]\n",
        "d = [1979-05-27T07:32:00Z, 1979-05-27 07:32:00.999999-07:00, 1979-05-27, 07:32:00, 2024-02-29T00:00:00]\n",
        "[a . b]\n[[c]]\n[[c]]\nx = true\ny = false # comment \u{00E4}\n",
        "\u{FEFF}a = \"\\u00E4\\U0001F600\\t\\\"\"\n",
        "",
        "# only a comment",
    ])
    func validCornersAreAccepted(_ text: String) throws {
        #expect(TOMLSyntaxGuard.problem(in: text) == nil)
        _ = try TOMLReading.parse(text, file: "corner.toml")
    }

    /// Inputs on which TOMLKit's parser reaches an assertion, found by fuzzing it.
    @Test(arguments: [
        ("[[\n", 1, 3), ("[#", 1, 2), ("[=]", 1, 2), ("[[ \n", 1, 4), ("a=[}", 1, 4), ("a=[1,}", 1, 6),
        ("4=1979-05-27 4\n", 1, 14), ("a = 1979-05-27 07\n", 1, 16), ("x = { a = [ } ", 1, 13),
    ])
    func abortingInputsAreRefused(_ input: (String, Int, Int)) {
        let problem = TOMLSyntaxGuard.problem(in: input.0)
        #expect(problem?.line == input.1 && problem?.column == input.2, "\(String(describing: problem))")
    }

    @Test func nestingIsBounded() {
        let deep = "a = " + String(repeating: "[", count: 100_000)
        #expect(TOMLSyntaxGuard.problem(in: deep)?.message == "arrays and inline tables are nested more than 64 levels deep")
        let allowed = "a = " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(TOMLSyntaxGuard.problem(in: allowed) == nil)
    }

    // MARK: - Fuzzing

    /// SplitMix64: the same sequence on every run and platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    static let tokens = ["[", "[[", "]", "]]", "{", "}", "\"", "'", "\"\"\"", "'''", "=", ".", ",", "\n", "\r\n", "\r",
                         "#", " ", "\t", "\\", "\\u", "\\U0001", "0", "9", "0x", "0o", "0b", "1e", "e", "inf", "nan",
                         "+", "-", "_", ":", "T", "Z", "1979-05-27", "07:32:00", "1979-05-27 7", "\u{0}", "\u{7F}",
                         "\u{1B}", "\u{9B}", "\u{FEFF}", "ä", "true", "false", "[a]", "[[a]]", "a=1\n", "a.b",
                         "\"k\"", "[ [", "{}", "[]", "a={b=1}", "x=[1,2,]", "3.14", "1_000",
                         "99999999999999999999", ".5", "5.", "1__2", "00", "\n[", "\n[[", "=\n"]

    /// One random change: insert a token, delete a run, replace a character, cut the text.
    static func mutate(_ text: String, _ random: inout Random) -> String {
        var scalars = Array(text.unicodeScalars)
        if random.below(4) == 0, scalars.count > 1 {
            let start = random.below(scalars.count)
            scalars = Array(scalars[start..<min(scalars.count, start + 1 + random.below(300))])
        }
        for _ in 0...random.below(6) {
            let at = random.below(scalars.count + 1)
            switch random.below(4) {
            case 0: scalars.insert(contentsOf: tokens[random.below(tokens.count)].unicodeScalars, at: at)
            case 1: if at < scalars.count { scalars.removeSubrange(at..<min(scalars.count, at + 1 + random.below(8))) }
            case 2: if at < scalars.count { scalars[at] = Unicode.Scalar(UInt8(random.below(128))) }
            default: scalars = Array(scalars[..<at])
            }
        }
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }

    /// Mutations of the shipped files through the three real readers: each either loads
    /// or is refused with a `DataFileError`; a syntax error names a line inside the text.
    /// An input the guard let through that TOMLKit aborts on would end this test process.
    /// `LOTSE_FUZZ_ITERATIONS` runs it longer.
    @Test func mutatedFilesNeverAbortTheReaders() throws {
        let seeds = try Self.shippedFiles().map { try String(contentsOf: $0, encoding: .utf8) }
        let questionnaire = try QuestionnaireFile.builtin()
        let iterations = ProcessInfo.processInfo.environment["LOTSE_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 1_500
        var random = Random(state: 0x4C6F_7473_65)
        var refusedByGuard = 0, refusedByParser = 0, parsed = 0
        for n in 0..<iterations {
            let text = Self.mutate(seeds[random.below(seeds.count)], &random)
            let file = "fuzz-\(n).toml"
            if let problem = TOMLSyntaxGuard.problem(in: text) {
                refusedByGuard += 1
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                #expect(problem.line >= 1 && problem.line <= lines + 1 && problem.column >= 1, "\(problem)")
            }
            do {
                _ = try TOMLReading.parse(text, file: file)
                parsed += 1
            } catch let error as DataFileError {
                if case .syntax(let p) = error, TOMLSyntaxGuard.problem(in: text) == nil {
                    refusedByParser += 1
                    #expect(p.line != nil)
                }
            }
            for reader in 0..<3 {
                do {
                    switch reader {
                    case 0: _ = try ThemeFile.parse(text, file: file)
                    case 1: _ = try QuestionnaireFile.parse(text, file: file)
                    default: _ = try AnswersFile.parse(text, file: file, questionnaire: questionnaire)
                    }
                } catch {
                    #expect(error is DataFileError, "\(type(of: error)): \(error)")
                }
            }
        }
        // Both sides of the guard were exercised.
        #expect(refusedByGuard > iterations / 10 && parsed > iterations / 10,
                "guard refused \(refusedByGuard), parser refused \(refusedByParser), parsed \(parsed)")
        print("TOML fuzz: \(iterations) inputs, guard refused \(refusedByGuard), parser refused \(refusedByParser), parsed \(parsed)")
    }
}
