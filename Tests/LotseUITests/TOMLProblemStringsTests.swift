import Foundation
import Testing
import LotseDomain
@testable import LotseUI

/// The texts of the problems of TOML data files: every entry in both languages, every kind
/// told in German without English words, and the English table saying exactly what the
/// kinds' English descriptions say.
@Suite struct TOMLProblemStringsTests {
    typealias T = TOMLProblem

    static let characters: [T.Character] = [.endOfFile, .nul, .endOfLine, .carriageReturn, .tab, .space,
                                            .control(hex: "001B"), .visible("x")]
    static let parts: [T.Part] = [.blankLine, .value, .tableHeader, .array, .inlineTable, .string, .word("true"),
                                  .valueText("1")]
    static let reasons: [T.ValueReason] = [.badDigitForRadix(8), .doesNotFit64Bits, .notAValue, .expectedDigits,
                                           .leadingZeros, .expectedFractionDigits, .expectedExponentDigits,
                                           .integerTooLarge, .numberTooLarge]
    static let expectations: [T.Expected] = [.string, .integer, .table, .arrayOfStrings, .arrayOfTables("gates"),
                                             .tableInArray("gates"), .roleTable("title"), .themeValue]
    static let items: [QuestionnaireProblem.Item] = [
        .questionnaire, .scale, .dimension(index: 0, id: "D"), .dimension(index: 1, id: ""),
        .statement(index: 0, id: "S-1"), .gate(index: 0, id: "G"), .recommendation(index: 0, dimension: "D", phase: .transfer),
        .tension(index: 0, id: "T"), .phase(.establishment),
    ]

    /// One problem of every kind (the parser's own sentence and a ready sentence last: they
    /// are the only ones told the same in both languages).
    static let allKinds: [T] = [
        .controlInComment(.nul), .expectedLineEnd(after: .tableHeader, found: .visible("x")),
        .expectedKeyOrHeader(found: .visible("=")), .headerNeedsKey(opening: "[[", before: .endOfLine),
        .headerNeedsKey(opening: "[", before: .visible("]")),
        .headerNotClosed(column: 1, closing: "]]", found: .endOfFile), .expectedEquals(found: .space), .keyCutOff,
        .multiLineKey, .expectedKey(found: .visible("]")), .valueMissingAtEnd,
        .expectedTerminator(after: .valueText("1"), found: .carriageReturn), .nestedTooDeeply(limit: 64),
        .arrayNotClosed, .expectedArrayValue(found: .visible("}")), .expectedArrayComma(found: .visible("x")),
        .expectedInlineKey(found: .visible("}")), .expectedInlineKey(found: .tab),
        .expectedInlineComma(found: .endOfLine), .stringNotClosedOnLine(column: 16),
        .controlInString(.control(hex: "001B"), basic: true), .controlInString(.nul, basic: false),
        .multiLineStringNotClosed(quotes: "'''"), .tooManyQuotes, .escapeCutOff,
        .escapeNeedsDigits(letter: "u", count: 4), .escapeNamesNoCharacter(letter: "u", hex: "D800"),
        .lineEndingBackslashOutsideMultiLine, .onlyLineBreakAfterBackslash, .unknownEscape(.visible("q")),
        .unknownEscape(.control(hex: "0001")), .expectedValue(found: .visible("@")),
        .invalidValue("0x", .badDigitForRadix(16)), .invalidValue("2026-02-30", nil),
        .redefined(key: "STR-1", original: "Error while parsing key-value pair: cannot redefine existing integer 'STR-1'"),
        .redefined(key: "", original: "Error while parsing key-value pair: cannot redefine existing integer as dotted key-value pair"),
        .unknownKey("weigth", allowed: ["id", "weight"]), .missingKey("id", .string),
        .wrongType(.integer, found: .float, inList: false), .wrongType(.themeValue, found: .boolean, inList: true),
        .unknownPhase("etabliert", allowed: ["experimentieren", "transferieren", "etablieren"]),
        .answersForOtherQuestionnaire(found: "phasenmodell 2.0.0", used: "phasenmodell 1.0.0"),
        .unknownAnswerStatement("str-1", didYouMean: "STR-1", questionnaire: "q 1", count: 40, first: "A", last: "Z"),
        .unknownAnswerStatement("X", didYouMean: nil, questionnaire: "q 1", count: 40, first: "A", last: "Z"),
        .answerOffScale(9, min: 1, max: 5), .notAnAnswer(text: "vier", type: .string, min: 1, max: 5),
        .notAnAnswer(text: nil, type: .boolean, min: 1, max: 5),
        .germanTextEmpty, .englishTextEmpty, .idEmpty, .idContainsWhiteSpace("A B"), .idUsedTwice(.gate, "G"),
        .versionEmpty, .versionContainsWhiteSpace("1 0"),
        .scaleBoundOutside(max: true, value: 500, lower: -100, upper: 100),
        .scaleBoundOutside(max: false, value: -500, lower: -100, upper: 100), .maxNotAboveMin(max: 1, min: 5),
        .labelCount(4, min: 1, max: 5, needed: 5), .labelEmpty, .unknownDimension("x", allowed: ["a", "b"]),
        .weightNotAllowed(9), .sourceEmpty, .noDimensions, .dimensionWithoutStatements, .dimensionWithOnePhase,
        .phaseWithoutStatement, .gateGuardsExperimentation, .gateNamesNoStatement, .unknownStatement("S-9"),
        .gateMinimumOffScale(7, min: 1, max: 5), .secondRecommendation(dimension: "D", phase: .transfer),
        .missingRecommendations([.transfer, .establishment]), .tensionSourceEmpty, .tensionNamesNothing,
        .tensionUnknownRecommendation(dimension: "D", phase: .experimentation),
        .themeUnknownRole("fooo", roles: ["normal", "title"]), .themeUnknownKey("bold", allowed: ["fg256"]),
        .themeUnknownAttribute("blink2", allowed: ["bold"]), .themeNotAColor("red", defaultWord: "default"),
        .themeColorOutOfRange(300, key: "fg256", lower: 0, upper: 255, defaultWord: "default"),
        .themeColorOutOfRange(300, key: nil, lower: 0, upper: 7, defaultWord: "default"),
        .parser("Error while parsing: something"), .text("Rolle fehlt"),
    ]

