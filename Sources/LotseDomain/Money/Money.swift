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

    /// Whole euros with German grouping, for logs and debugging; screens and reports
    /// write money through their language's formats.
    public var description: String {
        let euros = (abs(cents) + 50) / 100
        return (cents < 0 && euros > 0 ? "-" : "") + Money.group(euros) + " €"
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
