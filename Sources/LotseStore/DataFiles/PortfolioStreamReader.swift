import Foundation
import LotseDomain

/// Receives the values of a portfolio document one at a time, as `PortfolioStreamReader`
/// reads them, each with the line it starts on.
protocol PortfolioValueVisitor {
    mutating func visit(_ value: Municipality, line: Int) throws
    mutating func visit(_ value: Project, line: Int) throws
    mutating func visit(_ value: StatusReport, line: Int) throws
    mutating func visit(_ value: KPI, line: Int) throws
    mutating func visit(_ value: KPIReading, line: Int) throws
    mutating func visit(_ value: Risk, line: Int) throws
    /// One submitted revision of a continuation review (section `continuationReviews`).
    mutating func visit(_ value: SubmittedContinuation, line: Int) throws
    /// Every value of `section` has been visited.
    mutating func finished(_ section: PortfolioStreamValidator.Section) throws
    /// A value that could not be read completely (its problems are collected by the reader):
    /// its identifier when it was read, else nil. Only while checking a file.
    mutating func incomplete(_ section: PortfolioStreamValidator.Section, id: String?, line: Int) throws
    /// A section that could not be read at all (it is not a list).
    mutating func unreadable(_ section: PortfolioStreamValidator.Section) throws
}

extension PortfolioValueVisitor {
    mutating func incomplete(_ section: PortfolioStreamValidator.Section, id: String?, line: Int) throws {}
    mutating func unreadable(_ section: PortfolioStreamValidator.Section) throws {}
}

/// Reads a portfolio document (the JSON of `Portfolio`, see `PortfolioCoding`) value by
/// value instead of decoding the whole tree: a file of any size is read in constant memory.
///
/// It accepts what `PortfolioCoding.decode` accepts (keys in any order, unknown keys,
/// `fundingEnd` missing or null) and names the place of every problem:
/// `line 12, column 5: projects[3].budgetPlanned: …`. It goes on after a value of the wrong
/// type or form (that value is not visited) and collects every such problem; a syntax error
/// stops it. `readDocument` throws them all as `PortfolioFileError.rejected`.
struct PortfolioStreamReader {
    typealias Section = PortfolioStreamValidator.Section

    /// Where each section's array starts, found by `readDocument`, for `readSection`; nil for
    /// the optional section of continuation reviews when the file does not have it.
    struct Layout: Sendable {
        var formatVersion: Int
        var sections: [JSONFileScanner.Mark?]

        /// Whether the file has the section `continuationReviews` (older exports do not).
        var hasReviews: Bool { sections[Section.reviews.rawValue] != nil }
    }

    let source: String
    private let scanner: JSONFileScanner
    /// Where the reader is, for messages: `reports[12].progress`.
    private var section: String?
    private var element = 0
    private var field: String?
    /// Problems found so far (at most `keptProblems`), and how many more.
    private var problems: [PortfolioProblem] = []
    private var dropped = 0
    /// Whether the value being read had a problem.
    private var flawed = false

    /// Opens `path`; `source` is how messages name it.
    init(path: String, source: String) throws {
        self.source = source
        do {
            scanner = try JSONFileScanner(path: path)
        } catch {
            throw PortfolioFileError.rejected(
                source: source, problems: [PortfolioProblem(line: nil, kind: .unreadable(reason: error.localizedDescription))],
                omitted: 0, stopped: true)
        }
    }

    // MARK: - Document

