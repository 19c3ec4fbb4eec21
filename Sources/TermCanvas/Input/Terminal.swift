/// A screen and keyboard the main loop drives: ncurses in the program
/// (`NcursesBackend.NcursesTerminal`), a recording double in tests.
///
/// Used from one thread only; the loop calls, in order, `start()`, then `draw(_:)` and
/// `nextEvent(timeoutMilliseconds:)` in turns, and `stop()` on every way out.
public protocol Terminal: AnyObject {
    /// Takes over the terminal (raw keys, no echo, hidden cursor, …).
    func start() throws
    /// Gives the terminal back as it was. Safe to call twice.
    func stop()
    /// The terminal's size in cells.
    var size: Size { get }
    /// Whether characters beyond ASCII can be shown; without it the loop draws ASCII glyphs.
    var isUTF8: Bool { get }
    /// Shows `buffer` (cells outside the terminal are clipped).
    func draw(_ buffer: Buffer)
    /// Waits up to `timeoutMilliseconds` (negative: forever) for the next event; `.tick`
    /// when the time ran out.
    func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent
}
