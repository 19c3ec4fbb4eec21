import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// `CheckedPortfolioFile.check` names every problem of a file with its place, in file order,
/// goes on after values of the wrong type or form, and never crashes on any bytes.
@Suite struct PortfolioFileProblemsTests {
    typealias P = PortfolioProblem

    /// The problems `check` throws for `text`, and whether reading stopped.
    static func problems(_ text: String) throws -> (problems: [P], omitted: Int, stopped: Bool) {
        try problems(Data(text.utf8))
    }

    static func problems(_ data: Data) throws -> (problems: [P], omitted: Int, stopped: Bool) {
        try ImportStreamTests.withFile(data) { path in
            let error = try #require(throws: PortfolioFileError.self) { try CheckedPortfolioFile.check(path: path) }
            guard case .rejected(let source, let problems, let omitted, let stopped) = error else {
                Issue.record("unexpected \(error)")
                return ([], 0, false)
            }
            #expect(source == path)
            return (problems, omitted, stopped)
        }
    }

    static let project = #"{"id": "P1", "municipalityID": "m", "name": "N", "field": "energie", "solutionKind": "anwendung", "phase": "experimentieren", "owner": "", "start": "2025-01", "fundingSource": "", "budgetPlanned": 1, "basicComponentCandidate": false, "reusedByOthers": false, "continuation": "offen"}"#

    static func document(projects: [String], reports: String = "[]", version: String = "1") -> String {
        """
        {
          "formatVersion": \(version),
          "municipalities": [
            {"id": "m", "name": "M", "kind": "stadt", "population": 1}
          ],
          "projects": [
        \(projects.map { "    " + $0 }.joined(separator: ",\n"))
          ],
          "reports": \(reports), "kpis": [], "readings": [], "risks": []
        }
        """
    }

    @Test func theValidDocumentOfTheseTestsIsAccepted() throws {
        try ImportStreamTests.withFile(Data(Self.document(projects: [Self.project]).utf8)) { path in
            let checked = try CheckedPortfolioFile.check(path: path)
            #expect(checked.projects == 1)
        }
    }

