import LotseDomain

/// One problem in a data file (questionnaire, answers), with where to look.
public struct FileProblem: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the place cannot be found in the text.
    public var line: Int?
    /// 1-based; only known for syntax errors.
    public var column: Int?
    /// What the problem is about: a key path (`statements[3].weight`) or a part of the
    /// questionnaire (`statement STR-4 (weight)`), in English.
    public var item: String
    /// The questionnaire part and its key the problem is about, when the validator named
    /// one, so that `item` can be told in another language.
    public var part: QuestionnaireProblem.Item?
    public var field: String?
    /// What is wrong, to be told in the user's language.
    public var kind: TOMLProblem

    public init(file: String, line: Int?, column: Int? = nil, item: String, kind: TOMLProblem,
                part: QuestionnaireProblem.Item? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.item = item
        self.kind = kind
        self.part = part
        self.field = field
    }

    /// A problem told by a sentence already in the user's language.
    public init(file: String, line: Int?, column: Int? = nil, item: String, message: String) {
        self.init(file: file, line: line, column: column, item: item, kind: .text(message))
    }

    /// The English sentence.
    public var message: String { kind.description }

    /// In the order of the file; problems without a line last, keeping their order.
    static func inFileOrder(_ problems: [FileProblem]) -> [FileProblem] {
        problems.enumerated().sorted { ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset) }
            .map(\.element)
    }

    /// `file:line:column: item: message`, the form editors and terminals link to.
    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return item.isEmpty ? "\(place): \(message)" : "\(place): \(item): \(message)"
    }
}

/// Why a data file was not loaded. Loading never half-succeeds: any of these means
/// nothing from the file was used.
public enum DataFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file cannot be read (missing, no permission, not UTF-8).
    case unreadable(file: String, reason: String)
    /// The text is not valid TOML.
    case syntax(FileProblem)
    /// Keys are missing, unknown or of the wrong type.
    case structure([FileProblem])
    /// The values break the rules (e.g. a statement in an unknown dimension).
    case invalid([FileProblem])
    /// The file shipped with Lotse is not installed next to the executable.
    case notInstalled(file: String, searched: [String])

    /// Every problem, for callers that list them.
    public var problems: [FileProblem] {
        switch self {
        case .syntax(let problem): [problem]
        case .structure(let problems), .invalid(let problems): problems
        case .unreadable, .notInstalled: []
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot be read (\(reason))"
        case .syntax(let problem):
            return "\(problem) (TOML syntax)"
        case .structure(let problems), .invalid(let problems):
            let head = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
            let file = problems.first?.file ?? "file"
            return "\(file) was not loaded, \(head):\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        case .notInstalled(let file, let searched):
            return "\(file) is not installed; looked in: " + searched.joined(separator: ", ")
        }
    }
}

extension DataFileError: DescribedFileError {
    /// The error as parts a text table renders, with the problems in English.
    public var fileReport: FileErrorReport {
        fileReport(message: \.description, part: \.description, reason: { $0 })
    }

    /// The error as parts a text table renders, each problem told by `message`, each
    /// questionnaire part named by `part` and the reason a file cannot be read by `reason`
    /// (all in the user's language).
    public func fileReport(message: (TOMLProblem) -> String, part: (QuestionnaireProblem.Item) -> String,
                           reason: (String) -> String) -> FileErrorReport {
        func items(_ problems: [FileProblem]) -> [FileErrorReport.Item] {
            problems.map { problem in
                let item = problem.part.map { part($0) + (problem.field.map { " (\($0))" } ?? "") } ?? problem.item
                return .text(line: problem.line, column: problem.column, item: item, message: message(problem.kind))
            }
        }
        switch self {
        case .unreadable(let file, let why):
            return FileErrorReport(file: file, headline: .unreadable(reason: reason(why)), items: [])
        case .syntax(let problem):
            return FileErrorReport(file: problem.file, headline: .refused, items: items([problem]), tomlSyntax: true)
        case .structure(let problems), .invalid(let problems):
            return FileErrorReport(file: problems.first?.file ?? "", headline: .refused, items: items(problems))
        case .notInstalled(let file, let searched):
            return FileErrorReport(file: file, headline: .notInstalled(searched: searched), items: [])
        }
    }
}

extension DataFileError {
    /// Reasons of `unreadable` that the text tables tell in the user's language.
    public static let noSuchFile = "no such file"
    public static let notUTF8 = "not UTF-8 text"
}
