import LotseDomain

/// The texts of a self-assessment's result and minutes (screen, text, Markdown), one table
/// per language.
public struct ResultStrings: Sendable {
    public var title: String
    public var fulfilled: @Sendable (_ phase: String, _ percent: String) -> String
    public var nextBegun: @Sendable (_ phase: String, _ percent: String) -> String
    public var nextNotBegun: @Sendable (_ phase: String) -> String
    public var notDeterminable: @Sendable (_ percent: String) -> String
    public var answeredLine: @Sendable (_ questionnaire: String, _ answered: Int, _ total: Int) -> String
    public var dontKnowCount: @Sendable (Int) -> String
    public var result: String
    public var perPhase: String
    public var answeredOf: @Sendable (_ answered: Int, _ total: Int) -> String
    public var knockOuts: String
    public var knockOut: @Sendable (_ phase: String, _ gate: String, _ criterion: String) -> String
    public var atLeast: @Sendable (Int) -> String
    public var needsAnswers: @Sendable (_ percent: String) -> String
    public var dimensions: String
    public var carries: String
    public var holdsBack: String
    public var recommendations: String
    public var evidenceTitle: String
    public var partOf: @Sendable (Int, Int) -> String
    public var inOperation: String
    public var continuationDecided: String
    public var reportsDelivered: String
    public var reuse: @Sendable (_ reused: Int, _ candidates: Int) -> String
    public var differs: String
    public var littleInOperation: @Sendable (_ percent: String, _ phase: String) -> String
    public var littleContinuation: @Sendable (_ percent: String, _ phase: String) -> String
    public var littleReports: @Sendable (_ percent: String, _ phase: String) -> String
    // Minutes
    public var minutesTitle: String
    public var dontKnow: String
    public var date: String
    public var facilitator: String
    public var participants: String
    public var teamTogether: String
    public var questionnaire: String
    public var status: String
    public var completed: String
    public var inProgress: String
    public var dealtWith: @Sendable (_ count: Int, _ total: Int) -> String
    public var statements: String
    public var dissent: String
    public var answers: String
    public var median: String
    public var spread: String
    public var consensus: String
    public var notSet: String
    public var note: String
    public var notDealtWith: String
    // Why this phase (the Lotse rule)
    /// Behind the headline of a provisional result.
    public var provisionalMark: String
    public var whyTitle: String
    public var whyStart: @Sendable (_ phase: String, _ percent: String) -> String
    public var whyNothingLater: String
    public var whyBlocked: @Sendable (_ phase: String, _ count: Int) -> String
    public var whyPrevious: @Sendable (_ phase: String, _ before: String, _ percent: String) -> String
    public var whyOwn: @Sendable (_ phase: String, _ percent: String) -> String
    public var whyGatesHeld: @Sendable (_ phase: String, _ count: Int) -> String
    public var whyProvisional: @Sendable (_ statements: String, _ phase: String) -> String
    public var whyGaps: @Sendable (_ count: Int) -> String
    public var gapsTitle: String
    public var gapGate: @Sendable (_ criterion: String, _ gate: String) -> String
    public var gapPhase: @Sendable (_ phase: String, _ percent: String) -> String
    public var gapPhaseNoScore: @Sendable (_ phase: String) -> String

