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
    /// Every value of `section` has been visited.
    mutating func finished(_ section: PortfolioStreamValidator.Section) throws
}

/// Reads a portfolio document (the JSON of `Portfolio`, see `PortfolioCoding`) value by
/// value instead of decoding the whole tree: a file of any size is read in constant memory.
///
/// It accepts what `PortfolioCoding.decode` accepts (keys in any order, unknown keys,
/// `fundingEnd` missing or null) and names the place of every problem:
/// `line 12, column 5: projects[3].budgetPlanned: …`.
struct PortfolioStreamReader {
    typealias Section = PortfolioStreamValidator.Section

    /// Where each section's array starts, found by `readDocument`, for `readSection`.
    struct Layout: Sendable {
        var formatVersion: Int
        var sections: [JSONFileScanner.Mark]
    }

    let source: String
    private let scanner: JSONFileScanner
    /// Where the reader is, for messages: `reports[12].progress`.
    private var section: String?
    private var element = 0
    private var field: String?

    /// Opens `path`; `source` is how messages name it.
    init(path: String, source: String) throws {
        self.source = source
        do {
            scanner = try JSONFileScanner(path: path)
        } catch {
            throw PortfolioFileError.malformed(source: source, detail: "cannot be read (\(error.localizedDescription))")
        }
    }

    // MARK: - Document

    /// Reads the whole document, handing every value to `visitor`. Throws
    /// `PortfolioFileError` for a file that is not a portfolio document (or of a newer format).
    mutating func readDocument(_ visitor: inout some PortfolioValueVisitor) throws -> Layout {
        do {
            var version: Int?
            var marks = [JSONFileScanner.Mark?](repeating: nil, count: Section.allCases.count)
            try scanner.skipByteOrderMark()
            let documentStart = try scanner.mark()
            try scanner.expect(UInt8(ascii: "{"), "'{' (a portfolio document is a JSON object)")
            var first = true
            var hint = 0
            while try scanner.nextMember(first: first) {
                first = false
                let keyMark = try scanner.mark()
                guard let k = try scanner.key(in: Self.documentKeys, hint: hint) else {
                    try scanner.skipValue()
                    continue
                }
                hint = k + 1
                if k == 0 {
                    field = "formatVersion"
                    guard version == nil else { throw scanner.failure("duplicate key 'formatVersion'", at: keyMark) }
                    version = try int()
                    field = nil
                    if let version, version > Portfolio.formatVersion {
                        throw PortfolioFileError.unsupportedVersion(source: source, found: version,
                                                                    supported: Portfolio.formatVersion)
                    }
                    continue
                }
                let s = Section.allCases[k - 1]
                guard marks[s.rawValue] == nil else {
                    throw scanner.failure("duplicate key '\(Self.name(s))'", at: keyMark)
                }
                marks[s.rawValue] = try scanner.mark()
                try readArray(s, &visitor)
            }
            try scanner.expectEnd()
            section = nil
            guard let version else { throw scanner.failure("missing field 'formatVersion'", at: documentStart) }
            if let missing = Section.allCases.first(where: { marks[$0.rawValue] == nil }) {
                throw scanner.failure("missing field '\(Self.name(missing))'", at: documentStart)
            }
            return Layout(formatVersion: version, sections: marks.map { $0! })
        } catch let failure as JSONFileScanner.Failure {
            throw malformed(failure)
        }
    }

    /// Reads one section again from where `readDocument` found it.
    mutating func readSection(_ s: Section, of layout: Layout, _ visitor: inout some PortfolioValueVisitor) throws {
        do {
            scanner.seek(to: layout.sections[s.rawValue])
            try readArray(s, &visitor)
        } catch let failure as JSONFileScanner.Failure {
            throw malformed(failure)
        }
    }

    private mutating func readArray(_ s: Section, _ visitor: inout some PortfolioValueVisitor) throws {
        section = Self.name(s)
        element = 0
        try scanner.expect(UInt8(ascii: "["), "'[' (a list)")
        var first = true
        while try scanner.nextElement(first: first) {
            first = false
            let line = try scanner.mark().line
            switch s {
            case .municipalities: try visitor.visit(try municipality(), line: line)
            case .projects: try visitor.visit(try project(), line: line)
            case .reports: try visitor.visit(try report(), line: line)
            case .kpis: try visitor.visit(try kpi(), line: line)
            case .readings: try visitor.visit(try reading(), line: line)
            case .risks: try visitor.visit(try risk(), line: line)
            }
            element += 1
        }
        section = nil
        try visitor.finished(s)
    }

    /// The scanner's failure as `PortfolioFileError.malformed` naming file, line, column and
    /// the path of the value.
    private func malformed(_ failure: JSONFileScanner.Failure) -> PortfolioFileError {
        var path = section.map { "\($0)[\(element)]" } ?? ""
        if let field { path += path.isEmpty ? field : ".\(field)" }
        let column = scanner.column(offset: failure.offset, lineStart: failure.lineStart)
        let place = "line \(failure.line), column \(column): " + (path.isEmpty ? "" : "\(path): ")
        return PortfolioFileError.malformed(source: source, detail: place + failure.message)
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
        "challenge", "id", "impact", "isOpen", "measure", "owner", "probability", "projectID", "title",
    ]
    private static let municipalityKeys = keys(municipalityFields)
    private static let projectKeys = keys(projectFields)
    private static let reportKeys = keys(reportFields)
    private static let kpiKeys = keys(kpiFields)
    private static let readingKeys = keys(readingFields)
    private static let riskKeys = keys(riskFields)

