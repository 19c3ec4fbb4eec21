import Foundation
import LotseDomain
import LotseStore
import LotseUI

// lotse-bench: prints figures for speed and memory (see README, "Messen / Benchmarks").
// The parent makes and imports each portfolio, then runs itself with --dashboard-child on
// the database file so that the dashboard's memory is measured in a process of its own.

func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs the sample once through every step, so the first measured size does not pay for
/// lazily initialised code and metadata.
func warmUp(_ options: BenchOptions) throws -> Double {
    try Measure.time {
        let store = try SQLiteStore.inMemory()
        try store.replaceAll(with: SampleData.load(), by: "bench")
        var state = AppState(month: BenchOptions.month, size: options.screen)
        try DashboardRun.perform([.load(state.fullRequest())], on: &state, store: store)
        for key in DashboardRun.script(count: 30).map(\.key) {
            try DashboardRun.perform(state.update(.key(key)), on: &state, store: store)
            _ = AppView.render(state)
        }
    }.1
}

do {
    let options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
    if let database = options.childDatabase {
        let figures = try DashboardRun(path: database, options: options).run()
        FileHandle.standardOutput.write(try JSONEncoder().encode(figures))
    } else {
        let started = Measure.clock.now
        let warm = try warmUp(options)
        var sizes: [SizeRun.Figures] = []
        for size in options.sizes {
            if !options.json { standardError("measuring \(size) …") }
            sizes.append(try SizeRun(portfolio: size, options: options).run())
        }
        let report = BenchReport(machine: .current(), screen: options.screen.description, months: options.months,
                                 keys: options.keys, seed: options.seed, warmUpMs: warm, sizes: sizes,
                                 wallSeconds: Measure.milliseconds(Measure.clock.now - started) / 1000)
        print(options.json ? try report.json() : report.text())
    }
} catch let problem as BenchOptions.Problem {
    if case .help = problem {
        print(problem)
    } else {
        standardError("\(problem)")
        exit(2)
    }
} catch {
    standardError("lotse-bench: \(error)")
    exit(1)
}
