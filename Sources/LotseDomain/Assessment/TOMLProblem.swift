/// What is wrong in a TOML data file (questionnaire, theme, answers) as a kind with its
/// values instead of a sentence, so that it can be told in any language
/// (`TOMLProblemStrings` in LotseUI). `description` is the English sentence, kept for logs
/// and tests.
public enum TOMLProblem: Hashable, Sendable, CustomStringConvertible {
    /// A character where the grammar wanted something else, as a message names it.
    public enum Character: Hashable, Sendable, CustomStringConvertible {
        case endOfFile, nul, endOfLine, carriageReturn, tab, space
        /// Another control character: its code as `001B`.
        case control(hex: String)
        /// A visible character.
        case visible(String)

        public var description: String {
            switch self {
            case .endOfFile: "the end of the file"
            case .nul: "a NUL byte (U+0000)"
            case .endOfLine: "the end of the line"
            case .carriageReturn: "a carriage return (U+000D)"
            case .tab: "a tab"
            case .space: "a space"
            case .control(let hex): "the control character U+\(hex)"
            case .visible(let c): "'\(c)'"
            }
        }
    }

    /// What a syntax check has just read.
    public enum Part: Hashable, Sendable, CustomStringConvertible {
        case blankLine, value, tableHeader, array, inlineTable, string
        /// `true` or `false`.
        case word(String)
        /// A number, date or time as written.
        case valueText(String)

        public var description: String {
            switch self {
            case .blankLine: "a blank line"
            case .value: "the value"
            case .tableHeader: "the table header"
            case .array: "the array"
            case .inlineTable: "the inline table"
            case .string: "the string"
            case .word(let w): w
            case .valueText(let t): "the value '\(t)'"
            }
        }
    }

    /// Why a bare value is not a number, date or time.
    public enum ValueReason: Hashable, Sendable, CustomStringConvertible {
        case badDigitForRadix(Int)
        case doesNotFit64Bits
        case notAValue
        case expectedDigits
        case leadingZeros
        case expectedFractionDigits
        case expectedExponentDigits
        case integerTooLarge
        case numberTooLarge

        public var description: String {
            switch self {
            case .badDigitForRadix(let radix): "misplaced '_' or a digit not allowed in base \(radix)"
            case .doesNotFit64Bits: "the number does not fit 64 bits"
            case .notAValue: "not a number, date, time, string, true or false (strings need quotes)"
            case .expectedDigits: "expected digits, with '_' only between digits"
            case .leadingZeros: "leading zeros are not allowed"
            case .expectedFractionDigits: "expected digits after '.'"
            case .expectedExponentDigits: "expected digits in the exponent"
            case .integerTooLarge: "the integer does not fit 64 bits (-9223372036854775808…9223372036854775807)"
            case .numberTooLarge: "the number is too large"
            }
        }
    }

    /// The type of a TOML value.
    public enum ValueType: Hashable, Sendable, CaseIterable, CustomStringConvertible {
        case table, array, string, integer, float, boolean, date, time, dateTime

        public var description: String {
            switch self {
            case .table: "a table"
            case .array: "an array"
            case .string: "a string"
            case .integer: "an integer"
            case .float: "a floating-point number"
            case .boolean: "a boolean"
            case .date: "a date"
            case .time: "a time"
            case .dateTime: "a date-time"
            }
        }
    }

    /// What a key should hold.
    public enum Expected: Hashable, Sendable, CustomStringConvertible {
        case string, integer, table, arrayOfStrings
        /// `[[key]]`, as a whole and as one element.
        case arrayOfTables(String), tableInArray(String)
        /// A theme's role: `[key]` with the keys of a role.
        case roleTable(String)
        /// A theme value.
        case themeValue

        public var description: String {
            switch self {
            case .string: "a string"
            case .integer: "an integer"
            case .table: "a table"
            case .arrayOfStrings: "an array of strings"
            case .arrayOfTables(let key): "an array of tables ([[\(key)]])"
            case .tableInArray(let key): "a table ([[\(key)]])"
            case .roleTable(let key): "a table [\(key)] with the keys of a role"
            case .themeValue: "a number, a text or a list of texts"
            }
        }
    }

