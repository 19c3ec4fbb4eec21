import Foundation
import LotseDomain

/// The texts of the continuation form (Verstetigung), one table per language.
public struct ContinuationStrings: Sendable {
    public var language: Language
    public var keyOpen: String
    public var keyNextField: String
    public var keyPreviousField: String
    public var keyChoose: String
    public var keySubmit: String
    public var keyDiscard: String
    public var keyClose: String
    public var title: String
    public var revising: @Sendable (_ revision: Int) -> String
    public var hint: String
    /// Short labels of the questions, for the form's label column.
    public var question: @Sendable (ContinuationQuestion) -> String
    /// The three steps of the transfer phase the questions belong to.
    public var stepReflect: String
    public var stepEvaluate: String
    public var stepLookAcross: String
    public var stepDecide: String
    public var labelDecision: String
    public var labelAmount: String
    public var labelSource: String
    public var labelFrom: String
    public var labelBasicComponent: String
    public var labelDecidedBy: String
    public var labelDecidedOn: String
    public var decision: @Sendable (ContinuationDecision) -> String
    public var yes: String
    public var no: String
    public var historyTitle: String
    public var noHistory: String
    /// One line of the history: revision, decision, who decided when, who submitted.
    public var historyEntry: @Sendable (_ revision: Int, _ decision: String, _ decided: String, _ submittedBy: String) -> String
    public var decidedByOn: @Sendable (_ who: String, _ day: String) -> String
    public var draftKept: String
    public var draftRestored: String
    public var draftOutdated: @Sendable (_ who: String) -> String
    public var submitted: @Sendable (_ id: String, _ decision: String) -> String
    public var problemsCount: @Sendable (Int) -> String
    public var conflict: @Sendable (_ who: String, _ revision: Int) -> String
    public var reviewRemoved: String
    public var othersEditing: @Sendable (_ who: String) -> String
    public var problemMissing: String
    public var problemMissingReason: String
    public var problemTooLong: @Sendable (Int) -> String
    public var problemNotMoney: String
    public var problemNegative: String
    public var problemBeyondBudget: String
    public var problemNotAMonth: String
    public var problemMonthBeforeStart: @Sendable (_ start: String) -> String
    public var problemMonthTooFar: @Sendable (_ latest: String) -> String
    public var problemNotADate: String
    public var problemDateInFuture: String
    public var problemStoppedBasic: String

    public static func forLanguage(_ l: Language) -> ContinuationStrings { l == .german ? .german : .english }

    /// The label of any field of the form.
    public func label(_ f: ContinuationField) -> String {
        switch f {
        case .question(let q): question(q)
        case .decision: labelDecision
        case .followUpAmount: labelAmount
        case .followUpSource: labelSource
        case .followUpFrom: labelFrom
        case .basicComponent: labelBasicComponent
        case .decidedBy: labelDecidedBy
        case .decidedOn: labelDecidedOn
        }
    }

    /// What is wrong with a field, in words.
    public func problem(_ p: ContinuationFieldProblem, field: ContinuationField, _ formats: Formats) -> String {
        switch p {
        case .missing: field == .question(.ownBudget) ? problemMissingReason : problemMissing
        case .tooLong(let n): problemTooLong(n)
        case .notMoney: problemNotMoney
        case .negative: problemNegative
        case .beyondAnyBudget: problemBeyondBudget
        case .notAMonth: problemNotAMonth
        case .monthBeforeStart(let m): problemMonthBeforeStart(formats.month(m))
        case .monthTooFar(let m): problemMonthTooFar(formats.month(m))
        case .notADate: problemNotADate
        case .dateInFuture: problemDateInFuture
        case .stoppedButBasicComponent: problemStoppedBasic
        }
    }

