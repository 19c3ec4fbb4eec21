import Foundation
import LotseDomain
import Testing
@testable import LotseUI
import TermCanvas

/// The overview acts: its panels are selected with Tab or ← →, ↑ ↓ moves in a panel, Enter
/// opens the project or lists the radar's undecided projects; the help says what each
/// panel's figures mean; an earlier month and an office filter show in snapshots.
@Suite struct OverviewPanelTests {
    static func sample(_ key: String, _ l: Language) -> String? {
        let t = OverviewPanelStrings.forLanguage(l)
        switch key {
        case "worseTitle": return t.worseTitle(3)
        case "more": return t.more(4)
        case "officeDashboard": return t.officeDashboard("Tiefbauamt")
        case "notYetDue": return t.notYetDue(4, "10.12.2026")
        case "received": return t.received(26)
        default: return nil
        }
    }

    @Test func everyTextExistsInBothLanguages() {
        let result = StringTableCheck.compare("OverviewPanelStrings", german: OverviewPanelStrings.german,
                                              english: OverviewPanelStrings.english, sample: Self.sample)
        #expect(result.checked == result.total && result.total == 16)
        #expect(result.same.isEmpty, "\(result.same)")
    }

    @Test func theRedOrWorsePanelListsByNameAndEnterOpensTheProject() throws {
        var s = Sample.state(Size(width: 120, height: 40))
        let page = try #require(s.attention)
        #expect(page.matching > 0)
        #expect(page.rows.allSatisfy { $0.light == .red || $0.lightTrend == .worse })
        let first = try #require(page.rows.first)
        #expect(AppView.render(s).textDump().contains(first.project.name))
        _ = s.send(.key(.tab))
        #expect(s.overviewPanel == .worse)
        let effects = s.update(.key(.enter))
        #expect(s.route == .project(id: first.id))
        #expect(effects == [.load(ScreenDataRequest(projectID: first.id))])
    }

    @Test func arrowsMoveInThePanelAndThePanelsWrapAround() {
        var s = Sample.state(Size(width: 120, height: 40))
        _ = s.send(.key(.right)); _ = s.send(.key(.down))
        #expect(s.overviewPanel == .worse && s.overviewRow == min(1, (s.attention?.rows.count ?? 1) - 1))
        _ = s.send(.key(.right)); _ = s.send(.key(.right))
        #expect(s.overviewPanel == .missing && s.overviewRow == 0)
        _ = s.send(.key(.right))
        #expect(s.overviewPanel == .radar)
        _ = s.send(.key(.left))
        #expect(s.overviewPanel == .missing)
        let missing = s.figures?.reportsMissing.first?.id
        _ = s.send(.key(.enter))
        #expect(missing != nil && s.route == .project(id: missing!))
    }

    @Test func enterOnTheRadarListsTheUndecidedAndEscClosesTheList() throws {
        var s = Sample.state(Size(width: 120, height: 40))
        #expect(s.overviewPanel == .radar)
        _ = s.send(.key(.enter))
        #expect(s.radarListOpen)
        let radar = try #require(s.radar)
        let text = AppView.render(s).textDump()
        for entry in radar.urgentUndecided { #expect(text.contains(entry.projectID)) }
        if let entry = radar.urgentUndecided.first {
            _ = s.send(.key(.enter))
            #expect(s.route == .project(id: entry.projectID) && !s.radarListOpen)
        } else {
            _ = s.send(.key(.escape))
            #expect(!s.radarListOpen && s.route == .overview)
        }
    }

    @Test func theHelpSaysWhatThePanelsMean() {
        var s = Sample.state(Size(width: 120, height: 40))
        _ = s.send(.key(.char("?")))
        let text = AppView.render(s).textDump().replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Was die Felder zeigen"))
        #expect(text.contains("„max 16“ ist die höchste Risikozahl"))
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func snapshotOfAnEarlierMonthWithThePanels(size: Size) {
        var s = Sample.state(size)
        _ = s.send(.key(.char("[")))
        _ = s.send(.key(.tab))
        let buffer = AppView.render(s, background: marker)
        #expect(unpaintedCells(buffer) == 0)
        assertSnapshot(buffer, named: "overview-earlier-month-\(size.width)x\(size.height)")
        #expect(buffer.textDump().contains("zurückgeblättert"))
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func snapshotOfTheRadarList(size: Size) {
        var s = Sample.state(size)
        _ = s.send(.key(.enter))
        let buffer = AppView.render(s, background: marker)
        #expect(unpaintedCells(buffer) == 0)
        assertSnapshot(buffer, named: "overview-radar-list-\(size.width)x\(size.height)")
    }

    @Test func tinySizesDoNotCrash() {
        for size in [Size(width: 3, height: 2), Size(width: 20, height: 6), Size(width: 50, height: 12)] {
            var s = Sample.state(size)
            _ = s.send(.key(.tab))
            _ = AppView.render(s)
            _ = s.send(.key(.left)); _ = s.send(.key(.enter))
            _ = AppView.render(s)
        }
    }
}

/// An office filter turns the overview into that office's dashboard: tiles, radar and list.
@Suite struct OfficeDashboardTests {
    @Test func theOverviewCountsOnlyTheOfficesProjects() throws {
        var s = Sample.state(Size(width: 120, height: 40))
        let office = try #require(Dictionary(grouping: Sample.portfolio.projects, by: \.owner)
            .max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key)
        let own = Set(Sample.portfolio.projects.filter { $0.owner == office }.map(\.id))
        var q = s.query
        q.office = office
        let effects = s.setQuery(q)
        for case .load(let request) in effects { _ = s.update(.dataLoaded(try Sample.reader.answer(request))) }
        #expect(s.figures?.projectCount == own.count)
        #expect(s.radar.map { $0.urgentUndecided.allSatisfy { own.contains($0.projectID) } } == true)
        #expect(s.attention?.rows.allSatisfy { own.contains($0.id) } == true)
        _ = s.send(.key(.char("1")))
        #expect(AppView.render(s).textDump().contains("Amtsdashboard \(office)"))
    }
}
