import Foundation
import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

/// Every text of the screens comes from one table per language: each table has every key
/// in both languages, and no view, screen or report decides the language itself.
@Suite struct TranslationTests {
    /// The tables, German and English side by side.
    nonisolated(unsafe) static let tables: [(name: String, german: Any, english: Any)] = [
        ("Strings", Strings.german, Strings.english),
        ("ReportStrings", ReportStrings.german, ReportStrings.english),
        ("AssessmentStrings", AssessmentStrings.german, AssessmentStrings.english),
        ("FooterStrings", FooterStrings.german, FooterStrings.english),
        ("ProjectStrings", ProjectStrings.german, ProjectStrings.english),
        ("ResultStrings", ResultStrings.german, ResultStrings.english),
    ]

    /// Keys that read the same in both languages.
    static let sameInBoth: Set<String> = ["appName", "portfolioTitle", "colID", "colPhase", "tileBudget", "budget", "median"]

    /// Every entry that takes values, called with sample values, by table and key; nil
    /// for an entry without a sample here, which fails the test.
    static func sample(_ table: String, _ key: String, _ l: Language) -> String? {
        let s = Strings.forLanguage(l), r = ResultStrings.forLanguage(l)
        switch (table, key) {
        case ("Strings", "tooSmall"): return s.tooSmall(Size(width: 60, height: 15))
        case ("Strings", "missingCount"): return s.missingCount(3)
        case ("Strings", "openRisks"): return s.openRisks(3)
        case ("Strings", "healthLegend"): return s.healthLegend(78, 81)
        case ("Strings", "rowPosition"): return s.rowPosition(3, 30)
        case ("Strings", "projectGone"): return s.projectGone("MS-01")
        case ("Strings", "sortedBy"): return s.sortedBy("X")
        case ("Strings", "phase"): return Phase.allCases.map(s.phase).joined(separator: "|")
        case ("Strings", "phaseShort"): return Phase.allCases.map(s.phaseShort).joined(separator: "|")
        case ("Strings", "light"): return Light.allCases.map(s.light).joined(separator: "|")
        case ("Strings", "field"): return FieldOfAction.allCases.map(s.field).joined(separator: "|")
        case ("Strings", "challenge"): return Challenge.allCases.map(s.challenge).joined(separator: "|")
        case ("Strings", "continuation"): return ContinuationDecision.allCases.map(s.continuation).joined(separator: "|")
        case ("Strings", "solutionKind"): return SolutionKind.allCases.map(s.solutionKind).joined(separator: "|")
        case ("Strings", "sortKey"): return PortfolioQuery.SortKey.allCases.map(s.sortKey).joined(separator: "|")
        case ("Strings", "redSince"): return s.redSince("10/2026")
        case ("ReportStrings", "draftOutdated"): return s.report.draftOutdated("anna")
        case ("ReportStrings", "submitted"): return s.report.submitted("MS-01", "11/2026")
        case ("ReportStrings", "problemsCount"): return [1, 3].map(s.report.problemsCount).joined()
        case ("ReportStrings", "changedMeanwhile"): return s.report.changedMeanwhile("anna")
        case ("ReportStrings", "lastMonth"): return s.report.lastMonth("88 %")
        case ("ReportStrings", "problemProgressBelow"): return s.report.problemProgressBelow("88 %")
        case ("ReportStrings", "problemTooLong"): return s.report.problemTooLong(2000)
        case ("AssessmentStrings", "setupLabels"): return s.assess.setupLabels.joined(separator: "|")
        case ("AssessmentStrings", "outOfScale"): return s.assess.outOfScale(1, 5)
        case ("AssessmentStrings", "wrongCount"): return s.assess.wrongCount(4, 3)
        case ("AssessmentStrings", "badValue"): return s.assess.badValue("7", 1, 5)
        case ("AssessmentStrings", "badDate"): return s.assess.badDate("31.02.")
        case ("AssessmentStrings", "statementOf"): return s.assess.statementOf(2, 40)
        case ("AssessmentStrings", "evidenceReuse"): return s.assess.evidenceReuse(3, 2)
        case ("AssessmentStrings", "phaseExplanation"): return Phase.allCases.map(s.assess.phaseExplanation).joined()
        case ("AssessmentStrings", "responsesPrompt"): return s.assess.responsesPrompt(["Anna", "Ben"])
        case ("AssessmentStrings", "phaseEvidence"): return s.assess.phaseEvidence("X")
        case ("AssessmentStrings", "timeLeft"): return s.assess.timeLeft(7, 42)
        case ("AssessmentStrings", "notDeterminable"): return s.assess.notDeterminable("17 %")
        case ("AssessmentStrings", "fulfilled"): return s.assess.fulfilled("X", "45 %")
        case ("AssessmentStrings", "nextBegun"): return s.assess.nextBegun("X", "28 %")
        case ("AssessmentStrings", "nextNotBegun"): return s.assess.nextNotBegun("X")
        case ("AssessmentStrings", "comparedTo"): return s.assess.comparedTo("2026-05-01")
        case ("FooterStrings", "moreMunicipalities"): return [1, 4].map(s.footer.moreMunicipalities).joined()
        case ("FooterStrings", "moreMunicipalitiesShort"): return [1, 4].map(s.footer.moreMunicipalitiesShort).joined()
        case ("ResultStrings", "fulfilled"): return r.fulfilled("X", "45 %")
        case ("ResultStrings", "nextBegun"): return r.nextBegun("X", "28 %")
        case ("ResultStrings", "nextNotBegun"): return r.nextNotBegun("X")
        case ("ResultStrings", "notDeterminable"): return r.notDeterminable("17 %")
        case ("ResultStrings", "answeredLine"): return r.answeredLine("v1", 11, 12)
        case ("ResultStrings", "dontKnowCount"): return r.dontKnowCount(2)
        case ("ResultStrings", "answeredOf"): return r.answeredOf(3, 4)
        case ("ResultStrings", "knockOut"): return r.knockOut("X", "G-T", "Y")
        case ("ResultStrings", "atLeast"): return r.atLeast(4)
        case ("ResultStrings", "needsAnswers"): return r.needsAnswers("60 %")
        case ("ResultStrings", "partOf"): return r.partOf(3, 4)
        case ("ResultStrings", "reuse"): return r.reuse(3, 2)
        case ("ResultStrings", "littleInOperation"): return r.littleInOperation("10 %", "X")
        case ("ResultStrings", "littleContinuation"): return r.littleContinuation("10 %", "X")
        case ("ResultStrings", "littleReports"): return r.littleReports("10 %", "X")
        case ("ResultStrings", "dealtWith"): return r.dealtWith(3, 40)
        case ("ResultStrings", "whyStart"): return r.whyStart("X", "45 %")
        case ("ResultStrings", "whyBlocked"): return [1, 2].map { r.whyBlocked("X", $0) }.joined()
        case ("ResultStrings", "whyPrevious"): return r.whyPrevious("X", "Y", "70 %")
        case ("ResultStrings", "whyOwn"): return r.whyOwn("X", "90 %")
        case ("ResultStrings", "whyGatesHeld"): return [1, 3].map { r.whyGatesHeld("X", $0) }.joined()
        case ("ResultStrings", "whyProvisional"): return r.whyProvisional("VER-3", "X")
        case ("ResultStrings", "whyGaps"): return [1, 2].map(r.whyGaps).joined()
        case ("ResultStrings", "gapGate"): return r.gapGate("Strategie", "G-T")
        case ("ResultStrings", "gapPhase"): return r.gapPhase("X", "35 %")
        case ("ResultStrings", "gapPhaseNoScore"): return r.gapPhaseNoScore("X")
        case ("Strings", "lightFilter"): return PortfolioQuery.LightFilter.allCases.map(s.lightFilter).joined(separator: "|")
        default: return nil
        }
    }

