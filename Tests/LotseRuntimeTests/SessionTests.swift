import Foundation
import LotseDomain
import LotseRuntime
import LotseStore
import LotseUI
import TermCanvas
import Testing

/// Whole sessions of the main loop: keys and resizes from a recording terminal, a real
/// SQLite store with the sample, and the frames the loop draws.
@Suite struct SessionTests {
    typealias Step = RecordingTerminal.Step

    @Test func switchingScreensAndOpeningAProjectShowsWhatTheStoreHolds() throws {
        let second = Session.projectsByID[1]
        var seen: [String: String] = [:]
        let terminal = RecordingTerminal(size: Size(width: 120, height: 40))
        terminal.script = [
            .perform { seen["start"] = terminal.screen },
            .key(.char("2")),
            .perform { seen["portfolio"] = terminal.screen },
            .key(.down), .key(.enter),
            .perform { seen["project"] = terminal.screen },
            .key(.escape),
            .perform { seen["back"] = terminal.screen },
            .key(.char("1")),
        ]
        try Session.runtime(store: Session.filledStore(), terminal: terminal).run()

        #expect(seen["start"]?.contains("Projekte nach Phase") == true, "the overview first")
        let portfolio = try #require(seen["portfolio"])
        #expect(portfolio.contains("┌ Portfolio · \(Session.portfolio.projects.count) "))
        #expect(portfolio.contains("│\(second.id) "), "the table lists the projects")
        let project = try #require(seen["project"])
        #expect(project.contains("┌ \(second.id) · \(second.name) "), "↓ then Enter opens the second project")
        #expect(project.contains("Verantwortlich: \(second.owner)"))
        #expect(seen["back"]?.contains("┌ Portfolio · ") == true, "Esc goes back to the table")
        #expect(terminal.screen.contains("Projekte nach Phase"), "1 shows the overview again")
        #expect(!terminal.screen.contains("┌ Portfolio · "))
        #expect(terminal.ranOutOfScript, "this session ends with the script")
        #expect(terminal.stops == 1, "the terminal is given back")
    }

    @Test func qEndsTheLoopAndTheRestOfTheScriptIsNeverRead() throws {
        let terminal = try Session.play([.key(.char("q")), .key(.char("2")), .key(.enter)])
        #expect(terminal.delivered == [.key(.char("q"))])
        #expect(terminal.script.count == 2)
        #expect(!terminal.ranOutOfScript)
        #expect(terminal.frames.count == 2, "the first frame, and the one after the questionnaire")
        #expect(terminal.starts == 1 && terminal.stops == 1 && !terminal.isRunning)
    }

    @Test func aSignalEndsTheLoopToo() throws {
        let terminal = try Session.play([.key(.char("2")), .event(.terminate), .key(.char("1"))])
        #expect(terminal.script.count == 1)
        #expect(terminal.screen.contains("┌ Portfolio · "))
        #expect(terminal.stops == 1)
    }

    @Test func everyWaitIsForAboutASecond() throws {
        let terminal = try Session.play(Step.type("2134q"))
        #expect(terminal.timeouts.count == 5)
        #expect(terminal.timeouts.allSatisfy { $0 == Runtime.eventTimeoutMilliseconds })
    }

    @Test func tinySizesDrawAndTheScreenComesBackAsItWas() throws {
        let opening: [Step] = [.key(.char("2")), .key(.down), .key(.down), .key(.enter)]
        let direct = try Session.play(opening + [.resize(80, 24), .key(.char("q"))])
        var tinyFrames: [Buffer] = []
        let terminal = RecordingTerminal(size: Size(width: 120, height: 40))
        terminal.script = opening + [
            .resize(3, 2), .perform { tinyFrames.append(terminal.frames.last!) },
            .resize(1, 1), .perform { tinyFrames.append(terminal.frames.last!) },
            .resize(2, 40), .resize(120, 1), .timeout,
            .resize(80, 24), .key(.char("q")),
        ]
        try Session.runtime(store: Session.filledStore(), terminal: terminal).run()

        #expect(tinyFrames.map(\.size) == [Size(width: 3, height: 2), Size(width: 1, height: 1)])
        #expect(terminal.frames.last?.size == Size(width: 80, height: 24))
        let third = Session.projectsByID[2]
        #expect(direct.screen.contains("┌ \(third.id) · "), "the reference shows the third project")
        #expect(terminal.screen == direct.screen, "after the tiny sizes the screen is the same as without them")
        #expect(terminal.frames.last == direct.frames.last)
    }

