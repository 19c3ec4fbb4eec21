import LotseDomain

/// The words of `lotse import FILE.csv`: what a sheet holds, what importing it did, and
/// every problem a sheet can have, in one language.
public struct SheetStrings: Sendable {
    public var language: Language
    /// The header of a column, as the messages name it.
    public var header: @Sendable (_ column: PortfolioSheet.Column) -> String
    /// What is wrong, without the place.
    public var problem: @Sendable (_ kind: PortfolioSheet.Problem.Kind) -> String
    /// The head of a refusal: the file and how many problems, nothing imported.
    public var refused: @Sendable (_ file: String, _ total: Int) -> String
    /// `… und 12 weitere` after the first fifty.
    public var more: @Sendable (_ n: Int) -> String
    /// How the file was read: encoding, separator, decimal mark.
    public var readAs: @Sendable (_ encoding: CSVText.Encoding, _ delimiter: Character, _ decimalComma: Bool) -> String
    /// The view's figures that were in the sheet and are not imported.
    public var ignored: @Sendable (_ headers: [String]) -> String
    /// What was (or with `dryRun`, would be) done.
    public var outcome: @Sendable (_ added: Int, _ changed: Int, _ unchanged: Int, _ dryRun: Bool) -> String
    /// The ids of added or changed projects, the first few named.
    public var named: @Sendable (_ label: String, _ ids: [String]) -> String
    public var addedLabel: String
    public var changedLabel: String
    public var database: @Sendable (_ path: String) -> String

    public static func forLanguage(_ l: Language) -> SheetStrings {
        switch l {
        case .german: .german
        case .english: .english
        }
    }

    /// How many ids `named` lists before "and N more".
    static let namedLimit = 10

    /// `ids` as a list: the first `namedLimit`, then how many more.
    static func list(_ ids: [String], more: (Int) -> String) -> String {
        let shown = ids.prefix(namedLimit).joined(separator: ", ")
        return ids.count > namedLimit ? shown + " " + more(ids.count - namedLimit) : shown
    }

    private static func quoted(_ text: String, german: Bool) -> String { german ? "„\(text)“" : "“\(text)”" }