    /// Reads the whole document, handing every value to `visitor`. Throws
    /// `PortfolioFileError.rejected` with every problem found while reading (in file order;
    /// `stopped` after a syntax error), or `.unsupportedVersion` for a newer format.
    mutating func readDocument(_ visitor: inout some PortfolioValueVisitor) throws -> Layout {
        var version: Int?
        var marks = [JSONFileScanner.Mark?](repeating: nil, count: Section.allCases.count)
        do {
            try scanner.skipByteOrderMark()
            let documentStart = try scanner.mark()
            try scanner.expect(UInt8(ascii: "{"), .document)
            var first = true
            var hint = 0
            var unknownKeys = Set<[UInt8]>()
            while try scanner.nextMember(first: first) {
                first = false
                let keyMark = try scanner.mark()
                guard let k = try scanner.key(in: Self.documentKeys, hint: hint) else {
                    if !unknownKeys.insert(scanner.unknownKey).inserted {
                        note(scanner.failure(.duplicateKey(JSONFileScanner.quoted(
                            String(decoding: scanner.unknownKey, as: UTF8.self))), at: keyMark))
                    }
                    try scanner.skipValue()
                    continue
                }
                hint = k + 1
                let name = k == 0 ? "formatVersion" : Self.name(Section.allCases[k - 1])
                let seen = k == 0 ? version != nil : marks[Section.allCases[k - 1].rawValue] != nil
                if seen {
                    note(scanner.failure(.duplicateKey(name), at: keyMark))
                    try scanner.skipValue()
                    continue
                }
                if k == 0 {
                    field = "formatVersion"
                    version = try recovering { try $0.formatVersion() } ?? -1
                    field = nil
                    continue
                }
                let s = Section.allCases[k - 1]
                marks[s.rawValue] = try scanner.mark()
                try readArray(s, &visitor)
            }
            try scanner.expectEnd()
            section = nil
            if version == nil { note(scanner.failure(.missingField("formatVersion"), at: documentStart)) }
            for missing in Section.allCases where marks[missing.rawValue] == nil && missing != .reviews {
                note(scanner.failure(.missingField(Self.name(missing)), at: documentStart))
            }
        } catch let failure as JSONFileScanner.Failure {
            note(failure)
            throw PortfolioFileError.rejected(source: source, all: problems, omitted: dropped, stopped: true)
        }
        guard problems.isEmpty, let version else {
            throw PortfolioFileError.rejected(source: source, all: problems, omitted: dropped, stopped: false)
        }
        return Layout(formatVersion: version, sections: marks)
    }

    /// Reads one section again from where `readDocument` found it; a section the file does
    /// not have (only the continuation reviews may be missing) is finished at once.
    mutating func readSection(_ s: Section, of layout: Layout, _ visitor: inout some PortfolioValueVisitor) throws {
        guard let mark = layout.sections[s.rawValue] else {
            try visitor.finished(s)
            return
        }
        do {
            scanner.seek(to: mark)
            try readArray(s, &visitor)
        } catch let failure as JSONFileScanner.Failure {
            note(failure)
        }
        if !problems.isEmpty {
            throw PortfolioFileError.rejected(source: source, all: problems, omitted: dropped, stopped: true)
        }
    }

    /// The format version: a whole number, not negative, not newer than this Lotse's.
    private mutating func formatVersion() throws -> Int {
        let mark = try scanner.mark()
        let value = try scanner.int64(.wholeNumber)
        guard value >= 0 else { throw scanner.failure(.negativeVersion(Int(value)), at: mark, recoverable: true) }
        guard value <= Portfolio.formatVersion else {
            throw PortfolioFileError.unsupportedVersion(source: source, found: Int(value), supported: Portfolio.formatVersion)
        }
        return Int(value)
    }

