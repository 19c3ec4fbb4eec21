import Foundation

/// A calendar month such as 2026-11. The domain speaks in months (status reports,
/// end of funding), so months are values of their own instead of `Date`s.
public struct YearMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1 ... 12
    public let month: Int

    /// Creates a month; returns nil for a month outside 1...12 or a year outside 1...9999.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses the ISO form `YYYY-MM`.
    public init?(_ text: String) {
        // Every stored month is seven ASCII bytes; read those directly, without splitting.
        let utf8 = text.utf8
        if let (y, m) = utf8.withContiguousStorageIfAvailable(Self.asciiDigits) ?? Self.asciiDigits(Array(utf8)) {
            self.init(year: y, month: m)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(year: y, month: m)
    }

    /// Year and month of exactly `dddd-dd` in ASCII digits; nil for any other text.
    private static func asciiDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
        func digit(_ i: Int) -> Int? {
            let value = Int(bytes[i]) &- Int(UInt8(ascii: "0"))
            return value >= 0 && value <= 9 ? value : nil
        }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
              let m0 = digit(5), let m1 = digit(6) else { return nil }
        return (y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1)
    }

    private static func asciiDigits(_ bytes: [UInt8]) -> (Int, Int)? {
        bytes.withUnsafeBufferPointer(asciiDigits)
    }

    /// The month that contains `date` in `calendar`'s time zone.
    public init(date: Date, calendar: Calendar = Calendar(identifier: .gregorian)) {
        let c = calendar.dateComponents([.year, .month], from: date)
        self.year = c.year ?? 1970
        self.month = c.month ?? 1
    }

    /// Months since January of year 0; makes arithmetic trivial.
    public var ordinal: Int { year * 12 + (month - 1) }

    public init(ordinal: Int) {
        self.year = ordinal / 12
        self.month = ordinal % 12 + 1
    }

    public func adding(months: Int) -> YearMonth { YearMonth(ordinal: ordinal + months) }

    /// Whole months from `self` to `other` (positive when `other` is later).
    public func months(to other: YearMonth) -> Int { other.ordinal - ordinal }

    public var previous: YearMonth { adding(months: -1) }
    public var next: YearMonth { adding(months: 1) }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { lhs.ordinal < rhs.ordinal }

    /// `2026-11`
    public var description: String {
        let y = String(year).leftPadded(to: 4)
        let m = String(month).leftPadded(to: 2)
        return "\(y)-\(m)"
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = YearMonth(text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a month in the form YYYY-MM"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A closed range of months, iterable month by month.
public extension YearMonth {
    static func sequence(from start: YearMonth, through end: YearMonth) -> [YearMonth] {
        guard start <= end else { return [] }
        return (start.ordinal...end.ordinal).map(YearMonth.init(ordinal:))
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
