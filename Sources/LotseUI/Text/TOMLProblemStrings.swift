import LotseDomain

/// The problems of TOML data files (questionnaires, themes, answers) in one language:
/// `message(_:)` tells a `TOMLProblem`, `part(_:)` names a part of a questionnaire. Entries
/// that take values are named after the kind they tell. Both tables list every value, so
/// the compiler holds each language complete.
public struct TOMLProblemStrings: Sendable {
    public typealias T = TOMLProblem

    public var language: Language

    // MARK: Parts of sentences

    /// A character the grammar did not want there (`'x'`, the end of the line).
    public var character: @Sendable (T.Character) -> String
    /// What was just read, as it stands after "after" (`nach dem Tabellenkopf`).
    public var afterPart: @Sendable (T.Part) -> String
    public var valueReason: @Sendable (T.ValueReason) -> String
    /// `an integer`
    public var valueType: @Sendable (T.ValueType) -> String
    /// `integer`, without an article, for a list's elements.
    public var valueTypeNoun: @Sendable (T.ValueType) -> String
    public var expected: @Sendable (T.Expected) -> String
    public var partKind: @Sendable (T.PartKind) -> String
    /// A part of a questionnaire: `statement STR-4`.
    public var part: @Sendable (QuestionnaireProblem.Item) -> String
    /// `an integer 1…5 or "?" …`: what an answer may be.
    public var allowedAnswers: @Sendable (_ min: Int, _ max: Int) -> String
    /// The reasons of an unreadable file that a table can tell.
    public var noSuchFile: String
    public var notUTF8: String

    // MARK: Syntax

    public var controlInComment: @Sendable (_ found: String) -> String
    public var expectedLineEnd: @Sendable (_ after: String, _ found: String) -> String
    public var expectedKeyOrHeader: @Sendable (_ found: String) -> String
    public var headerNeedsKey: @Sendable (_ opening: String, _ before: String, _ emptyName: Bool) -> String
    public var headerNotClosed: @Sendable (_ column: Int, _ closing: String, _ found: String) -> String
    public var expectedEquals: @Sendable (_ found: String) -> String
    public var keyCutOff: String
    public var multiLineKey: String
    public var expectedKey: @Sendable (_ found: String) -> String
    public var valueMissingAtEnd: String
    public var expectedTerminator: @Sendable (_ after: String, _ found: String) -> String
    public var nestedTooDeeply: @Sendable (_ limit: Int) -> String
    public var arrayNotClosed: String
    public var expectedArrayValue: @Sendable (_ found: String) -> String
    public var expectedArrayComma: @Sendable (_ found: String) -> String
    public var expectedInlineKey: @Sendable (_ found: String, _ danglingComma: Bool) -> String
    public var expectedInlineComma: @Sendable (_ found: String) -> String
    public var stringNotClosedOnLine: @Sendable (_ column: Int) -> String
    public var controlInString: @Sendable (_ found: String, _ basic: Bool) -> String
    public var multiLineStringNotClosed: @Sendable (_ quotes: String) -> String
    public var tooManyQuotes: String
    public var escapeCutOff: String
    public var escapeNeedsDigits: @Sendable (_ letter: String, _ count: Int) -> String
    public var escapeNamesNoCharacter: @Sendable (_ letter: String, _ hex: String) -> String
    public var lineEndingBackslashOutsideMultiLine: String
    public var onlyLineBreakAfterBackslash: String
    public var unknownEscape: @Sendable (_ escape: String) -> String
    public var expectedValue: @Sendable (_ found: String) -> String
    public var invalidValue: @Sendable (_ text: String, _ reason: String?) -> String
    /// A key or table defined twice; `original` is the parser's own sentence (English).
    public var redefined: @Sendable (_ key: String, _ original: String) -> String

    // MARK: Structure

    public var unknownKey: @Sendable (_ key: String, _ allowed: String) -> String
    public var missingKey: @Sendable (_ key: String, _ expected: String) -> String
    public var wrongType: @Sendable (_ expected: String, _ found: String) -> String
    /// `a list holding an integer`, as a wrong type found.
    public var listHolding: @Sendable (_ noun: String) -> String
    public var unknownPhase: @Sendable (_ text: String, _ allowed: String) -> String

    // MARK: Answers

