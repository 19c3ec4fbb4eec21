import LotseDomain
import TermCanvas

/// The language the screens speak.
public enum Language: String, CaseIterable, Sendable {
    case german = "de"
    case english = "en"

    /// German unless the locale variables ask for English (LC_ALL, LC_MESSAGES, LANG).
    public static func from(environment env: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty {
                return v.lowercased().hasPrefix("en") ? .english : .german
            }
        }
        return .german
    }
}

/// Every text the screens show, in one language. German is the product's first language.
public struct Strings: Sendable {
    public var language: Language
    public var appName = "Lotse"
    public var overviewTitle: String
    public var portfolioTitle: String
    public var helpTitle: String
    public var helpFooter: String
    public var statusHelp: String
    public var statusQuit: String
    public var statusSwitch: String
    public var asOf: String
    public var loading: String
    public var tooSmall: @Sendable (Size) -> String
    public var emptyDatabase: String
    public var loadSampleHint: String
    // Overview tiles
    public var tilePhases: String
    public var tileLights: String
    public var tileBudget: String
    public var tileReports: String
    public var tileFundingEnd: String
    public var tileRisks: String
    public var tileHealth: String
    public var tileAssessment: String
    public var total: String
    public var withoutReport: String
    public var planned: String
    public var spent: String
    public var missingCount: @Sendable (Int) -> String
    public var allReportsIn: String
    public var noFundingEnding: String
    public var noOpenRisks: String
    public var openRisks: @Sendable (Int) -> String
    public var noAssessment: String
    public var healthLegend: @Sendable (Int, Int) -> String
    public var vsLastMonth: String
    // Portfolio table
    public var colID: String
    public var colName: String
    public var colField: String
    public var colPhase: String
    public var colLight: String
    public var colProgress: String
    public var colBudget: String
    public var colFundingEnd: String
    public var colLastReport: String
    public var colContinuation: String
    public var colMunicipality: String
    public var noProjects: String
    public var rowPosition: @Sendable (Int, Int) -> String
    // Keys in help
    public var keyNavigate: String
    public var keyPage: String
    public var keyHomeEnd: String
    public var keyScreens: String
    public var keyTab: String
    public var keyHelp: String
    public var keyBack: String
    public var keyQuit: String
    public var keyLoadSample: String
    public var keyOpenProject: String { language == .german ? "Projekt öffnen" : "open project" }
    public var keySearch: String { language == .german ? "suchen (Name, Feld, Phase, Kommune …)" : "search (name, field, phase, municipality …)" }
    public var keySort: String { language == .german ? "Sortierung wechseln" : "change sort order" }
    public var keyReverseSort: String { language == .german ? "Sortierung umkehren" : "reverse sort order" }
    public var keyLightFilter: String { language == .german ? "Ampelfilter wechseln" : "change light filter" }
    public func projectGone(_ id: String) -> String {
        language == .german ? "Projekt \(id) gibt es nicht mehr." : "Project \(id) no longer exists."
    }
    public var dataChanged: String {
        language == .german ? "Daten wurden anderswo geändert – Anzeige aktualisiert." : "Data changed elsewhere – view updated."
    }
    public func sortedBy(_ key: String) -> String { language == .german ? "sortiert nach \(key)" : "sorted by \(key)" }
    public var searchPrompt: String { language == .german ? "Suche: " : "Search: " }
    public var noMatches: String { language == .german ? "Keine Treffer. Esc hebt Suche und Filter auf." : "No matches. Esc clears search and filter." }

    public func phase(_ p: Phase) -> String { language == .german ? p.germanName : p.englishName }
    /// At most seven characters, for table cells: "Exper.", "Transf.", "Etabl.".
    public func phaseShort(_ p: Phase) -> String {
        switch (p, language) {
        case (.experimentation, .german): "Exper."
        case (.transfer, .german): "Transf."
        case (.establishment, .german): "Etabl."
        case (.experimentation, .english): "Exper."
        case (.transfer, .english): "Transf."
        case (.establishment, .english): "Estab."
        }
    }
    public func light(_ l: Light) -> String { language == .german ? l.germanName : l.englishName }
    public func field(_ f: FieldOfAction) -> String { language == .german ? f.germanName : f.englishName }
    public func challenge(_ c: Challenge) -> String { language == .german ? c.germanName : c.englishName }
    public func continuation(_ c: ContinuationDecision) -> String {
        language == .german ? c.germanName : c.englishName
    }

    public static func forLanguage(_ l: Language) -> Strings { l == .german ? .german : .english }