    /// The kinds of questionnaire parts whose ids must be unique.
    public enum PartKind: Hashable, Sendable, CaseIterable, CustomStringConvertible {
        case dimension, statement, gate, tension

        public var description: String {
            switch self {
            case .dimension: "dimension"
            case .statement: "statement"
            case .gate: "gate"
            case .tension: "tension"
            }
        }
    }

    // MARK: Syntax (TOMLSyntaxGuard)

    case controlInComment(Character)
    case expectedLineEnd(after: Part, found: Character)
    case expectedKeyOrHeader(found: Character)
    case headerNeedsKey(opening: String, before: Character)
    case headerNotClosed(column: Int, closing: String, found: Character)
    case expectedEquals(found: Character)
    case keyCutOff
    case multiLineKey
    case expectedKey(found: Character)
    case valueMissingAtEnd
    case expectedTerminator(after: Part, found: Character)
    case nestedTooDeeply(limit: Int)
    case arrayNotClosed
    case expectedArrayValue(found: Character)
    case expectedArrayComma(found: Character)
    case expectedInlineKey(found: Character)
    case expectedInlineComma(found: Character)
    case stringNotClosedOnLine(column: Int)
    /// `basic`: a `"…"` string, where an escape could stand instead.
    case controlInString(Character, basic: Bool)
    case multiLineStringNotClosed(quotes: String)
    case tooManyQuotes
    case escapeCutOff
    case escapeNeedsDigits(letter: String, count: Int)
    case escapeNamesNoCharacter(letter: String, hex: String)
    case lineEndingBackslashOutsideMultiLine
    case onlyLineBreakAfterBackslash
    case unknownEscape(Character)
    case expectedValue(found: Character)
    case invalidValue(String, ValueReason?)

    // MARK: The parser

    /// A key or table defined twice (`key` empty when the parser does not name it);
    /// `original` is the parser's own sentence.
    case redefined(key: String, original: String)
    /// Another message of the parser, which has no kind of its own (English only).
    case parser(String)

    // MARK: Structure

    case unknownKey(String, allowed: [String])
    case missingKey(String, Expected)
    /// `inList`: an element of an array holds the type found.
    case wrongType(Expected, found: ValueType, inList: Bool)
    case unknownPhase(String, allowed: [String])

    // MARK: Answers

    case answersForOtherQuestionnaire(found: String, used: String)
    /// `didYouMean` when an id differs only in case; else the range of ids.
    case unknownAnswerStatement(String, didYouMean: String?, questionnaire: String, count: Int, first: String, last: String)
    case answerOffScale(Int, min: Int, max: Int)
    /// `text` when a string was found, else `type`.
    case notAnAnswer(text: String?, type: ValueType, min: Int, max: Int)

    // MARK: Questionnaire rules

    case germanTextEmpty
    case englishTextEmpty
    case idEmpty
    case idContainsWhiteSpace(String)
    case idUsedTwice(PartKind, String)
    case versionEmpty
    case versionContainsWhiteSpace(String)
    /// `max`: the upper bound is outside, else the lower.
    case scaleBoundOutside(max: Bool, value: Int, lower: Int, upper: Int)
    case maxNotAboveMin(max: Int, min: Int)
    case labelCount(Int, min: Int, max: Int, needed: Int)
    case labelEmpty
    case unknownDimension(String, allowed: [String])
    case weightNotAllowed(Int)
    case sourceEmpty
    case noDimensions
    case dimensionWithoutStatements
    case dimensionWithOnePhase
    case phaseWithoutStatement
    case gateGuardsExperimentation
    case gateNamesNoStatement
    case unknownStatement(String)
    case gateMinimumOffScale(Int, min: Int, max: Int)
    case secondRecommendation(dimension: String, phase: Phase)
    case missingRecommendations([Phase])
    case tensionSourceEmpty
    case tensionNamesNothing
    case tensionUnknownRecommendation(dimension: String, phase: Phase)

    // MARK: Themes (the roles and values of a theme, checked by the screen's library)

    case themeUnknownRole(String, roles: [String])
    case themeUnknownKey(String, allowed: [String])
    case themeUnknownAttribute(String, allowed: [String])
    /// `defaultWord`: the word that stands for the terminal's own colour.
    case themeNotAColor(String, defaultWord: String)
    /// `key`: the key whose palette the number leaves, nil when unknown.
    case themeColorOutOfRange(Int, key: String?, lower: Int, upper: Int, defaultWord: String)

