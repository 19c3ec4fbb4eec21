import Foundation

/// A CSV file as offices write it (Excel, LibreOffice, other programs): the encoding and
/// the separator found out, split into records whose every field knows its line and column.
///
/// Written here rather than taken from a CSV package: the ones available report a
/// malformed record without its place, and every message of an import names line and column.
public struct CSVText: Sendable, Equatable {
    public enum Encoding: String, Sendable, Equatable {
        case utf8, utf8WithBOM, windows1252
    }

    public struct Field: Sendable, Equatable {
        public var text: String
        /// 1-based; the line and column where the field starts (its opening quote, if quoted).
        public var line: Int
        public var column: Int
    }

    public struct Record: Sendable, Equatable {
        public var fields: [Field]
        /// The line the record starts on.
        public var line: Int { fields.first?.line ?? 0 }
    }

    /// Why a file could not be read as CSV at all; nothing of it is used.
    public enum Problem: Error, Sendable, Equatable {
        /// UTF-16 or UTF-32 (Excel's "Unicode text"): `name` says which.
        case unsupportedEncoding(name: String)
        /// A byte no encoding we read accepts (NUL, or undefined in Windows-1252).
        case undecodableByte(line: Int, column: Int, byte: UInt8)
        /// A quoted field that never ends; the place of its opening quote.
        case unterminatedQuote(line: Int, column: Int)
        /// Characters after a field's closing quote: `"Bad"x;`.
        case textAfterQuote(line: Int, column: Int)
        /// No header line.
        case empty
    }

    public var encoding: Encoding
    public var delimiter: Character
    public var records: [Record]

    /// Decodes and splits `bytes`. The separator is the one of `;`, `,` and tab that occurs
    /// most often outside quotes in the first line (`;` on a tie, as German spreadsheets write).
    public static func read(_ bytes: [UInt8]) throws(Problem) -> CSVText {
        let (text, encoding) = try decode(bytes)
        let delimiter = detectDelimiter(text)
        let records = try split(text, delimiter: delimiter)
        guard !records.isEmpty else { throw .empty }
        return CSVText(encoding: encoding, delimiter: delimiter, records: records)
    }

    // MARK: - Encoding

    /// UTF-8 (with or without byte-order mark), else Windows-1252, the encoding of a
    /// German Excel's "CSV (Trennzeichen-getrennt)".
    static func decode(_ bytes: [UInt8]) throws(Problem) -> (String, Encoding) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .unsupportedEncoding(name: bytes.starts(with: [0xFF, 0xFE, 0, 0]) ? "UTF-32" : "UTF-16")
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = bytes.starts(with: bom) ? Array(bytes.dropFirst(3)) : bytes
        if let nul = body.firstIndex(of: 0) {
            let (line, column) = place(of: nul, in: body)
            throw .undecodableByte(line: line, column: column, byte: 0)
        }
        if let text = String(validating: body, as: UTF8.self) {
            return (text, bytes.starts(with: bom) ? .utf8WithBOM : .utf8)
        }
        var scalars = String.UnicodeScalarView()
        for (i, byte) in body.enumerated() {
            guard let scalar = windows1252(byte) else {
                let (line, column) = place(of: i, in: body)
                throw .undecodableByte(line: line, column: column, byte: byte)
            }
            scalars.append(scalar)
        }
        return (String(scalars), .windows1252)
    }

    /// The character of one Windows-1252 byte; nil for the five bytes it leaves undefined.
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar? {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let table: [UInt32?] = [
            0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
            nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
        ]
        return table[Int(byte) - 0x80].flatMap(Unicode.Scalar.init)
    }

    /// Line and column (in bytes, 1-based) of byte `index`.
    private static func place(of index: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, start = 0
        for i in 0..<index where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            start = i + 1
        }
        return (line, index - start + 1)
    }

    // MARK: - Splitting

    static func detectDelimiter(_ text: String) -> Character {
        var counts: [Character: Int] = [";": 0, ",": 0, "\t": 0]
        var quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() }
            if !quoted, c == "\n" || c == "\r\n" { break }
            if !quoted, counts[c] != nil { counts[c]! += 1 }
        }
        let best = counts.values.max() ?? 0
        for candidate in [";", ",", "\t"] as [Character] where counts[candidate] == best { return candidate }
        return ";"
    }

    /// RFC 4180 with the tolerances of spreadsheets: CRLF or LF, a quote inside an unquoted
    /// field taken as it is, blank lines skipped.
    static func split(_ text: String, delimiter: Character) throws(Problem) -> [Record] {
        var records: [Record] = []
        var fields: [Field] = []
        var current = ""
        var line = 1, column = 1
        var start = (line: 1, column: 1)
        enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
        var state = State.fieldStart

        func endField() {
            fields.append(Field(text: current, line: start.line, column: start.column))
            current = ""
        }
        func endRecord() {
            // A line with nothing on it is no record.
            if !(fields.count == 1 && fields[0].text.isEmpty && state != .quoteInQuoted) {
                records.append(Record(fields: fields))
            }
            fields = []
        }

        for c in text {
            let isNewline = c == "\n" || c == "\r\n" || c == "\r"
            switch state {
            case .fieldStart, .unquoted:
                if state == .fieldStart { start = (line, column) }
                if c == "\"" && state == .fieldStart {
                    state = .quoted
                } else if c == delimiter {
                    endField()
                    state = .fieldStart
                } else if isNewline {
                    endField()
                    endRecord()
                    state = .fieldStart
                } else {
                    current.append(c)
                    state = .unquoted
                }
            case .quoted:
                if c == "\"" { state = .quoteInQuoted } else { current.append(c) }
            case .quoteInQuoted:
                if c == "\"" {
                    current.append("\"")
                    state = .quoted
                } else if c == delimiter {
                    endField()
                    state = .fieldStart
                } else if isNewline {
                    endField()
                    endRecord()
                    state = .fieldStart
                } else {
                    throw .textAfterQuote(line: line, column: column)
                }
            }
            if isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        switch state {
        case .quoted: throw .unterminatedQuote(line: start.line, column: start.column)
        case .unquoted, .quoteInQuoted:
            endField()
            endRecord()
        case .fieldStart:
            // After a delimiter at the very end: one more (empty) field.
            if !fields.isEmpty {
                endField()
                endRecord()
            }
        }
        return records
    }
}
