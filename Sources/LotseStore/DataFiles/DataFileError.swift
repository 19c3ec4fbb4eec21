import LotseDomain

/// One problem in a data file (questionnaire, answers), with where to look.
public struct FileProblem: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the place cannot be found in the text.
    public var line: Int?
    /// 1-based; only known for syntax errors.
    public var column: Int?
    /// What the problem is about: a key path (`statements[3].weight`) or a part of the
    /// questionnaire (`statement STR-4 (weight)`).
    public var item: String
    public var message: String

    public init(file: String, line: Int?, column: Int? = nil, item: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.item = item
        self.message = message
    }

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
    /// The error as parts a text table renders in the user's language. The problems' own
    /// sentences come from the TOML readers and are kept as they are.
    public var fileReport: FileErrorReport {
        func items(_ problems: [FileProblem]) -> [FileErrorReport.Item] {
            problems.map { .text(line: $0.line, column: $0.column, item: $0.item, message: $0.message) }
        }
        switch self {
        case .unreadable(let file, let reason):
            return FileErrorReport(file: file, headline: .unreadable(reason: reason), items: [])
        case .syntax(let problem):
            return FileErrorReport(file: problem.file, headline: .refused, items: items([problem]), tomlSyntax: true)
        case .structure(let problems), .invalid(let problems):
            return FileErrorReport(file: problems.first?.file ?? "", headline: .refused, items: items(problems))
        case .notInstalled(let file, let searched):
            return FileErrorReport(file: file, headline: .notInstalled(searched: searched), items: [])
        }
    }
}
