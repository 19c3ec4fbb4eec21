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
    func report(_ path: String, id: String? = nil, _ kind: TOMLProblem) {
        let line = map.line(of: path) ?? id.flatMap(map.line(ofID:))
        let item = id.map { "\(path) (id \($0))" } ?? path
        problems.append(FileProblem(file: file, line: line, item: item, kind: kind))
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

    func report(_ key: String?, _ kind: TOMLProblem) {
        reading.report(key.map(keyPath) ?? path, id: id, kind)
    }

    /// Records every key that is not in `allowed` (a typo would otherwise go unnoticed).
    func rejectUnknownKeys(allowed: [String]) {
        for key in table.keys.sorted() where !allowed.contains(key) {
            report(key, .unknownKey(key, allowed: allowed))
        }
    }

    private func value(_ key: String, expected: TOMLType, what: TOMLProblem.Expected) -> TOMLValueConvertible? {
        guard let value = table[key] else {
            report(key, .missingKey(key, what))
            return nil
        }
        guard value.type == expected else {
            report(key, .wrongType(what, found: Self.kind(of: value.type), inList: false))
            return nil
        }
        return value
    }

    func string(_ key: String) -> String? { value(key, expected: .string, what: .string)?.string }

    func int(_ key: String) -> Int? { value(key, expected: .int, what: .integer)?.int }

    func table(_ key: String) -> TOMLNode? {
        value(key, expected: .table, what: .table).flatMap(\.table).map {
            TOMLNode(table: $0, path: keyPath(key), reading: reading)
        }
    }

    func strings(_ key: String) -> [String]? {
        guard let array = value(key, expected: .array, what: .arrayOfStrings)?.array else { return nil }
        var result: [String] = []
        for (i, element) in array.enumerated() {
            guard let text = element.string else {
                report("\(key)[\(i)]", .wrongType(.string, found: Self.kind(of: element.type), inList: false))
                return nil
            }
            result.append(text)
        }
        return result
    }

    /// The elements of an array of tables (`[[key]]`), each with its path `key[i]`.
    func tables(_ key: String) -> [TOMLNode]? {
        guard let array = value(key, expected: .array, what: .arrayOfTables(key))?.array else {
            return nil
        }
        var result: [TOMLNode] = []
        for (i, element) in array.enumerated() {
            guard let table = element.table else {
                report("\(key)[\(i)]", .wrongType(.tableInArray(key), found: Self.kind(of: element.type), inList: false))
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
            report(key, .unknownPhase(text, allowed: Phase.allCases.map(\.rawValue)))
            return nil
        }
        return phase
    }

    static func kind(of type: TOMLType) -> TOMLProblem.ValueType {
        switch type {
        case .table: .table
        case .array: .array
        case .string: .string
        case .int: .integer
        case .double: .float
        case .bool: .boolean
        case .date: .date
        case .time: .time
        case .dateTime: .dateTime
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
                                                   item: "", kind: problem.kind))
        }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw DataFileError.syntax(FileProblem(
                file: file, line: error.source.begin.line, column: error.source.begin.column,
                item: "", kind: parserProblem(error.description)))
        }
    }

    /// The parser's sentence as a kind: a key or table defined twice is told in every
    /// language; any other sentence stays the parser's own (English).
    static func parserProblem(_ message: String) -> TOMLProblem {
        // toml++: "…: cannot redefine existing integer 'STR-1'", "… table 'a' as array-of-tables",
        // and without the key: "… integer as dotted key-value pair".
        guard let range = message.range(of: "cannot redefine existing ") else { return .parser(message) }
        if let open = message[range.upperBound...].firstIndex(of: "'"),
           let close = message.lastIndex(of: "'"), open < close {
            return .redefined(key: String(message[message.index(after: open)..<close]), original: message)
        }
        return .redefined(key: "", original: message)
    }
}
