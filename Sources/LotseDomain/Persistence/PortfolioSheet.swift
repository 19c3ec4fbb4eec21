import Foundation

/// The portfolio as a spreadsheet has it: one project per line, the columns of the
/// portfolio view (`lotse list --format csv`) or any subset of them, with German or English
/// headers. Read by `lotse import FILE.csv`, which adds the projects that are new and
/// changes the columns given of those that exist; the view's figures (light, progress,
/// money spent, last report) come from the reports and are not taken from a sheet.
public struct PortfolioSheet: Sendable, Equatable {
    public enum Column: String, CaseIterable, Sendable, Hashable {
        case id, name, municipality, field, solutionKind, phase, owner, start, fundingEnd, fundingSource
        case budget, spent, progress, light, lastReport, continuation, basicComponent, reused

        /// The header `lotse list --format csv` writes, per language.
        public var germanHeader: String {
            switch self {
            case .id: "ID"
            case .name: "Projekt"
            case .municipality: "Kommune"
            case .field: "Handlungsfeld"
            case .solutionKind: "Lösungsart"
            case .phase: "Phase"
            case .owner: "Amt"
            case .start: "Start"
            case .fundingEnd: "Förderende"
            case .fundingSource: "Förderquelle"
            case .budget: "Budget (€)"
            case .spent: "Ausgegeben (€)"
            case .progress: "Fortschritt (%)"
            case .light: "Ampel"
            case .lastReport: "Letzter Bericht"
            case .continuation: "Verstetigung"
            case .basicComponent: "Basiskomponente"
            case .reused: "Nachgenutzt"
            }
        }

        public var englishHeader: String {
            switch self {
            case .id: "ID"
            case .name: "Project"
            case .municipality: "Municipality"
            case .field: "Field of action"
            case .solutionKind: "Solution kind"
            case .phase: "Phase"
            case .owner: "Office"
            case .start: "Start"
            case .fundingEnd: "Funding end"
            case .fundingSource: "Funding source"
            case .budget: "Budget (€)"
            case .spent: "Spent (€)"
            case .progress: "Progress (%)"
            case .light: "Light"
            case .lastReport: "Last report"
            case .continuation: "Continuation"
            case .basicComponent: "Basic component"
            case .reused: "Reused"
            }
        }

        /// Other words offices use for the same column.
        var aliases: [String] {
            switch self {
            case .id: ["Projekt-ID", "Projektnummer", "Nr", "Project ID"]
            case .name: ["Name", "Projektname", "Titel", "Project name", "Title"]
            case .municipality: ["Gemeinde", "Stadt", "Kommune-ID", "Town", "City"]
            case .field: ["Feld", "Field"]
            case .solutionKind: ["Lösungstyp", "Art", "Kind"]
            case .owner: ["Verantwortlich", "Zuständig", "Zuständiges Amt", "Owner", "Responsible", "Department"]
            case .start: ["Beginn", "Projektstart", "Begin"]
            case .fundingEnd: ["Förderung bis", "Ende der Förderung", "Funding until", "End of funding"]
            case .fundingSource: ["Förderung", "Fördermittelgeber", "Funding", "Funder"]
            case .budget: ["Budget geplant", "Geplantes Budget", "Planned budget"]
            case .spent: ["Ausgaben", "Verausgabt", "Money spent"]
            case .progress: ["Fortschr.", "Fortschritt"]
            case .light: ["Status", "Traffic light"]
            case .lastReport: ["Bericht", "Report"]
            case .continuation: ["Verstetigungsentscheidung", "Continuation decision"]
            case .basicComponent: ["Basiskomponenten-Kandidat", "Basic component candidate"]
            case .reused: ["Nachnutzung", "Nachgenutzt von anderen", "Reused by others"]
            case .phase: []
            }
        }

        /// Figures of the view that follow from the reports: shown, never imported.
        public var isViewOnly: Bool { [.spent, .progress, .light, .lastReport].contains(self) }