    private mutating func readArray(_ s: Section, _ visitor: inout some PortfolioValueVisitor) throws {
        section = Self.name(s)
        element = 0
        guard try scanner.peek() == UInt8(ascii: "[") else {
            let failure = try scanner.mismatch(.list)
            guard failure.recoverable else { throw failure }
            section = nil
            field = nil
            note(failure, path: Self.name(s))
            try visitor.unreadable(s)
            return
        }
        try scanner.expect(UInt8(ascii: "["), .list)
        var first = true
        while try scanner.nextElement(first: first) {
            first = false
            let line = try scanner.mark().line
            flawed = false
            // A value with a problem is not visited; only its identifier is passed on.
            var incomplete: String??
            switch s {
            case .municipalities:
                let v = try municipality()
                if flawed { incomplete = .some(v.id) } else { try visitor.visit(v, line: line) }
            case .projects:
                let v = try project()
                if flawed { incomplete = .some(v.id) } else { try visitor.visit(v, line: line) }
            case .reports:
                let v = try report()
                if flawed { incomplete = .some(nil) } else { try visitor.visit(v, line: line) }
            case .kpis:
                let v = try kpi()
                if flawed { incomplete = .some(v.id) } else { try visitor.visit(v, line: line) }
            case .readings:
                let v = try reading()
                if flawed { incomplete = .some(nil) } else { try visitor.visit(v, line: line) }
            case .risks:
                let v = try risk()
                if flawed { incomplete = .some(v.id) } else { try visitor.visit(v, line: line) }
            case .reviews:
                let v = try review()
                if flawed { incomplete = .some(nil) } else { try visitor.visit(v, line: line) }
            }
            if let incomplete {
                try visitor.incomplete(s, id: incomplete.flatMap { $0.isEmpty ? nil : $0 }, line: line)
            }
            element += 1
        }
        section = nil
        try visitor.finished(s)
    }

    /// Notes a problem with the path of the value being read (or `path`).
    private mutating func note(_ failure: JSONFileScanner.Failure, path: String? = nil) {
        flawed = true
        guard problems.count < PortfolioStreamValidator.keptProblems else {
            dropped += 1
            return
        }
        var place = path ?? section.map { "\($0)[\(element)]" } ?? ""
        if path == nil, let field { place += place.isEmpty ? field : ".\(field)" }
        let column = scanner.column(offset: failure.offset, lineStart: failure.lineStart)
        problems.append(PortfolioProblem(line: failure.line, column: column, path: place, kind: failure.kind))
    }

    /// Runs `read`; a problem after which reading can go on is noted (result nil), any other is thrown.
    private mutating func recovering<T>(_ read: (inout Self) throws -> T) throws -> T? {
        do {
            return try read(&self)
        } catch let failure as JSONFileScanner.Failure where failure.recoverable {
            note(failure)
            return nil
        }
    }

    // MARK: - Keys

    static func name(_ s: Section) -> String {
        switch s {
        case .municipalities: "municipalities"
        case .projects: "projects"
        case .reports: "reports"
        case .kpis: "kpis"
        case .readings: "readings"
        case .risks: "risks"
        case .reviews: "continuationReviews"
        }
    }

    private static func keys(_ names: [String]) -> [[UInt8]] { names.map { Array($0.utf8) } }

    // The order of the exports (sorted), so that the next key is found at the first try.
    private static let documentKeys = keys(["formatVersion"] + Section.allCases.map(name))
    private static let municipalityFields = ["id", "kind", "name", "population"]
    private static let projectFields = [
        "basicComponentCandidate", "budgetPlanned", "continuation", "field", "fundingEnd", "fundingSource", "id",
        "municipalityID", "name", "owner", "phase", "reusedByOthers", "solutionKind", "start",
    ]
    private static let reportFields = [
        "achieved", "author", "cost", "month", "nextSteps", "overall", "progress", "projectID", "results",
        "risksAndMeasures", "schedule", "spent", "submittedAt",
    ]
    private static let kpiFields = ["direction", "id", "name", "projectID", "target", "unit"]
    private static let readingFields = ["kpiID", "month", "value"]
    private static let riskFields = [
        "challenge", "closed", "id", "impact", "isOpen", "measure", "owner", "probability", "projectID", "raised",
        "title",
    ]
    /// A submitted review: the review's values, the answers flat beside them, and its version.
    static let reviewFields = [
        "againOrDifferently", "approach", "basicComponent", "changedAt", "changedBy", "decidedBy", "decidedOn",
        "decision", "followUpAmount", "followUpFrom", "followUpSource", "goal", "ownBudget", "planAndResources",
        "projectID", "reached", "revision", "reuse",
    ]
    private static let municipalityKeys = keys(municipalityFields)
    private static let projectKeys = keys(projectFields)
    private static let reportKeys = keys(reportFields)
    private static let kpiKeys = keys(kpiFields)
    private static let readingKeys = keys(readingFields)
    private static let riskKeys = keys(riskFields)
    private static let reviewKeys = keys(reviewFields)