    @Test func everyProblemIsNamedInFileOrderWithPathLineAndColumn() throws {
        let bad = [
            Self.project.replacingOccurrences(of: #""phase": "experimentieren""#, with: #""phase": "lila""#),
            Self.project.replacingOccurrences(of: #""id": "P1""#, with: #""id": "P2""#)
                .replacingOccurrences(of: #""budgetPlanned": 1"#, with: #""budgetPlanned": "12""#),
            Self.project.replacingOccurrences(of: #""id": "P1""#, with: #""id": "P3""#)
                .replacingOccurrences(of: #""municipalityID": "m""#, with: #""municipalityID": "x""#),
        ]
        let (problems, omitted, stopped) = try Self.problems(Self.document(projects: bad))
        #expect(!stopped && omitted == 0)
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.map(\.line) == [7, 8, 9])
        let phase = try #require(problems.first)
        #expect(phase.path == "projects[0].phase")
        #expect(phase.kind == .notAChoice("lila", .phase, allowed: ["experimentieren", "transferieren", "etablieren"]))
        let column = try #require(phase.column)
        let line = Self.document(projects: bad).components(separatedBy: "\n")[6]
        #expect(Array(line)[(column - 1)...].starts(with: "\"lila\""))
        #expect(problems[1].path == "projects[1].budgetPlanned")
        #expect(problems[1].kind == .expected(.wholeNumber, found: .text("12")))
        #expect(problems[2].kind == .unknownMunicipality(.project("P3"), municipality: "x"))
    }

    @Test func aValueWithAProblemDoesNotMakeItsReferencesUnknown() throws {
        let bad = Self.project.replacingOccurrences(of: #""phase": "experimentieren""#, with: #""phase": 7"#)
        let report = #"[{"projectID": "P1", "month": "2025-06", "overall": "gruen", "schedule": "gruen", "cost": "gruen", "results": "gruen", "progress": 1, "achieved": "", "nextSteps": "", "risksAndMeasures": "", "spent": 0, "author": "a", "submittedAt": "2025-06-30T10:00:00Z"}]"#
        let (problems, _, _) = try Self.problems(Self.document(projects: [bad], reports: report))
        #expect(problems.map(\.kind) == [.expected(.text, found: .number("7"))])
    }

    @Test func aSyntaxErrorStopsReadingAfterWhatCameBefore() throws {
        let bad = Self.project.replacingOccurrences(of: #""phase": "experimentieren""#, with: #""phase": "lila""#)
        let text = Self.document(projects: [bad, Self.project.replacingOccurrences(of: "\"P1\"", with: "\"P2\"")])
            .replacingOccurrences(of: #""reports": []"#, with: #""reports": [,]"#)
        let (problems, _, stopped) = try Self.problems(text)
        #expect(stopped)
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.first?.path == "projects[0].phase")
        #expect(problems.last?.line == 10)
        if case .expected(.object, found: .character(",")) = problems.last?.kind {} else {
            Issue.record("\(String(describing: problems.last))")
        }
    }

    @Test func duplicateKeysAreRefusedWithTheLineOfTheSecond() throws {
        let twice = "{\"id\": \"P1\",\n     " + Self.project.dropFirst()
        let (problems, _, _) = try Self.problems(Self.document(projects: [twice]))
        #expect(problems.map(\.kind) == [.duplicateKey("id")])
        #expect(problems.first?.line == 8)
        let section = Self.document(projects: []).replacingOccurrences(of: #""kpis": []"#, with: #""kpis": [], "kpis": []"#)
        #expect(try Self.problems(section).problems.map(\.kind) == [.duplicateKey("kpis")])
        let nested = Self.document(projects: [Self.project.replacingOccurrences(of: "\"owner\"", with: "\"x\": {\"a\": 1, \"a\": 2}, \"owner\"")])
        #expect(try Self.problems(nested).problems.map(\.kind) == [.duplicateKey("a")])
    }

    @Test(arguments: [("-1", P.Kind.negativeVersion(-1)), ("1.5", .notAWholeNumber("1.5")),
                      ("\"1\"", .expected(.wholeNumber, found: .text("1"))), ("1e3", .notAWholeNumber("1e3"))])
    func aVersionThatIsNoneIsRefused(version: String, kind: P.Kind) throws {
        let (problems, _, stopped) = try Self.problems(Self.document(projects: [Self.project], version: version))
        #expect(!stopped)
        #expect(problems == [P(line: 2, column: 20, path: "formatVersion", kind: kind)])
    }

    @Test func atMostFiftyProblemsAreListed() throws {
        let many = (0..<70).map { Self.project.replacingOccurrences(of: "\"P1\"", with: "\"P\($0)\"")
            .replacingOccurrences(of: "experimentieren", with: "lila") }
        let (problems, omitted, _) = try Self.problems(Self.document(projects: many))
        #expect(problems.count == PortfolioFileError.listedProblems)
        #expect(omitted == 20)
        #expect(problems.map(\.line) == (7..<57).map { $0 })
        let error = PortfolioFileError.rejected(source: "f", problems: problems, omitted: omitted, stopped: false)
        #expect(error.description.hasSuffix("… and 20 more"))
    }

    /// Random byte changes of the sample file: every one is either accepted or refused with a
    /// `PortfolioFileError`, never a crash or another error.
    @Test func randomMutationsOfTheSampleNeverCrash() throws {
        let sample = try Self.smallSample()
        // The small sample is valid: what the mutations break is theirs.
        try ImportStreamTests.withFile(sample) { path in
            let checked = try CheckedPortfolioFile.check(path: path)
            #expect(checked.projects == 2 && checked.reports > 0 && checked.readings > 0 && checked.risks > 0)
        }
        var generator = SplitMix(seed: 0x5EED_1A75)
        var refused = 0, accepted = 0
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("mutated.json")
        for round in 0..<2_000 {
            var bytes = [UInt8](sample)
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 4 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(Self.interesting[Int(generator.next() % UInt64(Self.interesting.count))], at: at)
                default: bytes.removeSubrange(at..<min(bytes.count, at + Int(generator.next() % 64)))
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            do {
                _ = try CheckedPortfolioFile.check(path: path)
                accepted += 1
            } catch let error as PortfolioFileError {
                refused += 1
                #expect(!error.description.isEmpty)
            } catch {
                Issue.record("round \(round): not a PortfolioFileError: \(error)")
            }
        }
        #expect(refused > 1_000)
        #expect(accepted + refused == 2_000)
    }

    /// A part of the sample town (two projects and what belongs to them), written compactly,
    /// so that each round is quick.
    static func smallSample() throws -> Data {
        let whole = try PortfolioCoding.decode(Data(contentsOf: SampleDataSourceTests.file), source: "sample")
        var p = whole
        p.projects = Array(whole.projects.prefix(2))
        let ids = Set(p.projects.map(\.id))
        p.reports = Array(whole.reports.filter { ids.contains($0.projectID) }.prefix(4))
        p.kpis = Array(whole.kpis.filter { ids.contains($0.projectID) }.prefix(2))
        let kpis = Set(p.kpis.map(\.id))
        p.readings = Array(whole.readings.filter { kpis.contains($0.kpiID) }.prefix(4))
        p.risks = Array(whole.risks.filter { ids.contains($0.projectID) }.prefix(2))
        let encoder = PortfolioCoding.encoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(p)
    }

    static let interesting: [UInt8] = Array("{}[],:\"\\-0123456789eE.ntf\u{1B}".utf8) + [0x00, 0xFF, 0xC3, 0x0A]

    /// A small deterministic random generator.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
