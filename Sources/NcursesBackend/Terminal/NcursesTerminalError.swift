/// Why the terminal could not be started, worded for the person at the keyboard.
public enum NcursesTerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe or a file).
    case notATerminal
    /// ncurses knows no terminal of this type (`TERM` unset, misspelt or without a
    /// terminfo entry).
    case unknownTerminal(term: String?)
    /// The terminal cannot move the cursor to any cell (e.g. `TERM=dumb`), so a
    /// full-screen program cannot run on it.
    case unsupportedTerminal(term: String?)

    public var description: String {
        switch self {
        case .notATerminal:
            "Standard input and output must be a terminal (they are redirected to a file or pipe)."
        case .unknownTerminal(let term?):
            "The terminal type '\(term)' is unknown here (no terminfo entry). "
                + "Set TERM to a known type, e.g. TERM=xterm-256color."
        case .unsupportedTerminal(let term):
            "The terminal type '\(term ?? "")' cannot position the cursor, so the full-screen "
                + "display cannot run. Use a terminal emulator with e.g. TERM=xterm-256color."
        case .unknownTerminal(nil):
            "TERM is not set, so the terminal type is unknown. Set it, e.g. TERM=xterm-256color."
        }
    }
}