    public static let german = ContinuationStrings(
        language: .german,
        keyOpen: "Verstetigung prüfen und entscheiden", keyNextField: "nächstes Feld", keyPreviousField: "voriges Feld",
        keyChoose: "Entscheidung wählen, Basiskomponente ja/nein", keySubmit: "prüfen und einreichen",
        keyDiscard: "Entwurf verwerfen, letzte Fassung laden", keyClose: "schließen (Entwurf bleibt)",
        title: "Verstetigung",
        revising: { "überarbeitet Fassung \($0)" },
        hint: "Tab ↓ weiter · ← → wählen · Strg-S einreichen · Esc Entwurf behalten",
        question: { q in
            switch q {
            case .goal: "Was wollten wir?"
            case .reached: "Was erreicht?"
            case .approach: "Wie vorgegangen?"
            case .planAndResources: "Ergebnis zu Plan/Mitteln"
            case .ownBudget: "Eigener Haushalt wert?"
            case .againOrDifferently: "Wieder/anders machen?"
            case .reuse: "Was nutzen andere?"
            }
        },
        stepReflect: "Reflektieren", stepEvaluate: "Ehrlich bewerten", stepLookAcross: "Über den Zaun schauen",
        stepDecide: "Entscheiden und finanzieren",
        labelDecision: "Entscheidung", labelAmount: "Anschluss €/Jahr", labelSource: "Finanziert aus",
        labelFrom: "ab Monat", labelBasicComponent: "Basiskomponente", labelDecidedBy: "Entschieden von",
        labelDecidedOn: "Entschieden am",
        decision: { d in
            switch d {
            case .open: "offen"
            case .ownBudget: "aus eigenem Haushalt weiter"
            case .scaleAndTransfer: "skalieren und übertragen"
            case .rebuild: "neu aufsetzen"
            case .stop: "beenden"
            }
        },
        yes: "ja, vorgeschlagen", no: "nein",
        historyTitle: "Frühere Fassungen", noHistory: "Noch keine Entscheidung eingereicht.",
        historyEntry: { "#\($0) \($1) · \($2) · eingereicht von \($3)" },
        decidedByOn: { "\($0), \($1)" },
        draftKept: "Entwurf gespeichert – v öffnet ihn wieder.", draftRestored: "Gespeicherter Entwurf wiederhergestellt.",
        draftOutdated: { "Entwurf wiederhergestellt – aber \($0) hat seither eine neue Fassung eingereicht. Strg-D lädt sie." },
        submitted: { "Verstetigung \($0) eingereicht: \($1)." },
        problemsCount: { $0 == 1 ? "1 Feld ist noch nicht in Ordnung." : "\($0) Felder sind noch nicht in Ordnung." },
        conflict: { "\($0) hat inzwischen Fassung \($1) eingereicht – nichts gespeichert, Ihr Entwurf bleibt. Strg-D lädt die neue Fassung." },
        reviewRemoved: "Die gespeicherte Fassung ist nicht mehr da – nichts gespeichert, Ihr Entwurf bleibt.",
        othersEditing: { "Auch in Arbeit bei: \($0)" },
        problemMissing: "fehlt", problemMissingReason: "fehlt – eine Entscheidung braucht diese Abwägung",
        problemTooLong: { "höchstens \($0) Zeichen" },
        problemNotMoney: "Betrag in Euro, z. B. 120.000 oder 120000,50", problemNegative: "darf nicht negativ sein",
        problemBeyondBudget: "mehr als jedes Budget einer Kommune – bitte prüfen",
        problemNotAMonth: "Monat, z. B. 07/2027", problemMonthBeforeStart: { "vor dem Projektstart \($0)" },
        problemMonthTooFar: { "später als \($0) – bitte prüfen" },
        problemNotADate: "Datum, z. B. 24.09.2026", problemDateInFuture: "liegt in der Zukunft",
        problemStoppedBasic: "ein beendetes Projekt wird keine Basiskomponente")

    public static let english = ContinuationStrings(
        language: .english,
        keyOpen: "review and decide continuation", keyNextField: "next field", keyPreviousField: "previous field",
        keyChoose: "choose the decision, basic component yes/no", keySubmit: "check and submit",
        keyDiscard: "discard the draft, load the last version", keyClose: "close (draft is kept)",
        title: "Continuation",
        revising: { "revising version \($0)" },
        hint: "Tab ↓ next · ← → choose · Ctrl-S submit · Esc keep draft",
        question: { q in
            switch q {
            case .goal: "What we set out to do"
            case .reached: "What we reached"
            case .approach: "How we proceeded"
            case .planAndResources: "Results vs plan/means"
            case .ownBudget: "Worth our own budget?"
            case .againOrDifferently: "Again or differently?"
            case .reuse: "What others can reuse"
            }
        },
        stepReflect: "Reflect", stepEvaluate: "Evaluate honestly", stepLookAcross: "Look across the fence",
        stepDecide: "Decide and finance",
        labelDecision: "Decision", labelAmount: "Follow-up €/year", labelSource: "Paid from",
        labelFrom: "From month", labelBasicComponent: "Basic component", labelDecidedBy: "Decided by",
        labelDecidedOn: "Decided on",
        decision: { d in
            switch d {
            case .open: "open"
            case .ownBudget: "continue from own budget"
            case .scaleAndTransfer: "scale and transfer"
            case .rebuild: "rebuild"
            case .stop: "stop"
            }
        },
        yes: "yes, proposed", no: "no",
        historyTitle: "Earlier versions", noHistory: "No decision submitted yet.",
        historyEntry: { "#\($0) \($1) · \($2) · submitted by \($3)" },
        decidedByOn: { "\($0), \($1)" },
        draftKept: "Draft saved – v opens it again.", draftRestored: "Saved draft restored.",
        draftOutdated: { "Draft restored – but \($0) has submitted a new version since. Ctrl-D loads it." },
        submitted: { "Continuation of \($0) submitted: \($1)." },
        problemsCount: { $0 == 1 ? "1 field is not right yet." : "\($0) fields are not right yet." },
        conflict: { "\($0) has submitted version \($1) meanwhile – nothing saved, your draft is kept. Ctrl-D loads the new version." },
        reviewRemoved: "The stored version is gone – nothing saved, your draft is kept.",
        othersEditing: { "Also being edited by: \($0)" },
        problemMissing: "missing", problemMissingReason: "missing – a decision needs this weighing",
        problemTooLong: { "at most \($0) characters" },
        problemNotMoney: "an amount in euros, e.g. 120000 or 120000.50", problemNegative: "must not be negative",
        problemBeyondBudget: "more than any municipal budget – please check",
        problemNotAMonth: "a month, e.g. 07/2027", problemMonthBeforeStart: { "before the project's start \($0)" },
        problemMonthTooFar: { "later than \($0) – please check" },
        problemNotADate: "a date, e.g. 2026-09-24", problemDateInFuture: "lies in the future",
        problemStoppedBasic: "a project that stops is no basic component")
}

extension Strings {
    /// The continuation form's texts in this language.
    public var continuationForm: ContinuationStrings { .forLanguage(language) }
}
