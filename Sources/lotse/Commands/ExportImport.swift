import ArgumentParser
import Foundation
import LotseDomain
import LotseStore
import LotseUI

/// `lotse export`: the whole database as a JSON document (the import format).
struct Export: ParsableCommand, HasGlobalOptions {
    static let configuration = CommandConfiguration(
        abstract: "Write the whole portfolio as JSON to stdout or a file.")

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let opened = try global.openStore()
        let portfolio = try opened.store.loadPortfolio()
        let data = try PortfolioCoding.encoder().encode(portfolio) + Data("\n".utf8)
        if let output {
            // Complete or not at all, and as private as the database it comes from.
            do {
                try AtomicFile.write(data, to: output, mode: AtomicFile.mode(following: opened.path))
            } catch {
                throw CLIError(strings.cannotWrite(output, Self.reason(error)))
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// The system's words for why a write failed ("No such file or directory"), as `generate` gives them.
    static func reason(_ error: Error) -> String {
        if let failed = error as? AtomicFile.WriteError { return failed.reason }
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? Error {
            let posix = underlying as NSError
            if posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
        }
        return error.localizedDescription
    }
}

/// `lotse import`: replaces the portfolio by a JSON document, after validating all of it.
///
/// The file is read twice, value by value, and never held in memory as a whole: first to
/// check everything, then (if nothing is wrong) to store it in one transaction.
struct Import: ParsableCommand, HasGlobalOptions {
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
            let reason = FileManager.default.fileExists(atPath: file)
                ? strings.reasonPermissionDenied : strings.reasonNoSuchFile
            throw CLIError(strings.cannotRead(file, reason))
        }
        let incoming = try CheckedPortfolioFile.check(path: file)
        let opened = try global.openStore()
        let current = try opened.store.contentCounts()
        let summary = strings.importSummary(incoming.projects, incoming.reports, incoming.kpis, incoming.risks,
                                            current.projects, current.reports)
        if dryRun {
            print(strings.importDryRun(file, opened.path, summary))
            return
        }
        try opened.store.replaceAll(with: incoming, by: global.userName)
        print(strings.imported(summary, opened.path))
    }
}
