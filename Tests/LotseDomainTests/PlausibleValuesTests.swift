import Foundation
import Testing
@testable import LotseDomain

/// Values a municipality could never have are refused, by the whole-portfolio check and by
/// the streaming check of `lotse import` alike.
@Suite struct PlausibleValuesTests {
    func implausible() -> Portfolio {
        var p = Fixture.portfolio
        p.projects[0].budgetPlanned = Money(cents: 100_000_000_000_000_000) // 10^17 cents
        p.reports[0].spent = Money(cents: 10_000_000_000_001)
        p.projects[0].name = "Radweg\u{0}Nord"
        p.kpis.append(KPI(id: "  ", projectID: p.projects[0].id, name: "Nutzende", unit: "Anzahl", target: 100,
                          direction: .higherIsBetter))
        p.risks[0].id = "r\u{7}1"
        p.reports[0].nextSteps = "Abnahme\u{1B}[31m"
        return p
    }

    static let expected = [
        "beyond any municipal budget",
        "money spent 100000000000 € is beyond any municipal budget",
        "name: contains the control character U+0000",
        "KPI: the id is empty",
        "risk 'r?1': the id contains the control character U+0007",
        "next steps: contains the control character U+001B",
    ]

    @Test func theWholePortfolioCheckRefusesThem() {
        let problems = PortfolioValidator.problems(in: implausible())
        for part in Self.expected {
            #expect(problems.contains { $0.contains(part) }, "\(part) in \(problems)")
        }
        #expect(PortfolioValidator.problems(in: Fixture.portfolio).isEmpty)
    }

    @Test func theStreamingCheckRefusesThemWithTheirLine() {
        let p = implausible()
        var v = PortfolioStreamValidator()
        var line = 1
        func next() -> Int { line += 1; return line }
        for m in p.municipalities { v.add(m, line: next()) }
        v.finished(.municipalities)
        for x in p.projects { v.add(x, line: next()) }
        v.finished(.projects)
        for r in p.reports { v.add(r, line: next()) }
        v.finished(.reports)
        for k in p.kpis { v.add(k, line: next()) }
        v.finished(.kpis)
        for r in p.readings { v.add(r, line: next()) }
        v.finished(.readings)
        for r in p.risks { v.add(r, line: next()) }
        v.finished(.risks)
        let problems = v.problems()
        for part in Self.expected {
            #expect(problems.contains { $0.contains(part) }, "\(part) in \(problems)")
        }
    }

    @Test func ordinaryValuesPass() {
        #expect(PlausibleValues.money(Money(euros: 2_500_000), "x") == nil)
        #expect(PlausibleValues.money(PlausibleValues.moneyLimit, "x") == nil)
        #expect(PlausibleValues.identifier("MS-01", "project") == nil)
        #expect(PlausibleValues.text("Zeile eins\nZeile zwei\tmit Tab", "report") == nil)
        #expect(PlausibleValues.name("Zeile eins\nZeile zwei", "project") != nil, "a name is one line")
        #expect(PlausibleValues.text("Glocke\u{7}", "report") != nil)
    }
}

@Suite struct ISOTimestampTests {
    @Test(arguments: ["2026-02-30T25:61:00Z", "2026-02-30T10:00:00Z", "2026-02-29T10:00:00Z", "2026-13-01T00:00:00Z",
                      "2026-04-31T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T10:60:00Z", "2026-01-01T10:00:60Z",
                      "2026-1-01T00:00:00Z", "gestern", ""])
    func impossibleTimesAreRefused(text: String) {
        #expect(ISOTimestamp.parse(text) == nil)
    }

    @Test func existingTimesAreRead() throws {
        let date = try #require(ISOTimestamp.parse("2024-02-29T23:59:59Z"))
        #expect(date == Date(timeIntervalSince1970: 1_709_251_199))
        #expect(ISOTimestamp.parse("2026-11-30T10:00:00+01:00") == Date(timeIntervalSince1970: 1_796_029_200))
    }

    @Test func aDocumentWithAnImpossibleTimeIsRefusedWithThePlace() throws {
        var p = Fixture.portfolio
        p.reports[0].submittedAt = Date(timeIntervalSince1970: 1_772_000_000)
        let good = String(decoding: try PortfolioCoding.encoder().encode(p), as: UTF8.self)
        let stamp = try #require(good.range(of: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"#, options: .regularExpression))
        let bad = good.replacingCharacters(in: stamp, with: "2026-02-30T25:61:00Z")
        let error = try #require(throws: PortfolioFileError.self) {
            try PortfolioCoding.decode(Data(bad.utf8), source: "f.json")
        }
        #expect(error.description.contains("2026-02-30T25:61:00Z"))
        #expect(error.description.contains("submittedAt"))
    }

    /// The direct comparison says "control" for exactly the scalars Unicode's property
    /// table puts in general category Cc, over every scalar there is.
    @Test func theControlCheckIsUnicodesCategoryCc() {
        var controls = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let cc = scalar.properties.generalCategory == .control
            if cc { controls += 1 }
            if PlausibleValues.isControl(scalar) != cc { Issue.record("U+\(String(value, radix: 16)): \(cc)") }
        }
        #expect(controls == 65)
    }
}
