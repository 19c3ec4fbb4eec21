import Foundation
import LotseDomain
import TermCanvas

/// What the benchmark measures, from the command line. Parsed by hand: the benchmark
/// links only the app's own modules.
struct BenchOptions {
    /// A portfolio to measure: the shipped sample, or a synthetic one of n projects.
    enum Portfolio: Equatable, CustomStringConvertible {
        case sample
        case synthetic(projects: Int)

        var description: String {
            switch self {
            case .sample: "sample"
            case .synthetic(let n): "\(n)"
            }
        }
    }

    var sizes: [Portfolio] = [.sample, .synthetic(projects: 1_000), .synthetic(projects: 5_000)]
    var months = 24
    var keys = 500
    var seed: UInt64 = 1
    var screen = Size(width: 120, height: 40)
    var json = false
    /// Runs of the first frame after the cold one (for the warm figure).
    var warmRuns = 2
    /// Set in the child process that measures the dashboard on a database file.
    var childDatabase: String?
    /// Measure the PostgreSQL engine instead (a cluster of its own on 127.0.0.1).
    var postgres = false
    /// The month every run treats as "now": the sample's latest month.
    static let month = YearMonth(year: 2026, month: 11)!

    static let usage = """
        lotse-bench – prints how fast Lotse imports, loads, draws its first frame and answers keys.

        USAGE: swift run -c release lotse-bench [options]

        OPTIONS:
          --sizes LIST     portfolios to measure, comma-separated: sample (the shipped sample,
                           30 projects), L (dataset L: 10000 projects, 36 months unless --months
                           says otherwise) or a number of synthetic projects (default: sample,1000,5000)
          --months N       months of reports of the synthetic portfolios (default: 24)
          --keys N         key presses per portfolio (default: 500)
          --seed N         seed of the synthetic portfolios (default: 1)
          --screen WxH     screen size in cells (default: 120x40)
          --warm-runs N    first frames measured again after the cold one (default: 2)
          --postgres       measure the PostgreSQL engine instead: each synthetic size is imported
                           into a throw-away cluster on 127.0.0.1 (initdb and pg_ctl must be
                           installed), then the dashboard's first request is timed
          --json           print JSON instead of a table
          -h, --help       this text
        """

    enum Problem: Error, CustomStringConvertible {
        case help
        case invalid(String)

        var description: String {
            switch self {
            case .help: BenchOptions.usage
            case .invalid(let text): "lotse-bench: \(text)\n\n" + BenchOptions.usage
            }
        }
    }

    static func parse(_ arguments: [String]) throws -> BenchOptions {
        var o = BenchOptions()
        var rest = arguments[...]
        var sawDatasetL = false, monthsGiven = false
        func value(_ name: String) throws -> String {
            guard let v = rest.popFirst() else { throw Problem.invalid("\(name) needs a value") }
            return v
        }
        func number(_ name: String, _ range: ClosedRange<Int>) throws -> Int {
            let text = try value(name)
            guard let n = Int(text), range.contains(n) else {
                throw Problem.invalid("\(name) '\(text)' is not a number within \(range.lowerBound)…\(range.upperBound)")
            }
            return n
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "-h", "--help": throw Problem.help
            case "--json": o.json = true
            case "--postgres": o.postgres = true
            case "--months":
                o.months = try number(argument, 1...240)
                monthsGiven = true
            case "--keys": o.keys = try number(argument, 0...100_000)
            case "--warm-runs": o.warmRuns = try number(argument, 0...20)
            case "--seed":
                let text = try value(argument)
                guard let s = UInt64(text) else { throw Problem.invalid("--seed '\(text)' is not a number") }
                o.seed = s
            case "--screen":
                let text = try value(argument)
                let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
                guard parts.count == 2, parts.allSatisfy({ (10...1_000).contains($0) }) else {
                    throw Problem.invalid("--screen '\(text)' is not WIDTHxHEIGHT (e.g. 120x40)")
                }
                o.screen = Size(width: parts[0], height: parts[1])
            case "--sizes":
                let text = try value(argument)
                o.sizes = try text.split(separator: ",").map { item in
                    let word = item.trimmingCharacters(in: .whitespaces)
                    if word == "sample" { return .sample }
                    if word == "L" {
                        sawDatasetL = true
                        return .synthetic(projects: 10_000)
                    }
                    guard let n = Int(word.replacingOccurrences(of: "_", with: "")), (1...200_000).contains(n) else {
                        throw Problem.invalid("--sizes: '\(word)' is neither 'sample' nor a number within 1…200000")
                    }
                    return .synthetic(projects: n)
                }
                guard !o.sizes.isEmpty else { throw Problem.invalid("--sizes is empty") }
            case "--dashboard-child": o.childDatabase = try value(argument)
            default: throw Problem.invalid("unknown option '\(argument)'")
            }
        }
        if sawDatasetL && !monthsGiven { o.months = 36 }
        return o
    }

    /// The arguments that make a child process measure the same way.
    func childArguments(database: String) -> [String] {
        ["--dashboard-child", database, "--keys", "\(keys)", "--warm-runs", "\(warmRuns)",
         "--screen", "\(screen.width)x\(screen.height)"]
    }
}
