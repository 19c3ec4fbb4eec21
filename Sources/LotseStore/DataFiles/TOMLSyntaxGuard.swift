import LotseDomain

/// Checks that a text is syntactically valid TOML 1.0 before it is handed to TOMLKit.
///
/// TOMLKit's bundled parser (toml++) asserts on some malformed inputs instead of reporting
/// them: a table header whose key does not start with a key character (`[[` and a line
/// break, `[#`), an array closed by `}` (`a=[}`), a date followed by a partial time
/// (`a=1979-05-27 4`). An assertion aborts the whole process. This scanner follows the TOML
/// grammar (ABNF of TOML 1.0) for everything the parser reads character by character —
/// keys, headers, strings, numbers, dates, arrays, inline tables, comments, line ends — and
/// refuses anything outside it with the line and column of the first problem. It is
/// stricter than the grammar in two places: nesting is limited to `maxDepth`, and integers
/// and floats must fit 64 bits. What it accepts, the parser reads without reaching an
/// assertion; meaning (a key defined twice, a table redefined) is still the parser's to
/// judge, and it reports that as an ordinary error.
///
/// It never traps: every index is checked, numbers are parsed with failable initializers,
/// and nesting is bounded, so the scan itself is safe on any input.
public enum TOMLSyntaxGuard {
    /// Arrays and inline tables nested deeper than this are refused (toml++ stops at 256).
    public static let maxDepth = 64

    /// The first syntax problem of `text`, or nil when TOML may parse it.
    public static func problem(in text: String) -> TOMLSyntaxProblem? {
        var scanner = Scanner(Array(text.unicodeScalars))
        do {
            try scanner.document()
            return nil
        } catch {
            return error
        }
    }
}

/// Where a TOML text leaves the grammar, and why (the line and column are 1-based, the
/// column counted in characters).
public struct TOMLSyntaxProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var kind: TOMLProblem

    /// The English sentence.
    public var message: String { kind.description }

    public var description: String { "\(line):\(column): \(message)" }
}

private struct Scanner {
    let s: [Unicode.Scalar]
    var i = 0
    var line = 1
    var lineStart = 0
    var depth = 0

    init(_ scalars: [Unicode.Scalar]) {
        s = scalars
        if s.first == "\u{FEFF}" { i = 1; lineStart = 1 }  // a byte order mark is allowed
    }

    // MARK: - Characters

