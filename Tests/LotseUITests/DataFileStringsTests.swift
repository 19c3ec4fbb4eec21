import Foundation
import Testing
import LotseDomain
@testable import LotseUI

/// The texts of refused data files: every entry in both languages, every kind of problem
/// told in German and English, places in the form editors link to.
@Suite struct DataFileStringsTests {
    typealias P = PortfolioProblem

    /// Every entry that takes values, called with sample values; nil for an entry without a
    /// sample here, which fails the test.
    static func sample(_ key: String, _ l: Language) -> String? {
        let t = DataFileStrings.forLanguage(l)
        switch key {
        case "refused": return [1, 3].map { t.refused("f.json", $0) }.joined()
        case "unreadable": return t.unreadable("f.json", "x")
        case "notInstalled": return t.notInstalled("f.toml", "/a, /b")
        case "more": return t.more(4)
        case "found": return allFound.map(t.found).joined(separator: "|")
        case "expected": return allExpected.map(t.expected).joined(separator: "|")
        case "subject": return allSubjects.map(t.subject).joined(separator: "|")
        case "identity": return P.Identity.allCases.map(t.identity).joined(separator: "|")
        case "identityNoun": return P.Identity.allCases.map(t.identityNoun).joined(separator: "|")
        case "reportText": return P.ReportText.allCases.map(t.reportText).joined(separator: "|")
        case "cannotRead": return t.cannotRead("x")
        case "expectedFound": return t.expectedFound("a", "b")
        case "trailingContent": return t.trailingContent("x")
        case "nestedTooDeeply": return t.nestedTooDeeply(512)
        case "invalidEscape": return t.invalidEscape("q")
        case "notANumber": return t.notANumber("01")
        case "notAWholeNumber": return t.notAWholeNumber("1.5")
        case "numberOutOfRange": return t.numberOutOfRange("1e400")
        case "notADecimal": return t.notADecimal("x")
        case "notAMonth": return t.notAMonth("2026-13")
        case "notATimestamp": return t.notATimestamp("x")
        case "notAChoice": return P.Choice.allCases.map { t.notAChoice("lila", $0, ["a", "b"]) }.joined(separator: "|")
        case "duplicateKey": return t.duplicateKey("name")
        case "missingField": return t.missingField("name")
        case "negativeVersion": return t.negativeVersion(-1)
        case "newerVersion": return t.newerVersion(999, 1)
        case "duplicate": return t.duplicate("x", "y")
        case "emptyID": return t.emptyID("x")
        case "controlCharacterInID": return t.controlCharacterInID("x", "y", "U+0000")
        case "controlCharacterInName": return t.controlCharacterInName("x", "U+0000")
        case "controlCharacterInText": return t.controlCharacterInText("x", "y", "U+0000")
        case "negativePopulation": return t.negativePopulation("x")
        case "unknownMunicipality": return t.unknownMunicipality("x", "y")
        case "negativeBudget": return t.negativeBudget("x")
        case "fundingEndBeforeStart": return t.fundingEndBeforeStart("x", "2024-01", "2025-01")
        case "emptyName": return t.emptyName("x")
        case "moneyBeyondLimit": return [true, false].map { t.moneyBeyondLimit("x", $0, 1_000_000, 10) }.joined()
        case "unknownProject": return t.unknownProject("x", "y")
        case "unknownKPI": return t.unknownKPI("x")
        case "progressOutOfRange": return t.progressOutOfRange("x", 140)
        case "negativeSpent": return t.negativeSpent("x")
        case "probabilityOutOfRange": return t.probabilityOutOfRange("x", 9)
        case "impactOutOfRange": return t.impactOutOfRange("x", 9)
        case "notADay": return t.notADay("2025-02-30")
        case "revisionBelowOne": return t.revisionBelowOne("x", 0)
        case "negativeFollowUp": return t.negativeFollowUp("x")
        default: return nil
        }
    }

    static let allFound: [P.Found] = [.text("12"), .number("12"), .boolean(true), .null, .object, .array, .endOfFile,
                                      .character("x"), .byte(0xFF)]
    static let allExpected: [P.Expected] = [.document, .object, .list, .text, .number, .wholeNumber, .boolean, .null,
                                            .month, .timestamp, .monthOrNull, .commaOrListEnd, .commaOrObjectEnd,
                                            .key, .colon, .day]
    static let allSubjects: [P.Subject] = [.municipality("m"), .project("p"), .kpi("k"), .risk("r"),
                                           .report(project: "p", month: "2026-01"),
                                           .reading(kpi: "k", month: "2026-01"), .review(project: "p", revision: 2)]

