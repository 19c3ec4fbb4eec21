import Testing
import LotseDomain
@testable import LotseUI

/// The texts of new and closed risks: every entry in both languages, and the panel suffix
/// names only what changed.
@Suite struct RiskChangeStringsTests {
    static func sample(_ key: String, _ l: Language) -> String? {
        let t = RiskChangeStrings.forLanguage(l)
        switch key {
        case "panelSuffix": return t.panelSuffix(2, 1)
        case "closedWhileOpen": return t.closedWhileOpen("Risiko R1", "2026-03")
        case "closedBeforeRaised": return t.closedBeforeRaised("Risiko R1", "2026-01", "2026-03")
        default: return nil
        }
    }

    @Test func everyEntryHasATextInBothLanguages() {
        let r = StringTableCheck.compare("RiskChangeStrings", german: RiskChangeStrings.german,
                                         english: RiskChangeStrings.english, sample: Self.sample)
        #expect(r.checked == r.total && r.total >= 5, "\(r.checked) of \(r.total)")
        #expect(r.same.isEmpty, "\(r.same)")
    }

    @Test(arguments: Language.allCases)
    func theTableIsTheLanguagesOwn(_ language: Language) {
        #expect(RiskChangeStrings.forLanguage(language).language == language)
    }

    @Test func thePanelSuffixNamesOnlyWhatChanged() {
        let de = RiskChangeStrings.german.panelSuffix, en = RiskChangeStrings.english.panelSuffix
        #expect(de(0, 0).isEmpty && en(0, 0).isEmpty)
        #expect(de(2, 1) == "+2 neu −1 erledigt")
        #expect(de(3, 0) == "+3 neu")
        #expect(en(0, 4) == "−4 closed")
    }

    @Test(arguments: Language.allCases)
    func aRisksMonthProblemIsToldThroughTheDataFileTexts(_ language: Language) {
        let t = DataFileStrings.forLanguage(language), r = RiskChangeStrings.forLanguage(language)
        let open = PortfolioProblem.Kind.riskClosedWhileOpen(.risk("R1"), closed: "2026-03")
        #expect(t.message(open) == r.closedWhileOpen(t.subject(.risk("R1")), "2026-03"))
        let backwards = PortfolioProblem.Kind.riskClosedBeforeRaised(.risk("R1"), closed: "2026-01", raised: "2026-03")
        #expect(t.message(backwards).contains("2026-01") && t.message(backwards).contains("2026-03"))
    }
}
