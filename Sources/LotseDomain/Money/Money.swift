import Foundation

/// An amount of euros in integer cents. Money is never a floating-point number.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }
    public init(euros: Int64) { self.cents = euros * 100 }

    public static let zero = Money(cents: 0)

    /// Sums and differences saturate at the ends of the range instead of trapping: no
    /// amount in a file or a database can crash a screen or a report.
    public static func + (a: Money, b: Money) -> Money {
        let (sum, overflow) = a.cents.addingReportingOverflow(b.cents)
        return Money(cents: overflow ? (b.cents > 0 ? .max : .min) : sum)
    }
    public static func - (a: Money, b: Money) -> Money {
        let (difference, overflow) = a.cents.subtractingReportingOverflow(b.cents)
        return Money(cents: overflow ? (b.cents < 0 ? .max : .min) : difference)
    }
    public static func += (a: inout Money, b: Money) { a = a + b }
    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }

    /// Share of `self` in `total` as whole per cent, rounded half up; nil when total is zero.
    public func percent(of total: Money) -> Int? {
        guard total.cents > 0 else { return nil }
        let (scaled, o1) = cents.multipliedReportingOverflow(by: 100)
        let (rounded, o2) = scaled.addingReportingOverflow(total.cents / 2)
        if !o1 && !o2 { return Int(rounded / total.cents) }
        // Amounts near the end of the range: the same rounding in decimal arithmetic.
        var exact = (Decimal(cents) * 100 + Decimal(total.cents / 2)) / Decimal(total.cents)
        var whole = Decimal()
        NSDecimalRound(&whole, &exact, 0, .down)
        if whole >= Decimal(Int.max) { return .max }
        if whole <= Decimal(Int.min) { return .min }
        return NSDecimalNumber(decimal: whole).intValue
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
