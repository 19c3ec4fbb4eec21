import Foundation

/// KPI figures are stored as the text of a `Decimal`, never as a floating-point number, so
/// `12.5` and `0.1` come back exactly. Both directions use the POSIX locale.
enum DecimalColumn {
    private static let posix = Locale(identifier: "en_US_POSIX")

    static func format(_ value: Decimal) -> String {
        value.description
    }

    /// The value, or nil for text that is not entirely one decimal number
    /// (`Decimal(string:)` alone accepts `1.2.3` as 1.2).
    static func parse(_ text: String) -> Decimal? {
        let utf8 = text.utf8
        if let value = utf8.withContiguousStorageIfAvailable({ plainNumber($0) }) ?? plainNumber(Array(utf8)) {
            return value
        }
        return parsedByFoundation(text)
    }

    /// What `Decimal(string:)` makes of a number, for any text `isNumber` accepts.
    static func parsedByFoundation(_ text: String) -> Decimal? {
        guard isNumber(text), let value = Decimal(string: text, locale: posix), !value.isNaN else { return nil }
        return value
    }

    /// The most a plain number may have for `plainNumber`: 10^18 - 1 fits into an `UInt64`.
    private static let plainDigitLimit = 18

    /// The value of a plain number — `[+-]digits[.digits]`, at most 18 digits, not zero —
    /// which is every number Lotse writes, read in one pass over the bytes. nil for anything
    /// else, which `parsedByFoundation` then reads. The result is the very same `Decimal`
    /// (bit for bit) that `Decimal(string:)` gives: its significand without trailing zeros.
    private static func plainNumber(_ bytes: some Collection<UInt8>) -> Decimal? {
        var rest = bytes[...]
        let negative = rest.first == UInt8(ascii: "-")
        if negative || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        var significand: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var inFraction = false
        for byte in rest {
            if byte == UInt8(ascii: "."), !inFraction {
                inFraction = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < plainDigitLimit else { return nil }
            significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
            digits += 1
            if inFraction { fractionDigits += 1 }
        }
        // Zero keeps its written exponent in `Decimal(string:)`; leave it to Foundation.
        guard significand != 0 else { return nil }
        var exponent = -fractionDigits
        while significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        return Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
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
