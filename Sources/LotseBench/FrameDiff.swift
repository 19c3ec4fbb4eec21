import TermCanvas

/// What a keystroke costs on the wire: the cells that differ between two frames.
///
/// The backend's own diff (`NcursesBackend.BufferDiff`) is public but lives in the module
/// that links curses; the benchmark stays free of curses and counts here instead. The byte
/// figure is an estimate of what a terminal receives for the changed cells, not a
/// measurement of ncurses' output (which optimises cursor motion further):
/// - per run of adjacent changed cells in a row, one absolute cursor move `ESC [ row ; col H`;
/// - per cell, the UTF-8 bytes of its text (a wide character's right half adds none);
/// - per change of role between consecutive written cells, `sgrBytes` for the colour and
///   attribute sequence (a 256-colour `ESC [0;38;5;n;48;5;nm` is 15–20 bytes).
struct FrameDiff: Codable {
    static let sgrBytes = 16

    var cells: Int
    var runs: Int
    var bytes: Int

    init(from old: Buffer, to new: Buffer) {
        guard old.size == new.size else {
            self = FrameDiff(from: Buffer(size: new.size, fill: Cell("\u{0}")), to: new)
            return
        }
        let width = new.size.width
        let a = old.cells, b = new.cells
        var cells = 0, runs = 0, bytes = 0
        var lastRole: Role?
        for y in 0..<new.size.height {
            var x = 0
            while x < width {
                guard a[y * width + x] != b[y * width + x] else { x += 1; continue }
                // A changed half of a wide character rewrites the whole character.
                var start = x
                if start > 0, b[y * width + start].isContinuation || a[y * width + start].isContinuation { start -= 1 }
                var end = x + 1
                while end < width, a[y * width + end] != b[y * width + end] { end += 1 }
                if end < width, b[y * width + end].isContinuation || a[y * width + end].isContinuation { end += 1 }
                runs += 1
                bytes += 4 + String(y + 1).utf8.count + String(start + 1).utf8.count
                for i in start..<end {
                    let cell = b[y * width + i]
                    if cell.role != lastRole {
                        bytes += FrameDiff.sgrBytes
                        lastRole = cell.role
                    }
                    bytes += cell.text.utf8.count
                }
                cells += end - start
                x = end
            }
        }
        self.cells = cells
        self.runs = runs
        self.bytes = bytes
    }

    private init(cells: Int, runs: Int, bytes: Int) {
        self.cells = cells
        self.runs = runs
        self.bytes = bytes
    }

    /// The whole screen written once (the first frame).
    static func fullFrame(_ buffer: Buffer) -> FrameDiff {
        FrameDiff(from: Buffer(size: buffer.size, fill: Cell("\u{0}")), to: buffer)
    }
}
