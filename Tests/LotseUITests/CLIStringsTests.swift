import Foundation
import Testing
import LotseDomain
import LotseUI

/// The command line's texts: one table per language, complete, and really used.
@Suite struct CLIStringsTests {
    static let tables: [(Language, CLIStrings)] = [(.german, .german), (.english, .english)]

    /// Texts that are the same word in both languages.
    static let sameInBothLanguages: Set<String> = ["colID", "demoLabel"]

    /// One call of every closure property, with sample values. A closure property that is
    /// missing here fails `everyClosureGivesTextInBothLanguages`.
    static let samples: [String: @Sendable (CLIStrings) -> String] = [
        "todayNotAMonth": { $0.todayNotAMonth("2026-13") },
        "cannotRead": { $0.cannotRead("/tmp/x.json", $0.reasonNoSuchFile) },
        "cannotWrite": { $0.cannotWrite("/tmp/x.json", "Permission denied") },
        "terminalTypeUnknown": { $0.terminalTypeUnknown("vt999") },
        "terminalCannotPositionCursor": { $0.terminalCannotPositionCursor("dumb") },
        "importSummary": { $0.importSummary(10_000, 240_000, 30_000, 5_000, 12, 1) },
        "importDryRun": { $0.importDryRun("big.json", "/data/lotse.sqlite", "10 projects") },
        "imported": { $0.imported("10 projects", "/data/lotse.sqlite") },
        "optionOutOfRange": { $0.optionOutOfRange("--projects", 300_000, 1, 200_000) },
        "noSuchAssessment": { $0.noSuchAssessment("SE-7") },
        "assessmentQuestionnaireMismatch": {
            $0.assessmentQuestionnaireMismatch("SE-7", "phasenmodell 0.9.0", "phasenmodell 1.0.0")
        },
        "count": { $0.count(1_234) },
        "answeredOf": { $0.answeredOf(12, 40) },
        "phaseName": { $0.phaseName(.transfer) },
        "otherQuestionnaire": { $0.otherQuestionnaire("phasenmodell 0.9.0") },
        "themesHowToChoose": { $0.themesHowToChoose("/usr/share/lotse/Themes") },
        "themesCheckUsage": { $0.themesCheckUsage("mine.toml") },
        "themeCheckOK": { $0.themeCheckOK("mine.toml") },
        "noSuchTheme": { $0.noSuchTheme("purple", ["dark", "light"]) + $0.noSuchTheme("purple", []) },
    ]

    /// Closures whose sample reads the same in both languages (numbers, a file name and a word).
    static let closuresSameInBothLanguages: Set<String> = ["count", "answeredOf"]