    public static let german: SheetStrings = {
        let q: @Sendable (String) -> String = { quoted($0, german: true) }
        let header: @Sendable (PortfolioSheet.Column) -> String = { $0.germanHeader }
        let more: @Sendable (Int) -> String = { "… und \(Formats.german.integer($0)) weitere" }
        return SheetStrings(
            language: .german,
            header: header,
            problem: { kind in
                switch kind {
                case .unreadable(.unsupportedEncoding(let name)):
                    "die Datei ist in \(name) gespeichert; bitte als CSV UTF-8 oder CSV (Trennzeichen-getrennt) speichern"
                case .unreadable(.undecodableByte(_, _, let byte)):
                    String(format: "das Byte 0x%02X gehört zu keiner lesbaren Kodierung (UTF-8 oder Windows-1252)", byte)
                case .unreadable(.unterminatedQuote):
                    "ein Anführungszeichen öffnet hier ein Feld, das nie geschlossen wird"
                case .unreadable(.textAfterQuote):
                    "nach dem schließenden Anführungszeichen folgt noch Text im selben Feld"
                case .unreadable(.empty):
                    "die Datei ist leer; erwartet wird eine Kopfzeile mit den Spaltennamen"
                case .noIDColumn:
                    "die Kopfzeile hat keine Spalte ID; an ihr erkennt Lotse jedes Projekt"
                case .unknownHeader(let title):
                    "unbekannte Spalte \(q(title)); bekannt sind: "
                        + PortfolioSheet.Column.allCases.map(\.germanHeader).joined(separator: ", ")
                case .duplicateColumn(let column, let first):
                    "die Spalte \(q(column.germanHeader)) steht schon in Spalte \(first)"
                case .fieldCount(let expected, let found):
                    "\(found) Felder, die Kopfzeile hat nur \(expected) (ein Trennzeichen zu viel im Text?)"
                case .emptyID:
                    "die ID ist leer"
                case .duplicateID(let first):
                    "die ID steht schon in Zeile \(first)"
                case .unknownValue(let column, let found):
                    "\(q(found)) ist kein Wert für \(column.germanHeader); erlaubt: " + allowed(column, german: true)
                case .notAMonth(let found):
                    "\(q(found)) ist kein Monat; erwartet z. B. 11/2026 oder 2026-11"
                case .notAnAmount(let found):
                    "\(q(found)) ist kein Betrag; erwartet z. B. 1.250.000,00 oder 1250000"
                case .tooManyDecimals(let found):
                    "\(q(found)) hat mehr als zwei Nachkommastellen"
                case .negativeAmount:
                    "ein Budget kann nicht negativ sein"
                case .beyondAnyBudget:
                    "der Betrag übersteigt jeden kommunalen Haushalt (höchstens 100 Mrd. €)"
                case .notYesOrNo(let found):
                    "\(q(found)) ist weder ja noch nein"
                case .controlCharacter(let column, let scalar):
                    "\(column.germanHeader) enthält das Steuerzeichen \(scalar)"
                case .emptyName:
                    "der Projektname ist leer"
                case .fundingEndBeforeStart(let start, let end):
                    "das Förderende \(Formats.german.month(end)) liegt vor dem Start \(Formats.german.month(start))"
                case .unknownMunicipality(let found):
                    "die Kommune \(q(found)) ist nicht in der Datenbank"
                case .ambiguousMunicipality(let found, let ids):
                    "\(q(found)) heißen mehrere Kommunen (\(ids.joined(separator: ", "))); bitte die ID angeben"
                case .missingForNewProject(let columns):
                    "neues Projekt, es fehlt: " + columns.map(\.germanHeader).joined(separator: ", ")
                }
            },
            refused: { file, total in
                "\(file): nichts importiert, " + (total == 1 ? "1 Problem:" : "\(total) Probleme:")
            },
            more: more,
            readAs: { encoding, delimiter, comma in
                let e = switch encoding {
                case .utf8: "UTF-8"
                case .utf8WithBOM: "UTF-8 mit BOM"
                case .windows1252: "Windows-1252 (erkannt)"
                }
                let d = delimiter == "\t" ? "Tabulator" : "\(q(String(delimiter)))"
                return "Gelesen als \(e), Trennzeichen \(d), Dezimal\(comma ? "komma" : "punkt")."
            },
            ignored: { "Nur zur Ansicht, nicht übernommen: " + $0.joined(separator: ", ") + "." },
            outcome: { added, changed, unchanged, dry in
                let n: (Int) -> String = Formats.german.integer
                return (dry ? "Probelauf, nichts geändert: würde " : "")
                    + "\(n(added)) \(dry ? "hinzufügen" : "hinzugefügt"), \(n(changed)) \(dry ? "ändern" : "geändert"), "
                    + "\(n(unchanged)) unverändert."
            },
            named: { label, ids in "  \(label): " + list(ids, more: more) },
            addedLabel: "neu",
            changedLabel: "geändert",
            database: { "Datenbank: \($0)" })
    }()

