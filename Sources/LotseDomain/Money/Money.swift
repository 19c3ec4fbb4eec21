/// An amount of euros in integer cents. Money is never a floating-point number.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }
    public init(euros: Int64) { self.cents = euros * 100 }

    public static let zero = Money(cents: 0)

    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public static func += (a: inout Money, b: Money) { a.cents += b.cents }
    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }

    /// Share of `self` in `total` as whole per cent, rounded half up; nil when total is zero.
    public func percent(of total: Money) -> Int? {
        guard total.cents > 0 else { return nil }
        return Int((cents * 100 + total.cents / 2) / total.cents)
    }

    /// German grouping without decimals: `1.234.567 €`.
    public var description: String { formattedEuros() }

    /// Whole euros, German thousands separator, rounded half away from zero.
    public func formattedEuros() -> String {
        let euros = (abs(cents) + 50) / 100
        let sign = cents < 0 && euros > 0 ? "-" : ""
        return sign + Money.group(euros) + " €"
    }

    /// Compact form for narrow cells: `820 T€`, `1,2 Mio €`.
    public func compact() -> String {
        let euros = (abs(cents) + 50) / 100
        let sign = cents < 0 && euros > 0 ? "-" : ""
        if euros >= 1_000_000 {
            let tenths = (euros + 50_000) / 100_000
            return "\(sign)\(tenths / 10),\(tenths % 10) Mio €"
        }
        if euros >= 10_000 {
            return "\(sign)\((euros + 500) / 1000) T€"
        }
        return sign + Money.group(euros) + " €"
    }

    /// Two amounts in the unit of the second, for narrow "spent/planned" cells:
    /// `0,5/1,2 Mio €`, `341/480 T€`, `900/9.500 €`.
    public static func compactPair(_ part: Money, of whole: Money) -> String {
        let w = (abs(whole.cents) + 50) / 100
        func scaled(_ m: Money, _ unit: Int64, decimals: Bool) -> String {
            let euros = (m.cents + 50) / 100
            if decimals {
                let tenths = (euros * 10 + unit / 2) / unit
                return "\(tenths / 10),\(abs(tenths % 10))"
            }
            return group((euros + unit / 2) / unit)
        }
        if w >= 1_000_000 { return "\(scaled(part, 1_000_000, decimals: true))/\(scaled(whole, 1_000_000, decimals: true)) Mio €" }
        if w >= 10_000 { return "\(scaled(part, 1000, decimals: false))/\(scaled(whole, 1000, decimals: false)) T€" }
        return "\(scaled(part, 1, decimals: false))/\(scaled(whole, 1, decimals: false)) €"
    }

    static func group(_ value: Int64) -> String {
        let digits = String(value)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return out
    }

    public init(from decoder: Decoder) throws {
        cents = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(cents)
    }
}