    public var answersForOtherQuestionnaire: @Sendable (_ found: String, _ used: String) -> String
    public var unknownAnswerStatement: @Sendable (_ id: String, _ didYouMean: String?, _ questionnaire: String,
                                                  _ count: Int, _ first: String, _ last: String) -> String
    public var answerOffScale: @Sendable (_ value: Int, _ allowed: String) -> String
    public var notAnAnswer: @Sendable (_ found: String, _ allowed: String) -> String

    // MARK: Questionnaire rules

    public var germanTextEmpty: String
    public var englishTextEmpty: String
    public var idEmpty: String
    public var idContainsWhiteSpace: @Sendable (_ id: String) -> String
    public var idUsedTwice: @Sendable (_ kind: String, _ id: String) -> String
    public var versionEmpty: String
    public var versionContainsWhiteSpace: @Sendable (_ version: String) -> String
    public var scaleBoundOutside: @Sendable (_ isMax: Bool, _ value: Int, _ lower: Int, _ upper: Int) -> String
    public var maxNotAboveMin: @Sendable (_ max: Int, _ min: Int) -> String
    public var labelCount: @Sendable (_ count: Int, _ min: Int, _ max: Int, _ needed: Int) -> String
    public var labelEmpty: String
    public var unknownDimension: @Sendable (_ id: String, _ allowed: String) -> String
    public var weightNotAllowed: @Sendable (_ weight: Int) -> String
    public var sourceEmpty: String
    public var noDimensions: String
    public var dimensionWithoutStatements: String
    public var dimensionWithOnePhase: String
    public var phaseWithoutStatement: String
    public var gateGuardsExperimentation: String
    public var gateNamesNoStatement: String
    public var unknownStatement: @Sendable (_ id: String) -> String
    public var gateMinimumOffScale: @Sendable (_ minimum: Int, _ min: Int, _ max: Int) -> String
    public var secondRecommendation: @Sendable (_ dimension: String, _ phase: String) -> String
    public var missingRecommendations: @Sendable (_ phases: String) -> String
    public var tensionSourceEmpty: String
    public var tensionNamesNothing: String
    public var tensionUnknownRecommendation: @Sendable (_ dimension: String, _ phase: String) -> String

    // MARK: Themes

    public var themeUnknownRole: @Sendable (_ role: String, _ roles: String) -> String
    public var themeUnknownKey: @Sendable (_ key: String, _ allowed: String) -> String
    public var themeUnknownAttribute: @Sendable (_ name: String, _ allowed: String) -> String
    public var themeNotAColor: @Sendable (_ text: String, _ defaultWord: String) -> String
    public var themeColorOutOfRange: @Sendable (_ number: Int, _ key: String?, _ lower: Int, _ upper: Int,
                                                _ defaultWord: String) -> String

    public static func forLanguage(_ l: Language) -> TOMLProblemStrings {
        switch l {
        case .german: .german
        case .english: .english
        }
    }

    // MARK: - Rendering

    /// The reason a file cannot be read, in this language when it is one the readers give.
    public func reason(_ text: String) -> String {
        switch text {
        case "no such file": noSuchFile
        case "not UTF-8 text": notUTF8
        default: text
        }
    }

