import Foundation

/// One problem of a portfolio file, with its place and a kind instead of a sentence, so
/// that it can be told in any language (`DataFileStrings` in LotseUI); `description` is the
/// English form for logs.
public struct PortfolioProblem: Equatable, Sendable, CustomStringConvertible {
    /// 1-based; nil when the place is the file as a whole.
    public var line: Int?
    /// 1-based, in characters; only known for problems found while reading.
    public var column: Int?
    /// The value concerned: `projects[12].phase`; empty for the document or when the kind names it.
    public var path: String
    public var kind: Kind

    public init(line: Int?, column: Int? = nil, path: String = "", kind: Kind) {
        self.line = line
        self.column = column
        self.path = path
        self.kind = kind
    }

    /// The English sentence without the place.
    public var message: String { kind.description }

    /// `48:17: projects[12].phase: 'lila' is not a phase; allowed: …` (without the file).
    public var description: String {
        var out = ""
        if let line {
            out += "line \(line)"
            if let column { out += ", column \(column)" }
            out += ": "
        }
        if !path.isEmpty { out += "\(path): " }
        return out + message
    }
}

extension PortfolioProblem {
    /// What a JSON reader found where it expected something else.
    public enum Found: Equatable, Sendable, CustomStringConvertible {
        case text(String), number(String), boolean(Bool), null, object, array, endOfFile
        /// Some other character (`x`, `,`) or a byte that is no character.
        case character(String)
        case byte(UInt8)

        public var description: String {
            switch self {
            case .text(let t): "text '\(t)'"
            case .number(let n): "number \(n)"
            case .boolean(let b): "\(b)"
            case .null: "null"
            case .object: "an object"
            case .array: "a list"
            case .endOfFile: "end of file"
            case .character(let c): "'\(c)'"
            case .byte(let b): "byte 0x\(String(b, radix: 16, uppercase: true))"
            }
        }
    }

    /// What was expected at a place.
    public enum Expected: Equatable, Sendable, CustomStringConvertible {
        /// `{` at the start: a portfolio document is a JSON object.
        case document
        case object, list, text, number, wholeNumber, boolean, null, month, timestamp
        /// A day `YYYY-MM-DD` (a continuation review's `decidedOn`).
        case day
        /// A month text or null (`fundingEnd`).
        case monthOrNull
        /// `,` or `]` inside a list; `,` or `}` inside an object.
        case commaOrListEnd, commaOrObjectEnd
        case key, colon

        public var description: String {
            switch self {
            case .document: "'{' (a portfolio document is a JSON object)"
            case .object: "an object"
            case .list: "'[' (a list)"
            case .text: "a string"
            case .number: "a number"
            case .wholeNumber: "a whole number"
            case .boolean: "true or false"
            case .null: "null"
            case .month: "a month (YYYY-MM)"
            case .timestamp: "a time such as 2025-03-04T16:40:12Z"
            case .day: "a day (YYYY-MM-DD)"
            case .monthOrNull: "a month (YYYY-MM) or null"
            case .commaOrListEnd: "',' or ']'"
            case .commaOrObjectEnd: "',' or '}'"
            case .key: "a key in quotes"
            case .colon: "':' after the key"
            }
        }
    }

    /// The kinds of values with a fixed set of allowed texts.
    public enum Choice: String, Equatable, Sendable, CaseIterable {
        case phase, light, fieldOfAction, solutionKind, continuation, challenge, municipalityKind, kpiDirection
    }

    /// Which kind of value a problem of the checks concerns.
    public enum Subject: Equatable, Sendable, CustomStringConvertible {
        case municipality(String), project(String), kpi(String), risk(String)
        case report(project: String, month: String)
        case reading(kpi: String, month: String)
        /// One revision of a project's continuation review.
        case review(project: String, revision: Int)

        public var description: String {
            switch self {
            case .municipality(let id): "municipality \(id)"
            case .project(let id): "project \(id)"
            case .kpi(let id): "KPI \(id)"
            case .risk(let id): "risk \(id)"
            case .report(let p, let m): "report \(p) \(m)"
            case .reading(let k, let m): "KPI reading \(k) \(m)"
            case .review(let p, let r): "continuation review \(p) revision \(r)"
            }
        }
    }

    /// Kinds of identity that must be unique in a file.
    public enum Identity: Equatable, Sendable, CaseIterable, CustomStringConvertible {
        case municipality, project, kpi, risk, report, reading, review

