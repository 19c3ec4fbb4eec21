import LotseDomain
import TOMLKit

/// Collects the problems found while reading one file, each with its line.
final class TOMLReading {
    let file: String
    let text: String
    /// Scanned only when a problem needs a line: a file without problems (the built-in
    /// questionnaire at every start) never pays for it.
    private(set) lazy var map = TOMLSourceMap(text: text)
    private(set) var problems: [FileProblem] = []

    init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    /// Records a problem at key path `path`; `id` helps find the line of inline tables.
    func report(_ path: String, id: String? = nil, _ message: String) {
        let line = map.line(of: path) ?? id.flatMap(map.line(ofID:))
        let item = id.map { "\(path) (id \($0))" } ?? path
        problems.append(FileProblem(file: file, line: line, item: item, message: message))
    }

    func append(_ problem: FileProblem) { problems.append(problem) }
}

/// A table of a parsed TOML document at a known key path. Reading a value that is missing
/// or of the wrong type records a problem and returns nil, so one pass finds every
/// problem of a file instead of stopping at the first.
struct TOMLNode {
    let table: TOMLTable
    /// Full key path of this table: "" for the document, `scale`, `statements[3]`.
    let path: String
    let reading: TOMLReading
    /// The table's `id`, when it has one, to name it in messages.
    var id: String?

    init(table: TOMLTable, path: String, reading: TOMLReading) {
        self.table = table
        self.path = path
        self.reading = reading
        id = table["id"]?.string
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func report(_ key: String?, _ message: String) {
        reading.report(key.map(keyPath) ?? path, id: id, message)
    }

    /// Records every key that is not in `allowed` (a typo would otherwise go unnoticed).
    func rejectUnknownKeys(allowed: [String]) {
        for key in table.keys.sorted() where !allowed.contains(key) {
            report(key, "unknown key '\(key)'; allowed here: \(allowed.joined(separator: ", "))")
        }
    }

    private func value(_ key: String, expected: TOMLType, what: String) -> TOMLValueConvertible? {
        guard let value = table[key] else {
            report(key, "missing key '\(key)' (\(what))")
            return nil
        }
        guard value.type == expected else {
            report(key, "expected \(what), found \(Self.name(of: value.type))")
            return nil
        }
        return value
    }

    func string(_ key: String) -> String? { value(key, expected: .string, what: "a string")?.string }

    func int(_ key: String) -> Int? { value(key, expected: .int, what: "an integer")?.int }

    func table(_ key: String) -> TOMLNode? {
        value(key, expected: .table, what: "a table").flatMap(\.table).map {
            TOMLNode(table: $0, path: keyPath(key), reading: reading)
        }
    }

    func strings(_ key: String) -> [String]? {
        guard let array = value(key, expected: .array, what: "an array of strings")?.array else { return nil }
        var result: [String] = []
        for (i, element) in array.enumerated() {
            guard let text = element.string else {
                report("\(key)[\(i)]", "expected a string, found \(Self.name(of: element.type))")
                return nil
            }
            result.append(text)
        }
        return result
    }

    /// The elements of an array of tables (`[[key]]`), each with its path `key[i]`.
    func tables(_ key: String) -> [TOMLNode]? {
        guard let array = value(key, expected: .array, what: "an array of tables ([[\(key)]])")?.array else {
            return nil
        }
        var result: [TOMLNode] = []
        for (i, element) in array.enumerated() {
            guard let table = element.table else {
                report("\(key)[\(i)]", "expected a table ([[\(key)]]), found \(Self.name(of: element.type))")
                continue
            }
            result.append(TOMLNode(table: table, path: "\(keyPath(key))[\(i)]", reading: reading))
        }
        return result
    }

    /// A text in German and English: `key.de` and `key.en`.
    func text(_ key: String) -> LocalizedText? {
        guard let node = table(key) else { return nil }
        node.rejectUnknownKeys(allowed: ["de", "en"])
        guard let de = node.string("de"), let en = node.string("en") else { return nil }
        return LocalizedText(de: de, en: en)
    }

    func phase(_ key: String) -> Phase? {
        guard let text = string(key) else { return nil }
        guard let phase = Phase(rawValue: text) else {
            report(key, "unknown phase '\(text)'; allowed: \(Phase.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return phase
    }

    static func name(of type: TOMLType) -> String {
        switch type {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .int: "an integer"
        case .double: "a floating-point number"
        case .bool: "a boolean"
        case .date: "a date"
        case .time: "a time"
        case .dateTime: "a date-time"
        }
    }
}

extension TOMLReading {
    /// Parses `text`; a syntax error becomes `DataFileError.syntax` with line and column.
    /// `TOMLSyntaxGuard` sees the text first: TOMLKit's parser aborts the process on some
    /// malformed inputs instead of reporting them, so it only gets text inside the grammar.
    /// A NUL would silently end the text at the C boundary, so it is refused as well.
    static func parse(_ text: String, file: String) throws -> TOMLTable {
        if let problem = TOMLSyntaxGuard.problem(in: text) {
            throw DataFileError.syntax(FileProblem(file: file, line: problem.line, column: problem.column,
                                                   item: "", message: problem.message))
        }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw DataFileError.syntax(FileProblem(
                file: file, line: error.source.begin.line, column: error.source.begin.column,
                item: "", message: error.description))
        }
    }
}
