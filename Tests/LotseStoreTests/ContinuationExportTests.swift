import Foundation
import LotseDomain
import Testing
@testable import LotseStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A clock that moves on by an odd fraction of a second at every reading, so that the times
/// the store writes have fractions an export must keep to the last digit.
final class TickingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now = Date(timeIntervalSinceReferenceDate: 780_000_000.123456789)

    var read: @Sendable () -> Date {
        { [self] in
            lock.lock()
            defer { lock.unlock() }
            now += 61.000_987
            return now
        }
    }
}

/// Documents and stores for the continuation reviews in export and import.
enum ReviewFiles {
    /// What `PortfolioExport.write` puts into a file.
    static func document(_ portfolio: Portfolio, _ reviews: [SubmittedContinuation]) throws -> Data {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("export.json")
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        try PortfolioExport.write(portfolio, reviews: reviews, to: fd, temporaryDirectory: folder.path)
        close(fd)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// `data` as a checked file in `folder`.
    static func checked(_ data: Data, in folder: TemporaryFolder, name: String = "export.json",
                        existing: PortfolioStreamValidator.Existing = .init()) throws -> CheckedPortfolioFile {
        let path = folder.file(name)
        try data.write(to: URL(fileURLWithPath: path))
        return try CheckedPortfolioFile.check(path: path, existing: existing)
    }

    /// The fixture with reviews: three revisions of P1 by two people, one of P2, and a draft
    /// of P2 that must not travel.
    static func reviewedStore(clock: TickingClock = TickingClock()) throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory(now: clock.read)
        try store.replaceAll(with: Fixture.portfolio(), by: "tester")
        try store.submitContinuation(ContinuationStoreTests.review(.open, amount: nil), expecting: nil, by: "anna")
        try store.submitContinuation(ContinuationStoreTests.review(.scaleAndTransfer), expecting: 1,
                                     by: Author(account: "berta", name: "Berta Berg"))
        try store.submitContinuation(ContinuationStoreTests.review(.ownBudget, basic: true, goal: "geändert\tmit Tab"),
                                     expecting: 2, by: "anna")
        var p2 = ContinuationStoreTests.review(.stop, amount: nil)
        p2.projectID = "P2"
        try store.submitContinuation(p2, expecting: nil, by: "carl")
        var draft = ContinuationStoreTests.draft("nur ein Entwurf, bleibt auf diesem Rechner")
        draft.projectID = "P2"
        try store.saveContinuationDraft(draft, by: "anna")
        return store
    }

    static func histories(_ store: SQLiteStore) throws -> [String: [SubmittedContinuation]] {
        var out: [String: [SubmittedContinuation]] = [:]
        for p in try store.loadPortfolio().projects { out[p.id] = try store.continuation(projectID: p.id).history }
        return out
    }

    static func reviewRows(_ store: SQLiteStore) throws -> [[String]] {
        try store.rows(sql: "SELECT * FROM continuation_review ORDER BY project_id, revision")
    }

    /// A review of `project` as a file would carry it.
    static func submitted(_ project: String, revision: Int, by: String = "dora", goal: String = "aus der Datei",
                          at seconds: Double = 790_000_000.5) -> SubmittedContinuation {
        var review = ContinuationStoreTests.review(.rebuild, goal: goal)
        review.projectID = project
        return SubmittedContinuation(review: review, version: ContinuationVersion(
            revision: revision, changedBy: by, changedAt: Date(timeIntervalSinceReferenceDate: seconds)))
    }
}

