import LotseDomain

/// Every text the command line (`lotse report`, `import`, `assess …`, `themes`, …) prints
/// itself, in one language: messages, errors, table headings. German is the product's first
/// language. Both tables list every value, so the compiler holds each language complete.
///
/// Not here: the `--help` texts (swift-argument-parser shows them, in English), the parser's
/// own complaints, and the descriptions of errors from lower layers (`StoreError`,
/// `DataFileError`, …), which are printed as they are, behind `errorPrefix`.
public struct CLIStrings: Sendable {
    public var language: Language

    // MARK: Everywhere

    /// Put before every error message on stderr: `Fehler: …`.
    public var errorPrefix: String
    /// `--today 2026-13`
    public var todayNotAMonth: @Sendable (_ given: String) -> String
    /// `<file>: cannot be read (<reason>)`
    public var cannotRead: @Sendable (_ file: String, _ reason: String) -> String
    public var reasonNoSuchFile: String
    public var reasonPermissionDenied: String
    /// `<file>: cannot be written (<reason>)`
    public var cannotWrite: @Sendable (_ file: String, _ reason: String) -> String

    // MARK: Dashboard

    /// Where the data comes from, in the dashboard's status line, for `--demo`.
    public var demoLabel: String
    public var dashboardNeedsTerminal: String
    public var terminalRedirected: String
    public var terminalTypeUnset: String
    public var terminalTypeUnknown: @Sendable (_ term: String) -> String
    public var terminalCannotPositionCursor: @Sendable (_ term: String) -> String

    // MARK: import

    /// What a portfolio file holds, and what the database holds now.
    public var importSummary: @Sendable (_ projects: Int, _ reports: Int, _ kpis: Int, _ risks: Int,
                                         _ currentProjects: Int, _ currentReports: Int) -> String
    public var importDryRun: @Sendable (_ file: String, _ database: String, _ summary: String) -> String
    public var imported: @Sendable (_ summary: String, _ database: String) -> String

    // MARK: generate

    /// `--projects 0` is not within 1…200000.
    public var optionOutOfRange: @Sendable (_ option: String, _ value: Int, _ lowest: Int, _ highest: Int) -> String

    // MARK: assess

    public var noSuchAssessment: @Sendable (_ id: String) -> String
    public var assessmentQuestionnaireMismatch: @Sendable (_ id: String, _ madeWith: String, _ loaded: String) -> String
    public var noAssessmentsStored: String
    public var colID: String
    public var colDate: String
    public var colMunicipality: String
    public var colFacilitator: String
    public var colParticipants: String
    public var colAnswered: String
    public var colStatus: String
    public var colResult: String
    public var count: @Sendable (_ n: Int) -> String
    public var answeredOf: @Sendable (_ answered: Int, _ statements: Int) -> String
    public var statusCompleted: String
    public var statusInProgress: String
    public var phaseName: @Sendable (_ phase: Phase) -> String
    public var phaseNotDeterminable: String
    /// The result cell of an assessment made with another questionnaire than the loaded one.
    public var otherQuestionnaire: @Sendable (_ versionTag: String) -> String

    // MARK: themes

    public var themesHowToChoose: @Sendable (_ shippedFolder: String) -> String
    public var themesCheckUsage: @Sendable (_ arguments: String) -> String
    public var themeCheckOK: @Sendable (_ path: String) -> String
    public var themeDiffersFromBuiltIn: String
    public var themeRoleLeftOut: String
    public var themeBarNotReversed: String
    public var noSuchTheme: @Sendable (_ name: String, _ shipped: [String]) -> String

    public static func forLanguage(_ l: Language) -> CLIStrings {
        switch l {
        case .german: .german
        case .english: .english
        }
    }

