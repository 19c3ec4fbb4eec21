import LotseDomain

/// The texts of the status-report form, in one language.
public struct ReportStrings: Sendable {
    public var german: Bool

    public var keyWrite: String { german ? "Statusbericht dieses Monats schreiben" : "write this month's status report" }
    public var keyNextField: String { german ? "nächstes Feld" : "next field" }
    public var keyPreviousField: String { german ? "voriges Feld" : "previous field" }
    public var keyLight: String { german ? "Ampel: 1 grün, 2 gelb, 3 rot" : "light: 1 green, 2 yellow, 3 red" }
    public var keySubmit: String { german ? "prüfen und einreichen" : "check and submit" }
    public var keyDiscard: String { german ? "Entwurf verwerfen, gespeicherte Fassung laden" : "discard the draft, load the stored version" }
    public var keyClose: String { german ? "schließen (Entwurf bleibt)" : "close (draft is kept)" }
    public var title: String { german ? "Statusbericht" : "Status report" }
    public var draftKept: String { german ? "Entwurf gespeichert – r öffnet ihn wieder." : "Draft saved – r opens it again." }
    public var draftRestored: String { german ? "Gespeicherter Entwurf wiederhergestellt." : "Saved draft restored." }
    public func draftOutdated(_ who: String) -> String {
        german ? "Entwurf wiederhergestellt – aber \(who) hat den Bericht seither geändert. Strg-D verwirft den Entwurf und lädt die neue Fassung."
               : "Draft restored – but \(who) changed the report since. Ctrl-D discards the draft and loads the new version."
    }
    public var correcting: String { german ? "Korrektur des eingereichten Berichts" : "correcting the submitted report" }
    public var hint: String {
        german ? "Tab ↓ weiter · 1 2 3 Ampel, weiter · Strg-S einreichen · Esc Entwurf behalten"
               : "Tab ↓ next · 1 2 3 light, next · Ctrl-S submit · Esc close, keep draft"
    }
    public func submitted(_ id: String, _ month: String) -> String {
        german ? "Bericht \(id) \(month) eingereicht." : "Report \(id) \(month) submitted."
    }
    public func problemsCount(_ n: Int) -> String {
        german ? (n == 1 ? "1 Feld ist noch nicht in Ordnung." : "\(n) Felder sind noch nicht in Ordnung.")
               : (n == 1 ? "1 field needs attention." : "\(n) fields need attention.")
    }
    public func conflict(_ c: ReportConflict) -> String {
        guard let v = c.current else {
            return german ? "Der Bericht wurde inzwischen gelöscht – nichts gespeichert, Ihr Entwurf bleibt."
                          : "The report was deleted meanwhile – nothing saved, your draft is kept."
        }
        return german
            ? "\(v.changedBy) hat den Bericht inzwischen geändert – nichts gespeichert, Ihr Entwurf bleibt. Strg-D lädt die neue Fassung."
            : "\(v.changedBy) changed the report meanwhile – nothing saved, your draft is kept. Ctrl-D loads the new version."
    }

    public func lastMonth(_ progress: Int) -> String { german ? "Vormonat \(progress) %" : "last month \(progress) %" }

    public func label(_ f: ReportField, kpis: [KPI]) -> String {
        switch f {
        case .overall: german ? "Gesamtampel" : "Overall"
        case .schedule: german ? "Termine" : "Schedule"
        case .cost: german ? "Kosten" : "Cost"
        case .results: german ? "Ergebnisse" : "Results"
        case .progress: german ? "Fortschritt %" : "Progress %"
        case .achieved: german ? "Erreicht" : "Achieved"
        case .nextSteps: german ? "Nächste Schritte" : "Next steps"
        case .risksAndMeasures: german ? "Risiken/Maßnahmen" : "Risks/measures"
        case .spent: german ? "Ausgaben im Monat €" : "Spent this month €"
        case .reading(let id): kpis.first { $0.id == id }?.name ?? id
        }
    }

    public func problem(_ p: ReportFieldProblem) -> String {
        switch p {
        case .missing: german ? "fehlt" : "missing"
        case .progressOutOfRange: german ? "ganze Zahl von 0 bis 100" : "a whole number from 0 to 100"
        case .progressBelowPrevious(let v):
            german ? "unter dem Vormonat (\(v) %) – bitte unter „Erreicht“ oder „Risiken“ begründen"
                   : "below last month (\(v) %) – please explain under “Achieved” or “Risks”"
        case .notMoney: german ? "Betrag in Euro, z. B. 12.500 oder 12500,50" : "amount in euros, e.g. 12,500 or 12500.50"
        case .negative: german ? "darf nicht negativ sein" : "must not be negative"
        case .notANumber: german ? "Zahl, z. B. 87,5" : "a number, e.g. 87.5"
        case .tooLong(let n): german ? "höchstens \(n) Zeichen" : "at most \(n) characters"
        }
    }
}

extension Strings {
    public var report: ReportStrings { ReportStrings(german: language == .german) }
}
