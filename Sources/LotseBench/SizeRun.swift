import Foundation
import LotseDomain
import LotseStore

/// One portfolio size: make it, import it into a fresh SQLite file, then let a child process
/// measure the dashboard on that file.
struct SizeRun {
    struct Counts: Codable {
        var municipalities: Int
        var projects: Int
        var reports: Int
        var kpis: Int
        var readings: Int
        var risks: Int
    }

    struct Figures: Codable {
        var size: String
        var counts: Counts
        /// Making the portfolio in memory (synthetic generator, or decoding the sample).
        var makeMs: Double
        /// `SQLiteStore.replaceAll` into a fresh file (validation included).
        var importMs: Double
        /// Peak resident KiB while importing (the portfolio in memory plus the write).
        var importPeakKB: Int?
        var databaseKB: Int
        /// What is left in the write-ahead log after the store closed.
        var walKB: Int
        var dashboard: DashboardRun.Figures
    }

    let portfolio: BenchOptions.Portfolio
    let options: BenchOptions

    func run() throws -> Figures {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/bench.sqlite"

        Measure.resetPeak()
        let (made, makeMs) = try Measure.time { try make() }
        let counts = Counts(municipalities: made.municipalities.count, projects: made.projects.count,
                            reports: made.reports.count, kpis: made.kpis.count, readings: made.readings.count,
                            risks: made.risks.count)
        _ = try DatabaseLocation.prepare(path: path)
        let importMs = try importInto(path, made)
        let importPeak = Measure.status("VmHWM")
        let databaseKB = fileSize(path) / 1024
        let walKB = fileSize(path + "-wal") / 1024

        let dashboard = try child(path: path)
        return Figures(size: portfolio.description, counts: counts, makeMs: makeMs, importMs: importMs,
                       importPeakKB: importPeak, databaseKB: databaseKB, walKB: walKB, dashboard: dashboard)
    }

    private func make() throws -> Portfolio {
        switch portfolio {
        case .sample:
            return try SampleData.load()
        case .synthetic(let n):
            return SyntheticPortfolio.make(projects: n, municipalities: min(25, max(1, n / 10)), months: options.months,
                                           endingAt: BenchOptions.month, seed: options.seed)
        }
    }

    /// Imports into a store that is released on return, as `lotse import` does.
    private func importInto(_ path: String, _ portfolio: Portfolio) throws -> Double {
        let store = try SQLiteStore(path: path)
        return try Measure.time { try store.replaceAll(with: portfolio, by: "bench") }.1
    }

    /// Bytes of a file; 0 when there is none.
    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    }

    /// Runs this executable again with `--dashboard-child` and reads its JSON.
    private func child(path: String) throws -> DashboardRun.Figures {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = options.childArguments(database: path)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("the dashboard measurement of \(portfolio) failed (exit \(process.terminationStatus))")
        }
        return try JSONDecoder().decode(DashboardRun.Figures.self, from: data)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
