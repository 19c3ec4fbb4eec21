import LotseDomain

/// The texts of the workshop handout (`Handout`) that the result and minutes tables do not
/// already hold. German first; both tables list every value.
public struct HandoutStrings: Sendable {
    public var language: Language

    public var title: String
    /// The heading over headline, "why" and gaps.
    public var placement: String
    public var scores: String
    public var byPhase: String
    public var byDimension: String
    /// Shown instead of a bar when too little was answered to score.
    public var notScored: String
    /// Heading of the comparison: (date of the previous assessment).
    public var comparison: @Sendable (_ date: String) -> String
    public var noPrevious: String
    /// The placements then and now: (then, now).
    public var placementThenNow: @Sendable (_ then: String, _ now: String) -> String
    public var notDeterminable: String
    public var rose: String
    public var fell: String
    public var nothingChanged: String
    /// A change of a score in percentage points, signed: (+12 / -5).
    public var points: @Sendable (Int) -> String
    /// The previous assessment used another questionnaire: (its tag).
    public var otherQuestionnaire: @Sendable (String) -> String
    public var dissentAndNotes: String
    public var noDissentOrNotes: String
    public var tensions: String
    /// The two poles of a tension field: (pole a, pole b).
    public var between: @Sendable (_ a: String, _ b: String) -> String
    public var touchedStatements: String
    public var source: String
    public var noTensions: String
    public var noRecommendations: String
    /// The last line: (assessment id, questionnaire tag).
    public var madeFrom: @Sendable (_ id: String, _ questionnaire: String) -> String
    /// The words before a recommendation's trailing source bracket: "nach" / "after".
    public var sourcePrefix: String
    /// `assess export --minutes --format html`: the minutes have no HTML form.
    public var minutesHaveNoHTML: String
    /// The `lang` attribute of the HTML handout.
    public var htmlLanguage: String
    /// A calendar day: (year, month, day).
    public var day: @Sendable (_ year: Int, _ month: Int, _ day: Int) -> String
    /// The result screen's key that writes the handout, its help line and footer label.
    public var keyWrite: String
    public var footerWrite: String
    /// A file the dashboard wrote: (its full path).
    public var written: @Sendable (_ path: String) -> String
    /// A file the dashboard could not write: (path, reason).
    public var notWritten: @Sendable (_ path: String, _ reason: String) -> String

    public static func forLanguage(_ l: Language) -> HandoutStrings {
        switch l {
        case .german: .german
        case .english: .english
        }
    }

    public static let german = HandoutStrings(
        language: .german,
        title: "Handout zur Selbsteinschätzung",
        placement: "Einordnung",
        scores: "Werte",
        byPhase: "Je Phase",
        byDimension: "Je Dimension",
        notScored: "zu wenig beantwortet",
        comparison: { "Vergleich mit der Einschätzung vom \($0)" },
        noPrevious: "Keine frühere Einschätzung dieser Kommune gespeichert.",
        placementThenNow: { "Einordnung damals: \($0) – heute: \($1)" },
        notDeterminable: "nicht bestimmbar",
        rose: "Gestiegen",
        fell: "Gesunken",
        nothingChanged: "Kein Wert hat sich verändert.",
        points: { ($0 > 0 ? "+" : $0 < 0 ? "−" : "±") + "\(abs($0)) Punkte" },
        otherQuestionnaire: { "Die frühere Einschätzung nutzte einen anderen Fragebogen (\($0)); die Werte sind nur bedingt vergleichbar." },
        dissentAndNotes: "Aussagen mit Dissens oder Notiz",
        noDissentOrNotes: "Keine Aussage mit Dissens oder Notiz.",
        tensions: "Spannungsfelder",
        between: { "Zwischen „\($0)“ und „\($1)“" },
        touchedStatements: "Berührte Aussagen (Konsens)",
        source: "Quelle",
        noTensions: "Der Fragebogen nennt keine Spannungsfelder.",
        noRecommendations: "Keine Empfehlungen.",
        madeFrom: { "Erstellt mit Lotse aus der Einschätzung \($0) (Fragebogen \($1))." },
        sourcePrefix: "nach",
        minutesHaveNoHTML: "Das Protokoll gibt es als markdown oder json; ohne --minutes schreibt --format html das Handout. Nichts wurde geschrieben.",
        htmlLanguage: "de",
        day: { y, m, d in "\(d < 10 ? "0" : "")\(d).\(m < 10 ? "0" : "")\(m).\(y)" },
        keyWrite: "Handout schreiben (HTML, im aktuellen Ordner)",
        footerWrite: "Handout",
        written: { "Geschrieben: \($0)" },
        notWritten: { path, reason in "Nicht geschrieben (\(reason)): \(path)" })

    public static let english = HandoutStrings(
        language: .english,
        title: "Self-assessment handout",
        placement: "Placement",
        scores: "Scores",
        byPhase: "By phase",
        byDimension: "By dimension",
        notScored: "too few answers",
        comparison: { "Compared with the assessment of \($0)" },
        noPrevious: "No earlier assessment of this municipality is stored.",
        placementThenNow: { "Placement then: \($0) – now: \($1)" },
        notDeterminable: "not determinable",
        rose: "Rose",
        fell: "Fell",
        nothingChanged: "No score changed.",
        points: { ($0 > 0 ? "+" : $0 < 0 ? "−" : "±") + "\(abs($0)) points" },
        otherQuestionnaire: { "The earlier assessment used another questionnaire (\($0)); the scores compare only in part." },
        dissentAndNotes: "Statements with dissent or a note",
        noDissentOrNotes: "No statement with dissent or a note.",
        tensions: "Tension fields",
        between: { "Between '\($0)' and '\($1)'" },
        touchedStatements: "Statements touching it (consensus)",
        source: "Source",
        noTensions: "The questionnaire names no tension fields.",
        noRecommendations: "No recommendations.",
        madeFrom: { "Made with Lotse from assessment \($0) (questionnaire \($1))." },
        sourcePrefix: "after",
        minutesHaveNoHTML: "The minutes come as markdown or json; without --minutes, --format html writes the handout. Nothing was written.",
        htmlLanguage: "en",
        day: { y, m, d in "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)" },
        keyWrite: "write the handout (HTML, in the current folder)",
        footerWrite: "handout",
        written: { "Written: \($0)" },
        notWritten: { path, reason in "Not written (\(reason)): \(path)" })
}
