import TermCanvas

/// Turns what `wget_wch` returned into a `Key`. Pure: no curses calls, so every branch is
/// testable without a terminal.
public enum KeyMapper {
    /// The key for a key code (`wget_wch` returned `KEY_CODE_YES`), or nil for codes the
    /// program has no use for. `KEY_RESIZE` and `KEY_MOUSE` are events, not keys: nil.
    public static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case CursesKeyCode.up: .up
        case CursesKeyCode.down: .down
        case CursesKeyCode.left: .left
        case CursesKeyCode.right: .right
        case CursesKeyCode.pageUp: .pageUp
        case CursesKeyCode.pageDown: .pageDown
        case CursesKeyCode.home: .home
        case CursesKeyCode.end: .end
        case CursesKeyCode.delete: .delete
        case CursesKeyCode.insert: .insert
        case CursesKeyCode.backspace: .backspace
        case CursesKeyCode.enter: .enter
        case CursesKeyCode.backTab: .backTab
        case CursesKeyCode.function(1)...CursesKeyCode.function(63):
            .function(Int(code - CursesKeyCode.f0))
        default: nil
        }
    }

    /// The key for a character (`wget_wch` returned `OK`), or nil for codes that are no
    /// key (NUL, the other C0/C1 controls, invalid scalars).
    ///
    /// In raw mode control keys arrive as codes 1…26: they become `.ctrl(letter)`, except
    /// Tab (9), Enter (10 and 13) and Backspace (8, which Ctrl-H also sends, and 127).
    public static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26:
            return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0..<32, 0x80..<0xA0:
            return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }
}
