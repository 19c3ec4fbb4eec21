import Foundation
import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

/// What an open dashboard does when another process changes the data: it asks the store
/// again and keeps what the user was doing.
@Suite struct LiveRefreshTests {
    /// The sample with MS-07's report of the newest month turned red by someone else.
    static func changedElsewhere() -> InMemoryPortfolio {
        var p = Sample.portfolio
        let i = p.reports.firstIndex { $0.projectID == "MS-07" && $0.month == Sample.month }!
        p.reports[i].overall = .red
        p.reports[i].progress = 3
        return InMemoryPortfolio(p, version: 1)
    }

    @Test func aChangeElsewhereReachesTheOverviewAndTheTableAndSaysSo() {
        var s = Sample.state(Size(width: 120, height: 40))
        let redBefore = s.figures!.lights.red
        let changed = Self.changedElsewhere()
        _ = s.send(.dataChanged(byOthers: true), reader: changed)
        #expect(s.figures!.lights.red == redBefore + 1)
        #expect(s.notice == Strings.german.dataChanged)
        #expect(AppView.render(s).textDump().contains("Daten wurden anderswo geändert"))
        _ = s.send(.key(.char("2")), reader: changed)  // the table is asked for when it is shown
        #expect(s.rows.first { $0.id == "MS-07" }?.progress == 3)
    }

    @Test func aSearchBeingTypedStaysAndGoesOnWhereTheUserWas() {
        var s = Sample.state(Size(width: 80, height: 24), screen: .portfolio)
        _ = s.send(.key(.char("/")))
        for c in "ms-" { _ = s.send(.key(.char(c))) }
        #expect(s.searching)
        _ = s.send(.dataChanged(byOthers: true), reader: Self.changedElsewhere())
        #expect(s.searching, "still typing")
        #expect(s.query.search == "ms-")
        _ = s.send(.key(.char("0")), reader: Self.changedElsewhere())
        #expect(s.query.search == "ms-0", "the next key goes on where the user was")
        #expect(s.rows.allSatisfy { $0.id.hasPrefix("MS-0") })
    }

    @Test func selectionAndScrollStayWhileTheDataChanges() {
        var s = Sample.state(Size(width: 80, height: 24), screen: .portfolio)
        for _ in 0..<22 { _ = s.send(.key(.down)) }
        let selected = s.selectedRow?.id
        let offset = s.table.offset
        #expect(selected != nil && offset > 0)
        _ = s.send(.dataChanged(byOthers: true), reader: Self.changedElsewhere())
        #expect(s.selectedRow?.id == selected)
        #expect(s.table.offset == offset)
    }

    @Test func theSelectionFollowsItsProjectWhenRowsMoveAboveIt() {
        var s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        _ = s.send(.key(.char("s")))  // by light: MS-07 turning red moves it up
        _ = s.send(.key(.home))
        let pick = s.rows[12].id
        for _ in 0..<12 { _ = s.send(.key(.down)) }
        #expect(s.selectedRow?.id == pick)
        let before = s.table.selected
        _ = s.send(.dataChanged(byOthers: true), reader: Self.changedElsewhere())
        #expect(s.selectedRow?.id == pick)
        #expect(s.table.selected != before || pick == "MS-07", "the row moved, the selection with it")
    }

    @Test func theReportFormKeepsWhatIsTypedAndTheOpenProjectIsReloaded() {
        var s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        _ = s.send(.reportEditorLoaded(projectID: "MS-07", month: Sample.month, draft: nil, version: nil,
                                       project: Sample.project("MS-07")))
        let before = s.reportEditor
        #expect(before != nil)
        _ = s.send(.dataChanged(byOthers: true), reader: Self.changedElsewhere())
        #expect(s.reportEditor == before, "the form is not reloaded under the user's hands")
        #expect(s.projectIndex?.report(of: "MS-07", in: Sample.month)?.overall == .red)
    }

    /// Started small, the phase model asks for as many projects as the taller screen shows.
    @Test func aTallerScreenAsksForMoreProjectsPerPhase() {
        var s = Sample.state(Size(width: 120, height: 12), screen: .phaseModel)
        let few = s.phaseSamples?[.transfer]?.count ?? 0
        _ = s.send(.resize(Size(width: 120, height: 40)))
        let more = s.phaseSamples?[.transfer]?.count ?? 0
        #expect(few == 12 && more == 15, "\(few) then \(more) of the sample's 15 transfer projects")
        _ = s.send(.resize(Size(width: 120, height: 10)))
        #expect(s.phaseSamples?[.transfer]?.count == 15, "smaller keeps what it has")
    }

    @Test func anOpenProjectThatWasRemovedClosesWithANote() {
        var s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        _ = s.send(.key(.enter))
        let id = try! #require(s.openProjectID)
        var p = Sample.portfolio
        p.projects.removeAll { $0.id == id }
        p.reports.removeAll { $0.projectID == id }
        let kpis = Set(p.kpis.filter { $0.projectID == id }.map(\.id))
        p.kpis.removeAll { kpis.contains($0.id) }
        p.readings.removeAll { kpis.contains($0.kpiID) }
        p.risks.removeAll { $0.projectID == id }
        _ = s.send(.dataChanged(byOthers: true), reader: InMemoryPortfolio(p, version: 2))
        #expect(s.openProjectID == nil)
        #expect(s.notice == Strings.german.projectGone(id))
    }
}