    @Test func everyTextIsThereInBothLanguages() {
        var texts: [String: [Language: String]] = [:]
        for (language, table) in Self.tables {
            #expect(table.language == language)
            for child in Mirror(reflecting: table).children {
                guard let label = child.label, let text = child.value as? String else { continue }
                #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language) \(label) is empty")
                texts[label, default: [:]][language] = text
            }
        }
        #expect(texts.count >= 20, "the Mirror sees the stored texts: \(texts.keys.sorted())")
        let same = Set(texts.filter { $0.value[.german] == $0.value[.english] }.keys)
        #expect(same == Self.sameInBothLanguages,
                "German and English read the same only where listed; unexpected: \(same.subtracting(Self.sameInBothLanguages).sorted())")
        #expect(same.count * 10 < texts.count, "most texts differ between the languages")
    }

    @Test func everyClosureGivesTextInBothLanguages() {
        var closures: [String] = []
        for child in Mirror(reflecting: CLIStrings.german).children {
            guard let label = child.label, !(child.value is String), !(child.value is Language) else { continue }
            closures.append(label)
        }
        #expect(closures.count >= 15, "the Mirror sees the closures: \(closures)")
        #expect(Set(closures).subtracting(Self.samples.keys).isEmpty,
                "every closure property has a sample call: missing \(Set(closures).subtracting(Self.samples.keys).sorted())")
        #expect(Set(Self.samples.keys).subtracting(closures).isEmpty, "no sample for a property that is gone")
        for (label, sample) in Self.samples.sorted(by: { $0.key < $1.key }) {
            let german = sample(.german), english = sample(.english)
            #expect(!german.isEmpty && !english.isEmpty, "\(label): '\(german)' / '\(english)'")
            if !Self.closuresSameInBothLanguages.contains(label) {
                #expect(german != english, "\(label) reads the same in German and English: '\(german)'")
            }
        }
    }

    @Test func numbersAndPluralsFollowTheLanguage() {
        let de = CLIStrings.german, en = CLIStrings.english
        #expect(de.importSummary(10_000, 1, 0, 2, 1, 0)
                == "10.000 Projekte, 1 Bericht, 0 Kennzahlen, 2 Risiken (bisher: 1 Projekt, 0 Berichte)")
        #expect(en.importSummary(10_000, 1, 0, 2, 1, 0)
                == "10,000 projects, 1 report, 0 KPIs, 2 risks (before: 1 project, 0 reports)")
        #expect(de.imported("10.000 Projekte", "/d/lotse.sqlite").hasPrefix("Importiert: 10.000 Projekte"))
        #expect(de.optionOutOfRange("--projects", 300_000, 1, 200_000)
                == "--projects 300.000 liegt nicht zwischen 1 und 200.000.")
        #expect(en.optionOutOfRange("--projects", 300_000, 1, 200_000) == "--projects 300,000 is not within 1…200,000.")
        #expect(de.phaseName(.establishment) == Phase.establishment.germanName)
        #expect(en.phaseName(.establishment) == Phase.establishment.englishName)
    }

    @Test func defaultsAndChoiceOfTable() {
        #expect(CLIStrings.forLanguage(.german).language == .german)
        #expect(CLIStrings.forLanguage(.english).language == .english)
        #expect(CLIStrings.german.errorPrefix == "Fehler: ")
        #expect(CLIStrings.english.errorPrefix == "Error: ")
    }

    // MARK: Nothing printed beside the table

    static let commandLineSources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/lotse")

    @Test func theCommandLinePrintsNoTextOutsideTheTable() throws {
        let files = try Self.swiftFiles(under: Self.commandLineSources)
        let names = Set(files.map(\.lastPathComponent))
        #expect(files.count >= 9 && names.isSuperset(of: ["Lotse.swift", "ExportImport.swift", "ThemeChoice.swift"]),
                "the scan finds the command line's sources in \(Self.commandLineSources.path): \(names.sorted())")
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            for offence in CLITextScan.offences(in: source) {
                Issue.record("\(file.lastPathComponent): text outside CLIStrings: \(offence)")
            }
        }
    }

    /// The scan itself catches what it is for, and leaves table lookups alone.
    @Test func theScanCatchesLiteralMessages() {
        let caught = [
            #"print("Imported \(summary) into \(path).")"#,
            #"throw CLIError("\(file): cannot be read (\(reason))")"#,
            #"throw CLIError("there is no theme '\(name)'; shipped: ""#,
            #"throw ValidationError("--projects \(projects) is not within 1…200000.")"#,
            "print(english ? \"No assessments stored.\" : \"Keine Selbsteinschätzungen gespeichert.\")",
            "print(english\n      ? \"Use: lotse --theme NAME\"\n      : \"Wahl: lotse --theme NAME\")",
            #"printError("\(error)")"#,
            #"FileHandle.standardError.write(Data("oops\n".utf8))"#,
            "print(\"\"\"\n    Imported\n    \"\"\")",
        ]
        for source in caught {
            #expect(CLITextScan.offences(in: source).count == 1, "caught: \(source)")
        }
        let allowed = [
            "print(strings.imported(summary, opened.path))",
            "print()",
            #"print(text, terminator: text.hasSuffix("\n") ? "" : "\n")"#,
            #"print(DisplayWidth.pad(name, to: width) + "  " + text)"#,
            #"print(json ? result.json() : result.text(markdown: false), terminator: "")"#,
            "throw CLIError(strings.noSuchTheme(nameOrPath, names))",
            #"FileHandle.standardError.write(Data((text + "\n").utf8))"#,
            #"// print("an example in a comment")"#,
            #"/// throw CLIError("an example in a doc comment")"#,
        ]
        for source in allowed {
            #expect(CLITextScan.offences(in: source).isEmpty, "allowed: \(source)")
        }
    }

    static func swiftFiles(under folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path }
    }
}

/// Finds string literals with words in them handed straight to `print(`, `printError(`,
/// `CLIError(`, `ValidationError(` or `FileHandle.standardError/standardOutput.write(`.
enum CLITextScan {
    /// A literal holding a letter (an interpolation counts: `"\(error)"` is text made here).
    static let wordyLiteral = #""(?:[^"\\\n]|\\.)*\p{L}"#
    static let calls = #"\b(?:print|printError|CLIError|ValidationError)\("#
    static let patterns: [NSRegularExpression] = [
        // The first literal on the call's line: `print(a ? "…" : "…")`.
        calls + #"[^"\n]*"# + wordyLiteral,
        // A literal on a later line, before any parenthesis: `print(english\n ? "…"`.
        calls + #"[^"()]*"# + wordyLiteral,
        // A multi-line literal.
        calls + #"[^"()]*""""#,
        #"FileHandle\.standard(?:Error|Output)\.write\([^"\n]*"# + wordyLiteral,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// Each offending call, once, with its first line.
    static func offences(in source: String) -> [String] {
        // Comments keep their length as blanks, so no example in a comment counts.
        let code = source.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.trimmingCharacters(in: .whitespaces).hasPrefix("//") ? String(repeating: " ", count: line.count) : String(line)
        }.joined(separator: "\n")
        let text = code as NSString
        var starts: Set<Int> = []
        for pattern in patterns {
            for match in pattern.matches(in: code, range: NSRange(location: 0, length: text.length)) {
                starts.insert(match.range.location)
            }
        }
        return starts.sorted().map { start in
            let lineRange = text.lineRange(for: NSRange(location: start, length: 0))
            return text.substring(with: lineRange).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
