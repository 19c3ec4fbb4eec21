import ArgumentParser
import Foundation
import LotseDomain
import LotseStore
import LotseUI

/// `lotse generate`: a large made-up portfolio as JSON (the import format), for tests,
/// demonstrations and benchmarks.
struct Generate: ParsableCommand, HasGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a large synthetic portfolio (a county with its municipalities) as JSON.",
        discussion: """
        The reports end with the current month (--today). The same options and seed always \
        give the same file. Load it with: lotse import FILE
        """)

    @Option(name: .long, help: ArgumentHelp("Number of projects (1…200000).", valueName: "n"))
    var projects: Int

    @Option(name: .long, help: ArgumentHelp("Number of municipalities, the county included (1…2000; "
                                                + "default: a tenth of the projects, at most 25).", valueName: "n"))
    var municipalities: Int?

    @Option(name: .long, help: ArgumentHelp("Months of status reports (1…240).", valueName: "n"))
    var months = 24

    @Option(name: .long, help: ArgumentHelp("Seed of the random generator.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        func check(_ option: String, _ value: Int, _ range: ClosedRange<Int>) throws {
            guard range.contains(value) else {
                throw ValidationError(strings.optionOutOfRange(option, value, range.lowerBound, range.upperBound))
            }
        }
        try check("--projects", projects, 1...200_000)
        if let municipalities { try check("--municipalities", municipalities, 1...2_000) }
        try check("--months", months, 1...240)
    }

    func run() throws {
        let plan = SyntheticPortfolio.Plan(
            projects: projects, municipalities: municipalities ?? min(25, max(1, projects / 10)),
            months: months, endingAt: try global.currentMonth(), seed: seed)
        // One project at a time: memory stays the same however many projects are asked for.
        guard let output else {
            try plan.write(to: PortfolioStreamWriter(descriptor: STDOUT_FILENO))
            return
        }
        // Complete or not at all, with the database's privacy (an export of made-up data
        // is treated like a real one: a generated file is often imported next).
        let target = URL(fileURLWithPath: output)
        let folder = target.deletingLastPathComponent().path
        do {
            try AtomicFile.write(path: output, mode: AtomicFile.mode(following: global.databasePathIfAny())) { fd in
                try plan.write(to: PortfolioStreamWriter(descriptor: fd, temporaryDirectory: folder))
            }
        } catch {
            throw CLIError(strings.cannotWrite(output, String(describing: error)))
        }
    }
}
