import Foundation
import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

/// What a new user ran into, each kept fixed by a test.
@Suite struct RoughEdgesTests {
    func text(_ s: AppState) -> String { AppView.render(s).textDump() }

    /// Seven participants: median, spread and the dissent flag stay on the line.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func sevenParticipantsKeepMedianSpreadAndDissent(size: Size) throws {
        var s = WizardTests().state(size: size)
        _ = s.send(.key(.char("n")))
        _ = s.send(.key(.tab)); _ = s.send(.key(.tab)); _ = s.send(.key(.tab))
        for c in "Annabell, Benedikt, Cemile, Dana-Marie, Esther, Friedemann, Gudrun" { _ = s.send(.key(.char(c))) }
        _ = s.send(.key(.enter))
        #expect(s.assessment.current?.participants.count == 7)
        for c in "1" { _ = s.send(.key(.char(c))) }
        for c in " 5 1 5 2 5 1" { _ = s.send(.key(.char(c))) }
        _ = s.send(.key(.enter)) // the answers; the consensus line opens
        _ = s.send(.key(.escape))
        _ = s.send(.key(.left)) // back to the statement just answered
        let buffer = AppView.render(s)
        let line = try #require((0..<size.height).map(buffer.line).first { $0.contains("Median") })
        #expect(line.contains("Spanne 4"))
        #expect(line.contains("Dissens"))
        #expect(line.contains("│"), "the answers follow")
    }

    /// The result: no heading without lines under it, dimension names in full, and a
    /// statement nobody answered is not shown as "weiß nicht".
    @Test func theResultScreenSaysWhatItMeans() {
        var q = TestQuestionnaire.value
        q.dimensions[0].name = LocalizedText(de: "Strategie und Steuerung der Digitalisierung", en: "Strategy")
        var s = Sample.state(Size(width: 120, height: 40))
        _ = s.send(.tick(WizardTests.now))
        _ = s.send(.questionnaireLoaded(q))
        // S1 and S2 answered well, S3 "weiß nicht", the rest open: placed in experimentation.
        let a = Assessment(id: "SE-1", municipalityID: "musterstadt", questionnaire: "test 1", date: WizardTests.now,
                           facilitator: "m", participants: [], responses: [:],
                           consensus: ["S1": 5, "S2": 4, "S3": Int?.none, "S4": 2] as [String: Int?], notes: [:], position: 0, completed: true)
        _ = s.send(.assessmentsLoaded([a]))
        _ = s.send(.key(.char("3")))
        _ = s.send(.key(.enter))
        #expect(s.route == .result)
        let screen = text(s)
        #expect(screen.contains("Strategie und Steuerung der Digitalisierung"), "the whole name")
        let lines = screen.split(separator: "\n").map(String.init)
        for heading in [s.strings.assess.carryingTitle, s.strings.assess.blockingTitle] {
            if let i = lines.firstIndex(where: { $0.contains(heading) }) {
                #expect(lines[i + 1].contains("S"), "\(heading) has a statement under it")
            }
        }
        #expect(screen.contains("S3 (weiß nicht) Der Rat"))
        // The same statement never answered at all reads "nicht beantwortet", not "weiß nicht".
        var open = a
        open.consensus["S3"] = nil
        _ = s.send(.assessmentsLoaded([open]))
        let again = text(s)
        #expect(again.contains("S3 (nicht beantwortet) Der Rat"))
        #expect(!again.contains("S3 (weiß nicht)"))
    }

    @Test func englishTableColumnsAreNotCut() {
        let s = Sample.state(Size(width: 120, height: 40), screen: .portfolio, language: .english)
        let screen = text(s)
        #expect(screen.contains("▲ yellow") && screen.contains("● green"))
        #expect(screen.contains("Funding end") && !screen.contains("Funding e…"))
    }

    @Test func germanNumbersAndKPIsReadGerman() throws {
        var s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        // A project with KPIs with decimals: the project view writes them with a comma.
        let project = try #require(Sample.portfolio.projects.first { p in
            Sample.portfolio.kpis.contains { $0.projectID == p.id && "\($0.target)".contains(".") }
        })
        _ = s.send(.key(.char("/")))
        for c in project.id { _ = s.send(.key(.char(c))) }
        _ = s.send(.key(.enter)); _ = s.send(.key(.enter))
        #expect(s.openProjectID == project.id)
        let screen = text(s)
        let kpi = try #require(Sample.portfolio.kpis.first { $0.projectID == project.id && "\($0.target)".contains(".") })
        #expect(screen.contains("Ziel " + Formats.german.decimal(kpi.target)))
        #expect(!screen.contains("Ziel \(kpi.target)"))
    }

    @Test func aConflictMessageStartsWithItsKey() {
        let v = ReportVersion(revision: 3, changedBy: "anna", changedAt: WizardTests.now)
        let conflict = ReportConflict(projectID: "MS-12", month: Sample.month, current: v)
        let message = ReportStrings.german.conflict(conflict)
        #expect(message.hasPrefix("Strg-D"))
        var s = ReportEditorTests().editor(Size(width: 80, height: 24))
        _ = s.send(.reportConflict(conflict))
        #expect(AppView.render(s).line(23).contains("Strg-D lädt die neue Fassung"))
    }
}
