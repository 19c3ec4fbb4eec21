import Foundation
import Testing
@testable import LotseStore

@Suite("Timestamps and decimals")
struct TimestampTests {
    @Test func wholeSecondsLookLikeJSONDates() throws {
        let decoded = try JSONDecoder.iso8601.decode([Date].self, from: Data(#"["2025-03-04T16:40:12Z"]"#.utf8))[0]
        #expect(Timestamp.format(decoded) == "2025-03-04T16:40:12Z")
        #expect(Timestamp.parse("2025-03-04T16:40:12Z") == decoded)
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.format(Date(timeIntervalSinceReferenceDate: 0.5)) == "2001-01-01T00:00:00.5Z")
        #expect(Timestamp.formatWholeSeconds(Date(timeIntervalSinceReferenceDate: 59.999)) == "2001-01-01T00:00:59Z")
    }

    @Test func everyDateComesBackExactly() {
        var generator = SystemRandomNumberGenerator()
        var dates = [Date(), Date.distantPast, Date.distantFuture, Date(timeIntervalSinceReferenceDate: -0.25),
                     Date(timeIntervalSinceReferenceDate: 760_000_000.123456789)]
        for _ in 0..<2000 {
            dates.append(Date(timeIntervalSinceReferenceDate: Double.random(in: -3e9...3e9, using: &generator)))
        }
        let wrong = dates.filter { Timestamp.parse(Timestamp.format($0)) != $0 }
        #expect(wrong.isEmpty, "e.g. \(wrong.prefix(3).map { ($0.timeIntervalSinceReferenceDate, Timestamp.format($0)) })")
    }

    @Test func fractionDigitsAreTheExactExpansion() {
        #expect(Timestamp.exactDigits(of: 0.5) == "5")
        #expect(Timestamp.exactDigits(of: 0.1) == "1000000000000000055511151231257827021181583404541015625")
        #expect(Timestamp.exactDigits(of: 0x1p-70) == String(format: "%.70f", 0x1p-70).dropFirst(2))
        for _ in 0..<200 {
            let fraction = Double.random(in: 0.000001..<1)
            var printed = Substring(String(format: "%.120f", fraction).dropFirst(2))
            while printed.last == "0" { printed = printed.dropLast() }
            #expect(Timestamp.exactDigits(of: fraction) == printed)
        }
    }

    @Test func agreesWithFoundationOnWholeSeconds() {
        let formatter = ISO8601DateFormatter()
        for seconds in stride(from: -4_000_000_000.0, through: 4_000_000_000.0, by: 7_777_777) {
            let date = Date(timeIntervalSince1970: seconds.rounded())
            #expect(Timestamp.format(date) == formatter.string(from: date))
        }
    }

    @Test(arguments: ["", "abc", "2025-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2025-03-04T24:00:00Z",
                      "2025-03-04T16:40:12", "2025-03-04T16:40:12.Z", "2025-03-04T16:40:12.1aZ",
                      "2025-03-04 16:40:12Z"])
    func parseRejects(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func leapDayIsAccepted() {
        #expect(Timestamp.parse("2024-02-29T12:00:00Z") != nil)
    }

    @Test(arguments: ["0.1", "-3.14159", "123456789.000000001", "1e-20", "42", "0", "-0.5", ".5", "5."])
    func decimalsComeBackExactly(text: String) throws {
        let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        #expect(DecimalColumn.parse(DecimalColumn.format(value)) == value)
        #expect(DecimalColumn.parse(text) == value)
    }

    @Test(arguments: ["", "1.2.3", "1,5", "12 kg", "e5", "1e", "--1", "NaN", "."])
    func decimalTextRejects(text: String) {
        #expect(DecimalColumn.parse(text) == nil)
    }
}

private extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
