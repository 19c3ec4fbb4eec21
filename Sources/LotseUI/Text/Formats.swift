import Foundation
import LotseDomain

/// How numbers, money, per cents, months and dates are written in one language. Every
/// screen, report and export of that language goes through it, so a figure never reads
/// differently in two places.
///
/// German: `8.877.123 €`, `8.877,1 Mio €`, `820 T€`, `12,9 %`, `11/2026`, `30.11.2026`.
/// English: `€8,877,123`, `€8,877.1m`, `€820k`, `12.9%`, `11/2026`, `30 Nov 2026`.
public struct Formats: Sendable, Hashable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    public static let german = Formats(.german)
    public static let english = Formats(.english)

    var decimalMark: String { language == .german ? "," : "." }
    var groupMark: String { language == .german ? "." : "," }

    // MARK: Numbers

    /// A whole number with thousands grouped: `12.345` / `12,345`.
    public func integer(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "−" : ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += groupMark }
            out.append(ch)
        }
        return out
    }

    public func integer(_ value: Int) -> String { integer(Int64(value)) }

    /// A decimal number with at most `digits` places (trailing zeros dropped), grouped:
    /// `12,9` / `12.9`, `1.250,5` / `1,250.5`.
    public func decimal(_ value: Decimal, maxDigits: Int = 2) -> String {
        var rounded = Decimal()
        var v = value
        NSDecimalRound(&rounded, &v, maxDigits, .plain)
        let negative = rounded < 0
        let text = (negative ? -rounded : rounded).description // "1250.5", never grouped
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        var out = integer(Int64(parts[0]) ?? 0)
        if parts.count > 1 {
            var fraction = String(parts[1].prefix(maxDigits))
            while fraction.hasSuffix("0") { fraction.removeLast() }
            if !fraction.isEmpty { out += decimalMark + fraction }
        }
        return (negative && out != "0" ? "−" : "") + out
    }

    public func decimal(_ value: Double, maxDigits: Int = 1) -> String {
        decimal(Decimal(value), maxDigits: maxDigits)
    }

    // MARK: Per cent

    /// `57 %` / `57%`.
    public func percent(_ value: Int) -> String {
        language == .german ? "\(value) %" : "\(value)%"
    }

    /// `12,9 %` / `12.9%`.
    public func percent(_ value: Decimal, maxDigits: Int = 1) -> String {
        let number = decimal(value, maxDigits: maxDigits)
        return language == .german ? number + " %" : number + "%"
    }

    // MARK: Money

    /// Whole euros, rounded half away from zero: `1.234.567 €` / `€1,234,567`.
    public func money(_ m: Money) -> String {
        let euros = Int64((m.cents.magnitude + 50) / 100)
        let sign = m.cents < 0 && euros > 0 ? "−" : ""
        return language == .german ? sign + integer(euros) + " €" : sign + "€" + integer(euros)
    }

    /// For narrow cells: `8.877,1 Mio €`, `820 T€`, `9.500 €` / `€8,877.1m`, `€820k`, `€9,500`.
    public func moneyCompact(_ m: Money) -> String {
        let euros = Int64((m.cents.magnitude + 50) / 100)
        let sign = m.cents < 0 && euros > 0 ? "−" : ""
        if euros >= 1_000_000 {
            return sign + withUnit(tenths(euros, per: 1_000_000), .millions)
        }
        if euros >= 10_000 {
            return sign + withUnit(integer((euros + 500) / 1000), .thousands)
        }
        return sign + withUnit(integer(euros), .euros)
    }

    /// Two amounts in the unit of the second, for "spent/planned" cells:
    /// `0,5/1,2 Mio €`, `341/480 T€`, `900/9.500 €` / `€0.5m/€1.2m`, `€341k/€480k`, `€900/€9,500`.
    public func moneyPair(_ part: Money, of whole: Money) -> String {
        let w = Int64((whole.cents.magnitude + 50) / 100)
        let p = Int64((part.cents.magnitude + 50) / 100) * (part.cents < 0 ? -1 : 1)
        let unit: Unit = w >= 1_000_000 ? .millions : w >= 10_000 ? .thousands : .euros
        let a: String, b: String
        switch unit {
        case .millions: a = tenths(p, per: 1_000_000); b = tenths(w, per: 1_000_000)
        case .thousands: a = integer((p + 500) / 1000); b = integer((w + 500) / 1000)
        case .euros: a = integer(p); b = integer(w)
        }
        if language == .german { return "\(a)/\(b) " + unit.german }
        return withUnit(a, unit) + "/" + withUnit(b, unit)
    }

    enum Unit {
        case euros, thousands, millions
        var german: String {
            switch self {
            case .euros: "€"
            case .thousands: "T€"
            case .millions: "Mio €"
            }
        }
        var english: String {
            switch self {
            case .euros: ""
            case .thousands: "k"
            case .millions: "m"
            }
        }
    }

    func withUnit(_ number: String, _ unit: Unit) -> String {
        language == .german ? number + " " + unit.german : "€" + number + unit.english
    }

    /// `8.877,1` / `8,877.1` for euros in units of `per`, one decimal.
    func tenths(_ euros: Int64, per unit: Int64) -> String {
        let t = (euros.magnitude * 10 + UInt64(unit) / 2) / UInt64(unit)
        let sign = euros < 0 && t > 0 ? "−" : ""
        return sign + integer(Int64(t / 10)) + decimalMark + String(t % 10)
    }

    // MARK: Months and dates

    /// `11/2026` in both languages: short, unambiguous, sorts in tables.
    public func month(_ m: YearMonth) -> String {
        (m.month < 10 ? "0" : "") + "\(m.month)/\(m.year)"
    }

    /// `30.11.2026` / `30 Nov 2026`, in UTC (dates are stored as days).
    /// A calendar day as `date(_:)` writes one: `10.12.2026` / `10 Dec 2026`.
    public func day(_ d: CalendarDay) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day, hour: 12))
        return date.map(self.date) ?? d.description
    }

    public func date(_ d: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: d)
        let day = c.day ?? 1, month = c.month ?? 1, year = c.year ?? 1970
        if language == .german {
            return (day < 10 ? "0" : "") + "\(day)." + (month < 10 ? "0" : "") + "\(month).\(year)"
        }
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(day) \(names[max(0, min(11, month - 1))]) \(year)"
    }

    /// A day typed in either language's form or as ISO: `30.11.2026` (also `30.11.26`, a
    /// two-digit year meaning 2000–2099), `30 Nov 2026`, `2026-11-30`; nil for anything else (and for days a calendar does not have).
    public func parseDate(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        var day: Int?, month: Int?, year: Int?
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let iso = t.split(separator: "-", omittingEmptySubsequences: false)
        let dotted = t.split(separator: ".", omittingEmptySubsequences: false)
        let spaced = t.split(separator: " ")
        if iso.count == 3, iso[0].count == 4 {
            (year, month, day) = (Int(iso[0]), Int(iso[1]), Int(iso[2]))
        } else if dotted.count == 3, dotted[2].count == 4 {
            (day, month, year) = (Int(dotted[0]), Int(dotted[1]), Int(dotted[2]))
        } else if dotted.count == 3, dotted[2].count == 2, dotted[2].allSatisfy({ $0.isASCII && $0.isNumber }) {
            // "12.11.25": a two-digit year is in this century (2000–2099).
            (day, month, year) = (Int(dotted[0]), Int(dotted[1]), Int(dotted[2]).map { 2000 + $0 })
        } else if spaced.count == 3, let m = names.firstIndex(of: String(spaced[1].prefix(3)).lowercased()) {
            (day, month, year) = (Int(spaced[0]), m + 1, Int(spaced[2]))
        }
        guard let day, let month, let year, (1...12).contains(month), (1...31).contains(day), (1900...2999).contains(year)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
              calendar.dateComponents([.year, .month, .day], from: date) == components else { return nil }
        return date
    }
}

extension Strings {
    /// The number and date forms of the language.
    public var formats: Formats { Formats(language) }
}