    public static let german = Strings(
        language: .german,
        overviewTitle: "Übersicht", portfolioTitle: "Portfolio", helpTitle: "Tasten",
        helpFooter: "Esc oder ? schließt", statusHelp: "Hilfe", statusQuit: "Beenden",
        statusSwitch: "Ansicht", asOf: "Stand", loading: "Lade Daten …",
        tooSmall: { "Fenster zu klein: mindestens \($0.width)×\($0.height)" },
        emptyDatabase: "Die Datenbank ist noch leer.",
        loadSampleHint: "b lädt die Beispielkommune, um Lotse kennenzulernen.",
        tilePhases: "Projekte nach Phase", tileLights: "Ampeln", tileBudget: "Budget",
        tileReports: "Statusberichte", tileFundingEnd: "Förderende ≤ 12 Monate, ohne Entscheidung",
        tileRisks: "Top-Risiken nach Herausforderung", tileHealth: "Portfolio-Gesundheit",
        tileAssessment: "Phase der Kommune", total: "Gesamt", withoutReport: "ohne Bericht",
        planned: "geplant", spent: "ausgegeben",
        missingCount: { $0 == 1 ? "1 Bericht fehlt" : "\($0) Berichte fehlen" },
        allReportsIn: "Alle Berichte liegen vor.",
        noFundingEnding: "Keine offene Entscheidung.",
        noOpenRisks: "Keine offenen Risiken.",
        openRisks: { $0 == 1 ? "1 offen" : "\($0) offen" },
        noAssessment: "Noch keine Selbsteinschätzung.",
        healthLegend: { "aktuell \($0) %, vor 12 Monaten \($1) %" },
        vsLastMonth: "ggü. Vormonat",
        colID: "ID", colName: "Projekt", colField: "Handlungsfeld", colPhase: "Phase", colLight: "Ampel",
        colProgress: "Fortschr.", colBudget: "Ausg./Budget", colFundingEnd: "Förderende",
        colLastReport: "Bericht", colContinuation: "Verstetigung", colMunicipality: "Kommune",
        noProjects: "Keine Projekte.",
        rowPosition: { "Projekt \($0) von \($1)" },
        keyNavigate: "Zeile auf/ab", keyPage: "Seite auf/ab", keyHomeEnd: "Anfang/Ende",
        keyScreens: "Ansicht wählen", keyTab: "nächste/vorige Ansicht", keyHelp: "diese Hilfe",
        keyBack: "zurück/schließen", keyQuit: "beenden", keyLoadSample: "Beispieldaten laden")

    public static let english = Strings(
        language: .english,
        overviewTitle: "Overview", portfolioTitle: "Portfolio", helpTitle: "Keys",
        helpFooter: "Esc or ? closes", statusHelp: "help", statusQuit: "quit",
        statusSwitch: "screen", asOf: "as of", loading: "Loading …",
        tooSmall: { "Window too small: at least \($0.width)×\($0.height)" },
        emptyDatabase: "The database is still empty.",
        loadSampleHint: "Press b to load the sample municipality and get to know Lotse.",
        tilePhases: "Projects by phase", tileLights: "Traffic lights", tileBudget: "Budget",
        tileReports: "Status reports", tileFundingEnd: "Funding ends ≤ 12 months, undecided",
        tileRisks: "Top risks by challenge", tileHealth: "Portfolio health",
        tileAssessment: "Municipality's phase", total: "Total", withoutReport: "no report",
        planned: "planned", spent: "spent",
        missingCount: { $0 == 1 ? "1 report missing" : "\($0) reports missing" },
        allReportsIn: "All reports are in.",
        noFundingEnding: "No open decision.",
        noOpenRisks: "No open risks.",
        openRisks: { "\($0) open" },
        noAssessment: "No self-assessment yet.",
        healthLegend: { "now \($0) %, 12 months ago \($1) %" },
        vsLastMonth: "vs. last month",
        colID: "ID", colName: "Project", colField: "Field of action", colPhase: "Phase", colLight: "Light",
        colProgress: "Progress", colBudget: "Spent/budget", colFundingEnd: "Funding end",
        colLastReport: "Report", colContinuation: "Continuation", colMunicipality: "Municipality",
        noProjects: "No projects.",
        rowPosition: { "project \($0) of \($1)" },
        keyNavigate: "row up/down", keyPage: "page up/down", keyHomeEnd: "first/last",
        keyScreens: "choose screen", keyTab: "next/previous screen", keyHelp: "this help",
        keyBack: "back/close", keyQuit: "quit", keyLoadSample: "load sample data")
}
