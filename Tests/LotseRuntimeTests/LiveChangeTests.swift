import Foundation
import LotseDomain
import LotseRuntime
import LotseStore
import LotseUI
import TermCanvas
import Testing

/// A change that another connection commits reaches an open dashboard once the clock has
/// passed the poll interval, without a key.
@Suite struct LiveChangeTests {
    /// A project with a report in the session's month whose light is not red, and that
    /// report turned red.
    static func reportTurnedRed() throws -> StatusReport {
        let report = try #require(Session.portfolio.reports
            .filter { $0.month == Session.month && $0.overall != .red }
            .min { $0.projectID < $1.projectID })
        var changed = report
        changed.overall = .red
        return changed
    }

    static func row(of id: String, in screen: String) -> String? {
        screen.split(separator: "\n").first { $0.hasPrefix("│\(id) ") }.map(String.init)
    }

    @Test func aChangeByAnotherConnectionAppearsAfterThePollInterval() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let mine = try SQLiteStore(path: path)
        try mine.replaceAll(with: Session.portfolio, by: Session.user)
        let other = try SQLiteStore(path: path)
        let red = try Self.reportTurnedRed()
        let notice = Strings.german.dataChanged

        var screens: [String: String] = [:]
        let terminal = RecordingTerminal(size: Size(width: 120, height: 40))
        terminal.script = [
            .key(.char("2")),
            .perform { screens["before"] = terminal.screen },
            .perform { try! other.save(report: red, by: "someone else") },
            .event(.tick),  // at once: the clock has not moved
            .perform { screens["at once"] = terminal.screen },
            .advance(0.5), .event(.tick),
            .perform { screens["half a second"] = terminal.screen },
            .timeout,  // the wait runs out a second later
            .perform { screens["after"] = terminal.screen },
            .key(.char("q")),
        ]
        try Session.runtime(store: mine, terminal: terminal).run()

        let before = try #require(screens["before"])
        let rowBefore = try #require(Self.row(of: red.projectID, in: before))
        #expect(!rowBefore.contains(Strings.german.light(.red)))
        #expect(screens["at once"] == before, "not asked before the poll interval")
        #expect(screens["half a second"] == before)
        let after = try #require(screens["after"])
        #expect(after.contains(notice))
        let rowAfter = try #require(Self.row(of: red.projectID, in: after))
        #expect(rowAfter.contains(Strings.german.light(.red)), "the table shows the other connection's change")
        #expect(after.contains("┌ Portfolio · "), "still on the table")
        #expect(!terminal.ranOutOfScript)
    }

    @Test func withoutAChangeNothingIsSaid() throws {
        let terminal = try Session.play([.key(.char("2")), .timeout, .timeout, .key(.char("q"))])
        #expect(!terminal.screen.contains(Strings.german.dataChanged))
        #expect(terminal.frames.count == 5)
    }
}

/// Another file renamed over the open database: the dashboard says so at the next poll,
/// once, and writes nothing into a file nobody sees.
@Suite struct SwappedDatabaseTests {
    @Test func aFileRenamedOverTheOpenDatabaseIsNoticedOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let mine = try SQLiteStore(path: path)
        try mine.replaceAll(with: Session.portfolio, by: Session.user)
        // The replacement, made beside it and moved into place as a careless copy would be.
        let other = folder.file("other.sqlite")
        try SQLiteStore(path: other).close()
        // The beginning of the notice: the path at its end may be cut on a narrow screen.
        let notice = String(AccessStrings.german.databaseSwapped(path).prefix(60))

        var screens: [String] = []
        let terminal = RecordingTerminal(size: Size(width: 160, height: 40))
        terminal.script = [
            .key(.char("2")),
            .perform { screens.append(terminal.screen) },
            .perform { _ = rename(other, path) },
            .timeout,
            .perform { screens.append(terminal.screen) },
            .key(.down),
            .timeout,
            .perform { screens.append(terminal.screen) },
            .key(.char("q")),
        ]
        try Session.runtime(store: mine, terminal: terminal).run()

        #expect(screens.count == 3)
        #expect(!screens[0].contains(notice))
        #expect(screens[1].contains(notice), "said at the next poll:\n\(screens[1])")
        #expect(!screens[2].contains(notice) || screens[2] == screens[1], "said once, not again at every poll")
        #expect(throws: StoreError.self) { try mine.changeToken() }
        #expect(throws: StoreError.self, "nothing is written into a file nobody sees") {
            try mine.save(report: Session.portfolio.reports[0], by: Session.user)
        }
    }
}