    /// The sentence for one problem.
    public func message(_ kind: T) -> String {
        let c = character
        switch kind {
        case .controlInComment(let x): return controlInComment(c(x))
        case .expectedLineEnd(let after, let x): return expectedLineEnd(afterPart(after), c(x))
        case .expectedKeyOrHeader(let x): return expectedKeyOrHeader(c(x))
        case .headerNeedsKey(let opening, let x): return headerNeedsKey(opening, c(x), x == .visible("]"))
        case .headerNotClosed(let column, let closing, let x): return headerNotClosed(column, closing, c(x))
        case .expectedEquals(let x): return expectedEquals(c(x))
        case .keyCutOff: return keyCutOff
        case .multiLineKey: return multiLineKey
        case .expectedKey(let x): return expectedKey(c(x))
        case .valueMissingAtEnd: return valueMissingAtEnd
        case .expectedTerminator(let after, let x): return expectedTerminator(afterPart(after), c(x))
        case .nestedTooDeeply(let limit): return nestedTooDeeply(limit)
        case .arrayNotClosed: return arrayNotClosed
        case .expectedArrayValue(let x): return expectedArrayValue(c(x))
        case .expectedArrayComma(let x): return expectedArrayComma(c(x))
        case .expectedInlineKey(let x): return expectedInlineKey(c(x), x == .visible("}"))
        case .expectedInlineComma(let x): return expectedInlineComma(c(x))
        case .stringNotClosedOnLine(let column): return stringNotClosedOnLine(column)
        case .controlInString(let x, let basic): return controlInString(c(x), basic)
        case .multiLineStringNotClosed(let quotes): return multiLineStringNotClosed(quotes)
        case .tooManyQuotes: return tooManyQuotes
        case .escapeCutOff: return escapeCutOff
        case .escapeNeedsDigits(let letter, let count): return escapeNeedsDigits(letter, count)
        case .escapeNamesNoCharacter(let letter, let hex): return escapeNamesNoCharacter(letter, hex)
        case .lineEndingBackslashOutsideMultiLine: return lineEndingBackslashOutsideMultiLine
        case .onlyLineBreakAfterBackslash: return onlyLineBreakAfterBackslash
        case .unknownEscape(let x):
            if case .visible(let text) = x { return unknownEscape(text) }
            return unknownEscape(c(x))
        case .expectedValue(let x): return expectedValue(c(x))
        case .invalidValue(let text, let reason): return invalidValue(text, reason.map(valueReason))
        case .redefined(let key, let original): return redefined(key, original)
        case .parser(let message): return message
        case .unknownKey(let key, let allowed): return unknownKey(key, allowed.joined(separator: ", "))
        case .missingKey(let key, let e): return missingKey(key, expected(e))
        case .wrongType(let e, let found, let inList):
            return wrongType(expected(e), inList ? listHolding(valueTypeNoun(found)) : valueType(found))
        case .unknownPhase(let text, let allowed): return unknownPhase(text, allowed.joined(separator: ", "))
        case .answersForOtherQuestionnaire(let found, let used): return answersForOtherQuestionnaire(found, used)
        case .unknownAnswerStatement(let id, let match, let q, let count, let first, let last):
            return unknownAnswerStatement(id, match, q, count, first, last)
        case .answerOffScale(let n, let min, let max): return answerOffScale(n, allowedAnswers(min, max))
        case .notAnAnswer(let text, let type, let min, let max):
            return notAnAnswer(text.map { "'\($0)'" } ?? valueType(type), allowedAnswers(min, max))
        case .germanTextEmpty: return germanTextEmpty
        case .englishTextEmpty: return englishTextEmpty
        case .idEmpty: return idEmpty
        case .idContainsWhiteSpace(let id): return idContainsWhiteSpace(id)
        case .idUsedTwice(let kind, let id): return idUsedTwice(partKind(kind), id)
        case .versionEmpty: return versionEmpty
        case .versionContainsWhiteSpace(let v): return versionContainsWhiteSpace(v)
        case .scaleBoundOutside(let isMax, let value, let lower, let upper):
            return scaleBoundOutside(isMax, value, lower, upper)
        case .maxNotAboveMin(let max, let min): return maxNotAboveMin(max, min)
        case .labelCount(let count, let min, let max, let needed): return labelCount(count, min, max, needed)
        case .labelEmpty: return labelEmpty
        case .unknownDimension(let id, let allowed): return unknownDimension(id, allowed.joined(separator: ", "))
        case .weightNotAllowed(let w): return weightNotAllowed(w)
        case .sourceEmpty: return sourceEmpty
        case .noDimensions: return noDimensions
        case .dimensionWithoutStatements: return dimensionWithoutStatements
        case .dimensionWithOnePhase: return dimensionWithOnePhase
        case .phaseWithoutStatement: return phaseWithoutStatement
        case .gateGuardsExperimentation: return gateGuardsExperimentation
        case .gateNamesNoStatement: return gateNamesNoStatement
        case .unknownStatement(let id): return unknownStatement(id)
        case .gateMinimumOffScale(let m, let min, let max): return gateMinimumOffScale(m, min, max)
        case .secondRecommendation(let d, let p): return secondRecommendation(d, p.rawValue)
        case .missingRecommendations(let phases):
            return missingRecommendations(phases.map(\.rawValue).joined(separator: ", "))
        case .tensionSourceEmpty: return tensionSourceEmpty
        case .tensionNamesNothing: return tensionNamesNothing
        case .tensionUnknownRecommendation(let d, let p): return tensionUnknownRecommendation(d, p.rawValue)
        case .themeUnknownRole(let role, let roles): return themeUnknownRole(role, roles.joined(separator: ", "))
        case .themeUnknownKey(let key, let allowed): return themeUnknownKey(key, allowed.joined(separator: ", "))
        case .themeUnknownAttribute(let name, let allowed):
            return themeUnknownAttribute(name, allowed.joined(separator: ", "))
        case .themeNotAColor(let text, let word): return themeNotAColor(text, word)
        case .themeColorOutOfRange(let number, let key, let lower, let upper, let word):
            return themeColorOutOfRange(number, key, lower, upper, word)
        case .text(let text): return text
        }
    }

