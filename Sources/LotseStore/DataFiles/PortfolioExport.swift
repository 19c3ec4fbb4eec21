import Foundation
import LotseDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The document `lotse export` writes: the portfolio (exactly as `PortfolioCoding.encoder()`
/// writes it) and, in the section `continuationReviews` before it, every submitted revision
/// of every project's continuation review, so that export and import move a portfolio to
/// another machine without losing a review or its history. Drafts stay out: they are one
/// person's work in progress on one machine.
public enum PortfolioExport {
    /// Writes the document to `descriptor` (not closed). The reviews are written ordered by
    /// project and revision, whatever order they come in, so that two exports of the same
    /// data are the same bytes.
    public static func write(_ portfolio: Portfolio, reviews: [SubmittedContinuation], to descriptor: Int32,
                             temporaryDirectory: String? = nil) throws {
        let writer = try PortfolioStreamWriter(descriptor: descriptor, temporaryDirectory: temporaryDirectory,
                                               continuationReviews: true)
        for review in ordered(reviews) { try writer.add(review) }
        for v in portfolio.municipalities { try writer.add(v) }
        for v in portfolio.projects { try writer.add(v) }
        for v in portfolio.reports { try writer.add(v) }
        for v in portfolio.kpis { try writer.add(v) }
        for v in portfolio.readings { try writer.add(v) }
        for v in portfolio.risks { try writer.add(v) }
        try writer.finish()
    }

    /// The whole document for the data of `engine`, as `lotse export` writes it.
    public static func document(of engine: any PortfolioStore & ContinuationStore) throws -> Data {
        let portfolio = try engine.loadPortfolio()
        let reviews = try reviews(of: portfolio, in: engine)
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/lotse-export-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw PortfolioStreamWriter.WriteError(
                reason: "cannot create a temporary file in \(directory) (\(String(cString: strerror(errno))))")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        try write(portfolio, reviews: reviews, to: fd, temporaryDirectory: directory)
        guard lseek(fd, 0, SEEK_SET) == 0 else {
            throw PortfolioStreamWriter.WriteError(reason: String(cString: strerror(errno)))
        }
        return handle.readDataToEndOfFile()
    }

    /// The submitted reviews of the portfolio's projects from any engine: one read where the
    /// engine can transfer them at once, else one `continuation(projectID:)` per project.
    public static func reviews(of portfolio: Portfolio, in store: any ContinuationStore) throws -> [SubmittedContinuation] {
        if let transfer = store as? any ContinuationTransfer { return ordered(try transfer.submittedContinuations()) }
        var out: [SubmittedContinuation] = []
        for project in portfolio.projects {
            out += try store.continuation(projectID: project.id).history.reversed()
        }
        return ordered(out)
    }

    /// By project (bytewise, as the database sorts identifiers), then revision.
    static func ordered(_ reviews: [SubmittedContinuation]) -> [SubmittedContinuation] {
        reviews.sorted {
            $0.review.projectID != $1.review.projectID
                ? $0.review.projectID.utf8.lexicographicallyPrecedes($1.review.projectID.utf8)
                : $0.version.revision < $1.version.revision
        }
    }
}
