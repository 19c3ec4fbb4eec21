import CNcursesw
import TermCanvas

extension NcursesTerminal {
    /// Shows `buffer`. Only the cells that differ from the previous frame are handed to
    /// ncurses (all of them on the first frame, after a resize or `invalidate()`, or when
    /// the buffer's size changed); ncurses then sends the fewest bytes it can.
    /// Cells outside the terminal are clipped. Does nothing unless started.
    public func draw(_ buffer: Buffer) {
        guard isRunning else { return }
        let window = lotse_stdscr()
        let screenSize = currentSize()
        let runs: [CellRun]
        if let previous = previousFrame, previous.size == buffer.size, !needsFullRepaint {
            runs = BufferDiff.runs(from: previous, to: buffer)
        } else {
            werase(window)
            if needsFullRepaint { clearok(window, true) }
            runs = BufferDiff.allRuns(of: buffer)
        }
        let visibleWidth = min(screenSize.width, buffer.size.width)
        for run in runs where run.y < screenSize.height {
            var x = run.x
            let end = min(run.x + run.count, visibleWidth)
            while x < end {
                let cell = buffer[x, run.y]
                // A continuation is painted by the wide character before it; one at the
                // start of a run has no such character in view and gets a space.
                if cell.isContinuation && x > run.x {
                    x += 1
                    continue
                }
                let columns = x + 1 < visibleWidth && buffer[x + 1, run.y].isContinuation ? 2 : 1
                let glyph = CellGlyph.make(text: cell.text, columns: columns) { Int(lotse_wcwidth($0)) }
                write(glyph, x: x, y: run.y, role: cell.role, screen: screenSize)
                x += columns
            }
        }
        previousFrame = buffer
        needsFullRepaint = false
        // The terminal's own cursor shows where a text field types; hidden otherwise.
        // curses remembers its visibility and writes nothing when it does not change.
        if let cursor = buffer.cursor, cursor.x >= 0, cursor.y >= 0,
           cursor.x < min(screenSize.width, buffer.size.width), cursor.y < min(screenSize.height, buffer.size.height) {
            leaveok(window, false)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            curs_set(1)
        } else {
            leaveok(window, true)
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
        crashIfAskedAfterFirstFrame()
    }

    private func write(_ glyph: CellGlyph, x: Int, y: Int, role: Role, screen: Size) {
        let attributes = styles.attributes(of: role)
        let pair = styles.pair(of: role)
        put(glyph.scalars, x: x, y: y, attributes: attributes, pair: pair, screen: screen)
        let width = Int(lotse_wcwidth(glyph.scalars[0]))
        for column in 0..<glyph.padding {
            put([CellGlyph.space], x: x + max(1, width) + column, y: y, attributes: attributes,
                pair: pair, screen: screen)
        }
    }

    /// Writes one character. The bottom-right cell is written with an inserting call: an
    /// advancing one there would move the cursor past the end of the screen.
    private func put(_ scalars: [UInt32], x: Int, y: Int, attributes: attr_t, pair: Int16, screen: Size) {
        var character = cchar_t()
        // The characters and their terminating zero on the stack: a frame puts thousands of cells.
        let made = withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: scalars.count + 1) { wide in
            for (i, scalar) in scalars.enumerated() { wide[i] = wchar_t(truncatingIfNeeded: scalar) }
            wide[scalars.count] = 0
            return setcchar(&character, wide.baseAddress, attributes, pair, nil)
        }
        guard made == lotse_ok() else { return }
        let isBottomRight = y == screen.height - 1 && x + Int(max(1, lotse_wcwidth(scalars[0]))) >= screen.width
        if isBottomRight {
            mvins_wch(Int32(y), Int32(x), &character)
        } else {
            mvadd_wch(Int32(y), Int32(x), &character)
        }
    }
}
