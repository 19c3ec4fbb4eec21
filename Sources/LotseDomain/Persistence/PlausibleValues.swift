import Foundation

/// Values no municipality could have, refused on every way in (import, forms): amounts
/// beyond any municipal budget, identifiers that are empty, and invisible control
/// characters in identifiers and names (they would be cut or garble a screen).
public enum PlausibleValues {
    /// 100 billion euros: more than any German city's whole yearly budget.
    public static let moneyLimit = Money(cents: 10_000_000_000_000)

    /// A problem with an amount, or nil.
    public static func money(_ m: Money, _ what: String) -> String? {
        m.cents > moneyLimit.cents ? "\(what) \(m.cents / 100) € is beyond any municipal budget (at most \(moneyLimit.cents / 100) €)" : nil
    }

    /// A problem with an identifier, or nil.
    public static func identifier(_ id: String, _ what: String) -> String? {
        if id.trimmingCharacters(in: .whitespaces).isEmpty { return "\(what): the id is empty" }
        return controlCharacters(in: id).map { "\(what) '\(visible(id))': the id contains the control character \($0)" }
    }

    /// A problem with a name (one line on a screen), or nil: no control character at all.
    public static func name(_ text: String, _ what: String) -> String? {
        controlCharacters(in: text, allowing: []).map { "\(what): contains the control character \($0)" }
    }

    /// A problem with a text of several lines (a report's paragraphs), or nil: tabs and
    /// line breaks are fine, other control characters are not.
    public static func text(_ text: String, _ what: String) -> String? {
        controlCharacters(in: text, allowing: ["\n", "\t", "\r"]).map { "\(what): contains the control character \($0)" }
    }

    // MARK: - As problem kinds (for messages in any language)

    /// Budget (`spent` false) or money spent beyond `moneyLimit`, or nil.
    public static func moneyProblem(_ m: Money, _ subject: @autoclosure () -> PortfolioProblem.Subject,
                                    spent: Bool) -> PortfolioProblem.Kind? {
        m.cents > moneyLimit.cents
            ? .moneyBeyondLimit(subject(), spent: spent, euros: m.cents / 100, limitEuros: moneyLimit.cents / 100) : nil
    }

    /// An empty identifier or one with a control character, or nil.
    public static func identifierProblem(_ id: String, _ what: PortfolioProblem.Identity) -> PortfolioProblem.Kind? {
        if id.trimmingCharacters(in: .whitespaces).isEmpty { return .emptyID(what) }
        return controlCharacters(in: id).map { .controlCharacterInID(what, id: visible(id), character: $0) }
    }

    /// A control character in a name, or nil.
    public static func nameProblem(_ text: String,
                                   _ subject: @autoclosure () -> PortfolioProblem.Subject) -> PortfolioProblem.Kind? {
        controlCharacters(in: text).map { .controlCharacterInName(subject(), character: $0) }
    }

    /// A control character other than tab and line break in a report text, or nil.
    public static func textProblem(_ text: String, _ subject: @autoclosure () -> PortfolioProblem.Subject,
                                   _ field: PortfolioProblem.ReportText) -> PortfolioProblem.Kind? {
        controlCharacters(in: text, allowing: ["\n", "\t", "\r"]).map {
            .controlCharacterInText(subject(), field, character: $0)
        }
    }

    /// The first control character not in `allowed`, as U+XXXX.
    static func controlCharacters(in text: String, allowing allowed: Set<Unicode.Scalar> = []) -> String? {
        for scalar in text.unicodeScalars where isControl(scalar) && !allowed.contains(scalar) {
            return String(format: "U+%04X", scalar.value)
        }
        return nil
    }

    /// Unicode's general category Cc, which is exactly U+0000–U+001F and U+007F–U+009F
    /// (fixed by the standard): compared directly, since an import checks every character
    /// of every text and the property table lookup cost seconds there.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The id with control characters shown as `?`, for messages.
    public static func visible(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "?" : $0 }))
    }
}