        /// What a new project cannot be created without.
        public static let requiredForNewProject: [Column] =
            [.name, .municipality, .field, .solutionKind, .phase, .owner, .start, .budget]

        /// The column a header names: case, accents, spaces and a unit in brackets do not
        /// matter ("budget (eur)" is `budget`).
        public static func named(_ header: String) -> Column? {
            let key = headerKey(header)
            guard !key.isEmpty else { return nil }
            return allCases.first { c in ([c.germanHeader, c.englishHeader] + c.aliases).contains { headerKey($0) == key } }
        }

        static func headerKey(_ header: String) -> String {
            var text = SearchText.fold(header)
            if let bracket = text.firstIndex(where: { $0 == "(" || $0 == "[" }) { text = String(text[..<bracket]) }
            for unit in [" in €", " in eur", " €", " eur", " %"] where text.hasSuffix(unit) { text.removeLast(unit.count) }
            return text.filter { $0.isLetter || $0.isNumber }
        }
    }

    /// One problem of a sheet, with its place; the messages are worded by the screens' tables.
    public struct Problem: Sendable, Equatable {
        public enum Kind: Error, Sendable, Equatable {
            case unreadable(CSVText.Problem)
            case noIDColumn
            case unknownHeader(String)
            case duplicateColumn(Column, firstColumn: Int)
            case fieldCount(expected: Int, found: Int)
            case emptyID
            case duplicateID(firstLine: Int)
            case unknownValue(Column, found: String)
            case notAMonth(found: String)
            case notAnAmount(found: String)
            case tooManyDecimals(found: String)
            case negativeAmount
            case beyondAnyBudget
            case notYesOrNo(found: String)
            case controlCharacter(Column, scalar: String)
            case emptyName
            case fundingEndBeforeStart(start: YearMonth, end: YearMonth)
            /// Found by the store: references and what a new project lacks.
            case unknownMunicipality(found: String)
            case ambiguousMunicipality(found: String, ids: [String])
            case missingForNewProject([Column])
        }

        public var line: Int
        public var column: Int?
        /// The project the line is about, when known.
        public var projectID: String?
        public var kind: Kind

        public init(line: Int, column: Int?, projectID: String? = nil, kind: Kind) {
            self.line = line
            self.column = column
            self.projectID = projectID
            self.kind = kind
        }
    }

    /// Everything wrong with a sheet (at most `problemLimit`, in file order) and how many
    /// there were; nothing of the sheet is used.
    public struct Refusal: Error, Sendable, Equatable {
        public var problems: [Problem]
        public var total: Int
        public init(problems: [Problem], total: Int) {
            self.problems = problems
            self.total = total
        }
    }

    public static let problemLimit = 50

    /// The values of one line; nil where the sheet has no such column or the cell is empty
    /// (then an existing project keeps its value). `fundingEnd` is `.some(nil)` for a cell
    /// that says there is none ("-", "keine", "none").
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var id: String
        public var name: String?
        /// As written: the municipality's id or name; the store resolves it.
        public var municipality: String?
        public var field: FieldOfAction?
        public var solutionKind: SolutionKind?
        public var phase: Phase?
        public var owner: String?
        public var start: YearMonth?
        public var fundingEnd: YearMonth??
        public var fundingSource: String?
        public var budget: Money?
        public var continuation: ContinuationDecision?
        public var basicComponent: Bool?
        public var reused: Bool?
        /// Where each given value stands (for messages).
        public var columns: [Column: Int] = [:]

        /// `project` with the values this line gives.
        public func applied(to project: Project, municipalityID: String?) -> Project {
            var p = project
            if let name { p.name = name }
            if let municipalityID { p.municipalityID = municipalityID }
            if let field { p.field = field }
            if let solutionKind { p.solutionKind = solutionKind }
            if let phase { p.phase = phase }
            if let owner { p.owner = owner }
            if let start { p.start = start }
            if let fundingEnd { p.fundingEnd = fundingEnd }
            if let fundingSource { p.fundingSource = fundingSource }
            if let budget { p.budgetPlanned = budget }
            if let continuation { p.continuation = continuation }
            if let basicComponent { p.basicComponentCandidate = basicComponent }
            if let reused { p.reusedByOthers = reused }
            return p
        }

