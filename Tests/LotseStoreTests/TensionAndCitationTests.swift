import Foundation
import Testing
import LotseDomain
@testable import LotseStore

/// The tension fields of the shipped questionnaire, their validation, and that every source
/// reference names a passage of `questionnaires/quellen-index.toml` (whose anchors
/// `scripts/check-source-index.py` checks against the studies).
@Suite struct TensionAndCitationTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("questionnaires")

    @Test func builtinHasTheFourTensionFieldsWithKnownReferences() throws {
        let q = try QuestionnaireFile.builtin()
        #expect(q.tensions.map(\.id) == ["standardisierung", "mehrwert", "informationszugang", "finanzierung"])
        for t in q.tensions {
            #expect(!t.poleA.de.isEmpty && !t.poleB.de.isEmpty && !t.poleA.en.isEmpty && !t.poleB.en.isEmpty)
            for id in t.statements { #expect(q.statement(id) != nil, "\(t.id): \(id)") }
            for r in t.recommendations { #expect(q.recommendation(dimension: r.dimension, phase: r.phase) != nil) }
        }
    }

    static func text(replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOf: folder.appendingPathComponent("phasenmodell-v1.toml"), encoding: .utf8)
        #expect(text.contains(old), "fixture text not found: \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    static func problems(_ text: String) -> String {
        do {
            _ = try QuestionnaireFile.parse(text, file: "q.toml")
            return ""
        } catch { return "\(error)" }
    }

    @Test func unknownStatementInTensionIsRejected() throws {
        let text = try Self.text(replacing: #"statements = ["TRA-1", "TRA-2", "TRA-3"]"#,
                                 with: #"statements = ["TRA-1", "TRA-99"]"#)
        let message = Self.problems(text)
        #expect(message.contains("unknown statement 'TRA-99'"), "\(message)")
        #expect(message.contains("tension informationszugang"), "\(message)")
    }

    @Test func tensionWithoutSecondPoleIsRejected() throws {
        let text = try Self.text(replacing: "pole_b.de = \"lokale Freiheit\"\n", with: "")
        #expect(Self.problems(text).contains("pole_b"), "\(Self.problems(text))")
        let empty = try Self.text(replacing: "pole_b.en = \"local freedom\"", with: "pole_b.en = \" \"")
        #expect(Self.problems(empty).contains("the English text is empty"))
    }

    @Test func unknownRecommendationInTensionIsRejected() throws {
        let text = try Self.text(replacing: #"{ dimension = "wirkung", phase = "experimentieren" }"#,
                                 with: #"{ dimension = "wirkung2", phase = "experimentieren" }"#)
        #expect(Self.problems(text).contains("no recommendation for dimension 'wirkung2'"))
    }

    @Test func duplicateTensionIDIsRejected() throws {
        let text = try Self.text(replacing: #"id = "finanzierung""#, with: #"id = "mehrwert""#)
        #expect(Self.problems(text).contains("the tension id 'mehrwert' is used more than once"))
    }

    @Test func questionnaireWithoutTensionsStillLoads() throws {
        let full = try String(contentsOf: Self.folder.appendingPathComponent("phasenmodell-v1.toml"), encoding: .utf8)
        let cut = try #require(full.range(of: "\n# ---------------------------------------------------------------------------\n# Spannungsfelder"))
        let q = try QuestionnaireFile.parse(String(full[..<cut.lowerBound]), file: "old.toml")
        #expect(q.tensions.isEmpty)
        #expect(q.statements.count == (try QuestionnaireFile.builtin()).statements.count)
    }

    // MARK: - Citations

    static let works = ["Trendreport 2025", "NEGZ Kurzstudie 36 (2025)"]

    /// (work, passage) pairs a source reference names; see the header of quellen-index.toml.
    static func segments(_ reference: String) -> [(String?, String)] {
        var work: String?
        return reference.split(separator: ";").map { raw in
            var segment = raw.trimmingCharacters(in: .whitespaces)
            for w in works where segment.hasPrefix(w + ",") {
                work = w
                segment = String(segment.dropFirst(w.count + 1)).trimmingCharacters(in: .whitespaces)
            }
            if let paren = segment.range(of: " (") { segment = String(segment[..<paren.lowerBound]) }
            if let tail = segment.range(of: #", (Punkt|Beobachtung) \d+$"#, options: .regularExpression) {
                segment = String(segment[..<tail.lowerBound])
            }
            return (work, segment)
        }
    }

    /// The bracket "(nach …)" / "(after …)" closing a recommendation text.
    static func bracket(_ text: String) -> String? {
        guard let start = text.range(of: "(nach ", options: .backwards) ?? text.range(of: "(after ", options: .backwards),
              text.hasSuffix(")") else { return nil }
        return String(text[start.upperBound..<text.index(before: text.endIndex)])
    }

    /// "work | cite" for every cite of the index (its lines are `key = "…"` or `cites = ["…", …]`).
    static func index() throws -> Set<String> {
        let text = try String(contentsOf: folder.appendingPathComponent("quellen-index.toml"), encoding: .utf8)
        var known: Set<String> = [], work = "", anchors = 0
        func quoted(_ line: Substring) -> [String] {
            line.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        for line in text.split(separator: "\n") {
            if line.hasPrefix("work = ") { work = quoted(line).first ?? "" }
            if line.hasPrefix("anchor = "), !(quoted(line).first ?? "").isEmpty { anchors += 1 }
            if line.hasPrefix("cites = ") { for cite in quoted(line) { known.insert(work + " | " + cite) } }
        }
        #expect(anchors == text.components(separatedBy: "[[passages]]").count - 1)
        return known
    }

    static func unresolved(_ reference: String, known: Set<String>) -> [String] {
        segments(reference).compactMap { work, passage in
            guard let work else { return "no study named before '\(passage)'" }
            return known.contains(work + " | " + passage) ? nil : "\(work): \(passage)"
        }
    }

    @Test func everyCitationNamesAnIndexedPassage() throws {
        let q = try QuestionnaireFile.builtin(), known = try Self.index()
        #expect(known.count > 30)
        var missing: [String] = []
        for s in q.statements { missing += Self.unresolved(s.source, known: known).map { "\(s.id): \($0)" } }
        for t in q.tensions { missing += Self.unresolved(t.source, known: known).map { "\(t.id): \($0)" } }
        for r in q.recommendations {
            for (lang, text) in [("de", r.text.de), ("en", r.text.en)] {
                guard let b = Self.bracket(text) else {
                    missing.append("\(r.dimension)/\(r.phase.rawValue) \(lang): no source bracket")
                    continue
                }
                missing += Self.unresolved(b, known: known).map { "\(r.dimension)/\(r.phase.rawValue) \(lang): \($0)" }
            }
        }
        #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
    }

    @Test func citationCheckCatchesAPassageTheStudiesDoNotHave() throws {
        let known = try Self.index()
        #expect(!Self.unresolved("Trendreport 2025, Drei-Phasen-Modell: Erfolgsbedingungen Experimentieren", known: known).isEmpty)
        #expect(Self.unresolved("Trendreport 2025, Drei-Phasen-Modell: Experimentierphase (Führung)", known: known).isEmpty)
        #expect(!Self.unresolved("Spannungsfeld der Finanzierung", known: known).isEmpty)
    }
}