        public var description: String {
            switch self {
            case .municipality: "municipality id"
            case .project: "project id"
            case .kpi: "KPI id"
            case .risk: "risk id"
            case .report: "report (project, month)"
            case .reading: "KPI reading (KPI, month)"
            case .review: "continuation review (project, revision)"
            }
        }
    }

    /// The multi-line texts of a report.
    public enum ReportText: Equatable, Sendable, CaseIterable, CustomStringConvertible {
        case achieved, nextSteps, risksAndMeasures

        public var description: String {
            switch self {
            case .achieved: "achieved"
            case .nextSteps: "next steps"
            case .risksAndMeasures: "risks and measures"
            }
        }
    }

    public enum Kind: Equatable, Sendable, CustomStringConvertible {
        // Reading: the file is not JSON, or not the shape of a portfolio document.
        case unreadable(reason: String)
        case unexpectedEnd
        case endInsideText
        case expected(Expected, found: Found)
        case trailingContent(found: Found)
        case nestedTooDeeply(limit: Int)
        case invalidUTF8
        case controlCharacterInJSONText
        case invalidEscape(String)
        case invalidUnicodeEscape
        case notANumber(String)
        case notAWholeNumber(String)
        case numberOutOfRange(String)
        case notADecimal(String)
        case notAMonth(String)
        case notATimestamp(String)
        case notADay(String)
        case notAChoice(String, Choice, allowed: [String])
        case duplicateKey(String)
        case missingField(String)
        case negativeVersion(Int)
        case newerVersion(found: Int, supported: Int)
        case fileChanged
        // Checks of the values.
        case duplicate(Identity, id: String)
        case emptyID(Identity)
        case controlCharacterInID(Identity, id: String, character: String)
        case controlCharacterInName(Subject, character: String)
        case controlCharacterInText(Subject, ReportText, character: String)
        case negativePopulation(Subject)
        case unknownMunicipality(Subject, municipality: String)
        case negativeBudget(Subject)
        case fundingEndBeforeStart(Subject, end: String, start: String)
        case emptyName(Subject)
        /// Budget (`spent` false) or money spent beyond `PlausibleValues.moneyLimit`.
        case moneyBeyondLimit(Subject, spent: Bool, euros: Int64, limitEuros: Int64)
        /// A report, KPI or risk of a project the file does not have.
        case unknownProject(Subject, project: String)
        case unknownKPI(Subject)
        case progressOutOfRange(Subject, Int)
        case negativeSpent(Subject)
        case probabilityOutOfRange(Subject, Int)
        case impactOutOfRange(Subject, Int)
        /// A risk with a month of closing that is still open.
        case riskClosedWhileOpen(Subject, closed: String)
        /// A risk closed before the month it was raised.
        case riskClosedBeforeRaised(Subject, closed: String, raised: String)
        /// A continuation review whose revision is below 1 (the first is 1).
        case revisionBelowOne(Subject, Int)
        /// A continuation review with a negative follow-up financing.
        case negativeFollowUp(Subject)

