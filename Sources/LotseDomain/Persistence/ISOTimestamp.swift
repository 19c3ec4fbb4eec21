import Foundation

/// ISO 8601 timestamps as the files carry them, read strictly: Foundation's reader moves an
/// impossible time (`2026-02-30T25:61:00Z` becomes 3 March, 02:01) instead of refusing it.
public enum ISOTimestamp {
    /// Whether the date and time written at the start of `text` exist
    /// (`YYYY-MM-DDTHH:MM:SS…`): a month 1…12, a day the month has, hours below 24,
    /// minutes and seconds below 60.
    public static func fieldsExist(_ text: String) -> Bool {
        let chars = Array(text.utf8.prefix(19))
        guard chars.count == 19 else { return false }
        func number(_ from: Int, _ length: Int) -> Int? {
            var value = 0
            for i in from..<(from + length) {
                guard chars[i] >= 48, chars[i] <= 57 else { return nil }
                value = value * 10 + Int(chars[i] - 48)
            }
            return value
        }
        guard chars[4] == 45, chars[7] == 45, chars[10] == 84, chars[13] == 58, chars[16] == 58,
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), hour < 24, minute < 60, second < 60 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// A timestamp whose fields exist, or nil.
    public static func parse(_ text: String) -> Date? {
        guard fieldsExist(text) else { return nil }
        return try? Date(text, strategy: .iso8601)
    }
}