    // MARK: - Values

    /// Walks the members of one object, calling `body` with the position of each known key
    /// in `names` (unknown keys are skipped), then fails for the first name of `required`
    /// (positions, in the order the decoder checks them) that did not occur.
    private mutating func object(_ keys: [[UInt8]], _ names: [String], required: [Int],
                                 _ body: (inout Self, Int) throws -> Void) throws {
        let start = try scanner.mark()
        guard try scanner.peek() == UInt8(ascii: "{") else {
            let failure = try scanner.mismatch(.object)
            guard failure.recoverable else { throw failure }
            note(failure)
            return
        }
        try scanner.expect(UInt8(ascii: "{"), .object)
        var seen: UInt32 = 0
        var unknownKeys = Set<[UInt8]>()
        var first = true
        var hint = 0
        while try scanner.nextMember(first: first) {
            first = false
            let keyMark = try scanner.mark()
            guard let k = try scanner.key(in: keys, hint: hint) else {
                if !unknownKeys.insert(scanner.unknownKey).inserted {
                    note(scanner.failure(.duplicateKey(JSONFileScanner.quoted(
                        String(decoding: scanner.unknownKey, as: UTF8.self))), at: keyMark))
                }
                try scanner.skipValue()
                continue
            }
            hint = k + 1
            if seen & (1 << k) != 0 {
                note(scanner.failure(.duplicateKey(names[k]), at: keyMark))
                try scanner.skipValue()
                continue
            }
            field = names[k]
            do {
                try body(&self, k)
            } catch let failure as JSONFileScanner.Failure where failure.recoverable {
                note(failure)
            }
            field = nil
            seen |= 1 << k
        }
        for missing in required where seen & (1 << missing) == 0 {
            note(scanner.failure(.missingField(names[missing]), at: start))
        }
    }

    private mutating func municipality() throws -> Municipality {
        var id = "", name = "", kind = MunicipalityKind.municipality, population = 0
        try object(Self.municipalityKeys, Self.municipalityFields, required: [0, 2, 1, 3]) { r, k in
            switch k {
            case 0: id = try r.string()
            case 1: kind = try r.enumValue(.municipalityKind)
            case 2: name = try r.string()
            default: population = try r.int()
            }
        }
        return Municipality(id: id, name: name, kind: kind, population: population)
    }

    private mutating func project() throws -> Project {
        var p = Project(id: "", municipalityID: "", name: "", field: .administration, solutionKind: .offerOrSolution,
                        phase: .experimentation, owner: "", start: YearMonth(ordinal: 0), fundingEnd: nil,
                        fundingSource: "", budgetPlanned: .zero)
        try object(Self.projectKeys, Self.projectFields, required: [6, 7, 8, 3, 12, 10, 9, 13, 5, 1, 0, 11, 2]) { r, k in
            switch k {
            case 0: p.basicComponentCandidate = try r.bool()
            case 1: p.budgetPlanned = Money(cents: try r.int64())
            case 2: p.continuation = try r.enumValue(.continuation)
            case 3: p.field = try r.enumValue(.fieldOfAction)
            case 4: p.fundingEnd = try r.optionalMonth()
            case 5: p.fundingSource = try r.string()
            case 6: p.id = try r.string()
            case 7: p.municipalityID = try r.string()
            case 8: p.name = try r.string()
            case 9: p.owner = try r.string()
            case 10: p.phase = try r.enumValue(.phase)
            case 11: p.reusedByOthers = try r.bool()
            case 12: p.solutionKind = try r.enumValue(.solutionKind)
            default: p.start = try r.month()
            }
        }
        return p
    }

