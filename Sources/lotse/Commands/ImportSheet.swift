import Foundation
import LotseDomain
import LotseStore
import LotsePostgres
import LotseUI

/// `lotse import FILE.csv`: the projects of a spreadsheet (or of `lotse list --format csv`),
/// merged into the database by id.
enum SheetImport {
    /// Whether `path` names a sheet rather than a portfolio document.
    static func isSheet(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".tsv")
    }

    /// Reads, checks and applies the sheet; the report of what was done, or a `CLIError`
    /// naming every problem (nothing changed then).
    static func run(path: String, dryRun: Bool, global: GlobalOptions) throws -> String {
        let words = SheetStrings.forLanguage(global.language())
        guard let data = FileManager.default.contents(atPath: path) else {
            let strings = global.strings
            let reason = FileManager.default.fileExists(atPath: path) ? strings.reasonPermissionDenied : strings.reasonNoSuchFile
            throw CLIError(strings.cannotRead(path, reason))
        }
        let sheet: PortfolioSheet
        do {
            sheet = try PortfolioSheet.read(Array(data))
        } catch {
            throw CLIError(describe(error, file: path, words))
        }
        let opened = try global.openStore(forWriting: !dryRun)
        let outcome: SheetOutcome
        do {
            if let file = opened.file {
                outcome = try file.apply(sheet, by: global.userName, dryRun: dryRun)
            } else if let server = opened.engine as? PostgresStore {
                // On a server, the same rules run on a copy of its tables (see `changeThroughCopy`).
                defer { server.close() }
                outcome = try server.changeThroughCopy(dryRun: dryRun) { memory in
                    try memory.apply(sheet, by: global.userName, dryRun: dryRun)
                }
            } else {
                throw CLIError(ServerStrings.forLanguage(global.language()).fileOnly(Import._commandName))
            }
        } catch let refusal as PortfolioSheet.Refusal {
            throw CLIError(describe(refusal, file: path, words))
        }
        var lines = [words.readAs(sheet.encoding, sheet.delimiter, sheet.decimalComma)]
        if !sheet.ignoredColumns.isEmpty { lines.append(words.ignored(sheet.ignoredColumns)) }
        lines.append(words.outcome(outcome.added.count, outcome.changed.count, outcome.unchanged, dryRun))
        if !outcome.added.isEmpty { lines.append(words.named(words.addedLabel, outcome.added)) }
        if !outcome.changed.isEmpty { lines.append(words.named(words.changedLabel, outcome.changed)) }
        lines.append(words.database(opened.path))
        return lines.joined(separator: "\n")
    }

    /// `file: nothing imported, 3 problems:` and one line per problem,
    /// `  file:12:4: MS-07: …`, the form editors link to.
    static func describe(_ refusal: PortfolioSheet.Refusal, file: String, _ words: SheetStrings) -> String {
        var lines = [words.refused(file, refusal.total)]
        for p in refusal.problems {
            let problem = FileProblem(file: file, line: p.line, column: p.column, item: p.projectID ?? "",
                                      message: words.problem(p.kind))
            lines.append("  \(problem)")
        }
        if refusal.total > refusal.problems.count { lines.append("  " + words.more(refusal.total - refusal.problems.count)) }
        return lines.joined(separator: "\n")
    }
}
