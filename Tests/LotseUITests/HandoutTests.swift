import Foundation
import LotseDomain
import Testing
@testable import LotseUI

/// The workshop handout: its texts in both languages, golden files of the Markdown and the
/// HTML (`Handouts/`, re-recorded with LOTSE_RECORD_SNAPSHOTS=1), the comparison with the
/// previous assessment, and hostile text from the data.
@Suite struct HandoutTests {
    // MARK: Texts

    static func sample(_ key: String, _ l: Language) -> String? {
        let t = HandoutStrings.forLanguage(l)
        switch key {
        case "comparison": return t.comparison("10.11.2025")
        case "placementThenNow": return t.placementThenNow("Experimentieren", "Transferieren")
        case "points": return [12, -5, 0].map(t.points).joined(separator: "|")
        case "otherQuestionnaire": return t.otherQuestionnaire("phasenmodell 0.9")
        case "between": return t.between("a", "b")
        case "madeFrom": return t.madeFrom("SE-1", "mini 1")
        case "day": return t.day(2026, 3, 7)
        case "written": return t.written("/tmp/h.html")
        case "notWritten": return t.notWritten("/tmp/h.html", "Permission denied")
        default: return nil
        }
    }

    @Test func everyTextExistsInBothLanguages() {
        let result = StringTableCheck.compare("HandoutStrings", german: HandoutStrings.german,
                                              english: HandoutStrings.english, sample: Self.sample)
        #expect(result.checked == result.total && result.total == 32)
        #expect(result.same.isEmpty, "\(result.same)")
        #expect(HandoutStrings.german.day(2026, 3, 7) == "07.03.2026")
        #expect(HandoutStrings.english.points(-5) == "−5 points")
    }

    // MARK: Fixture

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Date {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c.date(from: DateComponents(year: y, month: m, day: d, hour: 10))!
    }

    /// The report questionnaire with a tension field and recommendations that name their source.
    static let questionnaire: Questionnaire = {
        var q = ReportQuestionnaire.value
        q.recommendations = q.recommendations.map { r in
            var r = r
            r.text = LocalizedText(de: r.text.de + " (nach Trendreport 2025, Phase \(r.phase.number))",
                                   en: r.text.en + " (after Trendreport 2025, phase \(r.phase.number))")
            return r
        }
        q.tensions = [.init(id: "std", name: ReportQuestionnaire.text("Standardisierung", "Standardisation"),
                            poleA: ReportQuestionnaire.text("Leitplanken", "guard-rails"),
                            poleB: ReportQuestionnaire.text("Freiheit", "freedom"),
                            summary: ReportQuestionnaire.text("Zusammenfassung.", "Summary."),
                            source: "Trendreport 2025, Spannungsfelder", statements: ["1-2", "3-1"],
                            recommendations: [.init(dimension: "a", phase: .transfer)])]
        return q
    }()

    static var previous: Assessment {
        var consensus = ReportQuestionnaire.all(3)
        consensus["1-3"] = 2
        consensus["2-1"] = 5
        return Assessment(id: "SE-1", municipalityID: "teststadt", questionnaire: "mini 1", date: day(2025, 11, 10),
                          facilitator: "Berta", participants: ["Anna", "Bernd"], consensus: consensus, completed: true)
    }

    static var current: Assessment {
        var consensus = ReportQuestionnaire.all(4)
        consensus["1-3"] = 5
        consensus["2-1"] = 2
        consensus["3-1"] = .some(nil)
        consensus.removeValue(forKey: "3-2")
        return Assessment(id: "SE-2", municipalityID: "teststadt", questionnaire: "mini 1", date: day(2026, 11, 12),
                          facilitator: "Berta", participants: ["Anna", "Bernd", "Cem"],
                          responses: ["1-2": ["Anna": 1, "Bernd": 5, "Cem": 4], "1-3": ["Anna": 5, "Bernd": 5]],
                          consensus: consensus, notes: ["1-3": "Bürgerportal läuft seit März"], completed: true,
                          stances: ["std": TensionStance(position: 2, note: "Land <gibt> den Rahmen vor")])
    }

    static func handout(_ lang: Language, previous: Assessment? = HandoutTests.previous) -> Handout {
        Handout(assessment: current, questionnaire: questionnaire, previous: previous, municipalityName: "Teststadt",
                language: lang)
    }

    // MARK: Golden files

