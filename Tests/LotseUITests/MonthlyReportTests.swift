import Foundation
import Testing
import LotseDomain
import LotseUI

@Suite struct MonthlyReportTests {
    @Test func textReportCarriesTheOverviewFigures() throws {
        let f = OverviewFigures(portfolio: Sample.portfolio, month: Sample.month)
        let text = try MonthlyReport.render(Sample.reader, month: Sample.month, format: .text, strings: .german)
        #expect(text.hasPrefix("Portfolio-Bericht \(Formats.german.month(Sample.month))"))
        #expect(text.contains("Gesamt: \(f.projectCount)"))
        #expect(text.contains("rot: \(f.lights.red)"))
        for p in f.reportsMissing { #expect(text.contains("\(p.id) \(p.name)")) }
        #expect(text.contains(Formats.german.money(f.budgetPlanned)))
    }

    @Test func markdownUsesHeadings() throws {
        let md = try MonthlyReport.render(Sample.reader, month: Sample.month, format: .markdown, strings: .english)
        #expect(md.hasPrefix("# Portfolio report"))
        #expect(md.contains("\n## Traffic lights"))
    }

    @Test func jsonIsParseableAndExact() throws {
        let f = OverviewFigures(portfolio: Sample.portfolio, month: Sample.month)
        let json = try MonthlyReport.render(Sample.reader, month: Sample.month, format: .json, strings: .german)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["month"] as? String == Sample.month.description)
        #expect((object["budgetSpentCents"] as? NSNumber)?.int64Value == f.budgetSpent.cents)
        #expect((object["reportsMissing"] as? [Any])?.count == f.reportsMissing.count)
    }
}
