import Foundation
import LotseDomain
import LotseRuntime
import LotseStore
import LotseUI
import Testing
import TermCanvas

/// A workshop through the runtime: the stance on a tension field reaches the store at once,
/// and `d` on the result writes the handout into the export folder with the given mode.
@Suite struct WorkshopSessionTests {
    typealias Step = RecordingTerminal.Step

    @Test func theStanceIsStoredAndTheHandoutWritten() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Session.filledStore()
        let q = try QuestionnaireFile.builtin()
        let tension = try #require(q.tensions.first)
        let answers = Dictionary(uniqueKeysWithValues: q.statements.map { ($0.id, Optional(4)) })
        let municipality = try #require(Session.portfolio.municipalities.first)
        try store.create(Assessment(id: "SE-W", municipalityID: municipality.id, questionnaire: q.versionTag,
                                    date: Date(timeIntervalSince1970: 1_780_000_000), facilitator: "Berta",
                                    participants: ["Anna"], consensus: answers), by: "test")
        let terminal = RecordingTerminal(size: Size(width: 100, height: 30))
        // Tab 3, open the assessment, note a stance, finish, write the handout, quit.
        terminal.script = Step.type("3") + [.key(.enter), .key(.char("f")), .key(.char("4")), .key(.escape),
                                            .key(.char("e")), .key(.char("j")), .key(.char("d")), .key(.char("q"))]
        try Session.runtime(store: store, terminal: terminal, exportFolder: folder.path, exportMode: 0o640).run()

        #expect(try store.assessment(id: "SE-W")?.stances == [tension.id: TensionStance(position: 4)])
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        #expect(name.hasPrefix("Handout-") && name.hasSuffix(".html"))
        let html = try String(contentsOfFile: folder.file(name), encoding: .utf8)
        #expect(html.contains(municipality.name) && html.contains("Stand 4 von 5"))
        let mode = try FileManager.default.attributesOfItem(atPath: folder.file(name))[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(terminal.screen.contains("Geschrieben: "))

        // Written again, the first file stays and the second gets a name of its own.
        let again = RecordingTerminal(size: Size(width: 100, height: 30))
        again.script = Step.type("3") + [.key(.enter), .key(.char("d")), .key(.char("q"))]
        try Session.runtime(store: store, terminal: again, exportFolder: folder.path).run()
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(names == [name, name.replacingOccurrences(of: ".html", with: "-2.html")] as Set)
        #expect(try String(contentsOfFile: folder.file(name), encoding: .utf8) == html)
    }

    @Test func aFolderThatCannotBeWrittenIsSaidAndNothingElseChanges() throws {
        let store = try Session.filledStore()
        let q = try QuestionnaireFile.builtin()
        let answers = Dictionary(uniqueKeysWithValues: q.statements.map { ($0.id, Optional(3)) })
        try store.create(Assessment(id: "SE-X", municipalityID: "x", questionnaire: q.versionTag,
                                    date: Date(timeIntervalSince1970: 1_780_000_000), facilitator: "Berta",
                                    participants: [], consensus: answers, completed: true), by: "test")
        let terminal = RecordingTerminal(size: Size(width: 100, height: 30))
        terminal.script = Step.type("3") + [.key(.enter), .key(.char("d")), .key(.char("q"))]
        try Session.runtime(store: store, terminal: terminal, exportFolder: "/nonexistent-\(UUID().uuidString)").run()
        #expect(terminal.screen.contains("Nicht geschrieben (No such file or directory)"))
        #expect(try store.assessment(id: "SE-X")?.completed == true)
    }
}

/// `x` on the portfolio writes the whole view (filtered and sorted as shown) as CSV.
@Suite struct ExportViewSessionTests {
    @Test func xWritesEveryRowOfTheFilteredViewAsCSV() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Session.filledStore()
        let terminal = RecordingTerminal(size: Size(width: 100, height: 12))
        // Portfolio, light filter "nur rot" … then export; the window holds few rows.
        terminal.script = RecordingTerminal.Step.type("2") + [.key(.char("x")), .key(.char("a")), .key(.char("a")),
                                                             .key(.char("x")), .key(.char("q"))]
        try Session.runtime(store: store, terminal: terminal, exportFolder: folder.path).run()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["Portfolio-\(Session.month)-2.csv", "Portfolio-\(Session.month).csv"])
        let all = try String(contentsOfFile: folder.file("Portfolio-\(Session.month).csv"), encoding: .utf8)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.file("Portfolio-\(Session.month).csv")))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with BOM, as Excel wants it")
        #expect(all.contains("ID;Projekt;"))
        #expect(all.split(separator: "\r\n").count == Session.portfolio.projects.count + 1, "every row, not the window")
        let yellowRed = try String(contentsOfFile: folder.file("Portfolio-\(Session.month)-2.csv"), encoding: .utf8)
        let rows = yellowRed.split(separator: "\r\n").dropFirst()
        #expect(!rows.isEmpty && rows.count < Session.portfolio.projects.count)
        #expect(rows.allSatisfy { $0.contains(";gelb;") || $0.contains(";rot;") })
    }
}