    private mutating func report() throws -> StatusReport {
        var v = StatusReport(projectID: "", month: YearMonth(ordinal: 0), overall: .green, schedule: .green,
                             cost: .green, results: .green, progress: 0, spent: .zero, author: "",
                             submittedAt: Date(timeIntervalSinceReferenceDate: 0))
        try object(Self.reportKeys, Self.reportFields, required: [7, 3, 5, 10, 2, 8, 6, 0, 4, 9, 11, 1, 12]) { r, k in
            switch k {
            case 0: v.achieved = try r.string()
            case 1: v.author = try r.string()
            case 2: v.cost = try r.enumValue(.light)
            case 3: v.month = try r.month()
            case 4: v.nextSteps = try r.string()
            case 5: v.overall = try r.enumValue(.light)
            case 6: v.progress = try r.int()
            case 7: v.projectID = try r.string()
            case 8: v.results = try r.enumValue(.light)
            case 9: v.risksAndMeasures = try r.string()
            case 10: v.schedule = try r.enumValue(.light)
            case 11: v.spent = Money(cents: try r.int64())
            default: v.submittedAt = try r.date()
            }
        }
        return v
    }

    private mutating func kpi() throws -> KPI {
        var v = KPI(id: "", projectID: "", name: "", unit: "", target: 0, direction: .higherIsBetter)
        try object(Self.kpiKeys, Self.kpiFields, required: [1, 3, 2, 5, 4, 0]) { r, k in
            switch k {
            case 0: v.direction = try r.enumValue(.kpiDirection)
            case 1: v.id = try r.string()
            case 2: v.name = try r.string()
            case 3: v.projectID = try r.string()
            case 4: v.target = try r.decimal()
            default: v.unit = try r.string()
            }
        }
        return v
    }

    private mutating func reading() throws -> KPIReading {
        var v = KPIReading(kpiID: "", month: YearMonth(ordinal: 0), value: 0)
        try object(Self.readingKeys, Self.readingFields, required: [0, 1, 2]) { r, k in
            switch k {
            case 0: v.kpiID = try r.string()
            case 1: v.month = try r.month()
            default: v.value = try r.decimal()
            }
        }
        return v
    }

    private mutating func risk() throws -> Risk {
        var v = Risk(id: "", projectID: "", title: "", challenge: .money, probability: 1, impact: 1, measure: "",
                     owner: "")
        try object(Self.riskKeys, Self.riskFields, required: [2, 8, 10, 0, 7, 3, 5, 6, 4]) { r, k in
            switch k {
            case 0: v.challenge = try r.enumValue(.challenge)
            case 1: v.closed = try r.optionalMonth()
            case 2: v.id = try r.string()
            case 3: v.impact = try r.int()
            case 4: v.isOpen = try r.bool()
            case 5: v.measure = try r.string()
            case 6: v.owner = try r.string()
            case 7: v.probability = try r.int()
            case 8: v.projectID = try r.string()
            case 9: v.raised = try r.optionalMonth()
            default: v.title = try r.string()
            }
        }
        return v
    }

    private mutating func review() throws -> SubmittedContinuation {
        var v = ContinuationReview(projectID: "")
        var version = ContinuationVersion(revision: 0, changedBy: "", changedAt: Date(timeIntervalSinceReferenceDate: 0))
        try object(Self.reviewKeys, Self.reviewFields, required: [14, 16, 7, 4, 3, 11, 15, 1, 13, 12, 0, 17, 10, 2, 5]) { r, k in
            switch k {
            case 0: v.answers.againOrDifferently = try r.string()
            case 1: v.answers.approach = try r.string()
            case 2: v.basicComponent = try r.bool()
            case 3: version.changedAt = try r.preciseDate()
            case 4: version.changedBy = try r.string()
            case 5: v.decidedBy = try r.string()
            case 6: v.decidedOn = try r.optionalDay()
            case 7: v.decision = try r.enumValue(.continuation)
            case 8: v.followUpAmount = try r.optionalInt64().map { Money(cents: $0) }
            case 9: v.followUpFrom = try r.optionalMonth()
            case 10: v.followUpSource = try r.string()
            case 11: v.answers.goal = try r.string()
            case 12: v.answers.ownBudget = try r.string()
            case 13: v.answers.planAndResources = try r.string()
            case 14: v.projectID = try r.string()
            case 15: v.answers.reached = try r.string()
            case 16: version.revision = try r.int()
            default: v.answers.reuse = try r.string()
            }
        }
        return SubmittedContinuation(review: v, version: version)
    }