@Suite("Continuation reviews travel through export and import")
struct ContinuationExportTests {
    @Test func exportAndImportGiveEveryProjectTheSameReviewsAndASecondExportTheSameBytes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let original = try ReviewFiles.reviewedStore()
        let first = try PortfolioExport.document(of: original)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"continuationReviews\" : [\n    {\n"))
        #expect(!text.contains("nur ein Entwurf"), "a draft was exported")
        let file = try ReviewFiles.checked(first, in: folder)
        #expect(file.hasReviews && file.reviews == 4)
        let expected = try ReviewFiles.histories(original)
        #expect(expected["P1"]?.count == 3 && expected["P2"]?.count == 1)

        for mode in [ImportMode.replace, .merge(force: false)] {
            let copy = try Fixture.store()
            let outcome = try copy.importPortfolio(file, mode: mode, by: "import", backup: false)
            #expect(outcome[.reviews].added == 4, "\(mode)")
            #expect(try ReviewFiles.histories(copy) == expected, "\(mode)")
            #expect(try copy.continuation(projectID: "P2").drafts.isEmpty)
            let second = try PortfolioExport.document(of: copy)
            #expect(second == first, "the second export differs (\(mode))")
        }
    }

    @Test func theExportIsTheEncodersDocumentWithTheSectionInFront() throws {
        let store = try Fixture.filledStore()
        let encoded = try PortfolioCoding.encoder().encode(try store.loadPortfolio()) + Data("\n".utf8)
        let exported = try PortfolioExport.document(of: store)
        // Without reviews: exactly an empty section more, in the place of its sorted key.
        #expect(exported == Data("{\n  \"continuationReviews\" : [\n\n  ],\n".utf8) + encoded.dropFirst(2))
        // A writer without the section still writes what the encoder writes.
        #expect(try GenerateStreamTests.written(Fixture.portfolio()) == GenerateStreamTests.encoded(Fixture.portfolio()))
    }

    @Test func reviewsAreWrittenByProjectAndRevisionWhateverOrderTheyComeIn() throws {
        let reviews = [ReviewFiles.submitted("P2", revision: 1), ReviewFiles.submitted("P1", revision: 2),
                       ReviewFiles.submitted("P1", revision: 1)]
        let a = try ReviewFiles.document(Fixture.portfolio(), reviews)
        let b = try ReviewFiles.document(Fixture.portfolio(), reviews.reversed())
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        let p1 = try #require(text.range(of: "\"projectID\" : \"P1\""))
        let p2 = try #require(text.range(of: "\"projectID\" : \"P2\""))
        #expect(p1.lowerBound < p2.lowerBound)
    }

    // MARK: - Merge

    @Test func mergingTheSameExportAgainChangesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try ReviewFiles.reviewedStore()
        let file = try ReviewFiles.checked(try PortfolioExport.document(of: store), in: folder)
        let before = try ReviewFiles.reviewRows(store)
        let outcome = try store.importPortfolio(file, mode: .merge(force: false), by: "import")
        #expect(outcome[.reviews] == ImportCounts(unchanged: 4))
        #expect(try ReviewFiles.reviewRows(store) == before)
    }

    @Test func aRevisionTakenWithOtherValuesIsAddedOnTopAndNothingIsLost() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try ReviewFiles.reviewedStore()
        let exported = try ReviewFiles.histories(store)["P1"]!.reversed().map { $0 }  // revisions 1, 2, 3
        // The other machine had only revision 1 and submitted its own revision 2 since.
        let other = try SQLiteStore.inMemory(now: TickingClock().read)
        try other.replaceAll(with: Fixture.portfolio(), by: "tester")
        let folderFile = try ReviewFiles.checked(
            try ReviewFiles.document(Fixture.portfolio(), [exported[0]]), in: folder, name: "first.json")
        _ = try other.importPortfolio(folderFile, mode: .merge(force: false), by: "import")
        let own = ContinuationStoreTests.review(.stop, amount: nil, goal: "hier entschieden")
        try other.submitContinuation(own, expecting: 1, by: "erik")
        let ownRevision = try #require(other.continuation(projectID: "P1").current)

        let file = try ReviewFiles.checked(try PortfolioExport.document(of: store), in: folder)
        let outcome = try other.importPortfolio(file, mode: .merge(force: false), by: "import")
        #expect(outcome[.reviews] == ImportCounts(added: 3, unchanged: 1))  // P1 2 and 3 on top, P2 1 new
        let history = try other.continuation(projectID: "P1").history.reversed().map { $0 }
        #expect(history.map(\.version.revision) == [1, 2, 3, 4])
        #expect(history[0] == exported[0])
        #expect(history[1] == ownRevision)  // the stored revision 2 is untouched
        for (merged, fromFile) in zip(history[2...], exported[1...]) {
            #expect(merged.review == fromFile.review)
            #expect(merged.version.changedBy == fromFile.version.changedBy)
            #expect(merged.version.changedAt == fromFile.version.changedAt)
        }
        // Merging the same file once more finds everything there.
        let again = try other.importPortfolio(file, mode: .merge(force: false), by: "import")
        #expect(again[.reviews] == ImportCounts(unchanged: 4))
        #expect(try other.continuation(projectID: "P1").history.count == 4)
    }

    @Test func aMergeMayBringReviewsOfProjectsOnlyTheDatabaseHas() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try Fixture.filledStore()
        let data = try ReviewFiles.document(Portfolio(), [ReviewFiles.submitted("P1", revision: 1)])
        #expect(throws: PortfolioFileError.self) { try ReviewFiles.checked(data, in: folder) }
        let file = try ReviewFiles.checked(data, in: folder, existing: try store.existingIdentifiers())
        let outcome = try store.importPortfolio(file, mode: .merge(force: false), by: "import")
        #expect(outcome[.reviews] == ImportCounts(added: 1))
        #expect(try store.continuation(projectID: "P1").history == [ReviewFiles.submitted("P1", revision: 1)])
    }

    @Test func aDryRunCountsTheReviewsAndChangesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let source = try ReviewFiles.reviewedStore()
        let file = try ReviewFiles.checked(try PortfolioExport.document(of: source), in: folder)
        for mode in [ImportMode.replace, .merge(force: false)] {
            let store = try Fixture.filledStore()
            let dry = try store.importPortfolio(file, mode: mode, by: "import", dryRun: true, backup: false)
            #expect(dry[.reviews].added == 4, "\(mode)")
            #expect(try ReviewFiles.reviewRows(store).isEmpty, "\(mode)")
        }
    }

    // MARK: - Older files and replace

    @Test func anOlderFileWithoutTheSectionStillImports() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try ReviewFiles.reviewedStore()
        let before = try ReviewFiles.reviewRows(store)
        // An export of an earlier Lotse: the portfolio's JSON only.
        let older = try ImportFiles.checked(Fixture.portfolio(), in: folder)
        #expect(!older.hasReviews && older.reviews == 0)
        let merged = try store.importPortfolio(older, mode: .merge(force: false), by: "import")
        #expect(merged[.reviews] == ImportCounts())
        #expect(try ReviewFiles.reviewRows(store) == before)
        // A replace keeps the reviews of the projects the file has ...
        _ = try store.importPortfolio(older, mode: .replace, by: "import", backup: false)
        #expect(try ReviewFiles.reviewRows(store) == before)
        // ... and none of the projects that are gone.
        var withoutP2 = Fixture.portfolio()
        withoutP2.projects.removeAll { $0.id == "P2" }
        withoutP2.reports.removeAll { $0.projectID == "P2" }
        withoutP2.kpis.removeAll { $0.projectID == "P2" }
        withoutP2.readings.removeAll { $0.kpiID == "K1" }
        withoutP2.risks.removeAll { $0.projectID == "P2" }
        let smaller = try ImportFiles.checked(withoutP2, in: folder, name: "smaller.json")
        _ = try store.importPortfolio(smaller, mode: .replace, by: "import", backup: false)
        #expect(try store.continuation(projectID: "P1").history.count == 3)
        #expect(try store.rows(sql: "SELECT count(*) FROM continuation_review WHERE project_id = 'P2'") == [["0"]])
    }

    @Test func aReplaceByAFileWithTheSectionHasExactlyTheFilesReviews() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try ReviewFiles.reviewedStore()
        let one = ReviewFiles.submitted("P2", revision: 1)
        let file = try ReviewFiles.checked(try ReviewFiles.document(Fixture.portfolio(), [one]), in: folder)
        let outcome = try store.importPortfolio(file, mode: .replace, by: "import", backup: false)
        #expect(outcome[.reviews].added == 1)
        #expect(try store.continuation(projectID: "P1").history.isEmpty)
        #expect(try store.continuation(projectID: "P2").history == [one])
        // The draft is personal work, not part of the portfolio: it stays.
        #expect(try store.continuation(projectID: "P2").drafts.count == 1)
        // An export with an empty section replaces every review by none.
        let empty = try ReviewFiles.checked(try ReviewFiles.document(Fixture.portfolio(), []), in: folder, name: "e.json")
        #expect(empty.hasReviews)
        _ = try store.importPortfolio(empty, mode: .replace, by: "import", backup: false)
        #expect(try ReviewFiles.reviewRows(store).isEmpty)
    }

    // MARK: - Refusals

    /// The problems of `data`, or none when the file passes.
    static func problems(_ data: Data) throws -> [PortfolioProblem] {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        do {
            _ = try ReviewFiles.checked(data, in: folder)
            return []
        } catch PortfolioFileError.rejected(_, let problems, _, _) {
            return problems
        }
    }

    /// The line `needle` is on (1-based).
    static func line(of needle: String, in data: Data) -> Int? {
        let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        return lines.firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    @Test func theValidatorRefusesImpossibleValuesOfAReviewWithTheirPlace() throws {
        let portfolio = Fixture.portfolio()
        func check(_ reviews: [SubmittedContinuation], _ expected: PortfolioProblem.Kind,
                   sourceLocation: SourceLocation = #_sourceLocation) throws {
            let data = try ReviewFiles.document(portfolio, reviews)
            let problems = try Self.problems(data)
            #expect(problems.map(\.kind) == [expected], sourceLocation: sourceLocation)
            // Placed on the review's line: its object starts there.
            let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
            if let line = problems.first?.line {
                #expect(lines[line - 1] == "    {", sourceLocation: sourceLocation)
            } else {
                Issue.record("no line", sourceLocation: sourceLocation)
            }
        }
        try check([ReviewFiles.submitted("P9", revision: 1)],
                  .unknownProject(.review(project: "P9", revision: 1), project: "P9"))
        try check([ReviewFiles.submitted("P1", revision: 0)], .revisionBelowOne(.review(project: "P1", revision: 0), 0))
        try check([ReviewFiles.submitted("P1", revision: 1), ReviewFiles.submitted("P1", revision: 1, by: "other")],
                  .duplicate(.review, id: "P1 1"))
        var negative = ReviewFiles.submitted("P1", revision: 1)
        negative.review.followUpAmount = Money(cents: -1)
        try check([negative], .negativeFollowUp(.review(project: "P1", revision: 1)))
        // A valid file has none of them.
        #expect(try Self.problems(ReviewFiles.document(portfolio, [ReviewFiles.submitted("P1", revision: 1)])).isEmpty)
    }

    @Test func theReaderRefusesADecisionAMonthOrADayThatCannotBe() throws {
        let valid = try ReviewFiles.document(Fixture.portfolio(), [ReviewFiles.submitted("P1", revision: 1)])
        let text = String(decoding: valid, as: UTF8.self)
        let cases: [(String, String, String, String)] = [
            ("\"decision\" : \"neu_aufsetzen\"", "\"decision\" : \"vielleicht\"", "decision", "vielleicht"),
            ("\"followUpFrom\" : \"2027-07\"", "\"followUpFrom\" : \"2027-13\"", "followUpFrom", "2027-13"),
            ("\"decidedOn\" : \"2025-09-24\"", "\"decidedOn\" : \"2025-02-30\"", "decidedOn", "2025-02-30"),
            ("\"decidedOn\" : \"2025-09-24\"", "\"decidedOn\" : \"24.09.2025\"", "decidedOn", "24.09.2025"),
            ("\"changedAt\" : \"", "\"changedAt\" : \"gestern", "changedAt", "gestern"),
            ("\"revision\" : 1", "\"revision\" : \"eins\"", "revision", "eins"),
        ]
        for (good, bad, field, shown) in cases {
            #expect(text.contains(good), "\(good)")
            let data = Data(text.replacingOccurrences(of: good, with: bad).utf8)
            let problems = try Self.problems(data)
            let problem = try #require(problems.first, "\(bad) was taken")
            #expect(problems.count == 1, "\(problems)")
            #expect(problem.path == "continuationReviews[0].\(field)")
            #expect(problem.line == Self.line(of: "\"\(field)\" :", in: data))
            #expect(problem.description.contains(shown), "\(problem)")
        }
        // The decision names what is allowed.
        let decision = try Self.problems(Data(text.replacingOccurrences(
            of: "\"decision\" : \"neu_aufsetzen\"", with: "\"decision\" : \"vielleicht\"").utf8))
        #expect(decision.first?.kind == .notAChoice("vielleicht", .continuation,
                                                    allowed: ContinuationDecision.allCases.map(\.rawValue)))
    }

    @Test func aRefusedFileChangesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try ReviewFiles.reviewedStore()
        let before = try ImportStreamTests.snapshot(store)
        let rows = try ReviewFiles.reviewRows(store)
        let data = try ReviewFiles.document(Fixture.portfolio(), [ReviewFiles.submitted("P1", revision: -2)])
        #expect(throws: PortfolioFileError.self) { try ReviewFiles.checked(data, in: folder) }
        #expect(try ImportStreamTests.snapshot(store) == before)
        #expect(try ReviewFiles.reviewRows(store) == rows)
    }
}