    public static let english: SheetStrings = {
        let q: @Sendable (String) -> String = { quoted($0, german: false) }
        let header: @Sendable (PortfolioSheet.Column) -> String = { $0.englishHeader }
        let more: @Sendable (Int) -> String = { "… and \(Formats.english.integer($0)) more" }
        return SheetStrings(
            language: .english,
            header: header,
            problem: { kind in
                switch kind {
                case .unreadable(.unsupportedEncoding(let name)):
                    "the file is saved as \(name); please save it as CSV UTF-8 or CSV (comma delimited)"
                case .unreadable(.undecodableByte(_, _, let byte)):
                    String(format: "byte 0x%02X belongs to no encoding Lotse reads (UTF-8 or Windows-1252)", byte)
                case .unreadable(.unterminatedQuote):
                    "a quote opens a field here that is never closed"
                case .unreadable(.textAfterQuote):
                    "text follows the closing quote within the same field"
                case .unreadable(.empty):
                    "the file is empty; a header line with the column names is expected"
                case .noIDColumn:
                    "the header has no ID column; Lotse recognises each project by it"
                case .unknownHeader(let title):
                    "unknown column \(q(title)); known are: "
                        + PortfolioSheet.Column.allCases.map(\.englishHeader).joined(separator: ", ")
                case .duplicateColumn(let column, let first):
                    "the column \(q(column.englishHeader)) is already in column \(first)"
                case .fieldCount(let expected, let found):
                    "\(found) fields, but the header has only \(expected) (a separator too many in a text?)"
                case .emptyID:
                    "the ID is empty"
                case .duplicateID(let first):
                    "the ID is already on line \(first)"
                case .unknownValue(let column, let found):
                    "\(q(found)) is not a value for \(column.englishHeader); allowed: " + allowed(column, german: false)
                case .notAMonth(let found):
                    "\(q(found)) is not a month; expected e.g. 11/2026 or 2026-11"
                case .notAnAmount(let found):
                    "\(q(found)) is not an amount; expected e.g. 1,250,000.00 or 1250000"
                case .tooManyDecimals(let found):
                    "\(q(found)) has more than two decimals"
                case .negativeAmount:
                    "a budget cannot be negative"
                case .beyondAnyBudget:
                    "the amount is beyond any municipal budget (at most €100bn)"
                case .notYesOrNo(let found):
                    "\(q(found)) is neither yes nor no"
                case .controlCharacter(let column, let scalar):
                    "\(column.englishHeader) contains the control character \(scalar)"
                case .emptyName:
                    "the project name is empty"
                case .fundingEndBeforeStart(let start, let end):
                    "the end of funding \(Formats.english.month(end)) lies before the start \(Formats.english.month(start))"
                case .unknownMunicipality(let found):
                    "the municipality \(q(found)) is not in the database"
                case .ambiguousMunicipality(let found, let ids):
                    "several municipalities are called \(q(found)) (\(ids.joined(separator: ", "))); please give the ID"
                case .missingForNewProject(let columns):
                    "new project, missing: " + columns.map(\.englishHeader).joined(separator: ", ")
                }
            },
            refused: { file, total in
                "\(file): nothing imported, " + (total == 1 ? "1 problem:" : "\(total) problems:")
            },
            more: more,
            readAs: { encoding, delimiter, comma in
                let e = switch encoding {
                case .utf8: "UTF-8"
                case .utf8WithBOM: "UTF-8 with BOM"
                case .windows1252: "Windows-1252 (detected)"
                }
                let d = delimiter == "\t" ? "tab" : "\(q(String(delimiter)))"
                return "Read as \(e), separator \(d), decimal \(comma ? "comma" : "point")."
            },
            ignored: { "Shown only, not imported: " + $0.joined(separator: ", ") + "." },
            outcome: { added, changed, unchanged, dry in
                let n: (Int) -> String = Formats.english.integer
                return (dry ? "Dry run, nothing changed: would " : "")
                    + "\(dry ? "add" : "added") \(n(added)), \(dry ? "change" : "changed") \(n(changed)), "
                    + "\(n(unchanged)) unchanged."
            },
            named: { label, ids in "  \(label): " + list(ids, more: more) },
            addedLabel: "new",
            changedLabel: "changed",
            database: { "Database: \($0)" })
    }()

    /// The values a column accepts, in the language's words.
    static func allowed(_ column: PortfolioSheet.Column, german: Bool) -> String {
        func names<E: CaseIterable>(_ type: E.Type, _ de: (E) -> String, _ en: (E) -> String) -> String {
            E.allCases.map { german ? de($0) : en($0) }.joined(separator: ", ")
        }
        switch column {
        case .field: return names(FieldOfAction.self, \.germanName, \.englishName)
        case .solutionKind: return names(SolutionKind.self, \.germanName, \.englishName)
        case .phase: return names(Phase.self, \.germanName, \.englishName)
        case .continuation: return names(ContinuationDecision.self, \.germanName, \.englishName)
        case .basicComponent, .reused: return german ? "ja, nein" : "yes, no"
        default: return ""
        }
    }
}
