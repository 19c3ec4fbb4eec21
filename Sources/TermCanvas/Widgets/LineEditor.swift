/// One line of editable text with a cursor: what every text field of the program uses
/// (the search, the wizard's entry line, the report form, the setup dialog).
///
/// Keys: printable characters insert at the cursor; ← → move by one character; Home/End
/// and Ctrl-A/Ctrl-E to the start and the end; Backspace deletes before the cursor, Delete
/// and Ctrl-D at it; Ctrl-U deletes up to the cursor, Ctrl-K from it; Ctrl-W deletes the
/// word before it. Characters are graphemes, so an umlaut or a wide character is one step.
public struct LineEditor: Hashable, Sendable {
    public private(set) var text: String
    /// Between characters: 0 is before the first, `count` after the last.
    public private(set) var cursor: Int
    /// At most this many characters; typing beyond it is ignored.
    public let limit: Int

    public init(_ text: String = "", limit: Int = 200) {
        self.limit = max(0, limit)
        self.text = String(text.prefix(self.limit))
        self.cursor = self.text.count
    }

    /// Replaces the text and puts the cursor at its end.
    public mutating func set(_ newText: String) {
        text = String(newText.prefix(limit))
        cursor = text.count
    }

    /// What a key did to the line.
    public enum Outcome: Equatable, Sendable {
        /// The text changed.
        case edited
        /// Only the cursor moved (or the key changed nothing, as Backspace at the start).
        case moved
        /// Not an editing key: the field's owner decides (Enter, Esc, Tab, ↑ ↓ …).
        case ignored
    }

    @discardableResult
    public mutating func handle(_ key: Key) -> Outcome {
        var chars = Array(text)
        let before = text
        switch key {
        case .char(let c):
            guard Self.isPrintable(c), chars.count < limit else { return .moved }
            chars.insert(c, at: cursor)
            cursor += 1
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = chars.count
        case .backspace:
            guard cursor > 0 else { return .moved }
            chars.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < chars.count else { return .moved }
            chars.remove(at: cursor)
        case .ctrl("u"):
            chars.removeSubrange(0..<cursor)
            cursor = 0
        case .ctrl("k"):
            chars.removeSubrange(cursor...)
        case .ctrl("w"):
            // The spaces before the cursor, then the word before them.
            var start = cursor
            while start > 0 && chars[start - 1] == " " { start -= 1 }
            while start > 0 && chars[start - 1] != " " { start -= 1 }
            chars.removeSubrange(start..<cursor)
            cursor = start
        default:
            return .ignored
        }
        text = String(chars)
        return text == before ? .moved : .edited
    }

    /// Control characters (and other invisible ones) never enter a field.
    static func isPrintable(_ c: Character) -> Bool {
        !c.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }
            && DisplayWidth.of(c) > 0
    }

    /// The part of the text that fits `width` cells with the cursor in view, and the
    /// cursor's column within it. The cursor needs a cell of its own at the end of the
    /// text; a long text scrolls so that the cursor stays visible, showing `ellipsis` where
    /// text is cut off on the left.
    public func visible(width: Int, ellipsis: String = "…") -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let chars = Array(text)
        let widths = chars.map { DisplayWidth.of($0) }
        let beforeCursor = widths[0..<cursor].reduce(0, +)
        let total = widths.reduce(0, +)
        if total + 1 <= width || beforeCursor + 1 <= width {
            // All of it fits, or the cursor is within the first screenful: cut the end.
            return (DisplayWidth.prefix(text, fitting: width), beforeCursor)
        }
        // Scroll: the cursor sits at the right edge, the start is cut off with the ellipsis.
        let mark = DisplayWidth.of(ellipsis)
        var start = cursor
        var used = 1 + mark // the cursor's cell and the mark
        while start > 0 && used + widths[start - 1] <= width {
            start -= 1
            used += widths[start]
        }
        let shown = ellipsis + String(chars[start..<cursor])
        let column = DisplayWidth.of(shown)
        let after = DisplayWidth.prefix(String(chars[cursor...]), fitting: max(0, width - column))
        return (shown + after, column)
    }

    /// Draws the field into `rect`'s first row and places the terminal's cursor at the
    /// cursor position. Returns the cursor's screen column.
    @discardableResult
    public func render(in rect: Rect, on buffer: inout Buffer, role: Role = .normal, ellipsis: String = "…") -> Int {
        guard rect.width > 0, rect.height > 0 else { return rect.x }
        let (shown, column) = visible(width: rect.width, ellipsis: ellipsis)
        buffer.fill(rect.row(0), role: role)
        buffer.put(shown, x: rect.x, y: rect.y, role: role, clip: rect.row(0))
        let x = min(rect.x + column, rect.maxX - 1)
        buffer.cursor = Point(x: x, y: rect.y)
        return x
    }

    /// The text broken into lines of at most `width` cells (at any character, so that the
    /// cursor's place is exact while typing), with the cursor's line and column. The cursor
    /// needs a cell of its own: after a full last line it starts the next one.
    public func wrapped(width: Int) -> (lines: [String], cursorLine: Int, cursorColumn: Int) {
        guard width > 0 else { return ([""], 0, 0) }
        var lines: [String] = [""]
        var used = 0
        var cursorAt = (line: 0, column: 0)
        for (i, ch) in text.enumerated() {
            let w = DisplayWidth.of(ch)
            if used + w > width {
                lines.append("")
                used = 0
            }
            if i == cursor { cursorAt = (lines.count - 1, used) }
            lines[lines.count - 1].append(ch)
            used += w
        }
        if cursor >= text.count {
            if used >= width {
                lines.append("")
                used = 0
            }
            cursorAt = (lines.count - 1, used)
        }
        return (lines, cursorAt.line, cursorAt.column)
    }
}
