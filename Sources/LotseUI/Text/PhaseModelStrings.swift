import LotseDomain

/// The texts of the phase model screen's tension fields, one table per language.
public struct PhaseModelStrings: Sendable {
    public var tensionsTitle: String
    public var tensionsIntro: String
    public var between: @Sendable (_ poleA: String, _ poleB: String) -> String
    public var statements: String
    public var recommendations: String
    public var source: String
    public var noTensions: String
    public var noQuestionnaire: String
    public var keyToggle: String
    public var footerTensions: String
    public var footerPhases: String

    public static let german = PhaseModelStrings(
        tensionsTitle: "Spannungsfelder der Experimentierphase · Trendreport 2025",
        tensionsIntro: "Zwischen diesen Polen bewegen sich Smart-City-Verantwortliche; im Workshop lohnt es, für jedes Feld zu klären, wo die Kommune steht.",
        between: { "\($0) ↔ \($1)" },
        statements: "Aussagen", recommendations: "Empfehlungen", source: "Quelle",
        noTensions: "Der geladene Fragebogen enthält keine Spannungsfelder.",
        noQuestionnaire: "Der Fragebogen ist noch nicht geladen.",
        keyToggle: "Phasen oder Spannungsfelder zeigen",
        footerTensions: "Spannungsfelder", footerPhases: "Phasen"
    )

    public static let english = PhaseModelStrings(
        tensionsTitle: "Tension fields of the experimentation phase · Trendreport 2025",
        tensionsIntro: "Smart-city leads move between these poles; in a workshop it pays to settle for each field where the municipality stands.",
        between: { "\($0) ↔ \($1)" },
        statements: "Statements", recommendations: "Recommendations", source: "Source",
        noTensions: "The loaded questionnaire has no tension fields.",
        noQuestionnaire: "The questionnaire is not loaded yet.",
        keyToggle: "show phases or tension fields",
        footerTensions: "tension fields", footerPhases: "phases"
    )

    public static func forLanguage(_ language: Language) -> PhaseModelStrings {
        switch language {
        case .german: german
        case .english: english
        }
    }
}