    // MARK: - German

    public static let german = TOMLProblemStrings(
        language: .german,
        character: { c in
            switch c {
            case .endOfFile: "das Ende der Datei"
            case .nul: "ein NUL-Byte (U+0000)"
            case .endOfLine: "das Zeilenende"
            case .carriageReturn: "ein Wagenrücklauf (U+000D)"
            case .tab: "ein Tabulator"
            case .space: "ein Leerzeichen"
            case .control(let hex): "das Steuerzeichen U+\(hex)"
            case .visible(let text): "'\(text)'"
            }
        },
        afterPart: { p in
            switch p {
            case .blankLine: "einer Leerzeile"
            case .value: "dem Wert"
            case .tableHeader: "dem Tabellenkopf"
            case .array: "dem Array"
            case .inlineTable: "der Inline-Tabelle"
            case .string: "der Zeichenkette"
            case .word(let w): w
            case .valueText(let t): "dem Wert '\(t)'"
            }
        },
        valueReason: { r in
            switch r {
            case .badDigitForRadix(let radix): "'_' an falscher Stelle oder eine Ziffer, die es zur Basis \(radix) nicht gibt"
            case .doesNotFit64Bits: "die Zahl passt nicht in 64 Bit"
            case .notAValue: "weder Zahl, Datum, Uhrzeit, Zeichenkette noch true oder false (Zeichenketten stehen in Anführungszeichen)"
            case .expectedDigits: "hier gehören Ziffern hin, '_' nur zwischen Ziffern"
            case .leadingZeros: "führende Nullen sind nicht erlaubt"
            case .expectedFractionDigits: "nach '.' müssen Ziffern folgen"
            case .expectedExponentDigits: "im Exponenten müssen Ziffern stehen"
            case .integerTooLarge: "die Ganzzahl passt nicht in 64 Bit (-9223372036854775808…9223372036854775807)"
            case .numberTooLarge: "die Zahl ist zu groß"
            }
        },
        valueType: { t in
            switch t {
            case .table: "eine Tabelle"
            case .array: "ein Array"
            case .string: "eine Zeichenkette"
            case .integer: "eine Ganzzahl"
            case .float: "eine Gleitkommazahl"
            case .boolean: "ein Wahrheitswert"
            case .date: "ein Datum"
            case .time: "eine Uhrzeit"
            case .dateTime: "ein Datum mit Uhrzeit"
            }
        },
        valueTypeNoun: { t in
            switch t {
            case .table: "Tabelle"
            case .array: "Array"
            case .string: "Zeichenkette"
            case .integer: "Ganzzahl"
            case .float: "Gleitkommazahl"
            case .boolean: "Wahrheitswert"
            case .date: "Datum"
            case .time: "Uhrzeit"
            case .dateTime: "Datum mit Uhrzeit"
            }
        },
        expected: { e in
            switch e {
            case .string: "eine Zeichenkette"
            case .integer: "eine Ganzzahl"
            case .table: "eine Tabelle"
            case .arrayOfStrings: "ein Array von Zeichenketten"
            case .arrayOfTables(let key): "ein Array von Tabellen ([[\(key)]])"
            case .tableInArray(let key): "eine Tabelle ([[\(key)]])"
            case .roleTable(let key): "eine Tabelle [\(key)] mit den Schlüsseln einer Rolle"
            case .themeValue: "eine Zahl, ein Text oder eine Liste von Texten"
            }
        },
        partKind: { k in
            switch k {
            case .dimension: "Dimension"
            case .statement: "Aussage"
            case .gate: "K.-o.-Kriterium"
            case .tension: "Spannungsfeld"
            }
        },
        part: { item in
            func id(_ id: String) -> String { id.isEmpty ? "(ohne ID)" : id }
            switch item {
            case .questionnaire: return "Fragebogen"
            case .scale: return "Skala"
            case .dimension(_, let d): return "Dimension \(id(d))"
            case .statement(_, let s): return "Aussage \(id(s))"
            case .gate(_, let g): return "K.-o.-Kriterium \(id(g))"
            case .recommendation(_, let d, let p): return "Empfehlung \(d)/\(p.rawValue)"
            case .tension(_, let t): return "Spannungsfeld \(id(t))"
            case .phase(let p): return "Phase \(p.rawValue)"
            }
        },
        allowedAnswers: { min, max in "eine Ganzzahl \(min)…\(max), oder \"?\" bzw. \"weiß nicht\", wenn niemand es weiß" },
        noSuchFile: "Datei nicht gefunden",
        notUTF8: "kein UTF-8-Text",
        controlInComment: { "\($0) ist in einem Kommentar nicht erlaubt" },
        expectedLineEnd: { after, found in "nach \(after) muss die Zeile enden; gefunden: \(found)" },
        expectedKeyOrHeader: { "hier muss ein Schlüssel, ein [Tabellen]-Kopf oder ein Kommentar stehen; gefunden: \($0)" },
        headerNeedsKey: { opening, before, empty in
            "der Tabellenkopf '\(opening)' braucht einen Schlüssel; stattdessen folgt \(before)"
                + (empty ? " (ein Tabellenname darf nicht leer sein)" : "")
        },
        headerNotClosed: { column, closing, found in
            "der Tabellenkopf ab Spalte \(column) wird nicht mit '\(closing)' geschlossen; gefunden: \(found)"
        },
        expectedEquals: { "nach dem Schlüssel muss '=' stehen; gefunden: \($0)" },
        keyCutOff: "der Schlüssel bricht am Dateiende ab",
        multiLineKey: "ein Schlüssel darf keine mehrzeilige Zeichenkette sein",
        expectedKey: { "hier muss ein Schlüssel stehen (Buchstaben, Ziffern, '-', '_' oder ein Name in Anführungszeichen); gefunden: \($0)" },
        valueMissingAtEnd: "der Wert fehlt, die Datei endet hier",
        expectedTerminator: { after, found in
            "nach \(after) muss ein Leerzeichen, ein Kommentar oder das Zeilenende folgen; gefunden: \(found)"
        },
        nestedTooDeeply: { "Arrays und Inline-Tabellen sind mehr als \($0) Ebenen tief verschachtelt" },
        arrayNotClosed: "das hier geöffnete Array wird nicht mit ']' geschlossen",
        expectedArrayValue: { "im Array muss ein Wert oder ']' stehen; gefunden: \($0)" },
        expectedArrayComma: { "im Array muss ',' oder ']' folgen; gefunden: \($0)" },
        expectedInlineKey: { found, dangling in
            "in der Inline-Tabelle muss ein Schlüssel stehen; gefunden: \(found)" + (dangling ? " (vor '}' darf kein ',' stehen)" : "")
        },
        expectedInlineComma: { "in der Inline-Tabelle (die auf einer Zeile bleiben muss) muss ',' oder '}' folgen; gefunden: \($0)" },
        stringNotClosedOnLine: { "die Zeichenkette ab Spalte \($0) wird auf ihrer Zeile nicht geschlossen" },
        controlInString: { found, basic in
            "\(found) ist in einer Zeichenkette nicht erlaubt" + (basic ? "; als Escape schreiben, etwa \\u001B" : "")
        },
        multiLineStringNotClosed: { "die hier geöffnete Zeichenkette wird nicht mit \($0) geschlossen" },
        tooManyQuotes: "zu viele Anführungszeichen am Ende einer mehrzeiligen Zeichenkette",
        escapeCutOff: "das Escape '\\' bricht am Dateiende ab",
        escapeNeedsDigits: { letter, count in "'\\\(letter)' braucht \(count) Hexadezimalziffern" },
        escapeNamesNoCharacter: { letter, hex in "'\\\(letter)' bezeichnet kein Unicode-Zeichen (U+\(hex))" },
        lineEndingBackslashOutsideMultiLine: "ein '\\' am Zeilenende steht nur in einer \"\"\"mehrzeiligen Zeichenkette\"\"\"",
        onlyLineBreakAfterBackslash: "nach '\\' und Leerzeichen darf nur ein Zeilenumbruch folgen",
        unknownEscape: { "unbekanntes Escape '\\\($0)'; möglich sind \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX" },
        expectedValue: { "hier muss ein Wert stehen (Zeichenkette, Zahl, true/false, Datum, [Array] oder {Tabelle}); gefunden: \($0)" },
        invalidValue: { text, reason in "'\(text)' ist kein gültiger Wert" + (reason.map { ": \($0)" } ?? "") },
        redefined: { key, _ in
            (key.isEmpty ? "der Schlüssel" : "'\(key)'") + " ist schon festgelegt; jeder Schlüssel und jede Tabelle darf nur einmal vorkommen"
        },
        unknownKey: { key, allowed in "unbekannter Schlüssel '\(key)'; möglich sind hier: \(allowed)" },
        missingKey: { key, expected in "der Schlüssel '\(key)' fehlt (\(expected))" },
        wrongType: { expected, found in "hier gehört \(expected) hin, gefunden wurde \(found)" },
        listHolding: { "eine Liste mit einem Element vom Typ \($0)" },
        unknownPhase: { text, allowed in "unbekannte Phase '\(text)'; möglich sind: \(allowed)" },
        answersForOtherQuestionnaire: { found, used in
            "die Antworten gehören zum Fragebogen '\(found)', verwendet wird aber '\(used)'; "
                + "den passenden mit --questionnaire DATEI angeben oder diese Zeile entfernen"
        },
        unknownAnswerStatement: { id, match, q, count, first, last in
            "unbekannte Aussage '\(id)'" + (match.map { " (gemeint ist wohl \($0))" }
                ?? "; der Fragebogen '\(q)' hat \(count) Aussagen, \(first) … \(last)")
        },
        answerOffScale: { n, allowed in "\(n) liegt nicht auf der Skala; gültig ist \(allowed)" },
        notAnAnswer: { found, allowed in "\(found) ist keine Antwort; gültig ist \(allowed)" },
        germanTextEmpty: "der deutsche Text ist leer",
        englishTextEmpty: "der englische Text ist leer",
        idEmpty: "die ID ist leer",
        idContainsWhiteSpace: { "die ID '\($0)' enthält Leerraum; nur Buchstaben, Ziffern, '-' oder '_' verwenden" },
        idUsedTwice: { kind, id in "\(kind) '\(id)': diese ID kommt mehr als einmal vor" },
        versionEmpty: "die Version ist leer; etwa \"1.0.0\" eintragen",
        versionContainsWhiteSpace: { "die Version '\($0)' enthält Leerraum" },
        scaleBoundOutside: { isMax, value, lower, upper in
            "\(isMax ? "max" : "min") (\(value)) muss zwischen \(lower) und \(upper) liegen"
        },
        maxNotAboveMin: { max, min in "max (\(max)) muss größer sein als min (\(min))" },
        labelCount: { count, min, max, needed in
            "\(count) Beschriftung(en) für die Werte \(min)…\(max); nötig sind genau \(needed), eine je Wert"
        },
        labelEmpty: "eine Beschriftung ist leer",
        unknownDimension: { id, allowed in "unbekannte Dimension '\(id)'; möglich sind: \(allowed)" },
        weightNotAllowed: { "das Gewicht \($0) geht nicht; 1, 2 oder 3 verwenden (3 = zentral für die Phase)" },
        sourceEmpty: "die Quelle ist leer; Quelle und Abschnitt nennen",
        noDimensions: "es gibt keine Dimensionen",
        dimensionWithoutStatements: "die Dimension hat keine Aussagen",
        dimensionWithOnePhase: "die Dimension hat Aussagen für nur eine Phase; nötig sind Aussagen für mindestens zwei Phasen",
        phaseWithoutStatement: "keine Aussage belegt diese Phase; jede Phase braucht mindestens eine",
        gateGuardsExperimentation:
            "ein K.-o.-Kriterium kann nicht vor experimentieren stehen (dort beginnt jede Kommune); transferieren oder etablieren verwenden",
        gateNamesNoStatement: "das K.-o.-Kriterium nennt keine Aussage",
        unknownStatement: { "unbekannte Aussage '\($0)'" },
        gateMinimumOffScale: { m, min, max in "das Minimum \(m) liegt nicht auf der Skala \(min)…\(max)" },
        secondRecommendation: { d, p in "eine zweite Empfehlung für Dimension \(d) und Phase \(p); es muss genau eine geben" },
        missingRecommendations: { "keine Empfehlung für \($0); je Dimension und Phase ist eine nötig" },
        tensionSourceEmpty: "die Quelle ist leer; die Stelle der Studie nennen",
        tensionNamesNothing: "das Spannungsfeld nennt weder eine Aussage noch eine Empfehlung; mindestens eine nennen",
        tensionUnknownRecommendation: { d, p in "keine Empfehlung für Dimension '\(d)' und Phase \(p)" },
        themeUnknownRole: { role, roles in "unbekannte Rolle '\(role)'; Rollen: \(roles)" },
        themeUnknownKey: { key, allowed in "unbekannter Schlüssel '\(key)'; möglich sind: \(allowed)" },
        themeUnknownAttribute: { name, allowed in "unbekanntes Attribut '\(name)'; möglich sind: \(allowed)" },
        themeNotAColor: { text, word in "'\(text)' ist keine Farbe; eine Zahl oder \"\(word)\" eintragen" },
        themeColorOutOfRange: { number, key, lower, upper, word in
            "Farbe \(number) liegt außerhalb der Palette; \(key ?? "dieser Schlüssel") nimmt \(lower)–\(upper) oder \"\(word)\""
        }
    )

