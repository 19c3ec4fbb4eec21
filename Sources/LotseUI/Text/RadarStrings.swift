import LotseDomain

/// The texts of the funding radar and of its list of undecided projects, one table per
/// language. Both tables list every value, so the compiler holds each language complete.
public struct RadarStrings: Sendable {
    public var language: Language
    /// The radar's box title: how many projects end within 24 months.
    public var title: @Sendable (_ projects: Int) -> String
    /// A quarter's label when there is room: `11/2026–01/2027`.
    public var quarterRange: @Sendable (_ first: String, _ last: String) -> String
    /// Legend of the bar: the glyph of undecided projects, then of decided ones.
    public var legendUndecided: String
    public var legendDecided: String
    /// What the count column means: `offen/gesamt`.
    public var legendCounts: String
    public var noFundingEnding: String
    /// The heading above the first undecided projects ending within two quarters.
    public var urgentHeading: @Sendable (_ count: Int, _ atStake: String) -> String
    public var urgentNone: String
    /// The last line of a cut list: how many more, and that Enter lists them all.
    public var moreUndecided: @Sendable (_ count: Int) -> String
    /// The title of the list Enter opens: up to which month, how many.
    public var listTitle: @Sendable (_ lastMonth: String, _ count: Int) -> String
    /// Below a list the engine cut: how many of how many are shown.
    public var listShown: @Sendable (_ shown: Int, _ total: Int) -> String
    public var colID: String
    public var colName: String
    public var colEnd: String
    public var colLeft: String
    public var colAtStake: String
    public var colPlanned: String
    public var colDecision: String
    /// Months until the funding ends, in a table cell: `diesen Monat`, `in 3 Mon.`.
    public var monthsLeft: @Sendable (_ months: Int) -> String

    public static func forLanguage(_ l: Language) -> RadarStrings { l == .german ? .german : .english }

    public static let german = RadarStrings(
        language: .german,
        title: { "Förderradar · \($0) Projekte mit Förderende in 24 Monaten" },
        quarterRange: { "\($0)–\($1)" },
        legendUndecided: "ohne Entscheidung", legendDecided: "entschieden", legendCounts: "offen/gesamt",
        noFundingEnding: "In den nächsten 24 Monaten endet keine Förderung.",
        urgentHeading: { count, money in "Ohne Entscheidung ≤ 2 Quartale: \(count) · Restbudget \(money)" },
        urgentNone: "Für jedes Projekt mit Förderende in den nächsten 2 Quartalen ist entschieden.",
        moreUndecided: { "+ \($0) weitere · Enter listet alle" },
        listTitle: { month, count in "Ohne Entscheidung, Förderende bis \(month) · \(count)" },
        listShown: { "\($0) von \($1) gezeigt" },
        colID: "ID", colName: "Projekt", colEnd: "Förderende", colLeft: "Restzeit", colAtStake: "Restbudget",
        colPlanned: "geplant", colDecision: "Entscheidung",
        monthsLeft: { $0 <= 0 ? "diesen Monat" : $0 == 1 ? "1 Monat" : "\($0) Monate" })

    public static let english = RadarStrings(
        language: .english,
        title: { "Funding radar · \($0) projects with funding ending within 24 months" },
        quarterRange: { "\($0)–\($1)" },
        legendUndecided: "undecided", legendDecided: "decided", legendCounts: "open/all",
        noFundingEnding: "No funding ends within the next 24 months.",
        urgentHeading: { count, money in "Undecided within 2 quarters: \(count) · at stake \(money)" },
        urgentNone: "Every project whose funding ends within the next 2 quarters has a decision.",
        moreUndecided: { "+ \($0) more · Enter lists all" },
        listTitle: { month, count in "Undecided, funding ending by \(month) · \(count)" },
        listShown: { "\($0) of \($1) shown" },
        colID: "ID", colName: "Project", colEnd: "Funding end", colLeft: "Time left", colAtStake: "At stake",
        colPlanned: "planned", colDecision: "Decision",
        monthsLeft: { $0 <= 0 ? "this month" : $0 == 1 ? "1 month" : "\($0) months" })
}

extension Strings {
    /// The funding radar's texts in this language.
    public var radar: RadarStrings { .forLanguage(language) }
}