    // MARK: - Values

    /// Walks the members of one object, calling `body` with the position of each known key
    /// in `names` (unknown keys are skipped), then fails for the first name of `required`
    /// (positions, in the order the decoder checks them) that did not occur.
    private mutating func object(_ keys: [[UInt8]], _ names: [String], required: [Int],
                                 _ body: (inout Self, Int) throws -> Void) throws {
        let start = try scanner.mark()
        try scanner.expect(UInt8(ascii: "{"), "an object")
        var seen: UInt32 = 0
        var first = true
        var hint = 0
        while try scanner.nextMember(first: first) {
            first = false
            guard let k = try scanner.key(in: keys, hint: hint) else {
                try scanner.skipValue()
                continue
            }
            hint = k + 1
            field = names[k]
            try body(&self, k)
            field = nil
            seen |= 1 << k
        }
        if let missing = required.first(where: { seen & (1 << $0) == 0 }) {
            throw scanner.failure("missing field '\(names[missing])'", at: start)
        }
    }

    private mutating func municipality() throws -> Municipality {
        var id = "", name = "", kind = MunicipalityKind.municipality, population = 0
        try object(Self.municipalityKeys, Self.municipalityFields, required: [0, 2, 1, 3]) { r, k in
            switch k {
            case 0: id = try r.string()
            case 1: kind = try r.enumValue()
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
            case 2: p.continuation = try r.enumValue()
            case 3: p.field = try r.enumValue()
            case 4: p.fundingEnd = try r.optionalMonth()
            case 5: p.fundingSource = try r.string()
            case 6: p.id = try r.string()
            case 7: p.municipalityID = try r.string()
            case 8: p.name = try r.string()
            case 9: p.owner = try r.string()
            case 10: p.phase = try r.enumValue()
            case 11: p.reusedByOthers = try r.bool()
            case 12: p.solutionKind = try r.enumValue()
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
            case 2: v.cost = try r.enumValue()
            case 3: v.month = try r.month()
            case 4: v.nextSteps = try r.string()
            case 5: v.overall = try r.enumValue()
            case 6: v.progress = try r.int()
            case 7: v.projectID = try r.string()
            case 8: v.results = try r.enumValue()
            case 9: v.risksAndMeasures = try r.string()
            case 10: v.schedule = try r.enumValue()
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
            case 0: v.direction = try r.enumValue()
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
        try object(Self.riskKeys, Self.riskFields, required: [1, 7, 8, 0, 6, 2, 4, 5, 3]) { r, k in
            switch k {
            case 0: v.challenge = try r.enumValue()
            case 1: v.id = try r.string()
            case 2: v.impact = try r.int()
            case 3: v.isOpen = try r.bool()
            case 4: v.measure = try r.string()
            case 5: v.owner = try r.string()
            case 6: v.probability = try r.int()
            case 7: v.projectID = try r.string()
            default: v.title = try r.string()
            }
        }
        return v
    }

    // MARK: - Scalars

    private func string() throws -> String { try scanner.string() }
    private func bool() throws -> Bool { try scanner.bool() }
    private func int64() throws -> Int64 { try scanner.int64() }

    private func int() throws -> Int {
        let mark = try scanner.mark()
        let value = try scanner.int64()
        guard let int = Int(exactly: value) else { throw scanner.failure("\(value) does not fit into Int", at: mark) }
        return int
    }

    private func month() throws -> YearMonth {
        let mark = try scanner.mark()
        let text = try scanner.string()
        guard let month = YearMonth(text) else {
            throw scanner.failure("'\(text)' is not a month in the form YYYY-MM", at: mark)
        }
        return month
    }

    private func optionalMonth() throws -> YearMonth? {
        if try scanner.peek() == UInt8(ascii: "n") {
            try scanner.null()
            return nil
        }
        return try month()
    }

    private func decimal() throws -> Decimal {
        let mark = try scanner.mark()
        let text = try scanner.numberText()
        guard let value = DecimalColumn.parse(text) else {
            throw scanner.failure("\(text) is not a decimal number", at: mark)
        }
        return value
    }

    /// An ISO 8601 date as the `.iso8601` strategy of `JSONDecoder` reads it.
    private func date() throws -> Date {
        let mark = try scanner.mark()
        let text = try scanner.string()
        // The form every export writes (whole seconds, UTC) is read straight from its bytes.
        if text.utf8.count == 20, let date = Timestamp.parse(text) { return date }
        // Other ISO forms (an offset instead of Z) only when the date and time they name exist.
        if let date = ISOTimestamp.parse(text) { return date }
        throw scanner.failure("'\(text)' is not an existing time in ISO 8601 form such as 2025-03-04T16:40:12Z", at: mark)
    }

    private func enumValue<E: RawRepresentable & CaseIterable>() throws -> E where E.RawValue == String {
        let mark = try scanner.mark()
        let text = try scanner.string()
        guard let value = E(rawValue: text) else {
            let allowed = E.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw scanner.failure("'\(text)' is not one of \(allowed)", at: mark)
        }
        return value
    }
}
