import LotseDomain

/// The texts of the overview's selectable panels: the new list, what each panel's figures
/// mean (shown in the help), and the radar's list. German first; both tables list every value.
public struct OverviewPanelStrings: Sendable {
    public var language: Language

    /// The panel of projects red or worse than last month: (how many).
    public var worseTitle: @Sendable (Int) -> String
    public var worseNone: String
    /// "+ 3 weitere": more than the panel shows.
    public var more: @Sendable (Int) -> String
    /// What each panel's figures mean, for the help.
    public var helpWorse: String
    public var helpMissing: String
    public var helpRadar: String
    public var helpRisks: String
    /// The heading of the panel notes in the help.
    public var helpPanels: String
    /// Help lines of the keys.
    public var keyPanel: String
    public var keyRow: String
    public var keyOpen: String
    public var keyCloseList: String
    public var footerPanel: String
    /// The office's dashboard: the overview under an office filter: (office).
    public var officeDashboard: @Sendable (String) -> String
    /// Reports of the month not due yet: (how many, the due date).
    public var notYetDue: @Sendable (_ count: Int, _ due: String) -> String
    /// Reports of the month that came in, short, beside the missing ones: (how many).
    public var received: @Sendable (Int) -> String

    public static func forLanguage(_ l: Language) -> OverviewPanelStrings {
        switch l {
        case .german: .german
        case .english: .english
        }
    }

    public static let german = OverviewPanelStrings(
        language: .german,
        worseTitle: { "Rot oder verschlechtert · \($0)" },
        worseNone: "Kein Projekt rot oder schlechter als im Vormonat.",
        more: { "+ \($0) weitere" },
        helpWorse: "Rot oder verschlechtert: Projekte mit roter Ampel oder mit schlechterer Ampel als im Vormonat (jeweils der neueste Bericht bis zum Monat). Enter öffnet das Projekt.",
        helpMissing: "Statusberichte: Projekte, deren Bericht für den Monat fällig ist und fehlt. Fällig ist er am Stichtag im Folgemonat (--due-day, sonst der 10.); vorher zählt er nicht als fehlend. Enter öffnet das Projekt.",
        helpRadar: "Förderradar: Projekte, deren Förderung in den nächsten 24 Monaten endet, je Quartal. Der Balken zählt Projekte (█ ohne Entscheidung zur Verstetigung, ▒ entschieden); der Betrag ist, was noch auf dem Spiel steht: geplantes Budget minus bisher ausgegeben. Enter listet die unentschiedenen der nächsten zwei Quartale.",
        helpRisks: "Top-Risiken: offene Risiken je Herausforderung; „max 16“ ist die höchste Risikozahl darunter (Wahrscheinlichkeit × Auswirkung, je 1–5, also höchstens 25).",
        helpPanels: "Was die Felder zeigen",
        keyPanel: "nächstes/voriges Feld (Förderradar, Rot oder verschlechtert, Risiken, Berichte)",
        keyRow: "Zeile im Feld",
        keyOpen: "Projekt öffnen / im Förderradar: die unentschiedenen auflisten",
        keyCloseList: "Liste schließen",
        footerPanel: "Feld",
        officeDashboard: { "Amtsdashboard \($0)" },
        notYetDue: { "\($0) noch nicht fällig (bis \($1))" },
        received: { "\($0) da" })

    public static let english = OverviewPanelStrings(
        language: .english,
        worseTitle: { "Red or worse · \($0)" },
        worseNone: "No project is red or worse than last month.",
        more: { "+ \($0) more" },
        helpWorse: "Red or worse: projects whose light is red or worse than last month (each by the newest report up to the month). Enter opens the project.",
        helpMissing: "Status reports: projects whose report for the month is due and missing. It falls due on the due day of the next month (--due-day, else the 10th); before that it does not count as missing. Enter opens the project.",
        helpRadar: "Funding radar: projects whose funding ends within the next 24 months, by quarter. The bar counts projects (█ without a continuation decision, ▒ decided); the amount is what is still at stake: planned budget minus spent so far. Enter lists the undecided ones of the next two quarters.",
        helpRisks: "Top risks: open risks per challenge; 'max 16' is the highest risk score among them (probability × impact, each 1–5, so at most 25).",
        helpPanels: "What the panels show",
        keyPanel: "next/previous panel (funding radar, red or worse, risks, reports)",
        keyRow: "row in the panel",
        keyOpen: "open the project / in the funding radar: list the undecided ones",
        keyCloseList: "close the list",
        footerPanel: "panel",
        officeDashboard: { "office dashboard \($0)" },
        notYetDue: { "\($0) not due yet (until \($1))" },
        received: { "\($0) in" })
}
