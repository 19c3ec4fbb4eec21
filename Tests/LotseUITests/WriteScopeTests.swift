import Foundation
import LotseDomain
import Testing
@testable import LotseUI
import TermCanvas

/// A server's role that may change only its own municipality's data: the dashboard says so
/// before an editor opens on another municipality's project, and refuses any write to it.
@Suite struct WriteScopeTests {
    /// The portfolio table with the project `id` selected, for a role of Musterstadt.
    func table(selecting id: String, scope: WriteScope = .some(["musterstadt"])) -> AppState {
        var s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        s.writeScope = scope
        _ = s.send(.key(.char("/")))
        for c in id { _ = s.send(.key(.char(c))) }
        _ = s.send(.key(.enter))
        #expect(s.selectedRow?.id == id)
        return s
    }

    @Test func anotherMunicipalitysProjectOpensNoEditorAndSaysWhose() {
        var s = table(selecting: "LN-02")
        #expect(s.send(.key(.char("r"))) == [])
        #expect(s.notice == "Nur Lesen für Lotsenau: Ihre Datenbankrolle darf das nicht ändern; nichts wurde gespeichert.")
        #expect(s.send(.key(.char("v"))) == [])
        _ = s.send(.key(.enter))
        #expect(s.openProjectID == "LN-02")
        #expect(s.send(.key(.char("r"))) == [])
        #expect(s.send(.key(.char("v"))) == [])

        var own = table(selecting: "MS-03")
        #expect(own.send(.key(.char("r"))) == [.openReportEditor(projectID: "MS-03", month: own.month)])
        #expect(own.send(.key(.char("v"))) == [.openContinuationForm(projectID: "MS-03")])

        var county = table(selecting: "LN-02", scope: .all)
        #expect(county.send(.key(.char("r"))) == [.openReportEditor(projectID: "LN-02", month: county.month)])
    }

    @Test func aWriteToAnotherMunicipalityIsRefusedEvenWhenAFormIsOpen() {
        var s = table(selecting: "LN-02")
        // A form that opened anyway (the data changed meanwhile): typing into it writes nothing.
        _ = s.send(.continuationLoaded(ContinuationLoad(projectID: "LN-02", history: [], draft: nil, others: [],
                                                        project: Sample.project("LN-02"))))
        let goal = s.continuationForm?.draft.answers.goal
        #expect(s.send(.key(.char("A"))) == [])
        #expect(s.continuationForm?.draft.answers.goal == goal)
        #expect(s.notice?.hasPrefix("Nur Lesen für Lotsenau") == true)
    }

    @Test func aRoleThatMayChangeNothingIsReadOnly() {
        var s = table(selecting: "MS-03", scope: .none)
        #expect(s.send(.key(.char("r"))) == [])
        #expect(s.notice == AccessStrings.german.readOnlyRefused)
    }
}
