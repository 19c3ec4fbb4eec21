import Foundation

/// Timing and memory readings.
enum Measure {
    static let clock = ContinuousClock()

    /// Runs `body` and returns its result and the time it took in milliseconds.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = clock.now
        let value = try body()
        return (value, milliseconds(clock.now - start))
    }

    static func milliseconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) * 1_000 + Double(c.attoseconds) / 1e15
    }

    /// A field of `/proc/self/status` in KiB (`VmHWM` peak resident, `VmRSS` resident now);
    /// nil where there is no /proc.
    static func status(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.dropFirst(field.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        return nil
    }

    /// Sets the peak (`VmHWM`) back to the current resident size, so the next reading is the
    /// peak of what follows (Linux ≥ 4.0). Returns false where that is not possible.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do { try handle.write(contentsOf: Data("5".utf8)) } catch { return false }
        return true
    }
}

/// Median, 99th percentile and maximum of a list of figures (nearest rank).
struct Spread: Codable {
    var count: Int
    var median: Double
    var p95: Double
    var p99: Double
    var max: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        count = sorted.count
        func rank(_ q: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            return sorted[Swift.max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1)]
        }
        median = rank(0.5)
        p95 = rank(0.95)
        p99 = rank(0.99)
        max = sorted.last ?? 0
    }
}

/// The machine and build the figures come from.
struct MachineInfo: Codable {
    var processors: Int
    var cpu: String
    var system: String
    var build: String
    var swift: String

    static func current() -> MachineInfo {
        var debug = false
        // Assertions run only in unoptimised builds: a reliable way to tell the configuration.
        assert({ debug = true; return true }())
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
        return MachineInfo(processors: ProcessInfo.processInfo.activeProcessorCount, cpu: cpu ?? "unknown",
                           system: ProcessInfo.processInfo.operatingSystemVersionString,
                           build: debug ? "debug (-Onone)" : "release (-O)", swift: swiftVersion)
    }

    static var swiftVersion: String {
        #if swift(>=6.3)
        "6.3 or later"
        #elseif swift(>=6.2)
        "6.2"
        #elseif swift(>=6.1)
        "6.1"
        #else
        "6.0"
        #endif
    }
}
