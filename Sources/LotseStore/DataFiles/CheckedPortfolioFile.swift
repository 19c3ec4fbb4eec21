import Foundation
import LotseDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A portfolio file (the JSON of `PortfolioCoding`) that has been read completely and
/// passed every check of `PortfolioValidator` and the format version, without holding the
/// document in memory: `SQLiteStore.replaceAll(with:by:)` reads it a second time to store it.
public struct CheckedPortfolioFile: Sendable {
    /// The file, and how messages name it.
    public let path: String
    public let source: String
    /// How many values of each kind the file holds.
    public let municipalities: Int
    public let projects: Int
    public let reports: Int
    public let kpis: Int
    public let readings: Int
    public let risks: Int
    /// Submitted continuation reviews (every revision); 0 when the file has no such section.
    public let reviews: Int
    /// Whether the file has the section `continuationReviews` (older exports do not).
    public var hasReviews: Bool { layout.hasReviews }

    let layout: PortfolioStreamReader.Layout
    /// The file as it was checked; the import refuses a file that changed since.
    let stamp: FileStamp?

    /// Reads the whole file and checks it. Throws `PortfolioFileError`: `.unsupportedVersion`,
    /// or `.rejected` with every problem (at most `PortfolioFileError.listedProblems`, in file
    /// order): those of reading (with line, column and the path of the value) and those of the
    /// checks (with the line of the value they concern). After a syntax error reading stops
    /// (`stopped`); the values before it are checked as far as they can be.
    /// - Parameter source: how messages name the file (default: `path`).
    /// - Parameter existing: what a database to merge into already holds; references to it
    ///   count as known (default: none, the file stands alone).
    public static func check(path: String, source: String? = nil,
                             existing: PortfolioStreamValidator.Existing = .init()) throws -> CheckedPortfolioFile {
        let source = source ?? path
        let stamp = FileStamp(path: path)
        var reader = try PortfolioStreamReader(path: path, source: source)
        var checker = Checker()
        checker.validator.existing = existing
        let layout: PortfolioStreamReader.Layout
        do {
            layout = try reader.readDocument(&checker)
        } catch PortfolioFileError.rejected(_, let read, let omitted, let stopped) {
            // What the checks found in the values that could be read; references to sections
            // never reached are not checked when reading stopped.
            let checked = stopped ? checker.validator.issuesSoFar() : checker.validator.issues()
            throw PortfolioFileError.rejected(source: source, all: read + checked,
                                              omitted: omitted + checker.validator.droppedProblems, stopped: stopped)
        }
        let problems = checker.validator.issues()
        if !problems.isEmpty {
            throw PortfolioFileError.rejected(source: source, all: problems, omitted: checker.validator.droppedProblems,
                                              stopped: false)
        }
        let v = checker.validator
        return CheckedPortfolioFile(
            path: path, source: source, municipalities: v.count(.municipalities), projects: v.count(.projects),
            reports: v.count(.reports), kpis: v.count(.kpis), readings: v.count(.readings), risks: v.count(.risks),
            reviews: v.count(.reviews), layout: layout, stamp: stamp)
    }

    /// Whether the file is still the one that was checked (same file, size and modification time).
    var isUnchanged: Bool { stamp != nil && FileStamp(path: path) == stamp }

    /// Feeds the validator.
    private struct Checker: PortfolioValueVisitor {
        var validator = PortfolioStreamValidator()
        mutating func visit(_ value: Municipality, line: Int) { validator.add(value, line: line) }
        mutating func visit(_ value: Project, line: Int) { validator.add(value, line: line) }
        mutating func visit(_ value: StatusReport, line: Int) { validator.add(value, line: line) }
        mutating func visit(_ value: KPI, line: Int) { validator.add(value, line: line) }
        mutating func visit(_ value: KPIReading, line: Int) { validator.add(value, line: line) }
        mutating func visit(_ value: Risk, line: Int) { validator.add(value, line: line) }
        mutating func visit(_ value: SubmittedContinuation, line: Int) { validator.add(value, line: line) }
        mutating func finished(_ section: PortfolioStreamValidator.Section) { validator.finished(section) }
        mutating func incomplete(_ section: PortfolioStreamValidator.Section, id: String?, line: Int) {
            validator.addIncomplete(section, id: id, line: line)
        }
        mutating func unreadable(_ section: PortfolioStreamValidator.Section) { validator.abandon(section) }
    }
}

/// Which file a path names and its size and modification time.
struct FileStamp: Equatable, Sendable {
    var identity: FileIdentity
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        identity = FileIdentity(info)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modifiedSeconds = info.st_mtimespec.tv_sec
        modifiedNanoseconds = info.st_mtimespec.tv_nsec
        #else
        modifiedSeconds = info.st_mtim.tv_sec
        modifiedNanoseconds = info.st_mtim.tv_nsec
        #endif
    }
}
