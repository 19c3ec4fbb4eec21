import Foundation

/// KPI figures are stored as the text of a `Decimal`, never as a floating-point number, so
/// `12.5` and `0.1` come back exactly. Both directions use the POSIX locale.
enum DecimalText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    static func format(_ value: Decimal) -> String {
        value.description
    }

    /// The value, or nil for text that is not entirely one decimal number
    /// (`Decimal(string:)` alone accepts `1.2.3` as 1.2).
    static func parse(_ text: String) -> Decimal? {
        guard isNumber(text), let value = Decimal(string: text, locale: posix), !value.isNaN else { return nil }
        return value
    }

    /// `[+-]digits[.digits][(e|E)[+-]digits]`, also `.5` and `5.`.
    private static func isNumber(_ text: String) -> Bool {
        var chars = Substring(text)
        func digits() -> Int {
            let count = chars.prefix(while: \.isASCIIDigit).count
            chars = chars.dropFirst(count)
            return count
        }
        if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
        var mantissa = digits()
        if chars.first == "." {
            chars = chars.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if chars.first == "e" || chars.first == "E" {
            chars = chars.dropFirst()
            if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return chars.isEmpty
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
