/// The texts of the project view, one table per language.
public struct ProjectStrings: Sendable {
    public var owner: String
    public var start: String
    public var fundingEnds: String
    public var continuation: String
    public var basicComponent: String
    public var reused: String
    public var budget: String
    public var reports: String
    public var light: String
    public var progress: String
    public var schedule: String
    public var cost: String
    public var results: String
    public var achieved: String
    public var nextSteps: String
    public var risksAndMeasures: String
    public var kpis: String
    public var target: String
    public var risks: String
    public var closed: String
    public var measure: String

    public static let german = ProjectStrings(
        owner: "Verantwortlich:", start: "Start", fundingEnds: "Förderende", continuation: "Verstetigung:",
        basicComponent: "Basiskomponente", reused: "nachgenutzt", budget: "Budget", reports: "Statusberichte",
        light: "Ampel", progress: "Fortschritt", schedule: "Termine", cost: "Kosten", results: "Ergebnisse",
        achieved: "Erreicht:", nextSteps: "Nächste Schritte:", risksAndMeasures: "Risiken/Maßnahmen:",
        kpis: "Kennzahlen", target: "Ziel", risks: "Risiken", closed: "erledigt", measure: "Maßnahme:")

    public static let english = ProjectStrings(
        owner: "Owner:", start: "start", fundingEnds: "funding ends", continuation: "Continuation:",
        basicComponent: "basic component", reused: "reused by others", budget: "Budget", reports: "Status reports",
        light: "Light", progress: "Progress", schedule: "schedule", cost: "cost", results: "results",
        achieved: "Achieved:", nextSteps: "Next steps:", risksAndMeasures: "Risks/measures:",
        kpis: "KPIs", target: "target", risks: "Risks", closed: "closed", measure: "Measure:")
}

extension Strings {
    public var project: ProjectStrings { language == .german ? .german : .english }
}