        /// A new project from this line, or the columns it lacks.
        public func newProject(municipalityID: String?) -> Result<Project, MissingColumns> {
            var missing: [Column] = []
            if name == nil { missing.append(.name) }
            if municipalityID == nil { missing.append(.municipality) }
            if field == nil { missing.append(.field) }
            if solutionKind == nil { missing.append(.solutionKind) }
            if phase == nil { missing.append(.phase) }
            if owner == nil { missing.append(.owner) }
            if start == nil { missing.append(.start) }
            if budget == nil { missing.append(.budget) }
            guard missing.isEmpty, let name, let municipalityID, let field, let solutionKind, let phase, let owner,
                  let start, let budget else { return .failure(MissingColumns(columns: missing)) }
            return .success(Project(
                id: id, municipalityID: municipalityID, name: name, field: field, solutionKind: solutionKind,
                phase: phase, owner: owner, start: start, fundingEnd: fundingEnd ?? nil,
                fundingSource: fundingSource ?? "", budgetPlanned: budget,
                basicComponentCandidate: basicComponent ?? false, reusedByOthers: reused ?? false,
                continuation: continuation ?? .open))
        }
    }

    public struct MissingColumns: Error, Equatable, Sendable {
        public var columns: [Column]
    }

    public var encoding: CSVText.Encoding
    public var delimiter: Character
    /// Whether amounts were read with a decimal comma (`1.234,50`) or point (`1,234.50`).
    public var decimalComma: Bool
    /// The view's figures present in the sheet and left alone, by their headers.
    public var ignoredColumns: [String]
    public var rows: [Row]

    // MARK: - Reading

    /// Reads a sheet; throws `Refusal` with every problem (up to 50) when anything is wrong.
    public static func read(_ bytes: [UInt8]) throws(Refusal) -> PortfolioSheet {
        let csv: CSVText
        do {
            csv = try CSVText.read(bytes)
        } catch {
            let (line, column) = error.place
            throw Refusal(problems: [Problem(line: line, column: column, kind: .unreadable(error))], total: 1)
        }
        var problems = Problems()
        let header = csv.records[0]
        var columns: [(index: Int, column: Column)] = []
        var ignored: [String] = []
        for (i, field) in header.fields.enumerated() {
            let title = field.text.trimmingCharacters(in: .whitespaces)
            if title.isEmpty, csv.records.dropFirst().allSatisfy({ i >= $0.fields.count || $0.fields[i].text.isEmpty }) {
                continue  // an empty column a spreadsheet left at the end
            }
            guard let column = Column.named(title) else {
                problems.add(Problem(line: field.line, column: field.column, kind: .unknownHeader(title)))
                continue
            }
            if let first = columns.first(where: { $0.column == column }) {
                problems.add(Problem(line: field.line, column: field.column,
                                     kind: .duplicateColumn(column, firstColumn: header.fields[first.index].column)))
                continue
            }
            if column.isViewOnly { ignored.append(title) }
            columns.append((i, column))
        }
        guard let idIndex = columns.first(where: { $0.column == .id })?.index else {
            problems.add(Problem(line: header.line, column: nil, kind: .noIDColumn))
            throw problems.refusal
        }
        let decimalComma = Self.decimalComma(csv, amountColumns: columns.filter { $0.column == .budget }.map(\.index))
        var rows: [Row] = []
        var firstLine: [String: Int] = [:]
        for record in csv.records.dropFirst() {
            let fields = record.fields
            // Trailing empty cells are what spreadsheets add; more text than headers is not.
            let used = fields.lastIndex { !$0.text.isEmpty }.map { $0 + 1 } ?? 0
            if used > header.fields.count {
                problems.add(Problem(line: record.line, column: fields[header.fields.count].column,
                                     kind: .fieldCount(expected: header.fields.count, found: used)))
                continue
            }
            let id = idIndex < fields.count ? fields[idIndex].text.trimmingCharacters(in: .whitespaces) : ""
            var row = Row(line: record.line, id: id)
            if id.isEmpty {
                problems.add(Problem(line: record.line, column: idIndex < fields.count ? fields[idIndex].column : nil,
                                     kind: .emptyID))
                continue
            }
            if let scalar = PlausibleValues.controlCharacters(in: id) {
                problems.add(Problem(line: record.line, column: fields[idIndex].column, kind: .controlCharacter(.id, scalar: scalar)))
                continue
            }
            if let first = firstLine[id] {
                problems.add(Problem(line: record.line, column: fields[idIndex].column, projectID: id,
                                     kind: .duplicateID(firstLine: first)))
                continue
            }
            firstLine[id] = record.line
            for (index, column) in columns where column != .id && !column.isViewOnly && index < fields.count {
                let cell = fields[index]
                let text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty else { continue }
                row.columns[column] = cell.column
                if let kind = Self.read(text, column, into: &row, decimalComma: decimalComma) {
                    problems.add(Problem(line: cell.line, column: cell.column, projectID: id, kind: kind))
                }
            }
            if let start = row.start, let end = row.fundingEnd ?? nil, end < start {
                problems.add(Problem(line: record.line, column: row.columns[.fundingEnd], projectID: id,
                                     kind: .fundingEndBeforeStart(start: start, end: end)))
            }
            rows.append(row)
        }
        if !problems.isEmpty { throw problems.refusal }
        return PortfolioSheet(encoding: csv.encoding, delimiter: csv.delimiter, decimalComma: decimalComma,
                              ignoredColumns: ignored, rows: rows)
    }

    /// Collects problems in file order, keeping the first `problemLimit`.
    public struct Problems: Sendable {
        public private(set) var list: [Problem] = []
        public private(set) var total = 0
        public init() {}
        public var isEmpty: Bool { total == 0 }
        public mutating func add(_ p: Problem) {
            total += 1
            if list.count < PortfolioSheet.problemLimit { list.append(p) }
        }
        public var refusal: Refusal { Refusal(problems: list, total: total) }
    }

    /// Reads one cell into `row`; the problem, or nil.
    static func read(_ text: String, _ column: Column, into row: inout Row, decimalComma: Bool) -> Problem.Kind? {
        func name(_ set: (String) -> Void) -> Problem.Kind? {
            if let scalar = PlausibleValues.controlCharacters(in: text) { return .controlCharacter(column, scalar: scalar) }
            set(PortfolioSheet.unguarded(text))
            return nil
        }
        func choice<E>(_ table: [String: E], _ set: (E) -> Void) -> Problem.Kind? {
            guard let value = table[SearchText.fold(text)] else { return .unknownValue(column, found: text) }
            set(value)
            return nil
        }
        switch column {
        case .id, .spent, .progress, .light, .lastReport:
            return nil
        case .name:
            return name { row.name = $0 }
        case .owner:
            return name { row.owner = $0 }
        case .fundingSource:
            return name { row.fundingSource = $0 }
        case .municipality:
            return name { row.municipality = $0 }
        case .field:
            return choice(Names.fields) { row.field = $0 }
        case .solutionKind:
            return choice(Names.solutionKinds) { row.solutionKind = $0 }
        case .phase:
            // "2 Transferieren", "2 Transfer." and "2" as the screen shows it, or the name alone.
            let folded = SearchText.fold(text)
            if let number = folded.first?.wholeNumberValue, let phase = Phase.allCases.first(where: { $0.number == number }) {
                let rest = folded.dropFirst().trimmingCharacters(in: CharacterSet(charactersIn: " ."))
                if rest.isEmpty || [phase.germanName, phase.englishName].contains(where: { SearchText.fold($0).hasPrefix(rest) }) {
                    row.phase = phase
                    return nil
                }
            }
            return choice(Names.phases) { row.phase = $0 }
        case .continuation:
            return choice(Names.continuations) { row.continuation = $0 }
        case .start:
            guard let month = month(text) else { return .notAMonth(found: text) }
            row.start = month
            return nil
        case .fundingEnd:
            if ["-", "–", "keine", "keines", "kein", "none", "n/a"].contains(SearchText.fold(text)) {
                row.fundingEnd = .some(nil)
                return nil
            }
            guard let month = month(text) else { return .notAMonth(found: text) }
            row.fundingEnd = .some(month)
            return nil
        case .budget:
            switch amount(text, decimalComma: decimalComma) {
            case .success(let money):
                row.budget = money
                return nil
            case .failure(let kind):
                return kind
            }
        case .basicComponent:
            guard let flag = yesOrNo(text) else { return .notYesOrNo(found: text) }
            row.basicComponent = flag
            return nil
        case .reused:
            guard let flag = yesOrNo(text) else { return .notYesOrNo(found: text) }
            row.reused = flag
            return nil
        }
    }

    // MARK: - Values

    /// The characters with which a spreadsheet starts a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@"]

    /// A text as a sheet cell: one that a spreadsheet would run as a formula gets a leading
    /// apostrophe, which spreadsheets show as text and `unguarded` removes on import.
    public static func guarded(_ text: String) -> String {
        guard let first = text.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// A cell's text without the apostrophe `guarded` put before a formula character.
    static func unguarded(_ text: String) -> String {
        guard text.hasPrefix("'"), let second = text.dropFirst().first, formulaStarts.contains(second) else { return text }
        return String(text.dropFirst())
    }

    /// Every name a value goes by (key, German, English), folded: looked up once per cell
    /// instead of folding every name again.
    enum Names {
        static func table<E: CaseIterable>(_ names: (E) -> [String]) -> [String: E] {
            var out: [String: E] = [:]
            for value in E.allCases { for name in names(value) { out[SearchText.fold(name)] = value } }
            return out
        }
        static let fields: [String: FieldOfAction] = table { [$0.rawValue, $0.germanName, $0.englishName] }
        static let solutionKinds: [String: SolutionKind] = table { [$0.rawValue, $0.germanName, $0.englishName] }
        static let phases: [String: Phase] = table { [$0.rawValue, $0.germanName, $0.englishName] }
        static let continuations: [String: ContinuationDecision] = table { [$0.rawValue, $0.germanName, $0.englishName] }
    }

    /// `2026-11`, `11/2026`, `11.2026` (four-digit years), and the date a spreadsheet makes of
    /// a month: `01.11.2026`, `2026-11-01`, and `01.11.26` as a German LibreOffice or Excel
    /// writes a date by default (a two-digit year is 2000–2099, as typed dates are read). A
    /// slash date (`1/11/2026`) is not read: its order of day and month is unclear.
    static func month(_ text: String) -> YearMonth? {
        if let m = YearMonth(text) { return m }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        switch parts.count {
        case 2 where parts[1].count == 4 && parts[0].count <= 2:
            return YearMonth(year: numbers[1], month: numbers[0])
        case 3 where text.contains(".") && (parts[2].count == 4 || parts[2].count == 2):
            guard (1...31).contains(numbers[0]) else { return nil }
            return YearMonth(year: parts[2].count == 2 ? 2000 + numbers[2] : numbers[2], month: numbers[1])
        case 3 where text.contains("-") && parts[0].count == 4:
            guard (1...31).contains(numbers[2]) else { return nil }
            return YearMonth(year: numbers[0], month: numbers[1])
        default:
            return nil
        }
    }

    static func yesOrNo(_ text: String) -> Bool? {
        switch SearchText.fold(text) {
        case "ja", "j", "yes", "y", "x", "1", "wahr", "true": true
        case "nein", "n", "no", "0", "falsch", "false", "-": false
        default: nil
        }
    }

    /// An amount in euros with at most two decimals, `€`/`EUR` and spaces allowed:
    /// `1.234.567,89` or `1,234,567.89` or `1234567`. Where a single mark could be either
    /// (`1.234`), `decimalComma` decides; in a file with a decimal point that is then an
    /// amount with three decimals, refused rather than guessed.
    static func amount(_ text: String, decimalComma: Bool) -> Result<Money, Problem.Kind> {
        var t = text
        for unit in ["EUR", "Euro", "€"] { t = t.replacingOccurrences(of: unit, with: "") }
        t = t.filter { !$0.isWhitespace && $0 != "'" && $0 != "\u{A0}" && $0 != "\u{202F}" }
        var negative = false
        if t.hasPrefix("-") || t.hasPrefix("−") {
            negative = true
            t.removeFirst()
        }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
              t.first!.isNumber else { return .failure(.notAnAmount(found: text)) }
        let mark: Character
        if let lastComma = t.lastIndex(of: ","), let lastPoint = t.lastIndex(of: ".") {
            mark = lastComma > lastPoint ? "," : "."
        } else if t.filter({ $0 == "," || $0 == "." }).count > 1 {
            // Several of one mark: they group thousands (`1.234.567`).
            mark = t.contains(",") ? "." : ","
        } else if let single = t.firstIndex(where: { $0 == "," || $0 == "." }), t.distance(from: single, to: t.endIndex) != 4 {
            // One mark not followed by exactly three digits cannot group thousands.
            mark = t[single]
        } else {
            mark = decimalComma ? "," : "."
        }
        let group: Character = mark == "," ? "." : ","
        let parts = t.split(separator: mark, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return .failure(.notAnAmount(found: text)) }
        let whole = parts[0].filter { $0 != group }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard !whole.isEmpty, fraction.allSatisfy(\.isNumber) else { return .failure(.notAnAmount(found: text)) }
        // Groups of three after the first: `1.23.4` is a typo, not an amount.
        let groups = parts[0].split(separator: group, omittingEmptySubsequences: false)
        if groups.count > 1, groups.dropFirst().contains(where: { $0.count != 3 }) || groups[0].isEmpty {
            return .failure(.notAnAmount(found: text))
        }
        guard fraction.count <= 2 else { return .failure(.tooManyDecimals(found: text)) }
        if negative { return .failure(.negativeAmount) }
        let limit = PlausibleValues.moneyLimit.cents
        guard whole.count <= 15, let euros = Int64(whole), euros <= limit / 100 else { return .failure(.beyondAnyBudget) }
        let cents = euros * 100 + (Int64(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0)
        guard cents <= limit else { return .failure(.beyondAnyBudget) }
        return .success(Money(cents: cents))
    }

    /// Whether the amounts of the file use a decimal comma: decided by the first amount that
    /// shows it unambiguously (both marks, or one mark followed by other than three digits);
    /// else by the separator (`;` files come from German spreadsheets).
    static func decimalComma(_ csv: CSVText, amountColumns: [Int]) -> Bool {
        for record in csv.records.dropFirst() {
            for index in amountColumns where index < record.fields.count {
                let t = record.fields[index].text.filter { $0 == "," || $0 == "." || $0.isNumber }
                if let comma = t.lastIndex(of: ","), let point = t.lastIndex(of: ".") { return comma > point }
                for mark in [",", "."] as [Character] {
                    let pieces = t.split(separator: mark, omittingEmptySubsequences: false)
                    if pieces.count == 2, pieces[1].count != 3 { return mark == "," }
                    if pieces.count > 2 { return mark == "." }
                }
            }
        }
        return csv.delimiter == ";"
    }
}

extension CSVText.Problem {
    /// Where the problem is (line 1 for the whole file).
    public var place: (line: Int, column: Int?) {
        switch self {
        case .unsupportedEncoding, .empty: (1, nil)
        case .undecodableByte(let line, let column, _), .unterminatedQuote(let line, let column),
             .textAfterQuote(let line, let column): (line, column)
        }
    }
}
