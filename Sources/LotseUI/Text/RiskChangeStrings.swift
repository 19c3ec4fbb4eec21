import LotseDomain

/// The texts that mark risks raised or closed in the month shown (overview panel title,
/// project risk list) and the problems of a risk's months in a data file, in one language.
/// Both tables list every value, so the compiler holds each language complete.
public struct RiskChangeStrings: Sendable {
    public var language: Language

    /// Behind the risk panel's title: `+2 neu −1 erledigt`; empty when nothing changed.
    public var panelSuffix: @Sendable (_ raised: Int, _ closed: Int) -> String
    /// The mark of a risk raised in the month shown.
    public var raisedMark: String
    /// The mark of a risk closed in the month shown (instead of the plain "closed").
    public var closedMark: String
    /// `R1: closed in 2026-03 but still open`
    public var closedWhileOpen: @Sendable (_ subject: String, _ closed: String) -> String
    /// `R1: closed in 2026-01, before it was raised in 2026-03`
    public var closedBeforeRaised: @Sendable (_ subject: String, _ closed: String, _ raised: String) -> String

    public static func forLanguage(_ l: Language) -> RiskChangeStrings {
        switch l {
        case .german: .german
        case .english: .english
        }
    }

    /// Joins the non-zero parts of the panel suffix.
    static func suffix(_ raised: Int, _ closed: Int, new: String, closedWord: String) -> String {
        var parts: [String] = []
        if raised > 0 { parts.append("+\(raised) \(new)") }
        if closed > 0 { parts.append("−\(closed) \(closedWord)") }
        return parts.joined(separator: " ")
    }

    public static let german = RiskChangeStrings(
        language: .german,
        panelSuffix: { suffix($0, $1, new: "neu", closedWord: "erledigt") },
        raisedMark: "neu",
        closedMark: "diesen Monat erledigt",
        closedWhileOpen: { "\($0): im \($1) geschlossen, aber noch offen" },
        closedBeforeRaised: { "\($0): im \($1) geschlossen, vor der Erfassung im \($2)" }
    )

    public static let english = RiskChangeStrings(
        language: .english,
        panelSuffix: { suffix($0, $1, new: "new", closedWord: "closed") },
        raisedMark: "new",
        closedMark: "closed this month",
        closedWhileOpen: { "\($0): closed in \($1) but still open" },
        closedBeforeRaised: { "\($0): closed in \($1), before it was raised in \($2)" }
    )
}
