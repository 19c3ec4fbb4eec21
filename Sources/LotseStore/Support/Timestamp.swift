import Foundation

/// ISO 8601 UTC timestamps (`2025-03-04T16:40:12Z`, with a fraction when the date has one)
/// that read back to exactly the same `Date`.
///
/// A `Date` is a `Double` of seconds since 2001-01-01. The whole seconds become the calendar
/// part; the fraction is written as the exact decimal expansion of its binary value, so
/// parsing gives back the identical `Double` (JSON's `.iso8601` strategy and
/// `ISO8601DateFormatter` drop sub-seconds, which would break round trips of `Date()`).
enum Timestamp {
    private static let secondsPerDay: Int64 = 86_400
    /// Seconds from 1970-01-01 to 2001-01-01, the reference date of `Date`.
    private static let referenceToUnix: Int64 = 978_307_200

    /// `YYYY-MM-DDTHH:MM:SS[.fraction]Z` in UTC.
    static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSinceReferenceDate
        // Beyond ±3 million years there is no calendar text to write; the CHECK rejects this.
        guard interval.isFinite, abs(interval) < 1e14 else { return "out of range" }
        let whole = interval.rounded(.down)
        // Exact: `whole` and `interval` share the same binary exponent range.
        let fraction = interval - whole
        var text = formatWholeSeconds(Int64(whole) + referenceToUnix)
        if fraction > 0 { text += "." + exactDigits(of: fraction) }
        return text + "Z"
    }

    /// The complete decimal expansion of `fraction` (0 < fraction < 1), which is finite
    /// because a `Double` is a binary fraction m / 2^k.
    static func exactDigits(of fraction: Double) -> String {
        if fraction.isNormal {
            var m = (UInt64(1) << 52) | fraction.significandBitPattern
            var k = 52 - Int(fraction.exponent)
            while m & 1 == 0 { m >>= 1; k -= 1 }
            if k <= 60 {  // m < 2^k, so m * 10 fits into 64 bits
                let mask = (UInt64(1) << k) - 1
                var digits: [UInt8] = []
                while m != 0 {
                    m *= 10
                    digits.append(UInt8(ascii: "0") + UInt8(m >> k))
                    m &= mask
                }
                return String(decoding: digits, as: UTF8.self)
            }
        }
        // Only for dates within nanoseconds of 2001-01-01; printf prints exact digits too.
        var digits = String(format: "%.1100f", fraction).dropFirst(2)  // drop "0."
        while digits.last == "0" { digits = digits.dropLast() }
        return String(digits)
    }

    /// The same date truncated to whole seconds, for `changed_at` columns meant for humans.
    static func formatWholeSeconds(_ date: Date) -> String {
        let interval = date.timeIntervalSinceReferenceDate
        guard interval.isFinite, abs(interval) < 1e14 else { return "out of range" }
        return formatWholeSeconds(Int64(interval.rounded(.down)) + referenceToUnix) + "Z"
    }

    /// Parses what `format` writes; nil for anything else.
    static func parse(_ text: String) -> Date? {
        // Straight from the string's bytes: no array per timestamp (a load reads thousands).
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable(parse(bytes:)) ?? Array(utf8).withUnsafeBufferPointer(parse(bytes:))
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ from: Int, _ length: Int) -> Int64? {
            var value: Int64 = 0
            for i in from..<(from + length) {
                let b = bytes[i]
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(b - UInt8(ascii: "0"))
            }
            return value
        }
        func separator(_ at: Int, _ char: Unicode.Scalar) -> Bool { bytes[at] == UInt8(ascii: char) }
        guard separator(4, "-"), separator(7, "-"), separator(10, "T"), separator(13, ":"), separator(16, ":"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }

        var fraction = 0.0
        if bytes.count > 20 {
            guard separator(19, "."), bytes.count > 21 else { return nil }
            let digits = bytes[20..<(bytes.count - 1)]
            guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  let value = Double("0." + String(decoding: digits, as: UTF8.self))
            else { return nil }
            fraction = value
        }
        let unix = daysFromCivil(year: year, month: month, day: day) * secondsPerDay
            + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSinceReferenceDate: Double(unix - referenceToUnix) + fraction)
    }

    private static func formatWholeSeconds(_ unix: Int64) -> String {
        let days = floorDivide(unix, secondsPerDay)
        let seconds = unix - days * secondsPerDay
        let (year, month, day) = civilFromDays(days)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let y = String(year)
        let paddedYear = y.count >= 4 ? y : String(repeating: "0", count: 4 - y.count) + y
        return "\(paddedYear)-\(two(month))-\(two(day))T\(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60))"
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's proleptic Gregorian algorithms (days relative to 1970-01-01).
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
