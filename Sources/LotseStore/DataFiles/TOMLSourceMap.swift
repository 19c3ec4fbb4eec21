import Foundation

/// Where keys stand in a TOML text, so messages about parsed values can name a line.
///
/// TOMLKit gives positions only for syntax errors, not for the values it parsed. So the
/// text is scanned once, line by line, for table headers (`[scale]`, `[[statements]]`) and
/// key lines (`weight = 3`, `text.de = "…"`, `"STR-1" = 4`), and each is recorded under its
/// full key path: `scale.min`, `statements[3].weight` (the n-th `[[statements]]` header is
/// element n-1, as in the parsed array). A lookup that finds no line for a path tries its
/// parents, so a problem with `statements[3].text.de` falls back to the line of the
/// `[[statements]]` header. For tables written inline (`statements = [{ id = "X", … }]`)
/// there are no headers; `line(ofID:)` finds the `id = "X"` instead.
///
/// The scan understands comments, quoted keys and multi-line strings; values spanning
/// several lines (arrays) only need their first line to be a key line. It never fails:
/// what it does not understand it skips, and the message then goes without a line.
struct TOMLSourceMap {
    private var lines: [String: Int] = [:]
    private var idLines: [String: Int] = [:]

    init(text: String) {
        var prefix = ""
        var arrayCounts: [String: Int] = [:]
        var openMultiline: String?
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = Array(raw)
            if let delimiter = openMultiline {
                if Self.occurrences(of: delimiter, in: raw) % 2 == 1 { openMultiline = nil }
                continue
            }
            var i = 0
            while i < line.count, line[i] == " " || line[i] == "\t" { i += 1 }
            guard i < line.count, line[i] != "#" else { continue }
            for id in Self.inlineIDs(in: raw) where idLines[id] == nil { idLines[id] = number }

            if line[i] == "[" {
                let isArray = i + 1 < line.count && line[i + 1] == "["
                guard let (parts, _) = Self.key(in: line, from: i + (isArray ? 2 : 1)) else { continue }
                var path = ""
                for (n, part) in parts.enumerated() {
                    path = path.isEmpty ? part : path + "." + part
                    let isLast = n == parts.count - 1
                    if isLast && isArray {
                        let count = arrayCounts[path, default: 0]
                        arrayCounts[path] = count + 1
                        path += "[\(count)]"
                    } else if let count = arrayCounts[path] {
                        path += "[\(count - 1)]"
                    }
                }
                prefix = path
                record(path, number)
                continue
            }

            guard let (parts, end) = Self.key(in: line, from: i), end < line.count, line[end] == "=" else { continue }
            let path = ([prefix].filter { !$0.isEmpty } + parts).joined(separator: ".")
            record(path, number)
            let value = raw.dropFirst(end + 1)
            for delimiter in ["\"\"\"", "'''"] where Self.occurrences(of: delimiter, in: value) % 2 == 1 {
                openMultiline = delimiter
            }
        }
    }

    private mutating func record(_ path: String, _ line: Int) {
        if lines[path] == nil { lines[path] = line }
    }

    /// The line of `path` (e.g. `statements[3].weight`), else of its nearest parent up to
    /// the array element: the line of the whole array would point at the wrong element.
    func line(of path: String) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }), path[cut] == "." else { return nil }
            path = String(path[..<cut])
        }
        return nil
    }

    /// The first line `id = "<id>"` in any table.
    func line(ofID id: String) -> Int? { idLines[id] }

    // MARK: - Scanning

    /// Parses a dotted key (`a.b`, `"quoted key".c`, `'literal'`) starting at `start`;
    /// returns its parts and the index of the first character after it and its trailing
    /// blanks (where `=` or `]` should stand).
    private static func key(in line: [Character], from start: Int) -> ([String], Int)? {
        var parts: [String] = []
        var i = start
        func skipBlanks() { while i < line.count, line[i] == " " || line[i] == "\t" { i += 1 } }
        while true {
            skipBlanks()
            guard i < line.count else { return nil }
            var part = ""
            if line[i] == "\"" || line[i] == "'" {
                let quote = line[i]
                i += 1
                while i < line.count, line[i] != quote {
                    if quote == "\"", line[i] == "\\", i + 1 < line.count { i += 1 }
                    part.append(line[i])
                    i += 1
                }
                guard i < line.count else { return nil }
                i += 1
            } else {
                while i < line.count, line[i].isLetter || line[i].isNumber || line[i] == "_" || line[i] == "-" {
                    part.append(line[i])
                    i += 1
                }
                guard !part.isEmpty else { return nil }
            }
            parts.append(part)
            skipBlanks()
            if i < line.count, line[i] == "." {
                i += 1
                continue
            }
            return (parts, i)
        }
    }

    /// The values of every `id = "…"` in the line: a key line, or inline tables such as
    /// `{ id = "S1", weight = 1 }`.
    private static func inlineIDs(in line: Substring) -> [String] {
        var ids: [String] = []
        var rest = line
        while let range = rest.range(of: "id") {
            let before = rest[..<range.lowerBound].last
            var after = rest[range.upperBound...].drop { $0 == " " || $0 == "\t" }
            rest = rest[range.upperBound...]
            guard before == nil || before == " " || before == "\t" || before == "{" || before == ",",
                  after.first == "=" else { continue }
            after = after.dropFirst()
            if let id = quotedValue(after) { ids.append(id) }
        }
        return ids
    }

    /// The text of a plain `"…"` value at the start of `value`, without escapes.
    private static func quotedValue(_ value: Substring) -> String? {
        let trimmed = value.drop { $0 == " " || $0 == "\t" }
        guard trimmed.first == "\"" else { return nil }
        let rest = trimmed.dropFirst()
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<close])
    }

    private static func occurrences(of delimiter: String, in text: Substring) -> Int {
        var count = 0
        var rest = text
        while let range = rest.range(of: delimiter) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