    var atEnd: Bool { i >= s.count }
    var current: Unicode.Scalar? { i < s.count ? s[i] : nil }
    func peek(_ offset: Int) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }

    func fail(_ kind: TOMLProblem, at index: Int? = nil) -> TOMLSyntaxProblem {
        TOMLSyntaxProblem(line: line, column: (index ?? i) - lineStart + 1, kind: kind)
    }

    /// The character as a message names it: visible, or a named form for one that does not show.
    static func describe(_ c: Unicode.Scalar?) -> TOMLProblem.Character {
        guard let c else { return .endOfFile }
        switch c.value {
        case 0: return .nul
        case 0x0A: return .endOfLine
        case 0x0D: return .carriageReturn
        case 0x09: return .tab
        case 0x20: return .space
        case 0..<0x20, 0x7F, 0x80...0x9F: return .control(hex: hex(c.value))
        default: return .visible(String(Character(c)))
        }
    }

    static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func isBareKey(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
        default: false
        }
    }

    static func isControl(_ c: Unicode.Scalar) -> Bool { c.value < 0x20 || c.value == 0x7F }

    mutating func skipBlanks() { while let c = current, c == " " || c == "\t" { i += 1 } }

    /// A line break (LF or CRLF); moves to the next line.
    mutating func newline() -> Bool {
        if current == "\n" {
            i += 1
        } else if current == "\r", peek(1) == "\n" {
            i += 2
        } else {
            return false
        }
        line += 1
        lineStart = i
        return true
    }

    /// `# …` to the end of the line (not included).
    mutating func comment() throws(TOMLSyntaxProblem) {
        guard current == "#" else { return }
        i += 1
        while let c = current, c != "\n" {
            if c == "\r", peek(1) == "\n" { return }
            if Self.isControl(c) && c != "\t" { throw fail(.controlInComment(Self.describe(c))) }
            i += 1
        }
    }

    /// Blanks, then a comment, then the end of the line or file.
    mutating func endOfLine(after what: TOMLProblem.Part) throws(TOMLSyntaxProblem) {
        skipBlanks()
        try comment()
        guard atEnd || newline() else {
            throw fail(.expectedLineEnd(after: what, found: Self.describe(current)))
        }
    }

    // MARK: - Document

    mutating func document() throws(TOMLSyntaxProblem) {
        while !atEnd {
            skipBlanks()
            guard let c = current else { return }
            if c == "#" || c == "\n" || c == "\r" {
                try endOfLine(after: .blankLine)
            } else if c == "[" {
                try header()
            } else if Self.isBareKey(c) || c == "\"" || c == "'" {
                try keyValue(inline: false)
                try endOfLine(after: .value)
            } else {
                throw fail(.expectedKeyOrHeader(found: Self.describe(c)))
            }
        }
    }

    /// `[key]` or `[[key]]`.
    mutating func header() throws(TOMLSyntaxProblem) {
        let start = i
        i += 1
        let isArray = current == "["
        if isArray { i += 1 }
        let opening = isArray ? "[[" : "["
        skipBlanks()
        guard let c = current, Self.isBareKey(c) || c == "\"" || c == "'" else {
            throw fail(.headerNeedsKey(opening: opening, before: Self.describe(current)))
        }
        try key()
        let closing = isArray ? "]]" : "]"
        guard current == "]", !isArray || peek(1) == "]" else {
            throw fail(.headerNotClosed(column: start - lineStart + 1, closing: closing, found: Self.describe(current)))
        }
        i += isArray ? 2 : 1
        try endOfLine(after: .tableHeader)
    }

    /// `key = value`; inside an inline table the value must end before `,` or `}`.
    mutating func keyValue(inline: Bool) throws(TOMLSyntaxProblem) {
        try key()
        guard current == "=" else {
            throw fail(.expectedEquals(found: Self.describe(current)))
        }
        i += 1
        skipBlanks()
        try value()
    }

    /// A dotted key: simple keys joined by `.`; ends after the blanks that follow it.
    mutating func key() throws(TOMLSyntaxProblem) {
        while true {
            skipBlanks()
            guard let c = current else { throw fail(.keyCutOff) }
            if c == "\"" || c == "'" {
                if peek(1) == c, peek(2) == c { throw fail(.multiLineKey) }
                try singleLineString(quote: c, isKey: true)
            } else if Self.isBareKey(c) {
                while let c = current, Self.isBareKey(c) { i += 1 }
            } else {
                throw fail(.expectedKey(found: Self.describe(c)))
            }
            skipBlanks()
            guard current == "." else { return }
            i += 1
        }
    }

    // MARK: - Values

    mutating func value() throws(TOMLSyntaxProblem) {
        guard let c = current else { throw fail(.valueMissingAtEnd) }
        switch c {
        case "\"", "'":
            if peek(1) == c, peek(2) == c { try multiLineString(quote: c) } else { try singleLineString(quote: c) }
        case "[": try array()
        case "{": try inlineTable()
        case "t", "f":
            for word in ["true", "false"] where matches(word) {
                i += word.unicodeScalars.count
                return try requireTerminator(after: .word(word))
            }
            try bareValue()
        default:
            try bareValue()
        }
    }

    func matches(_ word: String) -> Bool {
        for (n, c) in word.unicodeScalars.enumerated() where peek(n) != c { return false }
        return true
    }

    /// After a value: blanks, a comment, a line end, `,`, `]`, `}` or the end of the file.
    func requireTerminator(after what: TOMLProblem.Part) throws(TOMLSyntaxProblem) {
        guard let c = current else { return }
        switch c {
        case " ", "\t", "\n", "#", ",", "]", "}": return
        case "\r" where peek(1) == "\n": return
        default: throw fail(.expectedTerminator(after: what, found: Self.describe(c)))
        }
    }

    mutating func enter() throws(TOMLSyntaxProblem) {
        depth += 1
        if depth > TOMLSyntaxGuard.maxDepth {
            throw fail(.nestedTooDeeply(limit: TOMLSyntaxGuard.maxDepth))
        }
    }

    /// Blanks, comments and line breaks, as allowed between the elements of an array.
    mutating func skipArraySpace() throws(TOMLSyntaxProblem) {
        while true {
            skipBlanks()
            try comment()
            if !newline() { return }
        }
    }

    mutating func array() throws(TOMLSyntaxProblem) {
        let open = (line, i - lineStart + 1)
        try enter()
        i += 1
        try skipArraySpace()
        while current != "]" {
            guard let c = current else {
                throw TOMLSyntaxProblem(line: open.0, column: open.1, kind: .arrayNotClosed)
            }
            if c == "," || c == "}" { throw fail(.expectedArrayValue(found: Self.describe(c))) }
            try value()
            try skipArraySpace()
            if current == "," {
                i += 1
                try skipArraySpace()
            } else if current != "]" {
                if atEnd {
                    throw TOMLSyntaxProblem(line: open.0, column: open.1, kind: .arrayNotClosed)
                }
                throw fail(.expectedArrayComma(found: Self.describe(current)))
            }
        }
        i += 1
        depth -= 1
        try requireTerminator(after: .array)
    }

    /// `{ a = 1, b.c = "x" }` on one line.
    mutating func inlineTable() throws(TOMLSyntaxProblem) {
        try enter()
        i += 1
        skipBlanks()
        if current == "}" {
            i += 1
            depth -= 1
            return try requireTerminator(after: .inlineTable)
        }
        while true {
            skipBlanks()
            guard let c = current, Self.isBareKey(c) || c == "\"" || c == "'" else {
                throw fail(.expectedInlineKey(found: Self.describe(current)))
            }
            try keyValue(inline: true)
            skipBlanks()
            if current == "," {
                i += 1
                continue
            }
            guard current == "}" else {
                throw fail(.expectedInlineComma(found: Self.describe(current)))
            }
            i += 1
            depth -= 1
            return try requireTerminator(after: .inlineTable)
        }
    }

    // MARK: - Strings

    /// `"…"` with escapes, or `'…'` literally; on one line.
    mutating func singleLineString(quote: Unicode.Scalar, isKey: Bool = false) throws(TOMLSyntaxProblem) {
        let start = i
        i += 1
        while true {
            guard let c = current, c != "\n", !(c == "\r" && peek(1) == "\n") else {
                throw fail(.stringNotClosedOnLine(column: start - lineStart + 1))
            }
            if c == quote {
                i += 1
                if !isKey { try requireTerminator(after: .string) }
                return
            }
            if quote == "\"", c == "\\" {
                try escape(multiLine: false)
                continue
            }
            if Self.isControl(c) && c != "\t" {
                throw fail(.controlInString(Self.describe(c), basic: quote == "\""))
            }
            i += 1
        }
    }

    /// `"""…"""` or `'''…'''`, across lines; up to two quotes may stand before the closing three.
    mutating func multiLineString(quote: Unicode.Scalar) throws(TOMLSyntaxProblem) {
        let open = (line, i - lineStart + 1)
        i += 3
        while true {
            guard let c = current else {
                let q = String(repeating: String(Character(quote)), count: 3)
                throw TOMLSyntaxProblem(line: open.0, column: open.1, kind: .multiLineStringNotClosed(quotes: q))
            }
            if c == quote {
                var run = 0
                while current == quote, run < 6 { run += 1; i += 1 }
                if run >= 3 {
                    if run > 5 { throw fail(.tooManyQuotes, at: i - 1) }
                    return try requireTerminator(after: .string)
                }
                continue
            }
            if newline() { continue }
            if quote == "\"", c == "\\" {
                try escape(multiLine: true)
                continue
            }
            if Self.isControl(c) && c != "\t" {
                throw fail(.controlInString(Self.describe(c), basic: quote == "\""))
            }
            i += 1
        }
    }

    /// After `\` in a basic string.
    mutating func escape(multiLine: Bool) throws(TOMLSyntaxProblem) {
        let start = i
        i += 1
        guard let c = current else { throw fail(.escapeCutOff) }
        switch c {
        case "b", "t", "n", "f", "r", "\"", "\\":
            i += 1
        case "u", "U":
            let count = c == "u" ? 4 : 8
            var value: UInt32 = 0
            for n in 1...count {
                guard let d = peek(n), let digit = UInt32(String(Character(d)), radix: 16) else {
                    throw fail(.escapeNeedsDigits(letter: String(Character(c)), count: count), at: start)
                }
                value = value &* 16 &+ digit
            }
            guard Unicode.Scalar(value) != nil else {
                throw fail(.escapeNamesNoCharacter(letter: String(Character(c)), hex: Self.hex(value)), at: start)
            }
            i += count + 1
        case " ", "\t", "\n", "\r":
            // A line-ending backslash: blanks up to the line break, then all white space.
            guard multiLine else { throw fail(.lineEndingBackslashOutsideMultiLine, at: start) }
            skipBlanks()
            guard newline() else { throw fail(.onlyLineBreakAfterBackslash, at: start) }
            while true {
                skipBlanks()
                if !newline() { break }
            }
        default:
            throw fail(.unknownEscape(Self.describe(c)), at: start)
        }
    }

    // MARK: - Numbers, dates, times

    /// A number, date or time: read as a token, then checked against the grammar.
    mutating func bareValue() throws(TOMLSyntaxProblem) {
        let start = i
        while let c = current, Self.isBareKey(c) || c == "+" || c == "." || c == ":" { i += 1 }
        // A date and a time may be separated by one space: `1979-05-27 07:32:00`.
        if current == " ", Self.isDate(token(from: start)), let h = peek(1), let m = peek(2), peek(3) == ":",
           ("0"..."9").contains(h), ("0"..."9").contains(m) {
            i += 1
            while let c = current, Self.isBareKey(c) || c == "+" || c == "." || c == ":" { i += 1 }
        }
        let text = token(from: start)
        guard !text.isEmpty else {
            throw fail(.expectedValue(found: Self.describe(current)))
        }
        if let problem = Self.check(text) { throw fail(.invalidValue(text, problem), at: start) }
        try requireTerminator(after: .valueText(text))
    }

    func token(from start: Int) -> String {
        var out = ""
        out.unicodeScalars.append(contentsOf: s[start..<i])
        return out
    }

    /// nil when `text` is a valid integer, float, date or time; else why not.
    static func check(_ text: String) -> TOMLProblem.ValueReason? {
        if ["inf", "+inf", "-inf", "nan", "+nan", "-nan"].contains(text) { return nil }
        let c = Array(text.unicodeScalars)
        if c.count >= 3, c[0] == "0", c[1] == "x" || c[1] == "o" || c[1] == "b" {
            let radix = c[1] == "x" ? 16 : c[1] == "o" ? 8 : 2
            let digits = String(String.UnicodeScalarView(c[2...]))
            guard underscoresBetweenDigits(digits, radix: radix) else { return .badDigitForRadix(radix) }
            guard Int64(digits.replacingUnderscores, radix: radix) != nil else { return .doesNotFit64Bits }
            return nil
        }
        if isDateTime(text) { return nil }
        if let first = c.first, ("0"..."9").contains(first) || first == "+" || first == "-" {
            return checkNumber(text)
        }
        return .notAValue
    }

    static func checkNumber(_ text: String) -> TOMLProblem.ValueReason? {
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        // Split into integer part, fraction and exponent.
        var intPart = body, frac: Substring?, exp: Substring?
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            intPart = body[..<e]
            var rest = body[body.index(after: e)...]
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            exp = rest
        }
        if let dot = intPart.firstIndex(of: ".") {
            frac = intPart[intPart.index(after: dot)...]
            intPart = intPart[..<dot]
        }
        guard underscoresBetweenDigits(String(intPart), radix: 10) else { return .expectedDigits }
        if intPart.count > 1, intPart.first == "0" { return .leadingZeros }
        if let frac, !underscoresBetweenDigits(String(frac), radix: 10) { return .expectedFractionDigits }
        if let exp, !underscoresBetweenDigits(String(exp), radix: 10) { return .expectedExponentDigits }
        let plain = text.replacingUnderscores
        if frac == nil && exp == nil {
            guard Int64(plain) != nil else { return .integerTooLarge }
        } else {
            guard let value = Double(plain), value.isFinite else { return .numberTooLarge }
        }
        return nil
    }

    /// Digits of `radix`, at least one, with single `_` only between digits.
    static func underscoresBetweenDigits(_ text: String, radix: Int) -> Bool {
        var previousDigit = false
        for c in text.unicodeScalars {
            if c == "_" {
                guard previousDigit else { return false }
                previousDigit = false
            } else {
                guard Int(String(Character(c)), radix: radix) != nil else { return false }
                previousDigit = true
            }
        }
        return previousDigit
    }

    // Dates and times after RFC 3339 as TOML uses it: the full date, the full time with
    // seconds, an optional fraction and offset.

    static func isDateTime(_ text: String) -> Bool {
        let c = Array(text.unicodeScalars)
        if c.count == 10 { return isDate(text) }
        if c.count >= 8, c[2] == ":" { return isTime(c[...]) }
        guard c.count >= 19, isDate(String(String.UnicodeScalarView(c[..<10]))),
              c[10] == "T" || c[10] == "t" || c[10] == " " else { return false }
        var time = c[11...]
        if time.last == "Z" || time.last == "z" {
            time = time.dropLast()
        } else if time.count > 6 {
            let offset = time.suffix(6)
            let o = Array(offset)
            if o[0] == "+" || o[0] == "-" {
                guard o[3] == ":", let h = number(o[1...2]), let m = number(o[4...5]), h <= 23, m <= 59 else { return false }
                time = time.dropLast(6)
            }
        }
        return isTime(time)
    }

    static func isDate(_ text: String) -> Bool {
        let c = Array(text.unicodeScalars)
        guard c.count == 10, c[4] == "-", c[7] == "-", let y = number(c[0...3]), let m = number(c[5...6]),
              let d = number(c[8...9]), (1...12).contains(m) else { return false }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }

    static func isTime(_ c: ArraySlice<Unicode.Scalar>) -> Bool {
        let t = Array(c)
        guard t.count >= 8, t[2] == ":", t[5] == ":", let h = number(t[0...1]), let m = number(t[3...4]),
              let sec = number(t[6...7]), h <= 23, m <= 59, sec <= 59 else { return false }
        if t.count == 8 { return true }
        return t[8] == "." && t.count > 9 && number(t[9...]) != nil && t.count <= 9 + 9
    }

    /// The value of decimal digits only (no sign, no `_`).
    static func number(_ digits: ArraySlice<Unicode.Scalar>) -> Int? {
        guard !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(String(String.UnicodeScalarView(digits)))
    }
}

private extension String {
    var replacingUnderscores: String { String(unicodeScalars.filter { $0 != "_" }.map(Character.init)) }
}