    public static let german: CLIStrings = {
        let f = Formats(.german)
        return CLIStrings(
            language: .german,
            errorPrefix: "Fehler: ",
            todayNotAMonth: { "--today '\($0)' ist kein Monat der Form JJJJ-MM (z. B. 2026-11)." },
            cannotRead: { "\($0): kann nicht gelesen werden (\($1))" },
            reasonNoSuchFile: "Datei nicht gefunden",
            reasonPermissionDenied: "keine Leseberechtigung",
            cannotWrite: { "\($0): kann nicht geschrieben werden (\($1))" },
            demoLabel: "Demo",
            dashboardNeedsTerminal: "Das Dashboard braucht ein Terminal. Für Ausgaben ohne Bildschirm: lotse report",
            terminalRedirected: "Standardein- und -ausgabe müssen ein Terminal sein "
                + "(sie sind in eine Datei oder Pipe umgeleitet).",
            terminalTypeUnset: "TERM ist nicht gesetzt, der Terminaltyp ist daher unbekannt. "
                + "Bitte setzen, z. B. TERM=xterm-256color.",
            terminalTypeUnknown: {
                "Der Terminaltyp '\($0)' ist hier unbekannt (kein terminfo-Eintrag). "
                    + "Bitte TERM auf einen bekannten Typ setzen, z. B. TERM=xterm-256color."
            },
            terminalCannotPositionCursor: {
                "Der Terminaltyp '\($0)' kann den Cursor nicht positionieren, die Vollbildanzeige läuft darauf nicht. "
                    + "Bitte ein Terminalprogramm verwenden, z. B. mit TERM=xterm-256color."
            },
            importSummary: { projects, reports, kpis, risks, currentProjects, currentReports in
                func n(_ value: Int, _ one: String, _ many: String) -> String {
                    "\(f.integer(value)) \(value == 1 ? one : many)"
                }
                return [n(projects, "Projekt", "Projekte"), n(reports, "Bericht", "Berichte"),
                        n(kpis, "Kennzahl", "Kennzahlen"), n(risks, "Risiko", "Risiken")].joined(separator: ", ")
                    + " (bisher: \(n(currentProjects, "Projekt", "Projekte")), \(n(currentReports, "Bericht", "Berichte")))"
            },
            importDryRun: { "\($0): gültig. Der Inhalt von \($1) würde ersetzt durch \($2)." },
            imported: { "Importiert: \($0). Datenbank: \($1)" },
            optionOutOfRange: { "\($0) \(f.integer($1)) liegt nicht zwischen \(f.integer($2)) und \(f.integer($3))." },
            noSuchAssessment: {
                "Die Datenbank enthält keine Selbsteinschätzung '\($0)'; lotse assess list zeigt die gespeicherten."
            },
            assessmentQuestionnaireMismatch: {
                "Die Selbsteinschätzung '\($0)' wurde mit dem Fragebogen '\($1)' gemacht, geladen ist aber '\($2)'; "
                    + "den passenden mit --questionnaire DATEI angeben."
            },
            noAssessmentsStored: "Keine Selbsteinschätzungen gespeichert.",
            colID: "ID", colDate: "Datum", colMunicipality: "Kommune", colFacilitator: "Moderation",
            colParticipants: "Teilnehmende", colAnswered: "Beantwortet", colStatus: "Stand", colResult: "Ergebnis",
            count: { f.integer($0) },
            answeredOf: { "\(f.integer($0))/\(f.integer($1))" },
            statusCompleted: "abgeschlossen",
            statusInProgress: "läuft",
            phaseName: { $0.germanName },
            phaseNotDeterminable: "nicht bestimmbar",
            otherQuestionnaire: { "(Fragebogen \($0))" },
            themesHowToChoose: {
                "Wahl: lotse --theme NAME (oder LOTSE_THEME). Eigene: eine Datei aus \($0) kopieren, dann --theme DATEI."
            },
            themesCheckUsage: { "Farbschema-Dateien prüfen mit: lotse themes --check \($0)" },
            themeCheckOK: { "\($0): in Ordnung" },
            themeDiffersFromBuiltIn: "weicht vom eingebauten dunklen Farbschema ab (Theme.dark)",
            themeRoleLeftOut: "fehlt; wird ohne Hervorhebung gezeichnet",
            themeBarNotReversed: "ohne 'reverse' hebt sich diese Leiste auf einem Terminal ohne Farben nicht ab",
            noSuchTheme: { name, shipped in
                "Es gibt kein Farbschema '\(name)'; mitgeliefert: "
                    + (shipped.isEmpty ? "keines installiert (eingebaut: dark)" : shipped.joined(separator: ", "))
                    + "; oder eine Farbschema-Datei angeben, z. B. ./\(name).toml (lotse themes listet sie auf)"
            })
    }()

