import Foundation
import NcursesBackend
import TermCanvas
import Testing

/// `startWithoutTerminal`: ncurses draws into a file what a terminal would get, as
/// lotse-bench counts it. ncurses keeps global state, so one test at a time.
@Suite(.serialized) struct DrawingWithoutTerminalTests {
    /// A file of its own, removed at the end; `written()` gives what was written since the
    /// last call.
    final class Output {
        let descriptor: Int32
        private var taken: off_t = 0

        init() throws {
            var template = Array((NSTemporaryDirectory() + "/lotse-draw-XXXXXX").utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            try #require(descriptor >= 0)
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }

        deinit { close(descriptor) }

        func written() -> [UInt8] {
            let end = lseek(descriptor, 0, SEEK_CUR)
            var bytes = [UInt8](repeating: 0, count: Int(end - taken))
            let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, taken) }
            taken = end
            return Array(bytes.prefix(max(0, read)))
        }
    }

    @Test func framesGoToTheFileAndOnlyWhatChangedIsWrittenAgain() throws {
        let output = try Output()
        let terminal = NcursesTerminal(theme: .dark, mouse: false)
        try terminal.startWithoutTerminal(writingTo: output.descriptor, size: Size(width: 40, height: 10))
        defer { terminal.stop() }
        #expect(terminal.size == Size(width: 40, height: 10))
        #expect(terminal.colorDepth == .twoFiftySix)
        _ = output.written()

        var frame = Buffer(size: Size(width: 40, height: 10))
        _ = frame.put("Portfolio", x: 2, y: 1, role: .title)
        _ = frame.put("AL-001 Geoportal", x: 2, y: 3)
        terminal.draw(frame)
        let first = String(decoding: output.written(), as: UTF8.self)
        #expect(first.contains("Portfolio"))
        #expect(first.contains("AL-001 Geoportal"))
        // The title's colour: a 256-colour terminal gets the theme's colour 81.
        #expect(first.contains("\u{1B}[38;5;81m"))

        terminal.draw(frame)
        #expect(output.written().isEmpty, "an unchanged frame writes nothing")

        _ = frame.put("2", x: 8, y: 3)
        terminal.draw(frame)
        let change = output.written()
        #expect(change.contains(UInt8(ascii: "2")))
        #expect(change.count < 20, "one cell: a cursor move and the character, not the line")
    }

    /// What `NO_COLOR` would make of the same frame: no colour, the attributes kept.
    @Test func withoutColourTheFrameHasNone() throws {
        let output = try Output()
        let terminal = NcursesTerminal(theme: .dark, mouse: false)
        try terminal.startWithoutTerminal(writingTo: output.descriptor, size: Size(width: 40, height: 10), noColor: "1")
        defer { terminal.stop() }
        #expect(terminal.colorDepth == ColorDepth.none)
        var frame = Buffer(size: Size(width: 40, height: 10))
        _ = frame.put("Portfolio", x: 2, y: 1, role: .title)
        terminal.draw(frame)
        let written = String(decoding: output.written(), as: UTF8.self)
        #expect(written.contains("Portfolio"))
        #expect(!written.contains("38;5;"))
    }

    @Test func anOutputThatIsNotOpenIsRefused() {
        let terminal = NcursesTerminal(theme: .dark, mouse: false)
        #expect(throws: NcursesTerminalError.self) {
            try terminal.startWithoutTerminal(writingTo: -1, size: Size(width: 40, height: 10))
        }
        terminal.draw(Buffer(size: Size(width: 40, height: 10)))
        #expect(terminal.size == Size(width: 0, height: 0))
    }

    @Test func anUnknownTerminalTypeIsRefused() throws {
        let output = try Output()
        let terminal = NcursesTerminal(theme: .dark, mouse: false)
        #expect(throws: NcursesTerminalError.self) {
            try terminal.startWithoutTerminal(writingTo: output.descriptor, size: Size(width: 40, height: 10),
                                              terminalType: "no-such-terminal-type")
        }
        #expect(terminal.size == Size(width: 0, height: 0))
    }
}