    /// A sentence already in the reader's language (e.g. a theme's completeness checks).
    case text(String)

    public var description: String {
        switch self {
        case .controlInComment(let c): "\(c) is not allowed in a comment"
        case .expectedLineEnd(let what, let c): "expected the end of the line after \(what), found \(c)"
        case .expectedKeyOrHeader(let c): "expected a key, a [table] header or a comment, found \(c)"
        case .headerNeedsKey(let opening, let c):
            "the table header '\(opening)' needs a key before \(c)" + (c == .visible("]") ? " (a table name cannot be empty)" : "")
        case .headerNotClosed(let column, let closing, let c):
            "the table header opened at column \(column) is not closed with '\(closing)'; found \(c)"
        case .expectedEquals(let c): "expected '=' after the key, found \(c)"
        case .keyCutOff: "the key ends with the end of the file"
        case .multiLineKey: "a key cannot be a multi-line string"
        case .expectedKey(let c): "expected a key (letters, digits, '-', '_' or a quoted name), found \(c)"
        case .valueMissingAtEnd: "the value is missing at the end of the file"
        case .expectedTerminator(let what, let c):
            "expected a blank, a comment or the end of the line after \(what), found \(c)"
        case .nestedTooDeeply(let limit): "arrays and inline tables are nested more than \(limit) levels deep"
        case .arrayNotClosed: "the array opened here is not closed with ']'"
        case .expectedArrayValue(let c): "expected a value or ']' in the array, found \(c)"
        case .expectedArrayComma(let c): "expected ',' or ']' in the array, found \(c)"
        case .expectedInlineKey(let c):
            "expected a key in the inline table, found \(c)" + (c == .visible("}") ? " (no ',' before '}')" : "")
        case .expectedInlineComma(let c):
            "expected ',' or '}' in the inline table (which must stay on one line), found \(c)"
        case .stringNotClosedOnLine(let column): "the string opened at column \(column) is not closed on its line"
        case .controlInString(let c, let basic):
            "\(c) is not allowed in a string" + (basic ? "; write it as an escape such as \\u001B" : "")
        case .multiLineStringNotClosed(let quotes): "the string opened here is not closed with \(quotes)"
        case .tooManyQuotes: "too many quotes at the end of a multi-line string"
        case .escapeCutOff: "the escape '\\' is cut off by the end of the file"
        case .escapeNeedsDigits(let letter, let count): "'\\\(letter)' needs \(count) hexadecimal digits"
        case .escapeNamesNoCharacter(let letter, let hex): "'\\\(letter)' names no Unicode character (U+\(hex))"
        case .lineEndingBackslashOutsideMultiLine:
            "a '\\' at the end of a line is only allowed in a \"\"\"multi-line string\"\"\""
        case .onlyLineBreakAfterBackslash: "only a line break may follow '\\' and blanks"
        case .unknownEscape(let c):
            "unknown escape '\\\(Self.bare(c))'; allowed: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX"
        case .expectedValue(let c):
            "expected a value (a string, number, true/false, date, [array] or {table}), found \(c)"
        case .invalidValue(let text, let reason):
            "'\(text)' is not a valid value" + (reason.map { ": \($0)" } ?? "")
        case .redefined(_, let original): original
        case .parser(let message): message
        case .unknownKey(let key, let allowed): "unknown key '\(key)'; allowed here: \(allowed.joined(separator: ", "))"
        case .missingKey(let key, let expected): "missing key '\(key)' (\(expected))"
        case .wrongType(let expected, let found, let inList):
            "expected \(expected), found " + (inList ? "a list holding \(found)" : "\(found)")
        case .unknownPhase(let text, let allowed): "unknown phase '\(text)'; allowed: \(allowed.joined(separator: ", "))"
        case .answersForOtherQuestionnaire(let found, let used):
            "the answers are for '\(found)', but the questionnaire used is '\(used)'; "
                + "pass the matching one with --questionnaire FILE, or remove this line"
        case .unknownAnswerStatement(let id, let match, let questionnaire, let count, let first, let last):
            "unknown statement '\(id)'" + (match.map { " (did you mean \($0)?)" }
                ?? "; the questionnaire '\(questionnaire)' has \(count) statements, \(first) … \(last)")
        case .answerOffScale(let n, let min, let max): "\(n) is not on the scale; use \(Self.allowedAnswers(min, max))"
        case .notAnAnswer(let text, let type, let min, let max):
            "\(text.map { "'\($0)'" } ?? type.description) is not an answer; use \(Self.allowedAnswers(min, max))"
        case .germanTextEmpty: "the German text is empty"
        case .englishTextEmpty: "the English text is empty"
        case .idEmpty: "the id is empty"
        case .idContainsWhiteSpace(let id): "the id '\(id)' contains white space; use letters, digits, '-' or '_'"
        case .idUsedTwice(let kind, let id): "the \(kind) id '\(id)' is used more than once"
        case .versionEmpty: "the version is empty; use e.g. \"1.0.0\""
        case .versionContainsWhiteSpace(let v): "the version '\(v)' contains white space"
        case .scaleBoundOutside(let isMax, let value, let lower, let upper):
            "\(isMax ? "max" : "min") (\(value)) must lie between \(lower) and \(upper)"
        case .maxNotAboveMin(let max, let min): "max (\(max)) must be greater than min (\(min))"
        case .labelCount(let count, let min, let max, let needed):
            "\(count) label(s) for the values \(min)…\(max); exactly \(needed) are needed, one per value"
        case .labelEmpty: "a label is empty"
        case .unknownDimension(let id, let allowed): "unknown dimension '\(id)'; allowed: \(allowed.joined(separator: ", "))"
        case .weightNotAllowed(let w): "weight \(w) is not allowed; use 1, 2 or 3 (3 = central for the phase)"
        case .sourceEmpty: "the source is empty; name the source and its section"
        case .noDimensions: "there are no dimensions"
        case .dimensionWithoutStatements: "the dimension has no statements"
        case .dimensionWithOnePhase:
            "the dimension has statements for one phase only; it needs statements for at least two phases"
        case .phaseWithoutStatement: "no statement is evidence for this phase; every phase needs at least one"
        case .gateGuardsExperimentation:
            "a gate cannot guard experimentieren (every municipality starts there); use transferieren or etablieren"
        case .gateNamesNoStatement: "the gate names no statement"
        case .unknownStatement(let id): "unknown statement '\(id)'"
        case .gateMinimumOffScale(let m, let min, let max): "minimum \(m) is not on the scale \(min)…\(max)"
        case .secondRecommendation(let d, let p):
            "a second recommendation for dimension \(d) and phase \(p.rawValue); there must be exactly one"
        case .missingRecommendations(let phases):
            "no recommendation for \(phases.map(\.rawValue).joined(separator: ", ")); one per dimension and phase is needed"
        case .tensionSourceEmpty: "the source is empty; name the passage of the study"
        case .tensionNamesNothing: "the tension names no statement and no recommendation; name at least one"
        case .tensionUnknownRecommendation(let d, let p): "no recommendation for dimension '\(d)' and phase \(p.rawValue)"
        case .themeUnknownRole(let role, let roles): "unknown role '\(role)'; roles: " + roles.joined(separator: ", ")
        case .themeUnknownKey(let key, let allowed): "unknown key '\(key)'; allowed: " + allowed.joined(separator: ", ")
        case .themeUnknownAttribute(let word, let allowed):
            "unknown attribute '\(word)'; allowed: " + allowed.joined(separator: ", ")
        case .themeNotAColor(let text, let word): "'\(text)' is not a colour; expected a number or \"\(word)\""
        case .themeColorOutOfRange(let number, let key, let lower, let upper, let word):
            "colour \(number) is out of range; \(key ?? "this key") takes \(lower)–\(upper) or \"\(word)\""
        case .text(let text): text
        }
    }

    static func allowedAnswers(_ min: Int, _ max: Int) -> String {
        "an integer \(min)…\(max) or \"?\" / \"weiß nicht\" for don't know"
    }

    /// A character as it stands after `\` in an escape: visible ones without quotes.
    public static func bare(_ c: Character) -> String {
        if case .visible(let text) = c { return text }
        return c.description
    }
}
