import TermCanvas

/// What a keystroke costs on the wire: the cells that differ between two frames.
///
/// The backend's own diff (`NcursesBackend.BufferDiff`) is public but lives in the module
/// that links curses; the benchmark stays free of curses and counts here instead. The byte
/// figure is an estimate of what a terminal receives, not a measurement of ncurses' output:
/// - a row that differs but equals another row of the old frame has moved (the table
///   scrolled); ncurses scrolls such rows with a scroll region, `scrollBytes` per block of
///   rows moved by the same distance, instead of rewriting them;
/// - per run of adjacent changed cells in any other row, one cursor move `ESC [ row ; col H`;
/// - per cell, the UTF-8 bytes of its text (a wide character's right half adds none);
/// - per change of role between consecutive written cells, `sgrBytes` for the colour and
///   attribute sequence (a 256-colour `ESC [0;38;5;n;48;5;nm` is 15–20 bytes).
/// Checked against the real program in a pseudo-terminal (`tuiprobe`), it comes within about
/// a third of what ncurses writes, and errs on the high side.
struct FrameDiff: Codable {
    static let sgrBytes = 16
    static let scrollBytes = 24

    /// Cells that differ (a wide character counts with both halves).
    var cells: Int
    /// Rows that differ but only moved.
    var movedRows: Int
    var bytes: Int

    init(from old: Buffer, to new: Buffer) {
        guard old.size == new.size else {
            self = FrameDiff(from: Buffer(size: new.size, fill: Cell("\u{0}")), to: new)
            return
        }
        let width = new.size.width, height = new.size.height
        let a = old.cells, b = new.cells
        func row(_ cells: [Cell], _ y: Int) -> ArraySlice<Cell> { cells[(y * width)..<((y + 1) * width)] }
        var oldRows: [ArraySlice<Cell>: [Int]] = [:]
        for y in 0..<height { oldRows[row(a, y), default: []].append(y) }

        var cells = 0, moved = 0, bytes = 0
        var lastRole: Role?
        var lastShift: Int?
        for y in 0..<height {
            let before = row(a, y), after = row(b, y)
            let runs = FrameDiff.runs(from: Array(before), to: Array(after))
            guard !runs.isEmpty else { lastShift = nil; continue }
            cells += runs.reduce(0) { $0 + $1.count }
            if let sources = oldRows[after] {
                // Prefer the source that continues the block above.
                let shift = sources.map { $0 - y }.first { $0 == lastShift } ?? sources[0] - y
                if shift != lastShift { bytes += FrameDiff.scrollBytes }
                lastShift = shift
                moved += 1
                continue
            }
            lastShift = nil
            for run in runs {
                bytes += 4 + String(y + 1).utf8.count + String(run.lowerBound + 1).utf8.count
                for cell in after[(after.startIndex + run.lowerBound)..<(after.startIndex + run.upperBound)] {
                    if cell.role != lastRole {
                        bytes += FrameDiff.sgrBytes
                        lastRole = cell.role
                    }
                    bytes += cell.text.utf8.count
                }
            }
        }
        self.cells = cells
        self.movedRows = moved
        self.bytes = bytes
    }

    /// The column ranges of one row that must be written; a changed half of a wide
    /// character takes the whole character along.
    static func runs(from a: [Cell], to b: [Cell]) -> [Range<Int>] {
        var runs: [Range<Int>] = [], x = 0
        while x < b.count {
            guard a[x] != b[x] else { x += 1; continue }
            var start = x
            if start > 0, b[start].isContinuation || a[start].isContinuation { start -= 1 }
            var end = x + 1
            while end < b.count, a[end] != b[end] { end += 1 }
            if end < b.count, b[end].isContinuation || a[end].isContinuation { end += 1 }
            runs.append(start..<end)
            x = end
        }
        return runs
    }

    /// The whole screen written once (the first frame).
    static func fullFrame(_ buffer: Buffer) -> FrameDiff {
        FrameDiff(from: Buffer(size: buffer.size, fill: Cell("\u{0}")), to: buffer)
    }
}