    /// The name of a kind's case: the table names its entries after them.
    static func caseName(_ kind: T) -> String {
        Mirror(reflecting: kind).children.first?.label ?? String(describing: kind)
    }

    /// Every entry that takes values, called with sample values; nil for an entry without a
    /// sample here, which fails the test. Entries named after a kind are called through
    /// `message` with every sample of that kind.
    static func sample(_ key: String, _ l: Language) -> String? {
        let t = TOMLProblemStrings.forLanguage(l)
        switch key {
        case "character": return characters.map(t.character).joined(separator: "|")
        case "afterPart": return parts.map(t.afterPart).joined(separator: "|")
        case "valueReason": return reasons.map(t.valueReason).joined(separator: "|")
        case "valueType": return T.ValueType.allCases.map(t.valueType).joined(separator: "|")
        case "valueTypeNoun": return T.ValueType.allCases.map(t.valueTypeNoun).joined(separator: "|")
        case "expected": return expectations.map(t.expected).joined(separator: "|")
        case "partKind": return T.PartKind.allCases.map(t.partKind).joined(separator: "|")
        case "part": return items.map(t.part).joined(separator: "|")
        case "allowedAnswers": return t.allowedAnswers(1, 5)
        case "listHolding": return t.listHolding(t.valueTypeNoun(.integer))
        default:
            let kinds = allKinds.filter { caseName($0) == key }
            return kinds.isEmpty ? nil : kinds.map(t.message).joined(separator: "|")
        }
    }

    @Test func everyEntryHasATextInBothLanguages() {
        let r = StringTableCheck.compare("TOMLProblemStrings", german: TOMLProblemStrings.german,
                                         english: TOMLProblemStrings.english) { key, language in
            let text = Self.sample(key, language)
            #expect(!(text ?? "").contains("||"), "\(key) has an empty case")
            return text
        }
        #expect(r.checked > 80, "\(r.checked) entries read")
        #expect(r.same.isEmpty, "read the same in both languages: \(r.same)")
    }

    @Test func theEnglishTableSaysWhatTheKindsDescriptionsSay() {
        for kind in Self.allKinds {
            #expect(TOMLProblemStrings.english.message(kind) == kind.description, "\(Self.caseName(kind))")
        }
        for item in Self.items { #expect(TOMLProblemStrings.english.part(item) == item.description) }
    }

    /// English words of the English sentences that no German sentence may contain.
    static let englishWords = ["expected", "is not", "found", "allowed", "missing", "unknown", "must", "cannot",
                               "the ", "needs", "there", "use ", "empty", "twice"]

    @Test func everyKindIsToldInGermanWithoutEnglishWords() {
        let german = TOMLProblemStrings.german, english = TOMLProblemStrings.english
        for kind in Self.allKinds {
            let text = german.message(kind)
            switch kind {
            case .parser, .text:
                // Sentences that are not Lotse's: told as they are, in either language.
                #expect(text == english.message(kind))
            default:
                #expect(text != english.message(kind), "\(Self.caseName(kind)) reads the same in both")
                let hits = Self.englishWords.filter { text.lowercased().contains($0) }
                #expect(hits.isEmpty, "\(Self.caseName(kind)): \(text) has \(hits)")
            }
        }
        for item in Self.items { #expect(german.part(item) != item.description, "\(item)") }
    }

    @Test func someGermanSentencesExactly() {
        let t = TOMLProblemStrings.german
        #expect(t.message(.headerNeedsKey(opening: "[[", before: .endOfLine))
                == "der Tabellenkopf '[[' braucht einen Schlüssel; stattdessen folgt das Zeilenende")
        #expect(t.message(.headerNeedsKey(opening: "[", before: .visible("]")))
                == "der Tabellenkopf '[' braucht einen Schlüssel; stattdessen folgt ']' (ein Tabellenname darf nicht leer sein)")
        #expect(t.message(.wrongType(.integer, found: .float, inList: false))
                == "hier gehört eine Ganzzahl hin, gefunden wurde eine Gleitkommazahl")
        #expect(t.message(.maxNotAboveMin(max: 1, min: 5)) == "max (1) muss größer sein als min (5)")
        #expect(t.message(.unknownEscape(.control(hex: "0001")))
                .hasPrefix("unbekanntes Escape '\\das Steuerzeichen U+0001'"))
        #expect(t.message(.notAnAnswer(text: "vier", type: .string, min: 1, max: 5))
                == "'vier' ist keine Antwort; gültig ist eine Ganzzahl 1…5, oder \"?\" bzw. \"weiß nicht\", wenn niemand es weiß")
        #expect(t.part(.statement(index: 3, id: "STR-4")) == "Aussage STR-4")
        #expect(t.part(.gate(index: 0, id: "")) == "K.-o.-Kriterium (ohne ID)")
        #expect(t.reason("not UTF-8 text") == "kein UTF-8-Text")
        #expect(t.reason("Permission denied") == "Permission denied")
    }
}