    func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        GoldenFile.check(actual, folder: "Handouts", named: name, sourceLocation: sourceLocation)
    }

    @Test func markdownMatchesTheGoldenFiles() {
        assertGolden(Self.handout(.german).markdown(), named: "handout-de.md")
        assertGolden(Self.handout(.english).markdown(), named: "handout-en.md")
    }

    @Test func htmlMatchesTheGoldenFile() {
        assertGolden(Self.handout(.german).html(), named: "handout-de.html")
    }

    /// One file: no scripts, no links to anything outside, A4 print rules, balanced sections.
    @Test func htmlIsSelfContained() {
        let html = Self.handout(.german).html()
        for outside in ["http:", "https:", "src=", "<link", "<script", "@import", "url("] {
            #expect(!html.contains(outside), "\(outside)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"))
        #expect(html.contains("@page { size: A4;") && html.contains("@media print"))
        #expect(html.components(separatedBy: "<section>").count == html.components(separatedBy: "</section>").count)
        #expect(html.components(separatedBy: "<ul>").count == html.components(separatedBy: "</ul>").count)
        #expect(Self.handout(.english).html().contains("<html lang=\"en\">"))
    }

    // MARK: Content

    @Test func theComparisonNamesWhatRoseAndWhatFell() {
        let h = Self.handout(.german)
        let statements = h.changes.filter { $0.kind == .statement }
        #expect(statements.filter { $0.after > $0.before }.map(\.id).contains("1-3"))
        #expect(statements.filter { $0.after < $0.before }.map(\.id) == ["2-1"])
        #expect(!statements.map(\.id).contains("3-1"), "weiß nicht is no value to compare")
        #expect(!statements.map(\.id).contains("3-2"), "not answered is no value to compare")
        let md = h.markdown()
        #expect(md.contains("## Vergleich mit der Einschätzung vom 10.11.2025"))
        #expect(md.contains("### Gestiegen") && md.contains("### Gesunken"))
        #expect(md.contains("- **2-1**: 5 → 2 · Aussage 2-1"))
        let first = Self.handout(.german, previous: nil)
        #expect(first.changes.isEmpty)
        #expect(first.markdown().contains("Keine frühere Einschätzung dieser Kommune gespeichert."))
    }

    @Test func dissentNotesTensionsAndSourcesAreShown() {
        let md = Self.handout(.german).markdown()
        #expect(md.contains("### 1-2 · Aussage 1-2 ⚠ Dissens"))
        #expect(md.contains("- **Notiz:** Bürgerportal läuft seit März"))
        #expect(md.contains("## Spannungsfelder\n\n### Standardisierung"))
        #expect(md.contains("Berührte Aussagen (Konsens): 1-2 (4), 3-1 (weiß nicht)"))
        #expect(md.contains("**Quelle:** Trendreport 2025, Phase"))
        #expect(md.contains("Warum diese Phase"))
    }

    @Test func theSourceIsSplitOffOnlyWhenItIsThere() {
        #expect(Handout.splitSource("Tun Sie X. (nach Trendreport 2025, Ausblick)", prefix: "nach")
                == ("Tun Sie X.", "Trendreport 2025, Ausblick"))
        #expect(Handout.splitSource("Tun Sie X (bald).", prefix: "nach") == ("Tun Sie X (bald).", nil))
        #expect(Handout.splitSource("Tun Sie X (nach )", prefix: "nach") == ("Tun Sie X (nach )", nil))
    }

    // MARK: Hostile text

    @Test func hostileTextStaysText() {
        var a = Self.current
        a.notes["1-3"] = "<script>alert('x')</script> & \"quoted\""
        a.participants = ["Anna\u{1B}]52;c;AAAA\u{07}", "Bernd"]
        a.responses["1-2"] = ["Anna\u{1B}]52;c;AAAA\u{07}": 1, "Bernd": 5]
        a.facilitator = "<img src=x onerror=alert(1)>"
        let h = Handout(assessment: a, questionnaire: Self.questionnaire, previous: Self.previous,
                        municipalityName: "Test\u{1B}[2Jstadt", language: .german)
        let html = h.html(), md = h.markdown()
        for text in [html, md] {
            #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
        }
        #expect(html.contains("Anna␛]52;c;AAAA␇") && html.contains("Test␛[2Jstadt"))
        #expect(md.contains("Anna␛\\]52;c;AAAA␇") && md.contains("Test␛\\[2Jstadt"))
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        // In Markdown every "<" from the data is escaped, so no renderer reads a tag.
        let scalars = Array(md.unicodeScalars)
        #expect(scalars.indices.allSatisfy { scalars[$0] != "<" || ($0 > 0 && scalars[$0 - 1] == "\\") })
        #expect(md.contains("\\<script\\>"))
    }
}
