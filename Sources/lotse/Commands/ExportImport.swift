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
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw CLIError("\(file): cannot be read (\(error.localizedDescription))")
        }
        let incoming = try PortfolioCoding.decode(data, source: file)
        let opened = try global.openStore()
        let current = try opened.store.loadPortfolio()
        let summary = "\(incoming.projects.count) projects, \(incoming.reports.count) reports, "
            + "\(incoming.kpis.count) KPIs, \(incoming.risks.count) risks "
            + "(now: \(current.projects.count) projects, \(current.reports.count) reports)"
        if dryRun {
            print("\(file): valid. Would replace the content of \(opened.path) with \(summary).")
            return
        }
        try opened.store.replaceAll(with: incoming, by: global.userName)
        print("Imported \(summary) into \(opened.path).")
    }
}
