import Foundation
import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

/// The phase model screen's tension fields: `t` shows them with poles, summary, statements
/// and recommendations, scrollable; snapshots in German, English and ASCII; and the
/// strings table complete in both languages.
@Suite struct PhaseModelTensionTests {
    static func text(_ de: String, _ en: String) -> LocalizedText { LocalizedText(de: de, en: en) }

    /// The four tension fields, written for the test questionnaire's statements.
    static func tension(_ n: Int) -> Questionnaire.Tension {
        switch n {
        case 0:
            return .init(id: "standardisierung", name: text("Standardisierung", "Standardisation"),
                         poleA: text("gemeinsame Leitplanken", "common guard-rails"),
                         poleB: text("lokale Freiheit", "local freedom"),
                         summary: text("Ohne verbindliches Bild setzt jede Kommune ihren eigenen Maßstab; Orientierung entsteht erst, wenn Erfahrungen gemeinsam ausgewertet werden.",
                                       "Without a binding picture each municipality sets its own bar; orientation only comes once experience is evaluated together."),
                         source: "Trendreport 2025, Spannungsfeld der Standardisierung", statements: ["S1", "S3"],
                         recommendations: [.init(dimension: "strategie", phase: .transfer)])
        case 1:
            return .init(id: "mehrwert", name: text("Spürbarer Mehrwert", "Tangible benefit"),
                         poleA: text("Aufmerksamkeit gewinnen", "winning attention"),
                         poleB: text("messbarer Nutzen", "measurable benefit"),
                         summary: text("Oft blieb offen, welcher Nutzen für wen entstehen soll – für die Menschen direkt oder für die Verwaltung.",
                                       "Often nobody settled which benefit was meant for whom – residents directly, or the administration."),
                         source: "Trendreport 2025, Spannungsfeld des spürbaren Mehrwerts", statements: ["S2", "S4"],
                         recommendations: [])
        case 2:
            return .init(id: "informationszugang", name: text("Informationszugang", "Access to information"),
                         poleA: text("selbst neu entwickeln", "building it anew"),
                         poleB: text("Vorhandenes finden und nachnutzen", "finding and reusing what exists"),
                         summary: text("Viele erprobte Lösungen sind außerhalb der Förder-Communities schwer zu finden; Ähnliches wird mehrfach gebaut.",
                                       "Many tried solutions are hard to find outside the funded communities; similar things get built again."),
                         source: "Trendreport 2025, Spannungsfeld des Informationszugangs", statements: ["S4"],
                         recommendations: [])
        default:
            return .init(id: "finanzierung", name: text("Finanzierung", "Financing"),
                         poleA: text("freiwillige Leistung auf Fördermitteln", "voluntary task on grants"),
                         poleB: text("Grundversorgung aus dem Haushalt", "basic supply from the budget"),
                         summary: text("Als freiwillige Aufgabe verliert Smart City bei knappen Mitteln; ohne Betreibermodell landen Lösungen nach dem Förderende auf Eis.",
                                       "As a voluntary task smart city loses when money is short; without an operator model solutions are shelved when funding ends."),
                         source: "Trendreport 2025, Spannungsfeld der Finanzierung", statements: ["S5", "S6"],
                         recommendations: [.init(dimension: "finanzierung", phase: .transfer)])
        }
    }

    static var questionnaire: Questionnaire {
        var q = TestQuestionnaire.value
        q.tensions = (0..<4).map(tension)
        return q
    }

    static func state(_ size: Size, _ language: Language, tensions: Bool = true,
                      questionnaire: Questionnaire = Self.questionnaire) -> AppState {
        var s = Sample.state(size, language: language)
        _ = s.send(.tick(EveryScreenSnapshotTests.now))
        _ = s.send(.questionnaireLoaded(questionnaire))
        _ = s.send(.key(.char("4")))
        if tensions { _ = s.send(.key(.char("t"))) }
        return s
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)], Language.allCases)
    func snapshot(size: Size, language: Language) {
        let buffer = AppView.render(Self.state(size, language), background: marker)
        #expect(unpaintedCells(buffer) == 0)
        assertSnapshot(buffer, named: "phasemodel-tensions-\(language.rawValue)-\(size.width)x\(size.height)")
    }

    @Test func asciiSnapshot() {
        var state = Self.state(Size(width: 80, height: 24), .german)
        state.glyphs = .ascii
        let buffer = AsciiFallback.apply(to: AppView.render(state))
        #expect(buffer.textDump().unicodeScalars.allSatisfy { $0.isASCII })
        assertSnapshot(buffer, named: "phasemodel-tensions-ascii-80x24")
    }

    @Test func showsPolesSummaryAndStatementsOfEveryField() {
        let state = Self.state(Size(width: 120, height: 60), .german)
        let dump = AppView.render(state).textDump()
        for n in 0..<4 {
            let t = Self.tension(n)
            #expect(dump.contains(t.name.de))
            #expect(dump.contains(PhaseModelStrings.german.between(t.poleA.de, t.poleB.de)))
            #expect(dump.contains("Aussagen: " + t.statements.joined(separator: ", ")))
        }
        #expect(dump.contains("Empfehlungen: Finanzierung/Transferieren"))
    }

    @Test func scrollsToTheLastFieldAt80x24AndStopsThere() {
        var state = Self.state(Size(width: 80, height: 24), .german)
        #expect(state.phaseModelMaxScroll > 0)
        #expect(!AppView.render(state).textDump().contains("Finanzierung  "))
        _ = state.send(.key(.end))
        #expect(state.phaseModelScroll == state.phaseModelMaxScroll)
        #expect(AppView.render(state).textDump().contains(Self.tension(3).poleB.de))
        _ = state.send(.key(.down))
        #expect(state.phaseModelScroll == state.phaseModelMaxScroll)
        _ = state.send(.key(.char("t")))
        #expect(!state.phaseModelTensions)
        #expect(state.phaseModelScroll == 0)
        #expect(AppView.render(state).textDump().contains("Projekte in dieser Phase"))
    }

    @Test func questionnaireWithoutTensionsSaysSo() {
        let state = Self.state(Size(width: 80, height: 24), .english, questionnaire: TestQuestionnaire.value)
        #expect(AppView.render(state).textDump().contains(PhaseModelStrings.english.noTensions))
    }

    // MARK: - Strings table

    static func sample(_ key: String, _ p: PhaseModelStrings) -> String? {
        switch key {
        case "between": return p.between("A", "B")
        default: return nil
        }
    }

    @Test(arguments: Language.allCases)
    func everyStringIsFilled(_ language: Language) {
        let p = PhaseModelStrings.forLanguage(language)
        for child in Mirror(reflecting: p).children {
            let key = child.label ?? "?"
            let value: String? = child.value as? String ?? Self.sample(key, p)
            #expect(value.map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } == true, "\(language) \(key)")
        }
        #expect(PhaseModelStrings.german.tensionsTitle != PhaseModelStrings.english.tensionsTitle)
        #expect(PhaseModelStrings.german.keyToggle != PhaseModelStrings.english.keyToggle)
    }
}