    @Test(arguments: tables.map(\.name))
    func everyKeyHasATextInBothLanguages(table: String) throws {
        let entry = try #require(Self.tables.first { $0.name == table })
        let german = Array(Mirror(reflecting: entry.german).children), english = Array(Mirror(reflecting: entry.english).children)
        #expect(german.count == english.count)
        var checked = 0, differing = 0
        for (g, e) in zip(german, english) {
            let key = g.label ?? "?"
            guard key != "language" else { continue }
            let de: String, en: String
            if let a = g.value as? String, let b = e.value as? String {
                (de, en) = (a, b)
            } else if let a = Self.sample(table, key, .german), let b = Self.sample(table, key, .english) {
                (de, en) = (a, b)
            } else {
                Issue.record("\(table).\(key) takes values but has no sample call in this test")
                continue
            }
            checked += 1
            #expect(!de.trimmingCharacters(in: .whitespaces).isEmpty, "\(table).\(key) is empty in German")
            #expect(!en.trimmingCharacters(in: .whitespaces).isEmpty, "\(table).\(key) is empty in English")
            if de != en { differing += 1 } else {
                #expect(Self.sameInBoth.contains(key) || de.count <= 3, "\(table).\(key) is not translated: \(de)")
            }
        }
        #expect(checked > 5 && differing * 10 >= checked * 8, "\(table): \(differing) of \(checked) differ")
    }

    /// Outside the tables in `Text/`, no code of the screens picks a language itself.
    @Test func noViewDecidesTheLanguage() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/LotseUI").standardizedFileURL
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && !$0.path.contains("/Text/") }
        #expect(files.count > 20)
        let patterns = [#"==\s*\.german"#, #"==\s*\.english"#, #"\bgerman\s*\?"#, #"\benglish\s*\?"#,
                        #"\bde\s*\?\s*""#, #"\ben\s*\?\s*""#, #"english:\s*Bool"#, #"germanName"#, #"englishName"#]
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for pattern in patterns {
                let found = text.range(of: pattern, options: .regularExpression)
                #expect(found == nil, "\(file.lastPathComponent) decides the language itself (\(pattern))")
            }
        }
    }
}
