import Foundation
import LotseDomain
import LotseStore
import LotseUI
import NcursesBackend
import TermCanvas

/// The dashboard without a terminal, on a database file, in a process of its own so that its
/// memory is what a user's process would hold: open → load → figures → first frame, then key
/// presses, each `update` + `render` + `draw`, and the bytes each frame sends (`FrameMeter`).
struct DashboardRun {
    struct FirstFrame: Codable {
        var openMs: Double
        var loadMs: Double
        /// Taking the store's answer into the state (`.dataLoaded`).
        var figuresMs: Double
        var renderMs: Double
        /// ncurses painting the whole screen (into a file, see `FrameMeter`).
        var drawMs: Double
        var totalMs: Double

        init(openMs: Double, loadMs: Double, figuresMs: Double, renderMs: Double, drawMs: Double) {
            self.openMs = openMs
            self.loadMs = loadMs
            self.figuresMs = figuresMs
            self.renderMs = renderMs
            self.drawMs = drawMs
            totalMs = openMs + loadMs + figuresMs + renderMs + drawMs
        }
    }

    /// The presses of one kind of key.
    struct KeyKind: Codable {
        var name: String
        var total: Spread
        var update: Spread
        var render: Spread
        var draw: Spread
        var bytes: Spread
        var cells: Spread
    }

    /// Where the store's first answer spends its time, measured warm, one part at a time.
    struct FiguresBreakdown: Codable {
        var overviewMs: Double
        var rowsMs: Double
        var projectMs: Double
    }

    struct Figures: Codable {
        var cold: FirstFrame
        var breakdown: FiguresBreakdown?
        /// The fastest of the repeated first frames, nil without repeats.
        var warm: FirstFrame?
        var firstFrameBytes: Int
        var keys: Spread
        var keyBytes: Spread
        var keyCells: Spread
        var kinds: [KeyKind]
        /// Resident KiB after the first frame, and the peak of the process up to the last key.
        var residentKB: Int?
        var peakKB: Int?
        /// A report submitted through a second connection (another process would do the
        /// same): how long the open dashboard needs to notice it (one look at the change
        /// token) and to show it (ask again, take the answer, draw).
        var changeNoticeMs: Double?
        var changeShowMs: Double?
        var changeSeen: Bool?
    }

    /// One press of the script: the key and what it is called in the table.
    struct Press {
        var key: Key
        var kind: String
    }

    /// ↓ ten times, PgDn three times, End and Home, a sort, a search typed and cleared, a
    /// project opened and closed, then every screen once and back to the portfolio. In the
    /// table, ↓ and PgDn turn into ↑ and PgUp at the last row (and back at the first), so
    /// every press moves the selection.
    static func script(count: Int) -> [Press] {
        var cycle = [Press(key: .char("2"), kind: "2 → Portfolio")]
        cycle += Array(repeating: Press(key: .down, kind: "↓/↑ Portfolio"), count: 10)
        cycle += Array(repeating: Press(key: .pageDown, kind: "PgDn/PgUp Portfolio"), count: 3)
        cycle += [Press(key: .end, kind: "End/Home Portfolio"), Press(key: .home, kind: "End/Home Portfolio"),
                  Press(key: .char("s"), kind: "s sort"), Press(key: .char("/"), kind: "/ search")]
        cycle += "mobil".map { Press(key: .char($0), kind: "search keystroke") }
        cycle += [Press(key: .escape, kind: "Esc clear search"), Press(key: .enter, kind: "Enter open project"),
                  Press(key: .escape, kind: "Esc close project")]
        cycle += [Press(key: .char("1"), kind: "1 → Übersicht"), Press(key: .char("3"), kind: "3 → Selbsteinschätzung"),
                  Press(key: .char("4"), kind: "4 → Phasenmodell")]
        return (0..<count).map { cycle[$0 % cycle.count] }
    }

    /// Performs the store effects as the runtime does; other effects are not the bench's.
    static func perform(_ effects: [Effect], on state: inout AppState, store: any PortfolioReader) throws {
        var queue = effects
        while !queue.isEmpty {
            if case .load(let request) = queue.removeFirst() {
                queue += state.update(.dataLoaded(try store.answer(request)))
            }
        }
    }

    /// The key to press for `press` now: ↓/PgDn while `goingUp` is false, else ↑/PgUp;
    /// turns at either end of the table.
    static func directed(_ press: Press, state: AppState, goingUp: inout Bool) -> Key {
        guard press.key == .down || press.key == .pageDown, state.rowCount > 1 else { return press.key }
        if state.table.selected >= state.rowCount - 1 { goingUp = true }
        if state.table.selected == 0 { goingUp = false }
        guard goingUp else { return press.key }
        return press.key == .down ? .up : .pageUp
    }

    let path: String
    let options: BenchOptions