    /// One problem of every kind.
    static let allKinds: [P.Kind] = [
        .unreadable(reason: "x"), .unexpectedEnd, .endInsideText, .expected(.number, found: .text("12")),
        .trailingContent(found: .character("}")), .nestedTooDeeply(limit: 512), .invalidUTF8,
        .controlCharacterInJSONText, .invalidEscape("q"), .invalidUnicodeEscape, .notANumber("01"),
        .notAWholeNumber("1.5"), .numberOutOfRange("1e400"), .notADecimal("x"), .notAMonth("2026-13"),
        .notATimestamp("2026-02-30T25:61:00Z"), .notAChoice("lila", .phase, allowed: ["a"]), .duplicateKey("name"),
        .missingField("name"), .negativeVersion(-1), .newerVersion(found: 9, supported: 1), .fileChanged,
        .duplicate(.project, id: "P"), .emptyID(.kpi), .controlCharacterInID(.risk, id: "R?", character: "U+0000"),
        .controlCharacterInName(.project("P"), character: "U+001B"),
        .controlCharacterInText(.report(project: "P", month: "2026-01"), .achieved, character: "U+001B"),
        .negativePopulation(.municipality("m")), .unknownMunicipality(.project("P"), municipality: "m"),
        .negativeBudget(.project("P")), .fundingEndBeforeStart(.project("P"), end: "2024-01", start: "2025-01"),
        .emptyName(.project("P")), .moneyBeyondLimit(.project("P"), spent: false, euros: 10, limitEuros: 5),
        .unknownProject(.kpi("K"), project: "P"), .unknownKPI(.reading(kpi: "K", month: "2026-01")),
        .progressOutOfRange(.report(project: "P", month: "2026-01"), 140), .negativeSpent(.report(project: "P", month: "2026-01")),
        .probabilityOutOfRange(.risk("R"), 9), .impactOutOfRange(.risk("R"), 0),
        .riskClosedWhileOpen(.risk("R"), closed: "2026-03"),
        .riskClosedBeforeRaised(.risk("R"), closed: "2026-01", raised: "2026-03"),
        .notADay("2025-02-30"), .revisionBelowOne(.review(project: "P", revision: 0), 0),
        .negativeFollowUp(.review(project: "P", revision: 1)), .duplicate(.review, id: "P 1"),
    ]

    @Test func everyEntryHasATextInBothLanguages() {
        let r = StringTableCheck.compare("DataFileStrings", german: DataFileStrings.german, english: DataFileStrings.english) {
            key, language in
            let text = Self.sample(key, language)
            #expect(!(text ?? "").contains("||"), "\(key) has an empty case")
            return text
        }
        #expect(r.checked > 40 && r.differing * 10 >= r.checked * 9, "\(r.differing) of \(r.checked) differ" as Comment)
    }

    @Test(arguments: Language.allCases)
    func everyKindOfProblemIsToldInEachLanguage(language: Language) {
        let t = DataFileStrings.forLanguage(language)
        let other = DataFileStrings.forLanguage(language == .german ? .english : .german)
        for kind in Self.allKinds {
            let text = t.message(kind)
            #expect(!text.isEmpty, "\(kind)")
            if case .nestedTooDeeply = kind {} else if case .fileChanged = kind {} else {
                #expect(text != other.message(kind) || language == .english, "\(kind) reads the same in both")
            }
        }
        // The German sentences differ from the English descriptions kept for logs.
        if language == .german {
            let same = Self.allKinds.filter { t.message($0) == $0.description }
            #expect(same.isEmpty, "\(same)")
        }
    }

    @Test func aProblemIsToldWithItsPlaceInGerman() {
        let report = PortfolioFileError.rejected(
            source: "projects.json",
            problems: [PortfolioProblem(line: 48, column: 17, path: "projects[12].phase",
                                        kind: .notAChoice("lila", .phase, allowed: Phase.allCases.map(\.rawValue))),
                       PortfolioProblem(line: 60, column: 3, path: "projects[13].budgetPlanned",
                                        kind: .expected(.wholeNumber, found: .text("12")))],
            omitted: 7, stopped: true).fileReport
        let text = DataFileStrings.german.describe(report)
        let lines = text.components(separatedBy: "\n")
        #expect(lines.first == "projects.json: 9 Probleme, die Datei wurde nicht übernommen:")
        #expect(lines.contains("  projects.json:48:17: projects[12].phase: „lila“ ist keine Phase; erlaubt: "
            + "experimentieren, transferieren, etablieren"))
        #expect(lines.contains("  projects.json:60:3: projects[13].budgetPlanned: erwartet eine ganze Zahl, gefunden: Text „12“"))
        #expect(lines.contains("  … und 7 weitere"))
        #expect(lines.last == "  " + DataFileStrings.german.stoppedNote)
        let english = DataFileStrings.english.describe(report)
        #expect(english.contains("projects.json:48:17: projects[12].phase: 'lila' is not a phase; allowed: experimentieren"))
        #expect(english.contains("… and 7 more"))
    }

    @Test func amountsAreGroupedByThousands() {
        let kind = P.Kind.moneyBeyondLimit(.report(project: "P", month: "2026-01"), spent: true,
                                           euros: 1_000_000_000_000_000, limitEuros: 100_000_000_000)
        #expect(DataFileStrings.german.message(kind).contains("ausgegeben 1.000.000.000.000.000 € übersteigt"))
        #expect(DataFileStrings.german.message(kind).contains("höchstens 100.000.000.000 €"))
        #expect(DataFileStrings.english.message(kind).contains("money spent 1,000,000,000,000,000 €"))
        #expect(DataFileStrings.grouped(-1234, ".") == "-1.234")
        #expect(DataFileStrings.grouped(999, ".") == "999")
    }

    @Test func aTOMLProblemKeepsItsSentenceInsideATranslatedFrame() {
        let report = FileErrorReport(file: "theme.toml", headline: .refused,
                                     items: [.text(line: 3, column: 5, item: "colors.red", message: "expected a string")],
                                     tomlSyntax: true)
        #expect(DataFileStrings.german.describe(report)
            == "theme.toml: 1 Problem, die Datei wurde nicht übernommen:\n  theme.toml:3:5: colors.red: expected a string (TOML-Syntax)")
        let missing = FileErrorReport(file: "dark.toml", headline: .notInstalled(searched: ["/a", "/b"]), items: [])
        #expect(DataFileStrings.german.describe(missing) == "dark.toml ist nicht installiert; gesucht in: /a, /b")
        #expect(DataFileStrings.english.describe(missing) == "dark.toml is not installed; looked in: /a, /b")
    }
}
