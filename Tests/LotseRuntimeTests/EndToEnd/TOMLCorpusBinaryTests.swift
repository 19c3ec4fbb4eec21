import Foundation
import Testing

/// The TOML junk corpus (`Tests/Corpus/t*.toml`) through the real `lotse` binary, in every
/// option that loads a TOML file: the process ends by itself (no signal), fails, says
/// what is wrong (in English with `--lang en`, in German without an English word by
/// default), prints nothing on stdout, and leaves the database as it was.
@Suite("TOML corpus through the binary", .serialized)
struct TOMLCorpusBinaryTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repository.appendingPathComponent("Tests/Corpus")

    struct Run {
        var status: Int32
        var signalled: Bool
        var stdout: String
        var stderr: String
    }

    static func run(_ binary: String, _ arguments: [String], home: URL) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ["HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("data").path,
                               "LANG": "de_DE.UTF-8", "PATH": "/usr/bin:/bin"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting, so a full pipe cannot stall the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                   stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `reader: fragment` lines of an `.expect` file; "*" for a line without a reader.
    static func fragments(_ base: String) -> [String: String] {
        let text = (try? String(contentsOf: corpus.appendingPathComponent(base + ".expect"), encoding: .utf8)) ?? ""
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.isEmpty {
            if let colon = line.firstIndex(of: ":"), ["theme", "questionnaire", "answers"].contains(String(line[..<colon])) {
                out[String(line[..<colon])] = String(line[line.index(after: colon)...].dropFirst())
            } else {
                out["*"] = String(line)
            }
        }
        return out
    }

    /// English words of the messages that no German message may contain.
    static let englishWords = ["expected", "is not", "found", "allowed", "missing", "unknown", "must", "cannot",
                               "the ", "not used", "error"]

    @Test func everyJunkFileIsRefusedWithAMessageAndTheDatabaseStaysAsItWas() throws {
        let binary = try LotseBinary.locate().get()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-toml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }

        // The default database, created on first run.
        let first = try Self.run(binary, ["report"], home: home)
        #expect(first.status == 0, "\(first.stderr)")
        let database = home.appendingPathComponent("data/lotse/lotse.sqlite")
        let before = try Data(contentsOf: database)

        let answers = Self.repository.appendingPathComponent("questionnaires/examples/experimentieren-start.toml").path
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)
            .filter { $0.hasPrefix("t") && $0.hasSuffix(".toml") }.sorted()
        #expect(names.count >= 25)
        for name in names {
            let path = Self.corpus.appendingPathComponent(name).path
            let fragments = Self.fragments(String(name.dropLast(".toml".count)))
            let commands: [(String, [String])] = [
                ("theme", ["themes", "--check", path]),
                ("answers", ["assess", "score", "--answers", path]),
                ("questionnaire", ["assess", "score", "--answers", answers, "--questionnaire", path]),
            ]
            for (reader, arguments) in commands {
                // The .expect files hold the English sentences; German is the default.
                let run = try Self.run(binary, arguments + ["--lang", "en"], home: home)
                let what = "\(name) via lotse \(arguments.prefix(2).joined(separator: " ")) (\(reader))"
                #expect(!run.signalled, "\(what) was killed by signal \(run.status)")
                #expect(run.status == 1, "\(what): exit \(run.status)")
                #expect(!run.stderr.isEmpty, "\(what) said nothing")
                if let fragment = fragments[reader] ?? fragments["*"] {
                    #expect(run.stderr.contains(fragment), "\(what): \(run.stderr)")
                }
                if reader != "theme" { #expect(run.stdout.isEmpty, "\(what) printed: \(run.stdout)") }
                #expect(!run.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{0}" },
                        "\(what): raw control characters on stderr")

                let german = try Self.run(binary, arguments, home: home)
                #expect(!german.signalled && german.status == 1, "\(what) in German: exit \(german.status)")
                // The file's name may hold English words ("t03-missing-value"); the sentences may not.
                let sentences = german.stderr.replacingOccurrences(of: path, with: "FILE").lowercased()
                let english = Self.englishWords.filter { sentences.contains($0) }
                #expect(english.isEmpty, "\(what) in German has \(english): \(german.stderr)")
                #expect(german.stderr.contains(path), "\(what) in German names the file: \(german.stderr)")
            }
        }
        #expect(try Data(contentsOf: database) == before, "the database changed")
    }

    @Test func anErrorMessageQuotingAHostileFileNameCannotDriveTheTerminal() throws {
        let binary = try LotseBinary.locate().get()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-toml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let name = home.appendingPathComponent("x\u{1B}[2J\u{1B}]52;c;ZWNobyBoaQ==\u{07}\u{9B}31m.toml").path
        let run = try Self.run(binary, ["assess", "score", "--answers", name], home: home)
        #expect(!run.signalled && run.status == 1)
        #expect(run.stderr.contains("x␛[2J␛]52;c;ZWNobyBoaQ==␇\u{FFFD}31m.toml"), "\(run.stderr)")
        #expect(!run.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" })
    }
}