    func run() throws -> Figures {
        let month = BenchOptions.month
        var state = AppState(month: month, size: options.screen, sourceLabel: "bench")
        let store = try SQLiteStore(path: path)
        defer { try? store.close() }
        let meter = try FrameMeter(size: options.screen)
        let (cold, firstBuffer, firstBytes) = try firstFrame(into: &state, store: store, meter: meter)
        let resident = Measure.status("VmRSS")

        var previous = firstBuffer
        var samples: [String: (total: [Double], update: [Double], render: [Double], draw: [Double], bytes: [Double],
                               cells: [Double])] = [:]
        var order: [String] = []
        var allTotals: [Double] = [], allBytes: [Double] = [], allCells: [Double] = []
        var warmedUp = Set<String>()
        var goingUp = false
        for press in DashboardRun.script(count: options.keys) {
            let key = DashboardRun.directed(press, state: state, goingUp: &goingUp)
            let start = Measure.clock.now
            try DashboardRun.perform(state.update(.key(key)), on: &state, store: store)
            let updated = Measure.clock.now
            let frame = AppView.render(state)
            let rendered = Measure.clock.now
            let (bytes, drawMs) = meter.draw(frame)
            let cells = BufferDiff.runs(from: previous, to: frame).reduce(0) { $0 + $1.count }
            previous = frame
            guard warmedUp.contains(press.kind) else { warmedUp.insert(press.kind); continue }
            if samples[press.kind] == nil { order.append(press.kind); samples[press.kind] = ([], [], [], [], [], []) }
            let total = Measure.milliseconds(rendered - start) + drawMs
            samples[press.kind]!.total.append(total)
            samples[press.kind]!.update.append(Measure.milliseconds(updated - start))
            samples[press.kind]!.render.append(Measure.milliseconds(rendered - updated))
            samples[press.kind]!.draw.append(drawMs)
            samples[press.kind]!.bytes.append(Double(bytes))
            samples[press.kind]!.cells.append(Double(cells))
            allTotals.append(total)
            allBytes.append(Double(bytes))
            allCells.append(Double(cells))
        }
        let change = try otherProcessWrites(state: &state, store: store)
        let peak = Measure.status("VmHWM")

        var breakdown: FiguresBreakdown?
        if let id = state.page.rows.first?.id {
            let (_, overviewMs) = try Measure.time { try store.answer(ScreenDataRequest(overview: month)) }
            let (_, rowsMs) = try Measure.time { try store.answer(ScreenDataRequest(rows: state.rowRequest(keepingSelection: true))) }
            let (_, projectMs) = try Measure.time { try store.answer(ScreenDataRequest(projectID: id)) }
            breakdown = FiguresBreakdown(overviewMs: overviewMs, rowsMs: rowsMs, projectMs: projectMs)
        }
        var warm: FirstFrame?
        for _ in 0..<options.warmRuns {
            var again = AppState(month: month, size: options.screen, sourceLabel: "bench")
            let againStore = try SQLiteStore(path: path)
            let (figures, _, _) = try firstFrame(into: &again, store: againStore, meter: meter)
            try? againStore.close()
            if warm == nil || figures.totalMs < warm!.totalMs { warm = figures }
        }
        let kinds = order.map { name in
            let s = samples[name]!
            return KeyKind(name: name, total: Spread(s.total), update: Spread(s.update), render: Spread(s.render),
                           draw: Spread(s.draw), bytes: Spread(s.bytes), cells: Spread(s.cells))
        }
        return Figures(cold: cold, breakdown: breakdown, warm: warm, firstFrameBytes: firstBytes,
                       keys: Spread(allTotals), keyBytes: Spread(allBytes), keyCells: Spread(allCells), kinds: kinds,
                       residentKB: resident, peakKB: peak, changeNoticeMs: change?.notice, changeShowMs: change?.show,
                       changeSeen: change?.seen)
    }

    /// Another connection corrects the report of the first project on screen; the dashboard
    /// notices it as the runtime does (the change token) and shows it.
    private func otherProcessWrites(state: inout AppState, store: SQLiteStore) throws
        -> (notice: Double, show: Double, seen: Bool)? {
        _ = state.update(.key(.char("2")))
        try DashboardRun.perform(state.update(.key(.home)), on: &state, store: store)
        guard let row = state.page.rows.first, let month = row.latestReport?.month,
              var report = try store.answer(ScreenDataRequest(projectID: row.id)).project?.reports.last(where: {
                  $0.month == month
              }) else { return nil }
        let before = try store.changeToken()
        let other = try SQLiteStore(path: path)
        defer { try? other.close() }
        report.progress = report.progress == 100 ? 99 : report.progress + 1
        try other.submit(report, readings: [], expecting: try other.reportVersion(projectID: report.projectID,
                                                                                 month: report.month), by: "bench")
        let (token, noticeMs) = try Measure.time { try store.changeToken() }
        guard token != before else { return (noticeMs, 0, false) }
        let (_, showMs) = try Measure.time {
            try DashboardRun.perform(state.update(.dataChanged(byOthers: true)), on: &state, store: store)
            _ = AppView.render(state)
        }
        return (noticeMs, showMs, state.page.rows.first { $0.id == row.id }?.progress == report.progress)
    }

    /// What the runtime does before the first frame, timed step by step.
    /// The store is opened by the caller; `openMs` is a second open of the same file, as
    /// the process would pay it at start.
    private func firstFrame(into state: inout AppState, store: SQLiteStore, meter: FrameMeter) throws
        -> (FirstFrame, Buffer, bytes: Int) {
        let (second, openMs) = try Measure.time { try SQLiteStore(path: path) }
        try? second.close()
        let request = state.fullRequest()
        let (data, loadMs) = try Measure.time { try store.answer(request) }
        let (_, figuresMs) = try Measure.time { [data] in try DashboardRun.perform(state.update(.dataLoaded(data)), on: &state, store: store) }
        let (buffer, renderMs) = Measure.time { [state] in AppView.render(state) }
        let (bytes, drawMs) = meter.draw(buffer, whole: true)
        return (FirstFrame(openMs: openMs, loadMs: loadMs, figuresMs: figuresMs, renderMs: renderMs, drawMs: drawMs),
                buffer, bytes)
    }
}