    public static let german = ResultStrings(
        title: "Selbsteinschätzung",
        fulfilled: { "\($0), \($1) erfüllt" },
        nextBegun: { "; \($0) begonnen (\($1))" },
        nextNotBegun: { "; \($0) noch nicht begonnen" },
        notDeterminable: { "nicht bestimmbar: nur \($0) der Aussagen beantwortet" },
        answeredLine: { "Fragebogen \($0) · \($1) von \($2) Aussagen beantwortet" },
        dontKnowCount: { ", \($0) × weiß nicht" },
        result: "Ergebnis: ", perPhase: "Erfüllung je Phase",
        answeredOf: { "(\($0)/\($1) beantwortet)" },
        knockOuts: "K.-o.-Kriterien",
        knockOut: { "Nach den Werten wäre die Kommune in \($0), aber Kriterium \($1) ist nicht erfüllt: \($2)" },
        atLeast: { "(mindestens \($0))" },
        needsAnswers: { "Für ein Ergebnis müssen mindestens \($0) der Aussagen beantwortet sein, auch genug zum Experimentieren; „weiß nicht“ zählt als fehlend." },
        dimensions: "Dimensionen", carries: "Was das Ergebnis trägt", holdsBack: "Was die nächste Phase aufhält",
        recommendations: "Empfehlungen", evidenceTitle: "Belege aus dem Portfolio",
        partOf: { "\($0) von \($1)" },
        inOperation: "Projekte im Regelbetrieb",
        continuationDecided: "Verstetigung entschieden (Förderende in 12 Monaten oder vorbei)",
        reportsDelivered: "Statusberichte dieses Monats abgegeben",
        reuse: { "Nachnutzung durch andere: \($0) · Kandidaten für Basiskomponenten: \($1)" },
        differs: "Abweichung: ",
        littleInOperation: { "nur \($0) der Projekte laufen im Regelbetrieb – wenig für \($1) (Lotse-Regel)" },
        littleContinuation: { "Verstetigung nur für \($0) der Projekte mit Förderende entschieden – wenig für \($1) (Lotse-Regel)" },
        littleReports: { "nur \($0) der Statusberichte dieses Monats abgegeben – wenig für \($1) (Lotse-Regel)" },
        minutesTitle: "Protokoll der Selbsteinschätzung", dontKnow: "weiß nicht", date: "Datum",
        facilitator: "Moderation", participants: "Teilnehmende", teamTogether: "das Team hat gemeinsam geantwortet",
        questionnaire: "Fragebogen", status: "Stand", completed: "abgeschlossen", inProgress: "läuft noch",
        dealtWith: { "(\($0) von \($1) Aussagen behandelt)" }, statements: "Aussagen", dissent: "⚠ Dissens",
        answers: "Antworten", median: "Median", spread: "Spanne", consensus: "Konsens", notSet: "nicht festgelegt",
        note: "Notiz", notDealtWith: "Noch nicht behandelt: ",
        provisionalMark: " (vorläufig)",
        whyTitle: "Warum diese Phase (Lotse-Regel)",
        whyStart: { "\($0) ist die erste Phase; sie ist zu \($1) erfüllt (ab 60 % gilt eine Phase als erfüllt)." },
        whyNothingLater: "Für eine spätere Phase reichen die Belege noch nicht.",
        whyBlocked: { $1 == 1 ? "Nach den Werten wäre \($0) erreicht, aber ein K.-o.-Kriterium sperrt den Eintritt (siehe unten)."
                      : "Nach den Werten wäre \($0) erreicht, aber \($1) K.-o.-Kriterien sperren den Eintritt (siehe unten)." },
        whyPrevious: { "\($0), weil \($1) zu \($2) erfüllt ist (ab 60 % gilt eine Phase als erfüllt)." },
        whyOwn: { "\($0), weil die Aussagen zu \($0) selbst schon zu \($1) zutreffen – Phasen überlappen und dürfen übersprungen werden." },
        whyGatesHeld: { $1 == 1 ? "Das K.-o.-Kriterium für \($0) ist erfüllt." : "Alle \($1) K.-o.-Kriterien für \($0) sind erfüllt." },
        whyProvisional: { "Vorläufig: \($0) ist noch offen („weiß nicht“ oder nicht beantwortet) und entscheidet, ob \($1) hält." },
        whyGaps: { $0 == 1 ? "Darunter bleibt eine Lücke, die die Einordnung nicht senkt, aber geschlossen werden sollte (Nachholbedarf)."
                   : "Darunter bleiben \($0) Lücken, die die Einordnung nicht senken, aber geschlossen werden sollten (Nachholbedarf)." },
        gapsTitle: "Nachholbedarf",
        gapGate: { "\($0) (\($1) nicht erfüllt)" },
        gapPhase: { "\($0) nur zu \($1) erfüllt" },
        gapPhaseNoScore: { "\($0): zu wenig beantwortet, um es zu beurteilen" })

