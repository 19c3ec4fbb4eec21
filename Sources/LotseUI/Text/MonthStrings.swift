import LotseDomain

/// The texts of stepping through months (`[` and `]`). German first; both tables list
/// every value.
public struct MonthStrings: Sendable {
    public var language: Language

    /// The help line of `[` and `]`, and their footer label.
    public var keyStep: String
    public var footerStep: String
    /// Told when `]` would go past the newest month.
    public var atNewest: String
    /// Told when `[` would go before the oldest month Lotse steps back to: (that month).
    public var atOldest: @Sendable (_ month: String) -> String
    /// Beside the month in the tab bar when an earlier month is shown.
    public var earlierMark: String
    /// `--due-day` out of range: (given).
    public var badDueDay: @Sendable (Int) -> String

    public static func forLanguage(_ l: Language) -> MonthStrings {
        switch l {
        case .german: .german
        case .english: .english
        }
    }

    public static let german = MonthStrings(
        language: .german,
        keyStep: "einen Monat zurück / vor",
        footerStep: "Monat",
        atNewest: "Das ist der neueste Monat.",
        atOldest: { "Weiter zurück als \($0) geht es nicht." },
        earlierMark: "zurückgeblättert",
        badDueDay: { "--due-day \($0): der Stichtag muss zwischen 1 und 28 liegen (jeder Monat hat ihn)." })

    public static let english = MonthStrings(
        language: .english,
        keyStep: "one month back / forward",
        footerStep: "month",
        atNewest: "This is the newest month.",
        atOldest: { "Lotse does not step back before \($0)." },
        earlierMark: "earlier month",
        badDueDay: { "--due-day \($0): the due day must lie between 1 and 28 (every month has it)." })
}
