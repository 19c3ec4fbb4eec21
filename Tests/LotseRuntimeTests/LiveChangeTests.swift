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
