import Foundation
import Testing
@testable import LotseDomain

@Suite struct YearMonthTests {
    @Test func parsesAndPrintsISOForm() throws {
        let m = try #require(YearMonth("2026-03"))
        #expect(m.year == 2026 && m.month == 3)
        #expect(m.description == "2026-03")
    }

    @Test(arguments: ["2026-13", "2026-00", "26-01", "2026-1", "abcd-ef", "", "2026-01-01"])
    func rejectsMalformedMonths(_ text: String) {
        #expect(YearMonth(text) == nil)
    }

    @Test func arithmeticCrossesYears() {
        let m = YearMonth(year: 2026, month: 11)!
        #expect(m.adding(months: 2) == YearMonth(year: 2027, month: 1))
        #expect(m.adding(months: -11) == YearMonth(year: 2025, month: 12))
        #expect(m.months(to: YearMonth(year: 2027, month: 10)!) == 11)
        #expect(YearMonth.sequence(from: m, through: m.adding(months: 3)).count == 4)
    }

    @Test func decodingRejectsBadMonthWithPath() {
        let json = Data(#"{"m": "2026-13"}"#.utf8)
        struct Box: Decodable { var m: YearMonth }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Box.self, from: json) }
    }
}

@Suite struct MoneyTests {
    @Test func percentRoundsHalfUp() {
        #expect(Money(euros: 1).percent(of: Money(euros: 8)) == 13) // 12.5 → 13
        #expect(Money(euros: 5).percent(of: .zero) == nil)
    }
}

@Suite struct MoneyOverflowTests {
    /// Amounts at the ends of the range (a hostile or broken file) never trap.
    @Test func arithmeticSaturatesAndPercentStaysDefined() {
        let top = Money(cents: .max), bottom = Money(cents: .min)
        #expect((top + Money(cents: 1)).cents == .max)
        #expect((bottom - Money(cents: 1)).cents == .min)
        #expect((bottom + Money(cents: -1)).cents == .min)
        var sum = top
        sum += top
        #expect(sum.cents == .max)
        #expect(Money(cents: 100_000_000_000_000_000).percent(of: Money(cents: 100)) == 100_000_000_000_000_000)
        #expect(top.percent(of: Money(cents: 1)) == .max)
        #expect(bottom.percent(of: Money(cents: 1)) == .min)
        #expect(top.percent(of: top) == 100)
        #expect(Money(euros: 1).percent(of: Money(euros: 8)) == 13, "ordinary amounts round as before")
    }
}