    @Test func theQuestionnaireIsReadAfterTheFirstFrameAndOnlyOnce() throws {
        let terminal = RecordingTerminal(size: Size(width: 80, height: 24))
        terminal.script = Step.type("3") + [.timeout, .key(.char("q"))]
        var framesWhenRead: [Int] = []
        let runtime = Session.runtime(store: try Session.filledStore(), terminal: terminal, questionnaire: {
            framesWhenRead.append(terminal.frames.count)
            return try QuestionnaireFile.builtin()
        })
        try runtime.run()
        #expect(framesWhenRead == [1], "after the first frame, once")
        #expect(terminal.frames.count == 4)
    }

    /// The earlier questionnaire versions are read only for an assessment made with one, and
    /// then before the first frame that could show it.
    @Test(arguments: [nil, "newest", "phasenmodell 1.0.0"])
    func theEarlierVersionsAreReadOnlyForAnAssessmentMadeWithOne(_ version: String?) throws {
        let store = try Session.filledStore()
        let q = try QuestionnaireFile.builtin()
        if let version {
            let answers = Dictionary(uniqueKeysWithValues: q.statements.map { ($0.id, Optional(3)) })
            try store.create(Assessment(id: "SE-V", municipalityID: "x",
                                        questionnaire: version == "newest" ? q.versionTag : version,
                                        date: Date(timeIntervalSince1970: 1_780_000_000), facilitator: "Berta",
                                        participants: [], consensus: answers, completed: true), by: "test")
        }
        let terminal = RecordingTerminal(size: Size(width: 80, height: 24))
        // The overview, the assessments' tab and a result if there is one, then quit.
        terminal.script = Step.type("3") + [.key(.enter), .timeout, .key(.char("q")), .key(.char("q"))]
        var framesWhenRead: [Int] = []
        let runtime = Session.runtime(store: store, terminal: terminal, earlierQuestionnaires: {
            framesWhenRead.append(terminal.frames.count)
            return try QuestionnaireFile.archived()
        })
        try runtime.run()
        #expect(framesWhenRead == (version == "phasenmodell 1.0.0" ? [0] : []))
    }

    @Test func anEffectReachesTheStore() throws {
        let store = try SQLiteStore.inMemory()
        let terminal = try Session.play([.key(.char("b")), .key(.char("q"))], store: store)
        #expect(try store.isFilled(), "b on an empty database loads the sample")
        #expect(terminal.frames.first?.textDump().contains("Projekte nach Phase") == false, "empty at first")
        #expect(terminal.screen.contains("Projekte nach Phase"), "the overview of the loaded sample")
        #expect(terminal.screen.contains("Gesamt  ") && terminal.screen.contains(" \(Session.portfolio.projects.count)│"))
    }

    @Test func withoutUTF8EveryFrameIsASCII() throws {
        let terminal = RecordingTerminal(size: Size(width: 100, height: 30), utf8: false)
        try Session.play(Step.type("2") + [.key(.enter), .key(.char("q"))], terminal: terminal)
        #expect(terminal.frames.count == 4)
        for frame in terminal.frames {
            #expect(frame.textDump().unicodeScalars.allSatisfy { $0.isASCII })
        }
    }

    @Test func theTraceHasALinePerFrame() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("trace.txt")
        let terminal = RecordingTerminal(size: Size(width: 80, height: 24))
        terminal.script = Step.type("2") + [.key(.down), .timeout, .key(.char("q"))]
        try Session.runtime(store: Session.filledStore(), terminal: terminal, tracePath: path).run()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == terminal.frames.count)
        #expect(lines.allSatisfy { $0.contains(" render=") && $0.contains(" draw=") })
        #expect(lines.filter { $0.hasPrefix("key(") && $0.contains(" update=") }.count == 2)
        #expect(lines.filter { $0.hasPrefix("tick(") }.count == 1)
    }
}
