import TermCanvas

/// A horizontal stretch of cells in one row that must be written.
public struct CellRun: Hashable, Sendable, CustomStringConvertible {
    public var y: Int
    public var x: Int
    public var count: Int

    public init(y: Int, x: Int, count: Int) {
        self.y = y
        self.x = x
        self.count = count
    }

    /// The columns the run covers.
    public var columns: Range<Int> { x..<(x + count) }
    public var description: String { "y\(y) x\(x)+\(count)" }
}

/// Which cells differ between the frame on screen and the next one. Pure; the terminal
/// writes exactly these cells and leaves the rest to ncurses' own screen diff.
public enum BufferDiff {
    /// The runs of cells to write to turn `old` into `new`, row by row, left to right.
    ///
    /// A double-width character and its continuation cell are written together: when
    /// either half changes (in the old or the new frame) both columns are included, so
    /// no half of a wide character is left orphaned on screen. Adjacent changes merge
    /// into one run. Buffers of different sizes give `allRuns(of: new)`.
    public static func runs(from old: Buffer, to new: Buffer) -> [CellRun] {
        guard old.size == new.size else { return allRuns(of: new) }
        let width = new.size.width
        let oldCells = old.cells
        let newCells = new.cells
        var runs: [CellRun] = []
        for y in 0..<new.size.height {
            let rowStart = y * width
            var x = 0
            while x < width {
                guard oldCells[rowStart + x] != newCells[rowStart + x] else {
                    x += 1
                    continue
                }
                var start = x
                if start > 0, oldCells[rowStart + start].isContinuation || newCells[rowStart + start].isContinuation {
                    start -= 1
                }
                var end = x + 1
                while end < width, oldCells[rowStart + end] != newCells[rowStart + end] { end += 1 }
                if end < width, oldCells[rowStart + end].isContinuation || newCells[rowStart + end].isContinuation {
                    end += 1
                }
                if let last = runs.last, last.y == y, last.x + last.count >= start {
                    runs[runs.count - 1].count = end - last.x
                } else {
                    runs.append(CellRun(y: y, x: start, count: end - start))
                }
                x = end
            }
        }
        return runs
    }

    /// One run per row covering the whole buffer: a full repaint.
    public static func allRuns(of buffer: Buffer) -> [CellRun] {
        guard buffer.size.width > 0 else { return [] }
        return (0..<buffer.size.height).map { CellRun(y: $0, x: 0, count: buffer.size.width) }
    }
}