    // MARK: - English

    /// The wording of `TOMLProblem.description`, which the tests and corpus files pin.
    public static let english = TOMLProblemStrings(
        language: .english,
        character: { $0.description },
        afterPart: { $0.description },
        valueReason: { $0.description },
        valueType: { $0.description },
        valueTypeNoun: { $0.description },
        expected: { $0.description },
        partKind: { $0.description },
        part: { $0.description },
        allowedAnswers: { min, max in "an integer \(min)…\(max) or \"?\" / \"weiß nicht\" for don't know" },
        noSuchFile: "no such file",
        notUTF8: "not UTF-8 text",
        controlInComment: { "\($0) is not allowed in a comment" },
        expectedLineEnd: { after, found in "expected the end of the line after \(after), found \(found)" },
        expectedKeyOrHeader: { "expected a key, a [table] header or a comment, found \($0)" },
        headerNeedsKey: { opening, before, empty in
            "the table header '\(opening)' needs a key before \(before)" + (empty ? " (a table name cannot be empty)" : "")
        },
        headerNotClosed: { column, closing, found in
            "the table header opened at column \(column) is not closed with '\(closing)'; found \(found)"
        },
        expectedEquals: { "expected '=' after the key, found \($0)" },
        keyCutOff: "the key ends with the end of the file",
        multiLineKey: "a key cannot be a multi-line string",
        expectedKey: { "expected a key (letters, digits, '-', '_' or a quoted name), found \($0)" },
        valueMissingAtEnd: "the value is missing at the end of the file",
        expectedTerminator: { after, found in "expected a blank, a comment or the end of the line after \(after), found \(found)" },
        nestedTooDeeply: { "arrays and inline tables are nested more than \($0) levels deep" },
        arrayNotClosed: "the array opened here is not closed with ']'",
        expectedArrayValue: { "expected a value or ']' in the array, found \($0)" },
        expectedArrayComma: { "expected ',' or ']' in the array, found \($0)" },
        expectedInlineKey: { found, dangling in
            "expected a key in the inline table, found \(found)" + (dangling ? " (no ',' before '}')" : "")
        },
        expectedInlineComma: { "expected ',' or '}' in the inline table (which must stay on one line), found \($0)" },
        stringNotClosedOnLine: { "the string opened at column \($0) is not closed on its line" },
        controlInString: { found, basic in
            "\(found) is not allowed in a string" + (basic ? "; write it as an escape such as \\u001B" : "")
        },
        multiLineStringNotClosed: { "the string opened here is not closed with \($0)" },
        tooManyQuotes: "too many quotes at the end of a multi-line string",
        escapeCutOff: "the escape '\\' is cut off by the end of the file",
        escapeNeedsDigits: { letter, count in "'\\\(letter)' needs \(count) hexadecimal digits" },
        escapeNamesNoCharacter: { letter, hex in "'\\\(letter)' names no Unicode character (U+\(hex))" },
        lineEndingBackslashOutsideMultiLine: "a '\\' at the end of a line is only allowed in a \"\"\"multi-line string\"\"\"",
        onlyLineBreakAfterBackslash: "only a line break may follow '\\' and blanks",
        unknownEscape: { "unknown escape '\\\($0)'; allowed: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX" },
        expectedValue: { "expected a value (a string, number, true/false, date, [array] or {table}), found \($0)" },
        invalidValue: { text, reason in "'\(text)' is not a valid value" + (reason.map { ": \($0)" } ?? "") },
        redefined: { _, original in original },
        unknownKey: { key, allowed in "unknown key '\(key)'; allowed here: \(allowed)" },
        missingKey: { key, expected in "missing key '\(key)' (\(expected))" },
        wrongType: { expected, found in "expected \(expected), found \(found)" },
        listHolding: { "a list holding \($0)" },
        unknownPhase: { text, allowed in "unknown phase '\(text)'; allowed: \(allowed)" },
        answersForOtherQuestionnaire: { found, used in
            "the answers are for '\(found)', but the questionnaire used is '\(used)'; "
                + "pass the matching one with --questionnaire FILE, or remove this line"
        },
        unknownAnswerStatement: { id, match, q, count, first, last in
            "unknown statement '\(id)'" + (match.map { " (did you mean \($0)?)" }
                ?? "; the questionnaire '\(q)' has \(count) statements, \(first) … \(last)")
        },
        answerOffScale: { n, allowed in "\(n) is not on the scale; use \(allowed)" },
        notAnAnswer: { found, allowed in "\(found) is not an answer; use \(allowed)" },
        germanTextEmpty: "the German text is empty",
        englishTextEmpty: "the English text is empty",
        idEmpty: "the id is empty",
        idContainsWhiteSpace: { "the id '\($0)' contains white space; use letters, digits, '-' or '_'" },
        idUsedTwice: { kind, id in "the \(kind) id '\(id)' is used more than once" },
        versionEmpty: "the version is empty; use e.g. \"1.0.0\"",
        versionContainsWhiteSpace: { "the version '\($0)' contains white space" },
        scaleBoundOutside: { isMax, value, lower, upper in
            "\(isMax ? "max" : "min") (\(value)) must lie between \(lower) and \(upper)"
        },
        maxNotAboveMin: { max, min in "max (\(max)) must be greater than min (\(min))" },
        labelCount: { count, min, max, needed in
            "\(count) label(s) for the values \(min)…\(max); exactly \(needed) are needed, one per value"
        },
        labelEmpty: "a label is empty",
        unknownDimension: { id, allowed in "unknown dimension '\(id)'; allowed: \(allowed)" },
        weightNotAllowed: { "weight \($0) is not allowed; use 1, 2 or 3 (3 = central for the phase)" },
        sourceEmpty: "the source is empty; name the source and its section",
        noDimensions: "there are no dimensions",
        dimensionWithoutStatements: "the dimension has no statements",
        dimensionWithOnePhase: "the dimension has statements for one phase only; it needs statements for at least two phases",
        phaseWithoutStatement: "no statement is evidence for this phase; every phase needs at least one",
        gateGuardsExperimentation:
            "a gate cannot guard experimentieren (every municipality starts there); use transferieren or etablieren",
        gateNamesNoStatement: "the gate names no statement",
        unknownStatement: { "unknown statement '\($0)'" },
        gateMinimumOffScale: { m, min, max in "minimum \(m) is not on the scale \(min)…\(max)" },
        secondRecommendation: { d, p in "a second recommendation for dimension \(d) and phase \(p); there must be exactly one" },
        missingRecommendations: { "no recommendation for \($0); one per dimension and phase is needed" },
        tensionSourceEmpty: "the source is empty; name the passage of the study",
        tensionNamesNothing: "the tension names no statement and no recommendation; name at least one",
        tensionUnknownRecommendation: { d, p in "no recommendation for dimension '\(d)' and phase \(p)" },
        themeUnknownRole: { role, roles in "unknown role '\(role)'; roles: \(roles)" },
        themeUnknownKey: { key, allowed in "unknown key '\(key)'; allowed: \(allowed)" },
        themeUnknownAttribute: { name, allowed in "unknown attribute '\(name)'; allowed: \(allowed)" },
        themeNotAColor: { text, word in "'\(text)' is not a colour; expected a number or \"\(word)\"" },
        themeColorOutOfRange: { number, key, lower, upper, word in
            "colour \(number) is out of range; \(key ?? "this key") takes \(lower)–\(upper) or \"\(word)\""
        }
    )
}
