import Foundation
import LotseDomain
import TOMLKit

/// A colour theme file (format in `Themes/README.md`) read into plain text values, not yet
/// checked against the screen's roles.
///
/// LotseStore may not see TermCanvas, where roles and themes live, so the reading stops at
/// standard types: role name → key → value text, the form `TermCanvas.ThemeDefinition`
/// takes. Numbers become their digits, lists of names a comma-separated text. The caller
/// checks roles, keys and values there and places each problem with `line(role:key:)`.
public struct ThemeFileContent: Sendable {
    /// The file as named by the caller, for messages.
    public var file: String
    /// The file name without folder and `.toml`: `high-contrast`.
    public var name: String
    /// The one-line description (`description.de`, `description.en`), if the file has one.
    public var description: LocalizedText?
    /// Role name → key → value text.
    public var roles: [String: [String: String]]
    /// The file's text: its lines are looked up only when a problem is reported.
    let text: String

    /// The line of `key` in the table `[role]`, else of the table's header.
    public func line(role: String, key: String?) -> Int? {
        TOMLSourceMap(text: text).line(of: key.map { "\(role).\($0)" } ?? role)
    }

    /// A problem at the line of `role`/`key`, in the form of every other data file.
    public func problem(role: String, key: String?, item: String, message: String) -> FileProblem {
        FileProblem(file: file, line: line(role: role, key: key), item: item, message: message)
    }

    /// A problem of a kind at the line of `role`/`key`.
    public func problem(role: String, key: String?, item: String, kind: TOMLProblem) -> FileProblem {
        FileProblem(file: file, line: line(role: role, key: key), item: item, kind: kind)
    }
}

public enum ThemeFile {
    /// Reads the theme file at `path`.
    public static func load(path: String) throws -> ThemeFileContent {
        try parse(try QuestionnaireFile.readText(path: path), file: path)
    }

    /// Reads theme TOML; `file` names the source in messages and gives the theme its name.
    /// Throws `DataFileError.syntax` for bad TOML and `.structure` for values that are not
    /// tables, numbers, texts or lists of texts, with every problem at once.
    public static func parse(_ text: String, file: String) throws -> ThemeFileContent {
        let root = try TOMLReading.parse(text, file: file)
        let reading = TOMLReading(file: file, text: text)
        let document = TOMLNode(table: root, path: "", reading: reading)
        var description: LocalizedText?
        var roles: [String: [String: String]] = [:]
        for key in root.keys.sorted() {
            if key == "description" {  // the one top-level key that is not a role
                description = document.text(key)
                continue
            }
            guard let table = root[key]?.table else {
                document.report(key, .wrongType(.roleTable(key), found: TOMLNode.kind(of: root[key]?.type ?? .table),
                                                inList: false))
                continue
            }
            var values: [String: String] = [:]
            for valueKey in table.keys.sorted() {
                guard let value = table[valueKey] else { continue }
                switch Self.text(of: value) {
                case .success(let text): values[valueKey] = text
                case .failure(let found):
                    reading.report("\(key).\(valueKey)", .wrongType(.themeValue, found: found.type, inList: found.inList))
                }
            }
            roles[key] = values
        }
        guard reading.problems.isEmpty else {
            throw DataFileError.structure(FileProblem.inFileOrder(reading.problems))
        }
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return ThemeFileContent(file: file, name: name, description: description, roles: roles, text: reading.text)
    }

    /// The value as text; else what was found instead.
    private static func text(of value: TOMLValueConvertible) -> Result<String, WrongType> {
        switch value.type {
        case .int: return value.int.map { .success(String($0)) } ?? .failure(WrongType(.integer))
        case .string: return value.string.map { .success($0) } ?? .failure(WrongType(.string))
        case .array:
            guard let array = value.array else { return .failure(WrongType(.array)) }
            var parts: [String] = []
            for element in array {
                guard let text = element.string else {
                    return .failure(WrongType(TOMLNode.kind(of: element.type), inList: true))
                }
                parts.append(text)
            }
            return .success(parts.joined(separator: ", "))
        default: return .failure(WrongType(TOMLNode.kind(of: value.type)))
        }
    }

    private struct WrongType: Error {
        var type: TOMLProblem.ValueType
        /// Whether an element of a list has the type.
        var inList = false
        init(_ type: TOMLProblem.ValueType, inList: Bool = false) {
            self.type = type
            self.inList = inList
        }
    }
}