    // MARK: - Scalars

    private func string() throws -> String { try scanner.string() }
    private func bool() throws -> Bool { try scanner.bool() }
    private func int64() throws -> Int64 { try scanner.int64() }

    private func int() throws -> Int {
        let mark = try scanner.mark()
        let value = try scanner.int64()
        guard let int = Int(exactly: value) else {
            throw scanner.failure(.numberOutOfRange(String(value)), at: mark, recoverable: true)
        }
        return int
    }

    private func month() throws -> YearMonth {
        let mark = try scanner.mark()
        let text = try scanner.string(.month)
        guard let month = YearMonth(text) else {
            throw scanner.failure(.notAMonth(JSONFileScanner.quoted(text)), at: mark, recoverable: true)
        }
        return month
    }

    private func optionalMonth() throws -> YearMonth? {
        if try scanner.peek() == UInt8(ascii: "n") {
            try scanner.null()
            return nil
        }
        if try scanner.peek() != UInt8(ascii: "\"") { throw try scanner.mismatch(.monthOrNull) }
        return try month()
    }

    private func optionalInt64() throws -> Int64? {
        if try scanner.peek() == UInt8(ascii: "n") {
            try scanner.null()
            return nil
        }
        return try scanner.int64()
    }

    /// A day `YYYY-MM-DD` that exists, as midnight UTC, or null.
    private func optionalDay() throws -> Date? {
        if try scanner.peek() == UInt8(ascii: "n") {
            try scanner.null()
            return nil
        }
        let mark = try scanner.mark()
        let text = try scanner.string(.day)
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let day = DayText.parse(text) else {
            throw scanner.failure(.notADay(JSONFileScanner.quoted(text)), at: mark, recoverable: true)
        }
        return day
    }

    /// A time as the database keeps it (every digit of the fraction the export wrote), or any
    /// other ISO 8601 form `date()` reads.
    private func preciseDate() throws -> Date {
        let mark = try scanner.mark()
        let text = try scanner.string(.timestamp)
        if let date = Timestamp.parse(text) ?? ISOTimestamp.parse(text) { return date }
        throw scanner.failure(.notATimestamp(JSONFileScanner.quoted(text)), at: mark, recoverable: true)
    }

    private func decimal() throws -> Decimal {
        let mark = try scanner.mark()
        let text = try scanner.numberText()
        guard let value = DecimalColumn.parse(text) else {
            throw scanner.failure(.notADecimal(JSONFileScanner.quoted(text)), at: mark, recoverable: true)
        }
        return value
    }

    /// An ISO 8601 date as the `.iso8601` strategy of `JSONDecoder` reads it.
    private func date() throws -> Date {
        let mark = try scanner.mark()
        let text = try scanner.string(.timestamp)
        // The form every export writes (whole seconds, UTC) is read straight from its bytes.
        if text.utf8.count == 20, let date = Timestamp.parse(text) { return date }
        // Other ISO forms (an offset instead of Z) only when the date and time they name exist.
        if let date = ISOTimestamp.parse(text) { return date }
        throw scanner.failure(.notATimestamp(JSONFileScanner.quoted(text)), at: mark, recoverable: true)
    }

    private func enumValue<E: RawRepresentable & CaseIterable>(_ choice: PortfolioProblem.Choice) throws -> E
    where E.RawValue == String {
        let mark = try scanner.mark()
        let text = try scanner.string()
        guard let value = E(rawValue: text) else {
            throw scanner.failure(.notAChoice(JSONFileScanner.quoted(text), choice, allowed: E.allCases.map(\.rawValue)),
                                  at: mark, recoverable: true)
        }
        return value
    }
}
