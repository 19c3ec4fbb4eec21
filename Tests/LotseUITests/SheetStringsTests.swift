import Foundation
import Testing
import LotseDomain
@testable import LotseUI

/// The words of the sheet import: every problem worded in both languages, and differently.
@Suite struct SheetStringsTests {
    static let m = YearMonth("2026-05")!

    /// One example of every problem kind; a kind added later must be added here, or the
    /// switch below stops compiling.
    static let kinds: [PortfolioSheet.Problem.Kind] = [
        .unreadable(.unsupportedEncoding(name: "UTF-16")), .unreadable(.undecodableByte(line: 1, column: 2, byte: 0x81)),
        .unreadable(.unterminatedQuote(line: 1, column: 1)), .unreadable(.textAfterQuote(line: 1, column: 1)),
        .unreadable(.empty), .noIDColumn, .unknownHeader("Budgte"), .duplicateColumn(.name, firstColumn: 3),
        .fieldCount(expected: 2, found: 3), .emptyID, .duplicateID(firstLine: 2), .unknownValue(.phase, found: "lila"),
        .notAMonth(found: "13/2026"), .notAnAmount(found: "abc"), .tooManyDecimals(found: "1,234"), .negativeAmount,
        .beyondAnyBudget, .notYesOrNo(found: "vielleicht"), .controlCharacter(.name, scalar: "U+001B"), .emptyName,
        .fundingEndBeforeStart(start: m, end: m.adding(months: -1)), .unknownMunicipality(found: "Atlantis"),
        .ambiguousMunicipality(found: "Au", ids: ["au-1", "au-2"]), .missingForNewProject([.start, .budget]),
    ]

    @Test func everyKindIsCoveredByTheExamples() {
        func index(_ kind: PortfolioSheet.Problem.Kind) -> Int {
            switch kind {
            case .unreadable: 0
            case .noIDColumn: 1
            case .unknownHeader: 2
            case .duplicateColumn: 3
            case .fieldCount: 4
            case .emptyID: 5
            case .duplicateID: 6
            case .unknownValue: 7
            case .notAMonth: 8
            case .notAnAmount: 9
            case .tooManyDecimals: 10
            case .negativeAmount: 11
            case .beyondAnyBudget: 12
            case .notYesOrNo: 13
            case .controlCharacter: 14
            case .emptyName: 15
            case .fundingEndBeforeStart: 16
            case .unknownMunicipality: 17
            case .ambiguousMunicipality: 18
            case .missingForNewProject: 19
            }
        }
        #expect(Set(Self.kinds.map(index)) == Set(0...19))
    }

    @Test func everyProblemHasItsOwnWordsInBothLanguages() {
        let de = SheetStrings.german, en = SheetStrings.english
        var seen = Set<String>()
        for kind in Self.kinds {
            let g = de.problem(kind), e = en.problem(kind)
            #expect(!g.isEmpty && !e.isEmpty)
            #expect(g != e, "\(kind) is not translated")
            #expect(seen.insert(g).inserted, "two problems read the same: \(g)")
        }
        #expect(de.problem(.unknownValue(.phase, found: "lila")).contains("Experimentieren, Transferieren, Etablieren"))
        #expect(en.problem(.unknownValue(.phase, found: "lila")).contains("Experimentation, Transfer, Establishment"))
        #expect(de.problem(.fundingEndBeforeStart(start: Self.m, end: Self.m.adding(months: -1))).contains("04/2026"))
    }

    @Test func summariesAndListsInBothLanguages() {
        for (s, words) in [(SheetStrings.german, ["Windows-1252", "Dezimalkomma", "würde 2 hinzufügen", "weitere"]),
                           (SheetStrings.english, ["Windows-1252", "decimal comma", "would add 2", "more"])] {
            let text = [s.readAs(.windows1252, ";", true), s.outcome(2, 1, 0, true),
                        s.named(s.addedLabel, (1...12).map { "P\($0)" }), s.refused("x.csv", 3),
                        s.ignored(["Ampel"]), s.database("/d"), s.more(2), s.header(.budget)].joined(separator: "\n")
            for word in words { #expect(text.contains(word), "\(word) in \(text)") }
            #expect(s.named("x", (1...12).map { "P\($0)" }).contains("P10") && !s.named("x", (1...12).map { "P\($0)" }).contains("P11"))
        }
    }
}
