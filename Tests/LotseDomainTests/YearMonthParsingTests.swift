import Testing
@testable import LotseDomain

/// `YearMonth.init(_:)` reads `dddd-dd` straight from the bytes and hands every other text
/// to the general parser. Both together must accept exactly what the general parser alone
/// accepted, with the same result.
@Suite struct YearMonthParsingTests {
    /// The parser as it was before the fast path, for comparison.
    static func reference(_ text: String) -> YearMonth? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        return YearMonth(year: y, month: m)
    }

    @Test func everyShapeOfSevenCharactersParsesAsBefore() {
        // Each position from a set of characters that matter: digits, the separator, signs,
        // a space, a letter and a non-ASCII digit; 5 × 2 × … combinations per position.
        let choices: [[Character]] = [
            ["0", "2", "9", "+", "-"], ["0", "1", "+"], ["0", "2", " "], ["0", "5", "x"],
            ["-", "0", "/"], ["0", "1", "+", "-", "١"], ["0", "2", "3", "9"],
        ]
        var texts = [""]
        for position in choices { texts = texts.flatMap { prefix in position.map { prefix + String($0) } } }
        for text in texts {
            #expect(YearMonth(text) == Self.reference(text), "'\(text)'")
        }
    }

    @Test func otherLengthsAndTheUsualMonthsParseAsBefore() {
        let texts = ["", "2024", "2024-1", "2024-012", "02024-01", "+202-01", "2024-+1", "2024--1", "-2024-01",
                     "2024-00", "2024-13", "0000-01", "9999-12", "0001-01", "2024-01 ", " 2024-01", "2024‐01",
                     "２０２４-01", "2024-0١"]
        for text in texts {
            #expect(YearMonth(text) == Self.reference(text), "'\(text)'")
        }
        for year in [1, 999, 2024, 9999] {
            for month in 1...12 {
                let m = YearMonth(year: year, month: month)!
                #expect(YearMonth(m.description) == m)
            }
        }
    }
}
