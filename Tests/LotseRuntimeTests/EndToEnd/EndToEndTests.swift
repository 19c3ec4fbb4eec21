import Foundation
import Testing

/// The real `lotse` in a pseudo-terminal of 120×40: keys typed as a terminal sends them,
/// the screen read back through a small terminal model. Waits for text, never sleeps.
@Suite struct EndToEndTests {
    /// Generous: the tests of the other suites run at the same time on few cores.
    static let patience: TimeInterval = 30

    /// ↓ and Esc as the terminal sends them (ncurses puts the keypad in application mode).
    static let down = "\u{1B}OB"
    static let escape = "\u{1B}"

    @Test func theDemoShowsItsScreensAndQEndsTheProgram() throws {
        let binary = try LotseBinary.locate().get()
        let home = try TemporaryFolder("lotse-e2e")
        defer { home.remove() }
        let environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": home.path,
            "XDG_DATA_HOME": home.file("data"),
            "XDG_CONFIG_HOME": home.file("config"),
            "XDG_CACHE_HOME": home.file("cache"),
            "XDG_STATE_HOME": home.file("state"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "USER": "e2e",
        ]
        let lotse = try PseudoTerminalProcess(executable: binary, arguments: ["--demo", "--lang", "de"],
                                              environment: environment, rows: 40, columns: 120)
        func screen() -> Comment { "screen:\n\(lotse.screen.text)" }
        func titleRow(_ prefix: String) -> (ScreenModel) -> Int? {
            { model in (0..<model.rows).first { model.line($0).hasPrefix(prefix) } }
        }

        try #require(lotse.wait(timeout: Self.patience) {
            $0.line(0).contains("1 Übersicht") && $0.line(0).contains("2 Portfolio") && $0.text.contains("Projekte nach Phase")
        }, "the overview comes up; \(screen()); output so far: \(lotse.transcript.suffix(2000))")

        lotse.send("2")
        // The screen is read while the program writes it: wait until the row to be read is
        // there in full (an id, then a space), not only the title above it.
        func secondRow(_ model: ScreenModel) -> String? {
            guard let title = titleRow("┌ Portfolio · ")(model), title + 3 < model.rows else { return nil }
            // Below the title: the column heads, then the rows; ↓ selects the second.
            let line = model.line(title + 3)
            guard let match = line.firstMatch(of: #/^│([A-Z]+-[0-9]+) /#) else { return nil }
            return String(match.1)
        }
        try #require(lotse.wait(timeout: Self.patience) { secondRow($0) != nil }, "2 shows the table; \(screen())")
        let second = try #require(secondRow(lotse.screen))

        lotse.send(Self.down + "\r")
        try #require(lotse.wait(timeout: Self.patience) {
            titleRow("┌ \(second) · ")($0) != nil && $0.text.contains("Verantwortlich:")
        }, "↓ Enter opens the second project; \(screen())")

        lotse.send(Self.escape)
        try #require(lotse.wait(timeout: Self.patience) {
            titleRow("┌ Portfolio · ")($0) != nil && !$0.text.contains("Verantwortlich:")
        }, "Esc goes back to the table; \(screen())")

        lotse.send("q")
        let ending = lotse.waitForExit(timeout: Self.patience)
        #expect(ending == .exited(0), "after q: \(ending); \(screen())")
        #expect(lotse.transcript.contains("␛[?1049l"), "the terminal's main screen is given back")
    }
}
