import TermCanvas

/// Just enough of an xterm to follow what ncurses sends for TERM=xterm-256color: text
/// (UTF-8, with deferred wrap at the right margin), cursor addressing and movement, erasing,
/// repeat, insertion and deletion of characters and lines, scroll regions. Colours,
/// attributes and modes are read and ignored, so the model holds the characters on screen.
struct ScreenModel {
    let columns: Int
    let rows: Int
    private var cells: [[Character]]
    private var x = 0
    private var y = 0
    private var wrapPending = false
    private var top = 0
    private var bottom: Int
    private var saved = (x: 0, y: 0)
    private var lastPrinted: Character = " "
    /// Bytes of a sequence or a character that has not fully arrived yet.
    private var pending: [UInt8] = []

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        bottom = rows - 1
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }

    /// Marks the right half of a wide character.
    private static let continuation: Character = "\u{0}"

    /// Row `y` as text (trailing spaces kept).
    func line(_ y: Int) -> String { String(cells[y].filter { $0 != Self.continuation }) }

    /// The whole screen, one line per row.
    var text: String { (0..<rows).map(line).joined(separator: "\n") }

    mutating func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        pending += bytes
        var i = 0
        while i < pending.count {
            guard let used = step(at: i) else { break }  // incomplete: wait for more
            i += used
        }
        pending.removeFirst(i)
    }

    // MARK: - Parsing

    /// Handles what starts at `i`; how many bytes it took, or nil when incomplete.
    private mutating func step(at i: Int) -> Int? {
        let byte = pending[i]
        switch byte {
        case 0x1B: return escape(at: i)
        case 0x0D: carriageReturn()
        case 0x0A, 0x0B, 0x0C: lineFeed()
        case 0x08: moveTo(x: x - 1, y: y)
        case 0x09: moveTo(x: min(columns - 1, (x / 8 + 1) * 8), y: y)
        case 0x00..<0x20, 0x7F: break
        default: return character(at: i)
        }
        return 1
    }

    private mutating func character(at i: Int) -> Int? {
        let byte = pending[i]
        let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard i + length <= pending.count else { return nil }
        let text = String(decoding: pending[i..<(i + length)], as: UTF8.self)
        put(text.first ?? "?")
        return length
    }

    private mutating func escape(at i: Int) -> Int? {
        guard i + 1 < pending.count else { return nil }
        switch pending[i + 1] {
        case UInt8(ascii: "["):
            var j = i + 2
            while j < pending.count, !(0x40...0x7E).contains(pending[j]) { j += 1 }
            guard j < pending.count else { return nil }
            control(parameters: Array(pending[(i + 2)..<j]), final: pending[j])
            return j - i + 1
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"):
            // A string, ended by BEL or ESC \.
            var j = i + 2
            while j < pending.count {
                if pending[j] == 0x07 { return j - i + 1 }
                if pending[j] == 0x1B {
                    guard j + 1 < pending.count else { return nil }
                    if pending[j + 1] == UInt8(ascii: "\\") { return j - i + 2 }
                }
                j += 1
            }
            return nil
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "#"):
            return i + 2 < pending.count ? 3 : nil
        case UInt8(ascii: "7"): saved = (x, y)
        case UInt8(ascii: "8"): moveTo(x: saved.x, y: saved.y)
        case UInt8(ascii: "D"): lineFeed()
        case UInt8(ascii: "E"): carriageReturn(); lineFeed()
        case UInt8(ascii: "M"): reverseIndex()
        case UInt8(ascii: "c"): self = ScreenModel(columns: columns, rows: rows)
        default: break  // ESC = and ESC > (keypad modes) and the like
        }
        return 2
    }

    private mutating func control(parameters raw: [UInt8], final: UInt8) {
        // Private sequences (ESC [ ? …, ESC [ > …) set modes: nothing to draw.
        if let first = raw.first, (0x3C...0x3F).contains(first) { return }
        let numbers = String(decoding: raw, as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false)
            .map { Int($0.split(separator: ":").first ?? "") }
        func n(_ index: Int, _ fallback: Int = 1) -> Int {
            guard index < numbers.count, let value = numbers[index], value > 0 else { return fallback }
            return value
        }
        switch final {
        case UInt8(ascii: "H"), UInt8(ascii: "f"): moveTo(x: n(1) - 1, y: n(0) - 1)
        case UInt8(ascii: "A"): moveTo(x: x, y: max(y - n(0), y >= top ? top : 0))
        case UInt8(ascii: "B"): moveTo(x: x, y: min(y + n(0), y <= bottom ? bottom : rows - 1))
        case UInt8(ascii: "C"): moveTo(x: x + n(0), y: y)
        case UInt8(ascii: "D"): moveTo(x: x - n(0), y: y)
        case UInt8(ascii: "E"): moveTo(x: 0, y: y + n(0))
        case UInt8(ascii: "F"): moveTo(x: 0, y: y - n(0))
        case UInt8(ascii: "G"), UInt8(ascii: "`"): moveTo(x: n(0) - 1, y: y)
        case UInt8(ascii: "d"): moveTo(x: x, y: n(0) - 1)
        case UInt8(ascii: "K"): eraseInLine(n(0, 0))
        case UInt8(ascii: "J"): eraseInDisplay(n(0, 0))
        case UInt8(ascii: "X"): blank(row: y, from: x, count: n(0))
        case UInt8(ascii: "b"): for _ in 0..<n(0) { put(lastPrinted) }
        case UInt8(ascii: "@"): insertCharacters(n(0))
        case UInt8(ascii: "P"): deleteCharacters(n(0))
        case UInt8(ascii: "L"): if (top...bottom).contains(y) { scrollDown(n(0), from: y) }
        case UInt8(ascii: "M"): if (top...bottom).contains(y) { scrollUp(n(0), from: y) }
        case UInt8(ascii: "S"): scrollUp(n(0), from: top)
        case UInt8(ascii: "T"): scrollDown(n(0), from: top)
        case UInt8(ascii: "r"):
            let newTop = n(0) - 1, newBottom = n(1, rows) - 1
            if newTop < newBottom, newBottom < rows { (top, bottom) = (newTop, newBottom) }
            moveTo(x: 0, y: 0)
        case UInt8(ascii: "s"): saved = (x, y)
        case UInt8(ascii: "u"): moveTo(x: saved.x, y: saved.y)
        default: break  // m (colours), n, c, t, …
        }
    }

    // MARK: - Effects

    private mutating func put(_ character: Character) {
        let width = max(1, DisplayWidth.of(character))
        if wrapPending || x + width > columns {
            carriageReturn()
            lineFeed()
        }
        cells[y][x] = character
        if width == 2, x + 1 < columns { cells[y][x + 1] = Self.continuation }
        lastPrinted = character
        if x + width >= columns {
            x = columns - 1
            wrapPending = true
        } else {
            x += width
        }
    }

    private mutating func moveTo(x newX: Int, y newY: Int) {
        x = min(max(newX, 0), columns - 1)
        y = min(max(newY, 0), rows - 1)
        wrapPending = false
    }

    private mutating func carriageReturn() {
        x = 0
        wrapPending = false
    }

    private mutating func lineFeed() {
        wrapPending = false
        if y == bottom {
            scrollUp(1, from: top)
        } else if y < rows - 1 {
            y += 1
        }
    }

    private mutating func reverseIndex() {
        wrapPending = false
        if y == top {
            scrollDown(1, from: top)
        } else if y > 0 {
            y -= 1
        }
    }

    /// Moves rows `from…bottom` up by `count`, blank rows coming in at the bottom.
    private mutating func scrollUp(_ count: Int, from first: Int) {
        for _ in 0..<min(count, bottom - first + 1) {
            cells.remove(at: first)
            cells.insert(blankRow, at: bottom)
        }
    }

    /// Moves rows `from…bottom` down by `count`, blank rows coming in at `from`.
    private mutating func scrollDown(_ count: Int, from first: Int) {
        for _ in 0..<min(count, bottom - first + 1) {
            cells.remove(at: bottom)
            cells.insert(blankRow, at: first)
        }
    }

    private var blankRow: [Character] { Array(repeating: " ", count: columns) }

    private mutating func blank(row: Int, from start: Int, count: Int) {
        for column in max(0, start)..<min(columns, start + count) { cells[row][column] = " " }
    }

    private mutating func eraseInLine(_ mode: Int) {
        switch mode {
        case 0: blank(row: y, from: x, count: columns)
        case 1: blank(row: y, from: 0, count: x + 1)
        default: blank(row: y, from: 0, count: columns)
        }
    }

    private mutating func eraseInDisplay(_ mode: Int) {
        switch mode {
        case 0:
            eraseInLine(0)
            for row in (y + 1)..<rows { blank(row: row, from: 0, count: columns) }
        case 1:
            eraseInLine(1)
            for row in 0..<y { blank(row: row, from: 0, count: columns) }
        default:
            for row in 0..<rows { blank(row: row, from: 0, count: columns) }
        }
    }

    private mutating func insertCharacters(_ count: Int) {
        let n = min(count, columns - x)
        cells[y].insert(contentsOf: Array(repeating: " ", count: n), at: x)
        cells[y].removeLast(n)
    }

    private mutating func deleteCharacters(_ count: Int) {
        let n = min(count, columns - x)
        cells[y].removeSubrange(x..<(x + n))
        cells[y] += Array(repeating: " ", count: n)
    }
}
