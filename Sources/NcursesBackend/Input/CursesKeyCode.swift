import CNcursesw

/// The ncurses key codes `KeyMapper` understands, as `wget_wch` reports them when it
/// returns `KEY_CODE_YES`. Named here so the mapping can be tested without a terminal.
public enum CursesKeyCode {
    public static let down = Int32(KEY_DOWN)
    public static let up = Int32(KEY_UP)
    public static let left = Int32(KEY_LEFT)
    public static let right = Int32(KEY_RIGHT)
    public static let home = Int32(KEY_HOME)
    public static let end = Int32(KEY_END)
    public static let pageUp = Int32(KEY_PPAGE)
    public static let pageDown = Int32(KEY_NPAGE)
    public static let delete = Int32(KEY_DC)
    public static let insert = Int32(KEY_IC)
    public static let backspace = Int32(KEY_BACKSPACE)
    /// Enter on the numeric keypad.
    public static let enter = Int32(KEY_ENTER)
    public static let backTab = Int32(KEY_BTAB)
    public static let resize = Int32(KEY_RESIZE)
    public static let mouse = Int32(KEY_MOUSE)
    /// `KEY_F(0)`; function key n is `f0 + n` for n in 1...63.
    public static let f0 = Int32(KEY_F0)

    /// The code of function key `n` (`KEY_F(n)`).
    public static func function(_ n: Int) -> Int32 { f0 + Int32(n) }
}
