/// A key press, independent of the terminal library.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Ctrl plus a letter, lower case (`.ctrl("c")`).
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
}

/// A mouse click in cell coordinates.
public struct MouseClick: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var button: Int
    public init(x: Int, y: Int, button: Int) {
        self.x = x
        self.y = y
        self.button = button
    }
}

/// What the backend reports to the runtime loop.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseClick)
    case resize(Size)
    /// The wait timed out with nothing to report; lets the loop run timers.
    case tick
    /// SIGTERM, SIGHUP or SIGINT arrived: the program should end cleanly.
    case terminate
}
