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
    public var keyOpenProject: String
    public var keySearch: String
    public var keySort: String
    public var keyReverseSort: String
    public var keyLightFilter: String
    public var projectGone: @Sendable (_ id: String) -> String
    public var dataChanged: String
    public var sortedBy: @Sendable (_ key: String) -> String
    public var searchPrompt: String
    public var noMatches: String
    // Names of the domain's values in this language
    public var phase: @Sendable (Phase) -> String
    /// At most seven characters, for table cells: "Exper.", "Transf.", "Etabl.".
    public var phaseShort: @Sendable (Phase) -> String
    public var light: @Sendable (Light) -> String
    public var field: @Sendable (FieldOfAction) -> String
    public var challenge: @Sendable (Challenge) -> String
    public var continuation: @Sendable (ContinuationDecision) -> String
    public var solutionKind: @Sendable (SolutionKind) -> String
    public var sortKey: @Sendable (PortfolioQuery.SortKey) -> String
    public var lightFilter: @Sendable (PortfolioQuery.LightFilter) -> String
    // The monthly report
    public var monthlyReport: String
    public var redProjects: String
    public var redSince: @Sendable (_ month: String) -> String

    public static func forLanguage(_ l: Language) -> Strings { l == .german ? .german : .english }

    public static let german = Strings(
        language: .german,
        overviewTitle: "Übersicht", portfolioTitle: "Portfolio", helpTitle: "Tasten",
        helpFooter: "Esc oder ? schließt", asOf: "Stand", loading: "Lade Daten …",
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
        keyBack: "zurück/schließen", keyQuit: "beenden", keyLoadSample: "Beispieldaten laden",
        keyOpenProject: "Projekt öffnen", keySearch: "suchen (Name, Feld, Phase, Kommune …)",
        keySort: "Sortierung wechseln", keyReverseSort: "Sortierung umkehren", keyLightFilter: "Ampelfilter wechseln",
        projectGone: { "Projekt \($0) gibt es nicht mehr." },
        dataChanged: "Daten wurden anderswo geändert – Anzeige aktualisiert.",
        sortedBy: { "sortiert nach \($0)" }, searchPrompt: "Suche: ",
        noMatches: "Keine Treffer. Esc hebt Suche und Filter auf.",
        phase: { $0.germanName },
        phaseShort: { p in
            switch p {
            case .experimentation: "Exper."
            case .transfer: "Transf."
            case .establishment: "Etabl."
            }
        },
        light: { $0.germanName }, field: { $0.germanName }, challenge: { $0.germanName },
        continuation: { $0.germanName }, solutionKind: { $0.germanName },
        sortKey: { k in
            switch k {
            case .id: "ID"
            case .light: "Ampel"
            case .fundingEnd: "Förderende"
            case .progress: "Fortschritt"
            case .budgetUse: "Budgetausschöpfung"
            }
        },
        lightFilter: { f in
            switch f {
            case .all: "alle"
            case .redOnly: "nur rot"
            case .yellowOrRed: "gelb und rot"
            case .reportMissing: "Bericht fehlt"
            case .green: "nur grün"
            case .yellow: "nur gelb"
            case .noneReported: "noch nie berichtet"
            case .redOrWorse: "rot oder verschlechtert"
            }
        },
        monthlyReport: "Portfolio-Bericht", redProjects: "Rote Projekte", redSince: { "seit \($0)" })

    public static let english = Strings(
        language: .english,
        overviewTitle: "Overview", portfolioTitle: "Portfolio", helpTitle: "Keys",
        helpFooter: "Esc or ? closes", asOf: "as of", loading: "Loading …",
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
        healthLegend: { "now \($0)%, 12 months ago \($1)%" },
        vsLastMonth: "vs. last month",
        colID: "ID", colName: "Project", colField: "Field of action", colPhase: "Phase", colLight: "Light",
        colProgress: "Progress", colBudget: "Spent/budget", colFundingEnd: "Funding end",
        colLastReport: "Report", colContinuation: "Continuation", colMunicipality: "Municipality",
        noProjects: "No projects.",
        rowPosition: { "project \($0) of \($1)" },
        keyNavigate: "row up/down", keyPage: "page up/down", keyHomeEnd: "first/last",
        keyScreens: "choose screen", keyTab: "next/previous screen", keyHelp: "this help",
        keyBack: "back/close", keyQuit: "quit", keyLoadSample: "load sample data",
        keyOpenProject: "open project", keySearch: "search (name, field, phase, municipality …)",
        keySort: "change sort order", keyReverseSort: "reverse sort order", keyLightFilter: "change light filter",
        projectGone: { "Project \($0) no longer exists." },
        dataChanged: "Data changed elsewhere – view updated.",
        sortedBy: { "sorted by \($0)" }, searchPrompt: "Search: ",
        noMatches: "No matches. Esc clears search and filter.",
        phase: { $0.englishName },
        phaseShort: { p in
            switch p {
            case .experimentation: "Exper."
            case .transfer: "Transf."
            case .establishment: "Estab."
            }
        },
        light: { $0.englishName }, field: { $0.englishName }, challenge: { $0.englishName },
        continuation: { $0.englishName }, solutionKind: { $0.englishName },
        sortKey: { k in
            switch k {
            case .id: "ID"
            case .light: "light"
            case .fundingEnd: "funding end"
            case .progress: "progress"
            case .budgetUse: "budget use"
            }
        },
        lightFilter: { f in
            switch f {
            case .all: "all"
            case .redOnly: "red only"
            case .yellowOrRed: "yellow and red"
            case .reportMissing: "report missing"
            case .green: "green only"
            case .yellow: "yellow only"
            case .noneReported: "never reported"
            case .redOrWorse: "red or worse"
            }
        },
        monthlyReport: "Portfolio report", redProjects: "Red projects", redSince: { "since \($0)" })
}
