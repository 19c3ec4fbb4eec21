import LotseDomain

/// The texts of the tension-field stances: the dialog on the wizard and the result, the
/// section of the result, the minutes and the handout. German first; both tables list
/// every value.
public struct StanceStrings: Sendable {
    public var language: Language

    /// The dialog's title.
    public var title: String
    /// The first line of the dialog: what it is for.
    public var intro: String
    /// Shown instead of the keys when the assessment is finished.
    public var readOnly: String
    /// The poles as the scale's ends: (first pole, second pole).
    public var poles: @Sendable (_ a: String, _ b: String) -> String
    /// Where the group stands: (position, highest position).
    public var position: @Sendable (_ position: Int, _ of: Int) -> String
    /// No position settled yet.
    public var open: String
    /// Before a note.
    public var notePrefix: String
    /// The note line while typing.
    public var noteEditing: String
    /// The stance in one line for the minutes and the handout: (name, first pole, second
    /// pole, position or nil).
    public var summary: @Sendable (_ name: String, _ a: String, _ b: String, _ position: Int?) -> String
    /// The result section's heading and the line when nothing was noted.
    public var sectionTitle: String
    public var noneNoted: String
    /// Help lines of the keys.
    public var keyOpen: String
    public var keySelect: String
    public var keyMove: String
    public var keyClear: String
    public var keyNote: String
    public var keyClose: String
    /// Footer labels.
    public var footerMove: String
    public var footerNote: String
    /// The questionnaire has no tension fields.
    public var noTensions: String
    /// The handout's label before the group's position.
    public var groupLabel: String

    public static func forLanguage(_ l: Language) -> StanceStrings {
        switch l {
        case .german: .german
        case .english: .english
        }
    }

    public static let german = StanceStrings(
        language: .german,
        title: "Spannungsfelder · wo steht die Kommune?",
        intro: "Für jedes Feld den Punkt zwischen den beiden Polen, auf den sich die Gruppe einigt, und was dazu gesagt wurde. Fließt nicht in die Einordnung ein.",
        readOnly: "Abgeschlossen – zum Ändern mit w wieder öffnen.",
        poles: { "1 = \($0) · 5 = \($1)" },
        position: { "Stand \($0) von \($1)" },
        open: "offen",
        notePrefix: "Notiz: ",
        noteEditing: "Notiz (Enter speichert, Esc verwirft): ",
        summary: { name, a, b, p in
            let stand = p.map { "Stand \($0) von 5" } ?? "offen"
            return "\(name) (1 = \(a), 5 = \(b)): \(stand)"
        },
        sectionTitle: "Spannungsfelder · wo die Gruppe die Kommune sieht",
        noneNoted: "Noch nichts festgehalten (f).",
        keyOpen: "Spannungsfelder: festhalten, wo die Kommune steht",
        keySelect: "anderes Spannungsfeld",
        keyMove: "Stand zwischen den Polen (1–5, ← →)",
        keyClear: "Stand löschen (offen)",
        keyNote: "Notiz zum Spannungsfeld",
        keyClose: "schließen (alles ist gespeichert)",
        footerMove: "Stand",
        footerNote: "Notiz",
        noTensions: "Dieser Fragebogen nennt keine Spannungsfelder.",
        groupLabel: "Wo die Gruppe steht")

    public static let english = StanceStrings(
        language: .english,
        title: "Tension fields · where does the municipality stand?",
        intro: "For each field the point between its two poles the group agrees on, and what was said about it. Not part of the placement.",
        readOnly: "Finished – reopen with w to change.",
        poles: { "1 = \($0) · 5 = \($1)" },
        position: { "stands at \($0) of \($1)" },
        open: "open",
        notePrefix: "Note: ",
        noteEditing: "Note (Enter saves, Esc drops): ",
        summary: { name, a, b, p in
            let stand = p.map { "stands at \($0) of 5" } ?? "open"
            return "\(name) (1 = \(a), 5 = \(b)): \(stand)"
        },
        sectionTitle: "Tension fields · where the group sees the municipality",
        noneNoted: "Nothing noted yet (f).",
        keyOpen: "Tension fields: note where the municipality stands",
        keySelect: "another tension field",
        keyMove: "position between the poles (1–5, ← →)",
        keyClear: "clear the position (open)",
        keyNote: "note on the tension field",
        keyClose: "close (everything is saved)",
        footerMove: "position",
        footerNote: "note",
        noTensions: "This questionnaire names no tension fields.",
        groupLabel: "Where the group stands")
}
