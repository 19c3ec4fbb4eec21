/// The short words of the footer and the texts of the dialogs, one table per language.
public struct FooterStrings: Sendable {
    public var help: String
    public var quit: String
    public var screens: String
    public var back: String
    public var search: String
    public var sort: String
    public var filter: String
    public var report: String
    public var open: String
    public var scroll: String
    public var newAssessment: String
    public var result: String
    public var answer: String
    public var next: String
    public var note: String
    public var consensus: String
    public var finish: String
    public var take: String
    public var cancel: String
    public var nextField: String
    public var submit: String
    public var keepDraft: String
    public var loadSample: String
    public var yes: String
    public var no: String
    public var close: String
    /// "+ 1 weitere Kommune" beside the largest municipality's name.
    public var moreMunicipalities: @Sendable (Int) -> String
    /// The same, short, when the title bar is narrow: "+ 1 Kommune".
    public var moreMunicipalitiesShort: @Sendable (Int) -> String
    public var quitDemoQuestion: String
    public var confirmTitle: String
    // The help overlay's lines of the text fields and dialogs
    public var keyTakeSearch: String
    public var keyDropSearch: String
    public var keyEditText: String
    public var keyCommitEntry: String
    public var keyCancelEntry: String
    public var keyYes: String
    public var keyNo: String
    public var keyNextSetupField: String
    public var keyStartAssessment: String
    public var keyCancelSetup: String

    public static let german = FooterStrings(
        help: "Hilfe", quit: "Beenden", screens: "Ansicht", back: "Zurück", search: "Suche", sort: "Sortieren",
        filter: "Ampelfilter", report: "Bericht", open: "Öffnen", scroll: "Blättern", newAssessment: "Neu",
        result: "Ergebnis", answer: "Antwort", next: "Weiter", note: "Notiz", consensus: "Konsens",
        finish: "Abschließen", take: "Übernehmen", cancel: "Abbrechen", nextField: "Nächstes Feld",
        submit: "Einreichen", keepDraft: "Entwurf behalten", loadSample: "Beispieldaten", yes: "Ja", no: "Nein",
        close: "Schließen",
        moreMunicipalities: { $0 == 1 ? "+ 1 weitere Kommune" : "+ \($0) weitere Kommunen" },
        moreMunicipalitiesShort: { $0 == 1 ? "+ 1 Kommune" : "+ \($0) Kommunen" },
        quitDemoQuestion: "Die Änderungen in der Demo gehen beim Beenden verloren. Trotzdem beenden?",
        confirmTitle: "Rückfrage",
        keyTakeSearch: "Suche übernehmen, Tabelle bedienen", keyDropSearch: "Suche verwerfen",
        keyEditText: "Cursor bewegen, löschen (Strg-U/K bis Anfang/Ende, Strg-W Wort)",
        keyCommitEntry: "Eingabe übernehmen", keyCancelEntry: "Eingabe verwerfen",
        keyYes: "ja", keyNo: "nein", keyNextSetupField: "nächstes/voriges Feld",
        keyStartAssessment: "weiter; im letzten Feld: starten", keyCancelSetup: "abbrechen")

    public static let english = FooterStrings(
        help: "help", quit: "quit", screens: "screen", back: "back", search: "search", sort: "sort",
        filter: "light filter", report: "report", open: "open", scroll: "scroll", newAssessment: "new",
        result: "result", answer: "answer", next: "next", note: "note", consensus: "consensus",
        finish: "finish", take: "take", cancel: "cancel", nextField: "next field",
        submit: "submit", keepDraft: "keep draft", loadSample: "sample data", yes: "yes", no: "no",
        close: "close",
        moreMunicipalities: { $0 == 1 ? "+ 1 more municipality" : "+ \($0) more municipalities" },
        moreMunicipalitiesShort: { "+ \($0) more" },
        quitDemoQuestion: "The changes made in the demo are lost when it ends. Quit anyway?",
        confirmTitle: "Please confirm",
        keyTakeSearch: "keep the search, back to the table", keyDropSearch: "drop the search",
        keyEditText: "move the cursor, delete (Ctrl-U/K to start/end, Ctrl-W word)",
        keyCommitEntry: "take the entry", keyCancelEntry: "drop the entry",
        keyYes: "yes", keyNo: "no", keyNextSetupField: "next/previous field",
        keyStartAssessment: "next; in the last field: start", keyCancelSetup: "cancel")
}

extension Strings {
    public var footer: FooterStrings { language == .german ? .german : .english }
    public func moreMunicipalities(_ n: Int) -> String { footer.moreMunicipalities(n) }
}
