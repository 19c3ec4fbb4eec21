import Foundation
import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

/// Every screen and dialog in German and English at 80×24 and 120×40, and without UTF-8
/// (ASCII), each compared with its golden file; no cell may stay unpainted.
@Suite struct EveryScreenSnapshotTests {
    enum Place: String, CaseIterable, Sendable {
        case overview, portfolio, project, reportForm, help, assessments, setup, wizard, entry, result, phaseModel
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]
    static let now = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18

    static func state(_ place: Place, _ size: Size, _ language: Language) -> AppState {
        var s = Sample.state(size, language: language)
        s.user = "moderation"
        _ = s.send(.tick(now))
        _ = s.send(.questionnaireLoaded(TestQuestionnaire.value))
        let stored = Assessment(id: "SE-1", municipalityID: "musterstadt", questionnaire: "test 1", date: now,
                                facilitator: "m", participants: ["Anna", "Ben", "Cem", "Dana"],
                                responses: ["S1": ["Anna": 3, "Ben": 4, "Cem": 2, "Dana": 4]],
                                consensus: ["S1": 3], notes: ["S1": "Uneinig über Zuständigkeit"], position: 0)
        _ = s.send(.assessmentsLoaded([stored]))
        func keys(_ k: [Key]) { for key in k { _ = s.send(.key(key)) } }
        switch place {
        case .overview: break
        case .portfolio: keys([.char("2"), .down, .down])
        case .project: keys([.char("2"), .down, .enter])
        case .reportForm:
            keys([.char("2"), .char("/")] + "MS-12".map { .char($0) } + [.enter, .char("r")])
            _ = s.send(.reportEditorLoaded(projectID: "MS-12", month: Sample.month, draft: nil, version: nil,
                                           project: Sample.project("MS-12")))
            keys([.char("2"), .tab, .tab, .tab] + "Kurse laufen".map { .char($0) })
        case .help: keys([.char("2"), .char("?")])
        case .assessments: keys([.char("3")])
        case .setup: keys([.char("3"), .char("n"), .tab, .tab, .tab] + "Anna, Ben".map { .char($0) })
        case .wizard: keys([.char("3"), .enter])
        case .entry: keys([.char("3"), .enter, .right, .char("4"), .char(" "), .char("2")])
        case .result: keys([.char("3"), .enter, .char("e"), .char("y")])
        case .phaseModel: keys([.char("4")])
        }
        return s
    }

    static let cases: [(Place, Size, Language)] =
        Place.allCases.flatMap { p in sizes.flatMap { size in Language.allCases.map { (p, size, $0) } } }

    @Test(arguments: cases)
    func screen(_ place: Place, size: Size, language: Language) {
        let buffer = AppView.render(Self.state(place, size, language), background: marker)
        #expect(unpaintedCells(buffer) == 0, "\(place) \(language) \(size)")
        assertSnapshot(buffer, named: "screen-\(place.rawValue)-\(language.rawValue)-\(size.width)x\(size.height)")
    }

    @Test(arguments: Place.allCases)
    func ascii(_ place: Place) {
        var state = Self.state(place, Size(width: 80, height: 24), .german)
        state.glyphs = .ascii
        let buffer = AsciiFallback.apply(to: AppView.render(state))
        #expect(buffer.textDump().unicodeScalars.allSatisfy { $0.isASCII })
        assertSnapshot(buffer, named: "screen-\(place.rawValue)-ascii-80x24")
    }
}