        public var description: String {
            switch self {
            case .unreadable(let reason): "cannot be read (\(reason))"
            case .unexpectedEnd: "unexpected end of file"
            case .endInsideText: "unexpected end of file inside a string"
            case .expected(let e, let found): "expected \(e), found \(found)"
            case .trailingContent(let found): "unexpected \(found) after the end of the document"
            case .nestedTooDeeply(let limit): "values nested too deeply (more than \(limit) levels)"
            case .invalidUTF8: "invalid UTF-8 in a string"
            case .controlCharacterInJSONText: "control character in a string (write it as an escape such as \\n)"
            case .invalidEscape(let e): "invalid escape '\\\(e)' in a string"
            case .invalidUnicodeEscape: "invalid \\u escape (four hexadecimal digits, surrogates in pairs)"
            case .notANumber(let t): "'\(t)' is not a number"
            case .notAWholeNumber(let t): "\(t) is not a whole number"
            case .numberOutOfRange(let t): "number \(t) is too large"
            case .notADecimal(let t): "\(t) is not a decimal number"
            case .notAMonth(let t): "'\(t)' is not a month in the form YYYY-MM"
            case .notATimestamp(let t): "'\(t)' is not an existing time in ISO 8601 form such as 2025-03-04T16:40:12Z"
            case .notADay(let t): "'\(t)' is not an existing day in the form YYYY-MM-DD"
            case .notAChoice(let t, _, let allowed):
                "'\(t)' is not one of " + allowed.map { "'\($0)'" }.joined(separator: ", ")
            case .duplicateKey(let k): "duplicate key '\(k)'"
            case .missingField(let f): "missing field '\(f)'"
            case .negativeVersion(let v): "format version \(v) is negative"
            case .newerVersion(let found, let supported):
                "format version \(found) is newer than this Lotse understands (\(supported))"
            case .fileChanged: "the file changed after it was checked; nothing was imported"
            case .duplicate(let what, let id): "duplicate \(what) '\(id)'"
            case .emptyID(let what): "\(Self.noun(what)): the id is empty"
            case .controlCharacterInID(let what, let id, let c):
                "\(Self.noun(what)) '\(id)': the id contains the control character \(c)"
            case .controlCharacterInName(let s, let c): "\(s): name: contains the control character \(c)"
            case .controlCharacterInText(let s, let field, let c): "\(s): \(field): contains the control character \(c)"
            case .negativePopulation(let s): "\(s): population must not be negative"
            case .unknownMunicipality(let s, let m): "\(s): unknown municipality '\(m)'"
            case .negativeBudget(let s): "\(s): budget must not be negative"
            case .fundingEndBeforeStart(let s, let end, let start): "\(s): end of funding \(end) lies before the start \(start)"
            case .emptyName(let s): "\(s): name is empty"
            case .moneyBeyondLimit(let s, let spent, let euros, let limit):
                "\(s): \(spent ? "money spent" : "budget") \(euros) € is beyond any municipal budget (at most \(limit) €)"
            case .unknownProject(let s, let p):
                if case .report = s { "\(s): unknown project" } else { "\(s): unknown project '\(p)'" }
            case .unknownKPI(let s): "\(s): unknown KPI"
            case .progressOutOfRange(let s, let v): "\(s): progress \(v) is not within 0…100"
            case .negativeSpent(let s): "\(s): money spent must not be negative"
            case .probabilityOutOfRange(let s, let v): "\(s): probability \(v) is not within 1…5"
            case .impactOutOfRange(let s, let v): "\(s): impact \(v) is not within 1…5"
            case .riskClosedWhileOpen(let s, let closed): "\(s): closed in \(closed) but still open"
            case .riskClosedBeforeRaised(let s, let closed, let raised):
                "\(s): closed in \(closed), before it was raised in \(raised)"
            case .revisionBelowOne(let s, let v): "\(s): the revision must be 1 or more (found: \(v))"
            case .negativeFollowUp(let s): "\(s): follow-up financing must not be negative"
            }
        }

        static func noun(_ identity: Identity) -> String {
            switch identity {
            case .municipality: "municipality"
            case .project: "project"
            case .kpi: "KPI"
            case .risk: "risk"
            case .report: "report"
            case .reading: "KPI reading"
            case .review: "continuation review"
            }
        }
    }
}

/// Errors that can be told in another language than English: the structured form that the
/// text tables of LotseUI render (see `DataFileStrings`).
public protocol DescribedFileError: Error {
    /// The error as a file name, a headline and its problems.
    var fileReport: FileErrorReport { get }
}

/// A data file that was refused, as parts a text table can render.
public struct FileErrorReport: Equatable, Sendable {
    public enum Headline: Equatable, Sendable {
        /// The file was refused for the problems listed.
        case refused
        /// Reading stopped at the last problem; what came before it was checked.
        case refusedStopped
        /// The file cannot be read at all.
        case unreadable(reason: String)
        /// A file that ships with Lotse is missing.
        case notInstalled(searched: [String])
    }

    /// One problem: structured (portfolio files) or a sentence from a reader that has no
    /// structured kinds (TOML files), printed as it is.
    public enum Item: Equatable, Sendable {
        case portfolio(PortfolioProblem)
        case text(line: Int?, column: Int?, item: String, message: String)
    }

    public var file: String
    public var headline: Headline
    public var items: [Item]
    /// Problems beyond `items` that were found but not listed.
    public var omitted: Int
    /// Whether the problems are TOML syntax errors (`file` is a TOML file).
    public var tomlSyntax: Bool

    public init(file: String, headline: Headline, items: [Item], omitted: Int = 0, tomlSyntax: Bool = false) {
        self.file = file
        self.headline = headline
        self.items = items
        self.omitted = omitted
        self.tomlSyntax = tomlSyntax
    }
}
