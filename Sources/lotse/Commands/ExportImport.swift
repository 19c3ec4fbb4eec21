import ArgumentParser
import Foundation
import LotseDomain
import LotseStore

/// `lotse export`: the whole database as a JSON document (the import format).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the whole portfolio as JSON to stdout or a file.")

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let portfolio = try global.openStore().store.loadPortfolio()
        let data = try PortfolioCoding.encoder().encode(portfolio) + Data("\n".utf8)
        if let output {
            // Write beside the target and move into place, so a failure never leaves half a file.
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

/// `lotse import`: replaces the portfolio by a JSON document, after validating all of it.
///
/// The file is read twice, value by value, and never held in memory as a whole: first to
/// check everything, then (if nothing is wrong) to store it in one transaction.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace the portfolio by a JSON document (as written by export).",
        discussion: "The file is checked completely first; on any problem nothing changes.")

    @Argument(help: ArgumentHelp("The JSON file.", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Only check the file and say what would change.")
    var dryRun = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard FileManager.default.isReadableFile(atPath: file) else {
            let reason = FileManager.default.fileExists(atPath: file) ? "permission denied" : "no such file"
            throw CLIError("\(file): cannot be read (\(reason))")
        }
        let incoming = try CheckedPortfolioFile.check(path: file)
        let opened = try global.openStore()
        let current = try opened.store.contentCounts()
        let summary = "\(incoming.projects) projects, \(incoming.reports) reports, "
            + "\(incoming.kpis) KPIs, \(incoming.risks) risks "
            + "(now: \(current.projects) projects, \(current.reports) reports)"
        if dryRun {
            print("\(file): valid. Would replace the content of \(opened.path) with \(summary).")
            return
        }
        try opened.store.replaceAll(with: incoming, by: global.userName)
        print("Imported \(summary) into \(opened.path).")
    }
}