    public static let english: CLIStrings = {
        let f = Formats(.english)
        return CLIStrings(
            language: .english,
            errorPrefix: "Error: ",
            todayNotAMonth: { "--today '\($0)' is not a month in the form YYYY-MM (e.g. 2026-11)." },
            cannotRead: { "\($0): cannot be read (\($1))" },
            reasonNoSuchFile: "no such file",
            reasonPermissionDenied: "permission denied",
            cannotWrite: { "\($0): cannot be written (\($1))" },
            demoLabel: "Demo",
            dashboardNeedsTerminal: "The dashboard needs a terminal. For output without a screen use: lotse report",
            terminalRedirected: "Standard input and output must be a terminal (they are redirected to a file or pipe).",
            terminalTypeUnset: "TERM is not set, so the terminal type is unknown. Set it, e.g. TERM=xterm-256color.",
            terminalTypeUnknown: {
                "The terminal type '\($0)' is unknown here (no terminfo entry). "
                    + "Set TERM to a known type, e.g. TERM=xterm-256color."
            },
            terminalCannotPositionCursor: {
                "The terminal type '\($0)' cannot position the cursor, so the full-screen "
                    + "display cannot run. Use a terminal emulator with e.g. TERM=xterm-256color."
            },
            importSummary: { projects, reports, kpis, risks, currentProjects, currentReports in
                func n(_ value: Int, _ one: String, _ many: String) -> String {
                    "\(f.integer(value)) \(value == 1 ? one : many)"
                }
                return [n(projects, "project", "projects"), n(reports, "report", "reports"),
                        n(kpis, "KPI", "KPIs"), n(risks, "risk", "risks")].joined(separator: ", ")
                    + " (before: \(n(currentProjects, "project", "projects")), \(n(currentReports, "report", "reports")))"
            },
            importDryRun: { "\($0): valid. Would replace the content of \($1) with \($2)." },
            imported: { "Imported \($0) into \($1)." },
            optionOutOfRange: { "\($0) \(f.integer($1)) is not within \(f.integer($2))…\(f.integer($3))." },
            noSuchAssessment: {
                "there is no assessment '\($0)' in the database; lotse assess list shows the stored ones"
            },
            assessmentQuestionnaireMismatch: {
                "assessment '\($0)' was made with the questionnaire '\($1)', but '\($2)' is loaded; "
                    + "pass the right one with --questionnaire FILE"
            },
            noAssessmentsStored: "No assessments stored.",
            colID: "ID", colDate: "Date", colMunicipality: "Municipality", colFacilitator: "Facilitator",
            colParticipants: "Participants", colAnswered: "Answered", colStatus: "Status", colResult: "Result",
            count: { f.integer($0) },
            answeredOf: { "\(f.integer($0))/\(f.integer($1))" },
            statusCompleted: "completed",
            statusInProgress: "in progress",
            phaseName: { $0.englishName },
            phaseNotDeterminable: "not determinable",
            otherQuestionnaire: { "(questionnaire \($0))" },
            themesHowToChoose: {
                "Use: lotse --theme NAME (or LOTSE_THEME). Own themes: copy a file from \($0), then --theme FILE."
            },
            themesCheckUsage: { "to check theme files use: lotse themes --check \($0)" },
            themeCheckOK: { "\($0): ok" },
            themeDiffersFromBuiltIn: "differs from the built-in dark theme (Theme.dark)",
            themeRoleLeftOut: "left out; it is drawn plain",
            themeBarNotReversed: "without 'reverse' this bar does not stand out without colour",
            noSuchTheme: { name, shipped in
                "there is no theme '\(name)'; shipped: "
                    + (shipped.isEmpty ? "none installed (built in: dark)" : shipped.joined(separator: ", "))
                    + "; or give a theme file, e.g. ./\(name).toml (lotse themes lists them)"
            })
    }()
}
