import Foundation
import LotseDomain
import LotseStore
import LotseUI
import TermCanvas

/// The dashboard without a terminal, on a database file, in a process of its own so that its
/// memory is what a user's process would hold: open → load → figures → first frame, then key
/// presses, each `update` + `render`, and what each frame would send.
struct DashboardRun {
    struct FirstFrame: Codable {
        var openMs: Double
        var loadMs: Double
        /// `AppState.update(.portfolioLoaded)`: index, overview figures, table rows.
        var figuresMs: Double
        var renderMs: Double
        var totalMs: Double

        init(openMs: Double, loadMs: Double, figuresMs: Double, renderMs: Double) {
            self.openMs = openMs
            self.loadMs = loadMs
            self.figuresMs = figuresMs
            self.renderMs = renderMs
            totalMs = openMs + loadMs + figuresMs + renderMs
        }
    }

    /// The presses of one kind of key.
    struct KeyKind: Codable {
        var name: String
        var total: Spread
        var update: Spread
        var render: Spread
        var bytes: Spread
        var cells: Spread
    }

    /// Where `.portfolioLoaded` spends its time, measured warm, one step at a time.
    struct FiguresBreakdown: Codable {
        var indexMs: Double
        var overviewMs: Double
        var rowsMs: Double
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
    }

    /// One press of the script: the key and what it is called in the table.
    struct Press {
        var key: Key
        var kind: String
    }

    /// ↓ ten times, PgDn three times, then every screen once and back to the portfolio. In
    /// the table, ↓ and PgDn turn into ↑ and PgUp at the last row (and back at the first), so
    /// every press moves the selection.
    static func script(count: Int) -> [Press] {
        var cycle = [Press(key: .char("2"), kind: "2 → Portfolio")]
        cycle += Array(repeating: Press(key: .down, kind: "↓/↑ Portfolio"), count: 10)
        cycle += Array(repeating: Press(key: .pageDown, kind: "PgDn/PgUp Portfolio"), count: 3)
        cycle += [Press(key: .char("1"), kind: "1 → Übersicht"), Press(key: .char("3"), kind: "3 → Selbsteinschätzung"),
                  Press(key: .char("4"), kind: "4 → Phasenmodell")]
        return (0..<count).map { cycle[$0 % cycle.count] }
    }

    /// The key to press for `press` now: ↓/PgDn while `goingUp` is false, else ↑/PgUp;
    /// turns at either end of the table.
    static func directed(_ press: Press, state: AppState, goingUp: inout Bool) -> Key {
        guard press.key == .down || press.key == .pageDown, state.rows.count > 1 else { return press.key }
        if state.table.selected >= state.rows.count - 1 { goingUp = true }
        if state.table.selected == 0 { goingUp = false }
        guard goingUp else { return press.key }
        return press.key == .down ? .up : .pageUp
    }

    let path: String
    let options: BenchOptions

    func run() throws -> Figures {
        let month = BenchOptions.month
        var state = AppState(month: month, size: options.screen, sourceLabel: "bench")
        let (cold, firstBuffer) = try firstFrame(into: &state)
        let resident = Measure.status("VmRSS")

        var previous = firstBuffer
        var samples: [String: (total: [Double], update: [Double], render: [Double], bytes: [Double], cells: [Double])] = [:]
        var order: [String] = []
        var allTotals: [Double] = [], allBytes: [Double] = [], allCells: [Double] = []
        var warmedUp = Set<String>()
        var goingUp = false
        for press in DashboardRun.script(count: options.keys) {
            let key = DashboardRun.directed(press, state: state, goingUp: &goingUp)
            let start = Measure.clock.now
            _ = state.update(.key(key))
            let updated = Measure.clock.now
            let frame = AppView.render(state)
            let end = Measure.clock.now
            let diff = FrameDiff(from: previous, to: frame)
            previous = frame
            guard warmedUp.contains(press.kind) else { warmedUp.insert(press.kind); continue }
            if samples[press.kind] == nil { order.append(press.kind); samples[press.kind] = ([], [], [], [], []) }
            let total = Measure.milliseconds(end - start)
            samples[press.kind]!.total.append(total)
            samples[press.kind]!.update.append(Measure.milliseconds(updated - start))
            samples[press.kind]!.render.append(Measure.milliseconds(end - updated))
            samples[press.kind]!.bytes.append(Double(diff.bytes))
            samples[press.kind]!.cells.append(Double(diff.cells))
            allTotals.append(total)
            allBytes.append(Double(diff.bytes))
            allCells.append(Double(diff.cells))
        }
        let peak = Measure.status("VmHWM")

        var breakdown: FiguresBreakdown?
        if let portfolio = state.portfolio {
            let (index, indexMs) = Measure.time { PortfolioIndex(portfolio) }
            let (_, overviewMs) = Measure.time { OverviewFigures(index: index, month: month) }
            let (_, rowsMs) = Measure.time { ProjectRow.rows(index: index, month: month) }
            breakdown = FiguresBreakdown(indexMs: indexMs, overviewMs: overviewMs, rowsMs: rowsMs)
        }
        var warm: FirstFrame?
        for _ in 0..<options.warmRuns {
            var again = AppState(month: month, size: options.screen, sourceLabel: "bench")
            let (figures, _) = try firstFrame(into: &again)
            if warm == nil || figures.totalMs < warm!.totalMs { warm = figures }
        }
        let kinds = order.map { name in
            let s = samples[name]!
            return KeyKind(name: name, total: Spread(s.total), update: Spread(s.update), render: Spread(s.render),
                           bytes: Spread(s.bytes), cells: Spread(s.cells))
        }
        return Figures(cold: cold, breakdown: breakdown, warm: warm, firstFrameBytes: FrameDiff.fullFrame(firstBuffer).bytes,
                       keys: Spread(allTotals), keyBytes: Spread(allBytes), keyCells: Spread(allCells), kinds: kinds,
                       residentKB: resident, peakKB: peak)
    }

    /// What the runtime does before the first frame, timed step by step.
    private func firstFrame(into state: inout AppState) throws -> (FirstFrame, Buffer) {
        let (store, openMs) = try Measure.time { try SQLiteStore(path: path) }
        defer { try? store.close() }
        let (portfolio, loadMs) = try Measure.time { try store.loadPortfolio() }
        let (_, figuresMs) = Measure.time { [portfolio] in _ = state.update(.portfolioLoaded(portfolio)) }
        let (buffer, renderMs) = Measure.time { [state] in AppView.render(state) }
        return (FirstFrame(openMs: openMs, loadMs: loadMs, figuresMs: figuresMs, renderMs: renderMs), buffer)
    }
}
