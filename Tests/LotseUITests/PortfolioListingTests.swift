import Foundation
import LotseDomain
import Testing
@testable import LotseUI

/// `lotse list` and the `x` key: the portfolio table in CSV, Markdown and JSON; golden files
/// in `Listings/` (re-recorded with LOTSE_RECORD_SNAPSHOTS=1), the CSV read back by the
/// sheet import, and the filter words of the command line.
@Suite struct PortfolioListingTests {
    static func sample(_ key: String, _ l: Language) -> String? {
        let t = ListStrings.forLanguage(l)
        switch key {
        case "header": return PortfolioSheet.Column.allCases.map(t.header).joined(separator: "|")
        case "solutionKind": return SolutionKind.allCases.map(t.solutionKind).joined(separator: "|")
        case "title": return t.title("11/2026", 3, 30)
        case "filteredSorted": return t.filteredSorted("rot", "ID")
        case "fileName": return t.fileName("2026-11")
        case "unknownOption": return t.unknownOption("--filter", "x", "a, b")
        case "office": return t.office("Amt 61")
        case "searchFor": return t.searchFor("bus")
        case "csvSeparator": return t.csvSeparator + (l == .german ? " de" : " en")
        case "decimalComma": return "\(t.decimalComma)"
        default: return nil
        }
    }

    @Test func everyTextExistsInBothLanguages() {
        let result = StringTableCheck.compare("ListStrings", german: ListStrings.german, english: ListStrings.english,
                                              sample: Self.sample)
        #expect(result.checked == result.total && result.total == 18)
        #expect(result.same.isEmpty, "\(result.same)")
    }

    static func listing(_ query: PortfolioQuery = PortfolioQuery(), _ language: Language) -> PortfolioListing {
        let rows = Sample.reader.rows(month: Sample.month, query: query)
        let s = Strings.forLanguage(language)
        let municipalities = Sample.portfolio.municipalities
        return PortfolioListing(rows: rows, month: Sample.month, total: Sample.portfolio.projects.count,
                                filters: QueryWords.describe(query, s, municipalities: municipalities),
                                sort: QueryWords.describeSort(query, s), language: language)
    }

    func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        GoldenFile.check(actual, folder: "Listings", named: name, sourceLocation: sourceLocation)
    }

    @Test func everyFormatMatchesItsGoldenFile() throws {
        let red = try QueryWords.parse(filters: ["ampel=gelb-rot"], sort: "foerderende", municipalities: [])
        assertGolden(Self.listing(PortfolioQuery(), .german).csv(), named: "list-de.csv")
        assertGolden(Self.listing(PortfolioQuery(), .english).csv(), named: "list-en.csv")
        assertGolden(Self.listing(red, .german).markdown(), named: "list-yellow-red-de.md")
        assertGolden(Self.listing(red, .english).json(), named: "list-yellow-red.json")
    }

    @Test func theGermanCSVHasDecimalCommasPlainAmountsAndABOM() throws {
        let csv = Self.listing(PortfolioQuery(), .german).csv()
        #expect(csv.hasPrefix("\u{FEFF}ID;Projekt;Kommune;"))
        let lines = csv.dropFirst().split(separator: "\r\n").map(String.init)
        let header = lines[0].split(separator: ";").map(String.init)
        let budget = try #require(header.firstIndex(of: "Budget (€)"))
        let spent = try #require(header.firstIndex(of: "Ausgegeben (€)"))
        for line in lines.dropFirst() {
            let cells = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            for i in [budget, spent] {
                #expect(cells[i].range(of: #"^-?\d+,\d\d$"#, options: .regularExpression) != nil, "\(cells[i]) in \(line)")
                #expect(!cells[i].contains("T€") && !cells[i].contains("Mio") && !cells[i].contains("."))
            }
        }
        let english = Self.listing(PortfolioQuery(), .english).csv()
        #expect(english.contains(",85000.00,"))
    }

    @Test func theCSVReadsBackAsTheSameProjects() throws {
        for language in Language.allCases {
            let csv = Self.listing(PortfolioQuery(), language).csv()
            let sheet = try PortfolioSheet.read(Array(csv.utf8))
            let byID = Dictionary(uniqueKeysWithValues: Sample.portfolio.projects.map { ($0.id, $0) })
            #expect(sheet.rows.count == byID.count)
            for row in sheet.rows {
                let project = try #require(byID[row.id])
                #expect(row.applied(to: project, municipalityID: project.municipalityID) == project, "\(row.id) \(language)")
            }
        }
    }

    @Test func aTextThatWouldRunAsAFormulaIsGuardedAndComesBack() throws {
        var rows = Sample.reader.rows(month: Sample.month, query: PortfolioQuery())
        rows[0].project.name = "=HYPERLINK(\"http://x\";\"klick\")"
        rows[0].project.owner = "+49 Amt"
        let csv = PortfolioListing(rows: [rows[0]], month: Sample.month, total: 1, language: .german).csv()
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"klick\"\")\""))
        #expect(csv.contains(";'+49 Amt;"))
        let sheet = try PortfolioSheet.read(Array(csv.utf8))
        #expect(sheet.rows.first?.name == rows[0].project.name && sheet.rows.first?.owner == "+49 Amt")
    }

    @Test func filterWordsAreReadInBothLanguagesAndWrongOnesNamed() throws {
        let m = Sample.portfolio.municipalities
        let q = try QueryWords.parse(filters: ["Feld=Mobilität", "phase=2", "kommune=\(m[0].name)", "amt=Tiefbauamt",
                                               "ampel=ROT", "achtung", "suche=bus"], sort: "-Förderende", municipalities: m)
        #expect(q.field == .mobility && q.phase == .transfer && q.municipality == m[0].id && q.office == "Tiefbauamt")
        #expect(q.lightFilter == .redOnly && q.needsAttention && q.search == "bus")
        #expect(q.sort == .fundingEnd && q.descending)
        #expect(try QueryWords.parse(filters: ["light=yellow-red", "attention"], sort: "progress", municipalities: m).lightFilter
                == .yellowOrRed)
        #expect(throws: QueryWords.Problem.self) { try QueryWords.parse(filters: ["farbe=rot"], sort: nil, municipalities: m) }
        #expect(throws: QueryWords.Problem.unknownValue(key: "ampel", found: "lila",
                                                        allowed: ["gruen", "gelb", "rot", "gelb-rot", "fehlt", "ohne", "alle"])) {
            try QueryWords.parse(filters: ["ampel=lila"], sort: nil, municipalities: m)
        }
        #expect(throws: QueryWords.Problem.self) { try QueryWords.parse(filters: [], sort: "farbe", municipalities: m) }
        #expect(QueryWords.describe(q, .german, municipalities: m)
                == "Mobilität · Transferieren · \(m[0].name) · Amt Tiefbauamt · nur rot · braucht Aufmerksamkeit · Suche „bus“")
    }
}
