/// One terminal cell: the grapheme it shows and the role that styles it. The cell to the
/// right of a double-width character holds an empty `text` (a continuation).
public struct Cell: Hashable, Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String = " ", role: Role = .normal) {
        self.text = text
        self.role = role
    }

    public static let blank = Cell()
    public var isContinuation: Bool { text.isEmpty }
}

/// A grid of cells that views draw into. Pure value: comparing two buffers tells what a
/// screen shows, which is what the tests compare and what the backend diffs.
public struct Buffer: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal shows its cursor (a text field being edited); nil hides it.
    public var cursor: Point?

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public var area: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.width && y < size.height
    }

    /// Writes `text` starting at (x, y), clipped to `clip` (default: the whole buffer).
    /// Returns the number of cells written. Wide characters that would straddle the
    /// clip edge are replaced by a space so nothing spills over.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, clip: Rect? = nil) -> Int {
        let bounds = (clip ?? area).intersection(area)
        guard y >= bounds.y, y < bounds.maxY else { return 0 }
        var cx = x
        for ch in text {
            let w = DisplayWidth.of(ch)
            if w == 0 {
                continue
            }
            if cx >= bounds.maxX { break }
            if cx >= bounds.x {
                if w == 2 && cx + 1 >= bounds.maxX {
                    setCell(x: cx, y: y, Cell(" ", role: role))
                    cx += 1
                    break
                }
                setCell(x: cx, y: y, Cell(String(ch), role: role))
                if w == 2 { setCell(x: cx + 1, y: y, Cell("", role: role)) }
            }
            cx += w
        }
        return max(0, min(cx, bounds.maxX) - max(x, bounds.x))
    }

    /// Sets one cell, repairing a wide character that the write cuts in half.
    private mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        let old = self[x, y]
        if old.isContinuation, x > 0, !cell.isContinuation {
            self[x - 1, y] = Cell(" ", role: self[x - 1, y].role)
        }
        if x + 1 < size.width, DisplayWidth.of(old.text) == 2, !cell.text.isEmpty,
           DisplayWidth.of(cell.text) < 2 {
            self[x + 1, y] = Cell(" ", role: self[x + 1, y].role)
        }
        self[x, y] = cell
    }

    /// Fills a rectangle with one character.
    public mutating func fill(_ rect: Rect, with text: String = " ", role: Role = .normal) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { self[x, y] = Cell(text, role: role) }
        }
    }

    /// Changes the role of every cell in `rect`, keeping the text (e.g. a selection bar).
    public mutating func setRole(_ role: Role, in rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { self[x, y].role = role }
        }
    }

    /// The text of one row (continuation cells skipped).
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<size.width { s += self[x, y].text }
        return s
    }

    /// Every row joined by newlines, trailing spaces kept: what a person sees.
    public func textDump() -> String {
        (0..<size.height).map(line).joined(separator: "\n")
    }

    /// One letter per cell naming its role (see `Role.dumpLetter`), for snapshot tests
    /// that check colours by meaning.
    public func roleDump() -> String {
        (0..<size.height).map { y in
            String((0..<size.width).map { self[$0, y].role.dumpLetter })
        }.joined(separator: "\n")
    }
}

public extension Role {
    /// A letter per role for `Buffer.roleDump()`.
    var dumpLetter: Character {
        switch self {
        case .normal: "."
        case .muted: "m"
        case .header: "h"
        case .title: "t"
        case .tabActive: "T"
        case .tabInactive: "i"
        case .selection: "S"
        case .border: "b"
        case .accent: "a"
        case .lightGreen: "G"
        case .lightYellow: "Y"
        case .lightRed: "R"
        case .kpiGood: "+"
        case .kpiBad: "-"
        case .warning: "W"
        case .statusBar: "s"
        case .key: "k"
        }
    }
}
