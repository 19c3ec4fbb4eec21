import NcursesBackend
import TermCanvas
import Testing

/// What can be checked without taking over a terminal: the type is inert until started.
@Suite struct NcursesTerminalTests {
    @Test func anUnstartedTerminalDoesNothingAndStopsSafely() {
        let terminal = NcursesTerminal(theme: .dark)
        #expect(terminal.size == Size(width: 0, height: 0))
        #expect(terminal.colorDepth == .none)
        terminal.draw(Buffer(size: Size(width: 4, height: 2)))
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .terminate)
        terminal.stop()
        terminal.stop()
    }

    @Test func errorsTellWhatToDo() {
        let unknown = NcursesTerminalError.unknownTerminal(term: "xterm-kitty").description
        #expect(unknown.contains("'xterm-kitty'"))
        #expect(unknown.contains("TERM="))
        #expect(NcursesTerminalError.unknownTerminal(term: nil).description.contains("TERM is not set"))
        #expect(NcursesTerminalError.unsupportedTerminal(term: "dumb").description.contains("'dumb'"))
        #expect(NcursesTerminalError.notATerminal.description.contains("terminal"))
    }
}
