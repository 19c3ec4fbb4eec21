import LotseDomain

/// The texts of the status-report form, one table per language.
public struct ReportStrings: Sendable {
    public var keyWrite: String
    public var keyNextField: String
    public var keyPreviousField: String
    public var keyLight: String
    public var keySubmit: String
    public var keyDiscard: String
    public var keyClose: String
    public var title: String
    public var draftKept: String
    public var draftRestored: String
    public var draftOutdated: @Sendable (_ who: String) -> String
    public var correcting: String
    public var hint: String
    public var submitted: @Sendable (_ id: String, _ month: String) -> String
    public var problemsCount: @Sendable (Int) -> String
    public var reportDeleted: String
    public var changedMeanwhile: @Sendable (_ who: String) -> String
    public var lastMonth: @Sendable (_ progress: String) -> String
    public var target: String
    public var labelOverall: String
    public var labelSchedule: String
    public var labelCost: String
    public var labelResults: String
    public var labelProgress: String
    public var labelAchieved: String
    public var labelNextSteps: String
    public var labelRisks: String
    public var labelSpent: String
    public var problemMissing: String
    public var problemProgressRange: String
    public var problemProgressBelow: @Sendable (_ previous: String) -> String
    public var problemNotMoney: String
    public var problemNegative: String
    public var problemBeyondBudget: String
    public var problemNotANumber: String
    public var problemTooLong: @Sendable (Int) -> String

    public static let german = ReportStrings(
        keyWrite: "Statusbericht dieses Monats schreiben", keyNextField: "nächstes Feld",
        keyPreviousField: "voriges Feld", keyLight: "Ampel: 1 grün, 2 gelb, 3 rot (und weiter)",
        keySubmit: "prüfen und einreichen", keyDiscard: "Entwurf verwerfen, gespeicherte Fassung laden",
        keyClose: "schließen (Entwurf bleibt)", title: "Statusbericht",
        draftKept: "Entwurf gespeichert – r öffnet ihn wieder.", draftRestored: "Gespeicherter Entwurf wiederhergestellt.",
        draftOutdated: { "Entwurf wiederhergestellt – aber \($0) hat den Bericht seither geändert. Strg-D verwirft den Entwurf und lädt die neue Fassung." },
        correcting: "Korrektur des eingereichten Berichts",
        hint: "Tab ↓ weiter · 1 2 3 Ampel, weiter · Strg-S einreichen · Esc Entwurf behalten",
        submitted: { "Bericht \($0) \($1) eingereicht." },
        problemsCount: { $0 == 1 ? "1 Feld ist noch nicht in Ordnung." : "\($0) Felder sind noch nicht in Ordnung." },
        reportDeleted: "Der Bericht wurde inzwischen gelöscht – nichts gespeichert, Ihr Entwurf bleibt.",
        changedMeanwhile: { "Strg-D lädt die neue Fassung: \($0) hat den Bericht inzwischen geändert – nichts gespeichert, Ihr Entwurf bleibt." },
        lastMonth: { "Vormonat \($0)" }, target: "Ziel",
        labelOverall: "Gesamtampel", labelSchedule: "Termine", labelCost: "Kosten", labelResults: "Ergebnisse",
        labelProgress: "Fortschritt %", labelAchieved: "Erreicht", labelNextSteps: "Nächste Schritte",
        labelRisks: "Risiken/Maßnahmen", labelSpent: "Ausgaben im Monat €",
        problemMissing: "fehlt", problemProgressRange: "ganze Zahl von 0 bis 100",
        problemProgressBelow: { "unter dem Vormonat (\($0)) – bitte unter „Erreicht“ oder „Risiken“ begründen" },
        problemNotMoney: "Betrag in Euro, z. B. 12.500 oder 12500,50", problemNegative: "darf nicht negativ sein",
        problemBeyondBudget: "mehr als jedes Budget einer Kommune – bitte prüfen",
        problemNotANumber: "Zahl, z. B. 87,5", problemTooLong: { "höchstens \($0) Zeichen" })

    public static let english = ReportStrings(
        keyWrite: "write this month's status report", keyNextField: "next field",
        keyPreviousField: "previous field", keyLight: "light: 1 green, 2 yellow, 3 red (and on)",
        keySubmit: "check and submit", keyDiscard: "discard the draft, load the stored version",
        keyClose: "close (draft is kept)", title: "Status report",
        draftKept: "Draft saved – r opens it again.", draftRestored: "Saved draft restored.",
        draftOutdated: { "Draft restored – but \($0) changed the report since. Ctrl-D discards the draft and loads the new version." },
        correcting: "correcting the submitted report",
        hint: "Tab ↓ next · 1 2 3 light, next · Ctrl-S submit · Esc close, keep draft",
        submitted: { "Report \($0) \($1) submitted." },
        problemsCount: { $0 == 1 ? "1 field needs attention." : "\($0) fields need attention." },
        reportDeleted: "The report was deleted meanwhile – nothing saved, your draft is kept.",
        changedMeanwhile: { "Ctrl-D loads the new version: \($0) changed the report meanwhile – nothing saved, your draft is kept." },
        lastMonth: { "last month \($0)" }, target: "target",
        labelOverall: "Overall", labelSchedule: "Schedule", labelCost: "Cost", labelResults: "Results",
        labelProgress: "Progress %", labelAchieved: "Achieved", labelNextSteps: "Next steps",
        labelRisks: "Risks/measures", labelSpent: "Spent this month €",
        problemMissing: "missing", problemProgressRange: "a whole number from 0 to 100",
        problemProgressBelow: { "below last month (\($0)) – please explain under “Achieved” or “Risks”" },
        problemNotMoney: "amount in euros, e.g. 12,500 or 12500.50", problemNegative: "must not be negative",
        problemBeyondBudget: "more than any municipal budget – please check",
        problemNotANumber: "a number, e.g. 87.5", problemTooLong: { "at most \($0) characters" })

    /// The conflict message leads with the key that resolves it, so a narrow status line
    /// never cuts it off.
    public func conflict(_ c: ReportConflict) -> String {
        guard let v = c.current else { return reportDeleted }
        return changedMeanwhile(v.changedBy)
    }

    public func label(_ f: ReportField, kpis: [KPI]) -> String {
        switch f {
        case .overall: labelOverall
        case .schedule: labelSchedule
        case .cost: labelCost
        case .results: labelResults
        case .progress: labelProgress
        case .achieved: labelAchieved
        case .nextSteps: labelNextSteps
        case .risksAndMeasures: labelRisks
        case .spent: labelSpent
        case .reading(let id): kpis.first { $0.id == id }?.name ?? id
        }
    }

    public func problem(_ p: ReportFieldProblem, _ formats: Formats) -> String {
        switch p {
        case .missing: problemMissing
        case .progressOutOfRange: problemProgressRange
        case .progressBelowPrevious(let v): problemProgressBelow(formats.percent(v))
        case .notMoney: problemNotMoney
        case .negative: problemNegative
        case .beyondAnyBudget: problemBeyondBudget
        case .notANumber: problemNotANumber
        case .tooLong(let n): problemTooLong(n)
        }
    }
}

extension Strings {
    public var report: ReportStrings { language == .german ? .german : .english }
}
