import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

/// The overview's risk panel names the month's new and closed risks; the project view marks
/// a risk raised or closed in the month shown.
@Suite struct RiskChangeViewTests {
    static func projectText(_ id: String, _ language: Language = .german) throws -> [String] {
        let state = Sample.state(Size(width: 120, height: 40), language: language)
        let p = try #require(Sample.portfolio.projects.first { $0.id == id })
        return ProjectView.lines(p, index: PortfolioIndex(Sample.portfolio), state: state, width: 116)
            .map { $0.map(\.text).joined() }
    }

    static func riskLine(_ riskID: String, _ language: Language = .german) throws -> String {
        let risk = try #require(Sample.portfolio.risks.first { $0.id == riskID })
        return try #require(try projectText(risk.projectID, language).first { $0.contains(risk.title) })
    }

    @Test func aRiskRaisedThisMonthIsMarkedNew() throws {
        let line = try Self.riskLine("MS-13-R2")
        #expect(Sample.portfolio.risks.first { $0.id == "MS-13-R2" }?.raised == Sample.month)
        #expect(line.hasSuffix(" · neu"), "\(line)")
        #expect(try Self.riskLine("MS-13-R2", .english).hasSuffix(" · new"))
        // Raised in an earlier month: no mark.
        #expect(!(try Self.riskLine("MS-13-R1")).contains("neu"))
    }

    @Test func aRiskClosedThisMonthIsMarkedApartFromOneClosedBefore() throws {
        #expect(try Self.riskLine("MS-20-R1").hasSuffix("(diesen Monat erledigt)"))
        #expect(try Self.riskLine("MS-20-R1", .english).hasSuffix("(closed this month)"))
        let earlier = try Self.riskLine("MS-03-R3")
        #expect(earlier.hasSuffix("(erledigt)") && !earlier.contains("diesen Monat"), "\(earlier)")
    }

    static func panel(width: Int, month: YearMonth, _ language: Language = .german) -> [String] {
        let state = Sample.state(Size(width: 120, height: 40), language: language)
        let figures = OverviewFigures(portfolio: Sample.portfolio, month: month)
        var buffer = Buffer(size: Size(width: width, height: 10))
        OverviewView.risks(figures, state, Rect(x: 0, y: 0, width: width, height: 10), &buffer)
        return (0..<3).map { buffer.line($0) }
    }

    @Test func thePanelTitleNamesTheMonthsChanges() {
        let risks = Sample.portfolio.risks, month = Sample.month
        let raised = risks.filter { $0.raised == month }.count, closed = risks.filter { $0.closed == month }.count
        #expect(raised > 0 && closed > 0, "the sample has changes in its newest month")
        let wide = Self.panel(width: 70, month: month)
        #expect(wide[0].contains("Top-Risiken nach Herausforderung · +\(raised) neu −\(closed) erledigt"), "\(wide[0])")
        #expect(Self.panel(width: 70, month: month, .english)[0].contains("· +\(raised) new −\(closed) closed"))
        // Too narrow for the title: the changes take the first row.
        let narrow = Self.panel(width: 30, month: month)
        #expect(!narrow[0].contains("+\(raised)") && narrow[1].contains("+\(raised) neu −\(closed) erledigt"),
                "\(narrow)")
    }

    @Test func aMonthWithoutChangesKeepsThePlainTitle() {
        let quiet = Sample.month.adding(months: 3)
        #expect(!Sample.portfolio.risks.contains { $0.raised == quiet || $0.closed == quiet })
        let wide = Self.panel(width: 70, month: quiet)
        #expect(wide[0].contains("Top-Risiken nach Herausforderung ─"), "\(wide[0])")
        #expect(!wide[1].contains("neu"))
    }
}
