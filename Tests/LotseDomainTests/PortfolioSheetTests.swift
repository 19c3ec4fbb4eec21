import Foundation
import Testing
@testable import LotseDomain

/// Spreadsheets as offices save them: encodings, separators, quotes, headers and number forms.
@Suite("Portfolio sheets (CSV)")
struct PortfolioSheetTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    private func read(_ text: String) throws -> PortfolioSheet { try PortfolioSheet.read(bytes(text)) }

    private func refusal(_ text: String) -> PortfolioSheet.Refusal? {
        do {
            _ = try PortfolioSheet.read(bytes(text))
            return nil
        } catch {
            return error
        }
    }

    // MARK: Encoding and splitting

    @Test func utf8WithAndWithoutBOMAndWindows1252AreTold() throws {
        let plain = "ID;Projekt\nA;Bürger-App €\n"
        let a = try CSVText.read(bytes(plain))
        #expect(a.encoding == .utf8)
        let b = try CSVText.read([0xEF, 0xBB, 0xBF] + bytes(plain))
        #expect(b.encoding == .utf8WithBOM)
        #expect(b.records[0].fields[0].text == "ID", "the BOM is not part of the first header")
        // "Bürger-App €" as a German Excel writes it: ü = 0xFC, € = 0x80.
        let cp1252: [UInt8] = bytes("ID;Projekt\nA;B") + [0xFC] + bytes("rger-App ") + [0x80] + bytes("\n")
        let c = try CSVText.read(cp1252)
        #expect(c.encoding == .windows1252)
        #expect(c.records[1].fields[1].text == "Bürger-App €")
    }

    @Test func unreadableFilesNameThePlace() {
        #expect(throws: CSVText.Problem.unsupportedEncoding(name: "UTF-16")) { try CSVText.read([0xFF, 0xFE, 0x49, 0]) }
        #expect(throws: CSVText.Problem.undecodableByte(line: 2, column: 3, byte: 0)) {
            try CSVText.read(bytes("ID\nAB") + [0] + bytes("\n"))
        }
        // 0x81 is undefined in Windows-1252 (and not UTF-8).
        #expect(throws: CSVText.Problem.undecodableByte(line: 1, column: 4, byte: 0x81)) {
            try CSVText.read(bytes("ID;") + [0x81] + bytes("\n"))
        }
        #expect(throws: CSVText.Problem.unterminatedQuote(line: 2, column: 3)) {
            try CSVText.read(bytes("ID;Projekt\nA;\"Bürger\nApp\n"))
        }
        #expect(throws: CSVText.Problem.textAfterQuote(line: 2, column: 7)) { try CSVText.read(bytes("ID;Projekt\nA;\"Bx\"y\n")) }
        #expect(throws: CSVText.Problem.empty) { try CSVText.read(bytes("\n\n")) }
    }

    @Test func separatorQuotesAndLineBreaksInsideFields() throws {
        let t = try CSVText.read(bytes("ID,Projekt,Amt\r\nA,\"Hafen, Nord\",\"Amt \"\"61\"\"\"\r\n\r\nB,\"zwei\nZeilen\",x\n"))
        #expect(t.delimiter == ",")
        #expect(t.records.count == 3, "the blank line is no record")
        #expect(t.records[1].fields.map(\.text) == ["A", "Hafen, Nord", "Amt \"61\""])
        #expect(t.records[2].fields.map(\.text) == ["B", "zwei\nZeilen", "x"])
        #expect(t.records[2].fields[2].line == 5, "a line break inside quotes counts")
        #expect(try CSVText.read(bytes("ID\tProjekt\nA\tB\n")).delimiter == "\t")
        #expect(try CSVText.read(bytes("ID;Projekt,Name\n")).delimiter == ";")
    }

    // MARK: Headers

    @Test func germanEnglishAndOfficeHeadersNameTheSameColumns() throws {
        for header in ["Budget (€)", "budget", "Budget in EUR", "Planned budget", "BUDGET [€]"] {
            #expect(PortfolioSheet.Column.named(header) == .budget, "\(header)")
        }
        #expect(PortfolioSheet.Column.named("Förderende") == .fundingEnd)
        #expect(PortfolioSheet.Column.named("foerderende") == nil, "ö is not oe: the header must be one we know")
        #expect(PortfolioSheet.Column.named("Zuständiges Amt") == .owner)
        #expect(PortfolioSheet.Column.named("Funding end") == .fundingEnd)
        for column in PortfolioSheet.Column.allCases {
            #expect(PortfolioSheet.Column.named(column.germanHeader) == column)
            #expect(PortfolioSheet.Column.named(column.englishHeader) == column)
        }
    }

    @Test func unknownAndDoubledHeadersAndAMissingIDAreRefused() {
        let r = refusal("ID;Budgte;Projekt;Name\nA;1;x;y\n")
        #expect(r?.problems.map(\.kind) == [.unknownHeader("Budgte"), .duplicateColumn(.name, firstColumn: 11)])
        #expect(r?.problems.map(\.column) == [4, 19])
        #expect(refusal("Projekt;Budget\nx;1\n")?.problems.map(\.kind) == [.noIDColumn])
    }

    @Test func theViewsFiguresAreNamedAndLeftAlone() throws {
        let sheet = try read("ID;Projekt;Ampel;Fortschritt (%);Ausgegeben (€)\nA;Neu;rot;50;10\n")
        #expect(sheet.ignoredColumns == ["Ampel", "Fortschritt (%)", "Ausgegeben (€)"])
        #expect(sheet.rows == [PortfolioSheet.Row(line: 2, id: "A", name: "Neu", columns: [.name: 3])])
    }

    // MARK: Values

    @Test func everyValueOfARow() throws {
        let sheet = try read("""
            ID;Projekt;Kommune;Handlungsfeld;Lösungsart;Phase;Amt;Start;Förderende;Förderquelle;Budget (€);Verstetigung;Basiskomponente;Nachgenutzt
            MS-9;Parken;Musterstadt;Mobilität;Anwendungsszenario;2 Transfer.;Tiefbauamt;01.03.2025;12/2026;Bund;1.250.000,5;Skalieren;ja;nein

            """)
        let row = try #require(sheet.rows.first)
        #expect(row.municipality == "Musterstadt")
        #expect(row.field == .mobility && row.solutionKind == .applicationScenario && row.phase == .transfer)
        #expect(row.start == YearMonth("2025-03") && row.fundingEnd == .some(YearMonth("2026-12")))
        #expect(row.budget == Money(cents: 125_000_050))
        #expect(row.continuation == .scaleAndTransfer && row.basicComponent == true && row.reused == false)
        #expect(sheet.decimalComma)
    }

    /// Two lines exactly as a German LibreOffice Calc saves a sheet ("Text CSV", `;`,
    /// Windows-1252, every text quoted, dates as dd.mm.yy, amounts with a decimal comma).
    @Test func aSheetAsGermanCalcSavesIt() throws {
        let text = "\"ID\";\"Projekt\";\"Start\";\"Budget (€)\"\r\n\"LO-1\";\"Bürgerbus „Nord“\";01.03.25;1250000,5\r\n"
        let bytes = text.unicodeScalars.map { scalar -> UInt8 in
            switch scalar {
            case "€": 0x80
            case "„": 0x84
            case "“": 0x93
            default: UInt8(scalar.value)
            }
        }
        let sheet = try PortfolioSheet.read(bytes)
        #expect(sheet.encoding == .windows1252 && sheet.delimiter == ";" && sheet.decimalComma)
        #expect(sheet.rows.map(\.name) == ["Bürgerbus „Nord“"])
        #expect(sheet.rows.map(\.start) == [YearMonth("2025-03")])
        #expect(sheet.rows.map(\.budget) == [Money(cents: 125_000_050)])
    }

    @Test func amountsInEitherFormAndTheAmbiguousOneByTheFile() {
        func amount(_ text: String, comma: Bool) -> Money? { try? PortfolioSheet.amount(text, decimalComma: comma).get() }
        #expect(amount("1.234.567,89 €", comma: false) == Money(cents: 123_456_789))
        #expect(amount("1,234,567.89", comma: true) == Money(cents: 123_456_789))
        #expect(amount("1234567", comma: true) == Money(cents: 123_456_700))
        #expect(amount("1.234", comma: true) == Money(cents: 123_400), "a German file: thousands")
        #expect(amount("1.234", comma: false) == nil, "an English file: three decimals, refused rather than guessed")
        #expect(amount("1,234", comma: false) == Money(cents: 123_400), "an English file: thousands")
        #expect(amount("0,5", comma: false) == Money(cents: 50), "one digit after a single comma: a decimal")
        #expect(amount("EUR 12 500", comma: true) == Money(cents: 1_250_000))
        let failures: [(String, PortfolioSheet.Problem.Kind)] = [
            ("abc", .notAnAmount(found: "abc")), ("1.23.4", .notAnAmount(found: "1.23.4")),
            ("12,345", .tooManyDecimals(found: "12,345")), ("-5", .negativeAmount),
            ("100000000001", .beyondAnyBudget), ("1" + String(repeating: "0", count: 30), .beyondAnyBudget),
        ]
        for (text, expected) in failures {
            guard case .failure(let kind) = PortfolioSheet.amount(text, decimalComma: true) else {
                Issue.record("\(text) was read as an amount")
                continue
            }
            #expect(kind == expected, "\(text)")
        }
    }

    @Test func theFilesDecimalMarkComesFromAnUnambiguousAmountElseTheSeparator() throws {
        #expect(try read("ID,Budget\nA,\"1.000\"\nB,\"2.000,5\"\n").decimalComma, "2.000,5 decides: comma")
        #expect(try !read("ID;Budget\nA;1,000\nB;2,000.5\n").decimalComma, "2,000.5 decides: point")
        #expect(try read("ID;Budget\nA;1.000\n").decimalComma, "undecided: a ; file is German")
        #expect(try !read("ID,Budget\nA,1000\n").decimalComma)
        #expect(try read("ID;Budget\nA;1.000\n").rows[0].budget == Money(euros: 1000))
    }

    @Test func monthsAsSpreadsheetsWriteThem() {
        for text in ["2026-11", "11/2026", "11.2026", "1.11.2026", "01.11.2026", "2026-11-30", "01.11.26", "30.11.26"] {
            #expect(PortfolioSheet.month(text) == YearMonth("2026-11"), "\(text)")
        }
        for text in ["1/11/2026", "13/2026", "11/26", "Nov 2026", "2026-13", "32.11.2026", "01.13.26", "01.11.026", "x"] {
            #expect(PortfolioSheet.month(text) == nil, "\(text)")
        }
    }

    @Test func wrongValuesAreNamedWithPlaceAndAllowedWords() throws {
        let r = try #require(refusal("""
            ID;Phase;Start;Förderende;Basiskomponente;Projekt
            A;lila;13/2026;-;vielleicht;ok
            ;x;;;;
            A;1;;;;doppelt
            B;3;2026-05;2026-01;;x\u{1B}[2J

            """))
        #expect(r.problems.map(\.kind) == [
            .unknownValue(.phase, found: "lila"), .notAMonth(found: "13/2026"), .notYesOrNo(found: "vielleicht"),
            .emptyID, .duplicateID(firstLine: 2), .controlCharacter(.name, scalar: "U+001B"),
            .fundingEndBeforeStart(start: YearMonth("2026-05")!, end: YearMonth("2026-01")!),
        ])
        #expect(r.problems.map(\.line) == [2, 2, 2, 3, 4, 5, 5])
        #expect(r.problems.prefix(3).map(\.column) == [3, 8, 18])
        #expect(r.problems[0].projectID == "A")
    }

    @Test func aRowLongerThanTheHeaderIsRefusedButTrailingEmptyCellsAreNot() throws {
        #expect(try read("ID;Projekt\nA;x;;;\n").rows.count == 1)
        #expect(refusal("ID;Projekt\nA;Hafen;Nord\n")?.problems.map(\.kind) == [.fieldCount(expected: 2, found: 3)])
    }

    @Test func atMostFiftyProblemsAreListedAndAllCounted() throws {
        let lines = (1...80).map { "P\($0);lila" }.joined(separator: "\n")
        let r = try #require(refusal("ID;Phase\n" + lines + "\n"))
        #expect(r.problems.count == PortfolioSheet.problemLimit)
        #expect(r.total == 80)
        #expect(r.problems.last?.line == 51)
    }

    @Test func anEmptyFundingEndCellKeepsAndADashClears() throws {
        let sheet = try read("ID;Förderende\nA;\nB;-\nC;keine\n")
        #expect(sheet.rows.map(\.fundingEnd) == [nil, .some(nil), .some(nil)])
    }

    @Test func aRowAppliesOnlyWhatItGives() throws {
        let sheet = try read("ID;Budget;Phase\nP;2.000;3\n")
        let project = Project(id: "P", municipalityID: "m", name: "Alt", field: .water, solutionKind: .participation,
                              phase: .experimentation, owner: "Bauamt", start: YearMonth("2024-01")!,
                              fundingEnd: YearMonth("2026-12"), fundingSource: "Bund", budgetPlanned: Money(euros: 1))
        var expected = project
        expected.budgetPlanned = Money(euros: 2000)
        expected.phase = .establishment
        #expect(sheet.rows[0].applied(to: project, municipalityID: nil) == expected)
        guard case .failure(let missing) = sheet.rows[0].newProject(municipalityID: nil) else {
            Issue.record("a new project from two columns")
            return
        }
        #expect(missing.columns == [.name, .municipality, .field, .solutionKind, .owner, .start])
    }
}
