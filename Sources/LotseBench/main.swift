import Foundation
import LotseDomain
import LotsePostgres
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
    if options.postgres {
        // The dashboard's first request on the overview, answered by a server on 127.0.0.1.
        var results: [PostgresOverviewBench.Figures] = []
        for case .synthetic(let projects) in options.sizes {
            if !options.json { standardError("measuring \(projects) projects on PostgreSQL …") }
            var bench = PostgresOverviewBench(projects: projects, months: options.months, seed: options.seed,
                                              month: BenchOptions.month)
            bench.request = AppState(month: BenchOptions.month, size: options.screen).fullRequest()
            results.append(try bench.run())
        }
        if options.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            for r in results {
                print(String(format: "%6d projects × %d months (%d reports): replaceAll %.1f s · open %.1f ms · "
                             + "first overview %.1f ms · warm %.1f ms · with attention list %.1f ms",
                             r.projects, options.months, r.reports, r.replaceAllMs / 1000, r.openMs, r.firstOverviewMs,
                             r.warmOverviewMs, r.fullRequestMs ?? .nan))
            }
        }
    } else if let database = options.childDatabase {
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