    public static let english = ResultStrings(
        title: "Self-assessment",
        fulfilled: { "\($0), \($1) fulfilled" },
        nextBegun: { "; \($0) begun (\($1))" },
        nextNotBegun: { "; \($0) not begun yet" },
        notDeterminable: { "not determinable: only \($0) of the statements answered" },
        answeredLine: { "Questionnaire \($0) · \($1) of \($2) statements answered" },
        dontKnowCount: { ", \($0) × don't know" },
        result: "Result: ", perPhase: "Fulfilment per phase",
        answeredOf: { "(\($0)/\($1) answered)" },
        knockOuts: "Knock-out criteria",
        knockOut: { "By the scores the municipality would be in \($0), but criterion \($1) is not met: \($2)" },
        atLeast: { "(at least \($0))" },
        needsAnswers: { "A result needs at least \($0) of the statements answered, and enough of those of experimentation; \"don't know\" counts as missing." },
        dimensions: "Dimensions", carries: "What carries the result", holdsBack: "What holds back the next phase",
        recommendations: "Recommendations", evidenceTitle: "Evidence from the portfolio",
        partOf: { "\($0) of \($1)" },
        inOperation: "projects in regular operation",
        continuationDecided: "continuation decided (funding ends within 12 months or has ended)",
        reportsDelivered: "status reports delivered this month",
        reuse: { "reused by others: \($0) · basic-component candidates: \($1)" },
        differs: "Portfolio differs: ",
        littleInOperation: { "only \($0) of the projects run in regular operation – little for \($1) (Lotse rule)" },
        littleContinuation: { "continuation decided for only \($0) of the projects whose funding ends – little for \($1) (Lotse rule)" },
        littleReports: { "only \($0) of this month's status reports delivered – little for \($1) (Lotse rule)" },
        minutesTitle: "Self-assessment minutes", dontKnow: "don't know", date: "Date",
        facilitator: "Facilitator", participants: "Participants", teamTogether: "the team answered together",
        questionnaire: "Questionnaire", status: "Status", completed: "completed", inProgress: "in progress",
        dealtWith: { "(\($0) of \($1) statements dealt with)" }, statements: "Statements", dissent: "⚠ dissent",
        answers: "Answers", median: "Median", spread: "spread", consensus: "Consensus", notSet: "not set",
        note: "Note", notDealtWith: "Not dealt with yet: ",
        provisionalMark: " (provisional)",
        whyTitle: "Why this phase (Lotse rule)",
        whyStart: { "\($0) is the first phase; it is \($1) fulfilled (a phase counts as fulfilled from 60%)." },
        whyNothingLater: "The evidence does not carry a later phase yet.",
        whyBlocked: { $1 == 1 ? "By the scores \($0) would be reached, but a knock-out criterion bars the entry (see below)."
                      : "By the scores \($0) would be reached, but \($1) knock-out criteria bar the entry (see below)." },
        whyPrevious: { "\($0), because \($1) is \($2) fulfilled (a phase counts as fulfilled from 60%)." },
        whyOwn: { "\($0), because the statements about \($0) itself already hold to \($1) – phases overlap and may be skipped." },
        whyGatesHeld: { $1 == 1 ? "The knock-out criterion for \($0) is met." : "All \($1) knock-out criteria for \($0) are met." },
        whyProvisional: { "Provisional: \($0) is still open (\"don't know\" or not answered) and decides whether \($1) holds." },
        whyGaps: { $0 == 1 ? "Below it one gap remains that does not lower the placement but should be closed."
                   : "Below it \($0) gaps remain that do not lower the placement but should be closed." },
        gapsTitle: "Gaps to close",
        gapGate: { "\($0) (\($1) not met)" },
        gapPhase: { "\($0) only \($1) fulfilled" },
        gapPhaseNoScore: { "\($0): too little answered to judge" })

    public static func forLanguage(_ l: Language) -> ResultStrings { l == .german ? .german : .english }
}

extension LocalizedText {
    /// The text in `language`, German when no English text is given.
    public func text(_ language: Language) -> String { text(english: language == .english) }
}

extension Questionnaire.Scale {
    /// The label of a value in `language`.
    public func label(_ value: Int, _ language: Language) -> String { label(value, english: language == .english) }
}

extension Strings {
    public var result: ResultStrings { .forLanguage(language) }
}
