import Foundation
import LotseDomain
import Testing
@testable import LotseUI

/// Names, notes and questionnaire texts that try to drive a terminal or a Markdown
/// renderer come out of every report inert, with the exact escaping expected.
enum Hostile {
    /// Clear screen, an OSC 52 clipboard write ended by BEL, a C1 CSI, a fake heading on a
    /// line of its own, a tag and a link.
    static let name = "\u{1B}[2J\u{1B}]52;c;ZWNobyBoaQ==\u{07}Evil\u{9B}31m\n# Alle Berichte liegen vor\n<script>[x](javascript:alert(1))"
    static let text = "␛[2J␛]52;c;ZWNobyBoaQ==␇Evil\u{FFFD}31m # Alle Berichte liegen vor <script>[x](javascript:alert(1))"
    static let markdown = "␛\\[2J␛\\]52;c;ZWNobyBoaQ==␇Evil\u{FFFD}31m # Alle Berichte liegen vor \\<script\\>\\[x\\](javascript:alert(1))"

    /// The sample with the first project missing its report renamed, and its id.
    static func portfolio() throws -> (InMemoryPortfolio, String) {
        var p = Sample.portfolio
        let id = try #require(OverviewFigures(portfolio: p, month: Sample.month).reportsMissing.first?.id)
        let i = try #require(p.projects.firstIndex { $0.id == id })
        p.projects[i].name = name
        return (InMemoryPortfolio(p), id)
    }

    static func assertInert(_ output: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let dangerous = output.unicodeScalars.filter { $0 != "\n" && $0 != "\t" && SafeText.isDangerous($0) }
        #expect(dangerous.isEmpty, "raw control characters: \(dangerous.map { String($0.value, radix: 16) })",
                sourceLocation: sourceLocation)
    }
}

@Suite struct HostileTextReportTests {
    @Test func monthlyTextReportShowsTheNameOnItsLineAndInert() throws {
        let (reader, id) = try Hostile.portfolio()
        let text = try MonthlyReport.render(reader, month: Sample.month, format: .text, strings: .german)
        Hostile.assertInert(text)
        #expect(text.contains("\n  \(id) \(Hostile.text)\n"))
        #expect(!text.contains("\n# Alle"))
    }

    @Test func monthlyMarkdownReportEscapesTheName() throws {
        let (reader, id) = try Hostile.portfolio()
        let md = try MonthlyReport.render(reader, month: Sample.month, format: .markdown, strings: .english)
        Hostile.assertInert(md)
        #expect(md.contains("\n- \(id) \(Hostile.markdown)\n"))
        #expect(!md.contains("<script>") && !md.contains("[x](javascript"))
        // Every heading is one of ours.
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(headings.allSatisfy { !$0.contains("Alle Berichte") })
    }

    @Test func monthlyJSONKeepsTheNameExactly() throws {
        let (reader, id) = try Hostile.portfolio()
        let json = try MonthlyReport.render(reader, month: Sample.month, format: .json, strings: .german)
        Hostile.assertInert(json)
        #expect(json.contains("\\u009B31m"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let missing = try #require(object["reportsMissing"] as? [[String: Any]])
        #expect(missing.first { $0["id"] as? String == id }?["name"] as? String == Hostile.name)
    }

    /// The questionnaire's texts and the municipality are data as well.
    static var hostileQuestionnaire: Questionnaire {
        var q = ReportQuestionnaire.value
        q.dimensions[0].name = ReportQuestionnaire.text(Hostile.name)
        q.statements[0].text = ReportQuestionnaire.text(Hostile.name)
        for i in q.recommendations.indices { q.recommendations[i].text = ReportQuestionnaire.text(Hostile.name) }
        return q
    }

    @Test func assessmentScoreTextIsInert() {
        let r = AssessmentResult(questionnaire: Self.hostileQuestionnaire, answers: ReportQuestionnaire.all(2),
                                 municipality: Hostile.name, language: .german)
        let text = r.text(markdown: false)
        Hostile.assertInert(text)
        #expect(text.hasPrefix("Selbsteinschätzung – \(Hostile.text)\n"))
        #expect(!text.contains("\n# Alle"))
        let md = r.text(markdown: true)
        Hostile.assertInert(md)
        #expect(md.hasPrefix("# Selbsteinschätzung – \(Hostile.markdown)\n"))
        #expect(!md.contains("<script>") && !md.contains("\n# Alle"))
        Hostile.assertInert(r.json())
    }

    @Test func minutesEscapeNamesNotesAndTexts() {
        var a = Assessment(id: "WS-1", municipalityID: "m", questionnaire: "mini 1",
                           date: Date(timeIntervalSince1970: 1_773_300_000), facilitator: Hostile.name,
                           participants: ["- Anna", "*Bernd*"])
        a.responses = ["1-1": ["- Anna": 3, "*Bernd*": 4]]
        a.consensus = ["1-1": 3]
        a.notes = ["1-1": "Zeile eins\n## Zeile zwei\r\n1. drei"]
        let md = AssessmentMinutes(assessment: a, questionnaire: Self.hostileQuestionnaire, municipalityName: Hostile.name,
                                   language: .german).render(.markdown)
        Hostile.assertInert(md)
        #expect(md.hasPrefix("# Protokoll der Selbsteinschätzung – \(Hostile.markdown)\n\n- Datum: 2026-03-12\n"
                             + "- Moderation: \(Hostile.markdown)\n- Teilnehmende: \\- Anna, \\*Bernd\\*\n"))
        #expect(md.contains("### 1-1 · \(Hostile.markdown)"))
        #expect(md.contains("\n- Antworten: \\- Anna 3, \\*Bernd\\* 4\n"))
        // The note's line breaks cannot start a heading or a numbered list.
        #expect(md.contains("\n- Notiz: Zeile eins ## Zeile zwei 1. drei\n"))
        #expect(!md.contains("<script>"))
    }
}
