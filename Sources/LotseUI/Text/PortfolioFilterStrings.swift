import LotseDomain

/// The texts of the portfolio's filter dialog (`f`) and its trend strip. German first; both
/// tables list every value.
public struct PortfolioFilterStrings: Sendable {
    public var language: Language

    /// The dialog's title.
    public var title: String
    /// The labels of the dialog's rows.
    public var labelField: String
    public var labelPhase: String
    public var labelMunicipality: String
    public var labelOffice: String
    public var labelLight: String
    public var labelAttention: String
    /// A choice that keeps every project ("alle").
    public var any: String
    public var yes: String
    public var no: String
    /// The attention filter explained, under its row.
    public var attentionHint: String
    /// The office row: hint while nothing is typed, and the offices the typed text matches:
    /// (offices).
    public var officeHint: String
    public var officeMatches: @Sendable (_ offices: String) -> String
    /// The typed office matches no office of the loaded rows; it is applied as typed.
    public var officeUnknown: String
    /// Enter with a typed office that matches several offices: (offices).
    public var officeAmbiguous: @Sendable (_ offices: String) -> String
    /// The dialog's line of keys.
    public var keysLine: String
    /// Help lines and footer words of the keys.
    public var keyOpen: String
    public var footerOpen: String
    public var keyClearAll: String
    public var keyApply: String
    public var keyCancel: String
    public var keyField: String
    public var keyChoose: String
    public var keyReset: String
    /// The notice after the filters were cleared.
    public var cleared: String
    /// The trend strip's column title.
    public var colTrend: String
    /// The age of the newest report in the trend column: (months); 0 = of the month shown.
    public var age: @Sendable (_ months: Int) -> String

    public static func forLanguage(_ l: Language) -> PortfolioFilterStrings {
        switch l {
        case .german: .german
        case .english: .english
        }
    }

    public static let german = PortfolioFilterStrings(
        language: .german,
        title: "Filter",
        labelField: "Handlungsfeld",
        labelPhase: "Phase",
        labelMunicipality: "Kommune",
        labelOffice: "Amt",
        labelLight: "Ampel",
        labelAttention: "Braucht Aufmerksamkeit",
        any: "alle",
        yes: "ja",
        no: "nein",
        attentionHint: "rot, schlechter als im Vormonat, Bericht fehlt oder Förderende ohne Entscheidung",
        officeHint: "Namen tippen; Ämter der Tabelle werden vorgeschlagen",
        officeMatches: { "passt zu: \($0)" },
        officeUnknown: "kein Amt der Tabelle passt; gefiltert wird nach dem getippten Namen",
        officeAmbiguous: { "Mehrere Ämter passen: \($0). Bitte genauer tippen; nichts wurde geändert." },
        keysLine: "↑↓ Feld · ←→ Wert · Entf alle · Enter anwenden · Esc abbrechen",
        keyOpen: "Filter wählen (Feld, Phase, Amt, Ampel …)",
        footerOpen: "Filter",
        keyClearAll: "alle Filter aufheben (die Suche bleibt)",
        keyApply: "Filter anwenden",
        keyCancel: "abbrechen, nichts ändern",
        keyField: "anderes Feld",
        keyChoose: "Wert wählen",
        keyReset: "Feld zurücksetzen (alle)",
        cleared: "Alle Filter aufgehoben",
        colTrend: "Verlauf",
        age: { $0 == 0 ? "0" : "\($0) M" })

    public static let english = PortfolioFilterStrings(
        language: .english,
        title: "Filters",
        labelField: "Field of action",
        labelPhase: "Phase",
        labelMunicipality: "Municipality",
        labelOffice: "Office",
        labelLight: "Light",
        labelAttention: "Needs attention",
        any: "all",
        yes: "yes",
        no: "no",
        attentionHint: "red, worse than the month before, report missing, or funding ends undecided",
        officeHint: "type a name; the table's offices are suggested",
        officeMatches: { "matches: \($0)" },
        officeUnknown: "no office of the table matches; the typed name is used",
        officeAmbiguous: { "Several offices match: \($0). Type more of the name; nothing was changed." },
        keysLine: "↑↓ field · ←→ value · Del all · Enter apply · Esc cancel",
        keyOpen: "choose filters (field, phase, office …)",
        footerOpen: "filters",
        keyClearAll: "clear all filters (the search stays)",
        keyApply: "apply the filters",
        keyCancel: "cancel, change nothing",
        keyField: "other field",
        keyChoose: "choose a value",
        keyReset: "reset the field (all)",
        cleared: "All filters cleared",
        colTrend: "Trend",
        age: { $0 == 0 ? "0" : "\($0) mo" })
}
