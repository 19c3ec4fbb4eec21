import Foundation
import TermCanvas

/// Everything one benchmark run found.
struct BenchReport: Codable {
    var machine: MachineInfo
    var screen: String
    var months: Int
    var keys: Int
    var seed: UInt64
    var warmUpMs: Double
    var sizes: [SizeRun.Figures]
    var wallSeconds: Double

    func json() throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(self), as: UTF8.self)
    }

    /// Plain-text tables: one column per portfolio size.
    func text() -> String {
        var out = """
            lotse-bench · \(machine.build) · Swift \(machine.swift) · \(machine.processors) processors (nproc)
            CPU: \(machine.cpu)
            System: \(machine.system)
            Screen \(screen), \(months) months of reports, \(keys) key presses per size, seed \(seed); \
            warm-up \(ms(warmUpMs)); whole run \(String(format: "%.1f", wallSeconds)) s

            """
        let head = ["projects"] + sizes.map { $0.size == "sample" ? "sample" : $0.size }
        var rows: [[String]] = [head]
        func row(_ label: String, _ value: (SizeRun.Figures) -> String) { rows.append([label] + sizes.map(value)) }
        func gap(_ title: String) { rows.append([title] + sizes.map { _ in "" }) }
        gap("data")
        row("  projects / municipalities") { "\($0.counts.projects) / \($0.counts.municipalities)" }
        row("  reports") { "\($0.counts.reports)" }
        row("  KPIs / readings") { "\($0.counts.kpis) / \($0.counts.readings)" }
        row("  risks") { "\($0.counts.risks)" }
        row("  database file (+ WAL)") { kb($0.databaseKB) + ($0.walKB > 0 ? " + " + kb($0.walKB) : "") }
        gap("store")
        row("  make portfolio (generate/decode)") { ms($0.makeMs) }
        row("  import (replaceAll, fresh file)") { ms($0.importMs) }
        row("  peak memory while importing") { $0.importPeakKB.map(kb) ?? "–" }
        gap("first frame, cold process")
        row("  open store") { ms($0.dashboard.cold.openMs) }
        row("  load (store answers the first screen)") { ms($0.dashboard.cold.loadMs) }
        row("  state takes the answer (.dataLoaded)") { ms($0.dashboard.cold.figuresMs) }
        row("    warm: overview figures") { $0.dashboard.breakdown.map { ms($0.overviewMs) } ?? "–" }
        row("    warm: a window of table rows") { $0.dashboard.breakdown.map { ms($0.rowsMs) } ?? "–" }
        row("    warm: one project") { $0.dashboard.breakdown.map { ms($0.projectMs) } ?? "–" }
        row("  render \(screen)") { ms($0.dashboard.cold.renderMs) }
        row("  draw (ncurses, the whole screen)") { ms($0.dashboard.cold.drawMs) }
        row("  = first frame") { ms($0.dashboard.cold.totalMs) }
        if sizes.contains(where: { $0.dashboard.warm != nil }) {
            gap("first frame, warm (best of repeats)")
            row("  load") { $0.dashboard.warm.map { ms($0.loadMs) } ?? "–" }
            row("  figures") { $0.dashboard.warm.map { ms($0.figuresMs) } ?? "–" }
            row("  render") { $0.dashboard.warm.map { ms($0.renderMs) } ?? "–" }
            row("  draw") { $0.dashboard.warm.map { ms($0.drawMs) } ?? "–" }
            row("  = first frame") { $0.dashboard.warm.map { ms($0.totalMs) } ?? "–" }
        }
        gap("per key (update + render + draw)")
        row("  all keys median / p99") { "\(ms($0.dashboard.keys.median)) / \(ms($0.dashboard.keys.p99))" }
        row("  all keys max") { ms($0.dashboard.keys.max) }
        for name in kindNames {
            row("  \(name) median / p99") { f in
                f.dashboard.kinds.first { $0.name == name }.map { "\(ms($0.total.median)) / \(ms($0.total.p99))" } ?? "–"
            }
        }
        gap("bytes per frame (ncurses as xterm-256color)")
        row("  first frame (full screen)") { "\($0.dashboard.firstFrameBytes)" }
        row("  all keys median / p99") { "\(Int($0.dashboard.keyBytes.median)) / \(Int($0.dashboard.keyBytes.p99))" }
        row("  cells changed per key median / p99") {
            "\(Int($0.dashboard.keyCells.median)) / \(Int($0.dashboard.keyCells.p99))"
        }
        for name in kindNames {
            row("  \(name) median / max") { f in
                f.dashboard.kinds.first { $0.name == name }.map { "\(Int($0.bytes.median)) / \(Int($0.bytes.max))" } ?? "–"
            }
        }
        gap("memory of the dashboard process")
        row("  resident after first frame") { $0.dashboard.residentKB.map(kb) ?? "–" }
        row("  peak (VmHWM) up to the last key") { $0.dashboard.peakKB.map(kb) ?? "–" }
        out += table(rows)
        out += "\n" + targets()
        out += """

            Per key: the first press of each kind is a warm-up and not counted; update, render and draw apart: --json.
            Draw and bytes: ncurses draws each frame as for a terminal of type xterm-256color at the
            bench's size (dark theme), with its own diff against the frame before, into a file; the
            bytes are what the file grew by. scripts/compare-tui measures the real program in a terminal.

            """
        return out
    }

    /// The targets of the county-scale work beside what this run measured, per size.
    func targets() -> String {
        var rows: [[String]] = [["target"] + sizes.map(\.size) + ["wanted"]]
        func kind(_ f: SizeRun.Figures, _ name: String) -> DashboardRun.KeyKind? {
            f.dashboard.kinds.first { $0.name == name }
        }
        func check(_ label: String, wanted: String, _ value: (SizeRun.Figures) -> (text: String, ok: Bool)?) {
            rows.append([label] + sizes.map { f in value(f).map { "\($0.text) \($0.ok ? "ok" : "MISSED")" } ?? "–" }
                        + [wanted])
        }
        check("first complete overview (in process)", wanted: "≤ 150 ms") { f in
            (ms(f.dashboard.cold.totalMs), f.dashboard.cold.totalMs <= 150)
        }
        check("any key until the frame, p95", wanted: "≤ 15 ms") { f in
            (ms(f.dashboard.keys.p95), f.dashboard.keys.p95 <= 15)
        }
        check("bytes per line down", wanted: "≤ 200 B") { f in
            kind(f, "↓/↑ Portfolio").map { ("\(Int($0.bytes.median)) B", $0.bytes.median <= 200) }
        }
        check("bytes per page down", wanted: "≤ 6 KB") { f in
            kind(f, "PgDn/PgUp Portfolio").map { ("\(Int($0.bytes.median)) B", $0.bytes.median <= 6 * 1024) }
        }
        check("peak memory of the dashboard", wanted: "≤ 100 MB") { f in
            f.dashboard.peakKB.map { (kb($0), Double($0) * 1024 <= 100_000_000) }
        }
        check("another process's change on screen", wanted: "≤ 3 s") { f in
            guard let notice = f.dashboard.changeNoticeMs, let show = f.dashboard.changeShowMs,
                  let seen = f.dashboard.changeSeen else { return nil }
            // The runtime asks once a second, so a change waits up to that long, then this.
            let worst = BenchReport.pollMs + notice + show
            return (seen ? "≤ " + ms(worst) : "not seen", seen && worst <= 3000)
        }
        check("import (replaceAll into a fresh file)", wanted: "≤ 30 s") { f in (ms(f.importMs), f.importMs <= 30_000) }
        return "targets (in process; the terminal itself: scripts/compare-tui)\n" + table(rows)
    }

    /// How often the runtime asks the store whether another process changed the data.
    static let pollMs = 1000.0

    private var kindNames: [String] {
        var names: [String] = []
        for s in sizes { for k in s.dashboard.kinds where !names.contains(k.name) { names.append(k.name) } }
        return names
    }

    private func table(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { c in rows.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        return rows.map { r in
            r.enumerated().map { c, text in
                let pad = String(repeating: " ", count: widths[c] - DisplayWidth.of(text))
                return c == 0 ? text + pad : pad + text
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}

func ms(_ value: Double) -> String {
    value >= 100 ? String(format: "%.0f ms", value) : value >= 1 ? String(format: "%.1f ms", value)
        : String(format: "%.3f ms", value)
}

func kb(_ value: Int) -> String {
    value >= 10_240 ? String(format: "%.0f MiB", Double(value) / 1024) : "\(value) KiB"
}
