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
