import Foundation
import LotseDomain
import TermCanvas

/// The portfolio table as it leaves the screen (`lotse list`, the `x` key): the rows the
/// screen shows for a filter, sort and month, in its order, with every column of the sheet
/// that `lotse import FILE.csv` reads back.
///
/// CSV as a spreadsheet of the language expects it: German with `;` and a decimal comma,
/// English with `,` and a decimal point; UTF-8 with a byte-order mark so Excel reads the
/// umlauts; amounts as plain numbers in euros; one header row.
public struct PortfolioListing: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case csv, markdown, json
    }

    public var rows: [ProjectRow]
    public var month: YearMonth
    /// How many projects the portfolio has in all (the rows may be fewer, filtered).
    public var total: Int
    /// The active filters and the sort in words, for the markdown title; empty: none.
    public var filters: String
    public var sort: String
    public var language: Language

    public init(rows: [ProjectRow], month: YearMonth, total: Int, filters: String = "", sort: String = "",
                language: Language) {
        self.rows = rows
        self.month = month
        self.total = total
        self.filters = filters
        self.sort = sort
        self.language = language
    }

    public static let columns = PortfolioSheet.Column.allCases

    /// Every row `request` keeps (its offset and limit ignored), asked for page by page as
    /// the screen does, never more than one page in one answer.
    public static func gather(_ reader: any PortfolioReader, _ request: RowRequest, strings s: Strings,
                              municipalities: [Municipality], pageSize: Int = 2000) throws -> PortfolioListing {
        var rows: [ProjectRow] = []
        var total = 0
        while true {
            var page = request
            page.offset = rows.count
            page.limit = pageSize
            page.anchorID = nil
            guard let answer = try reader.answer(ScreenDataRequest(rows: page)).rows else { break }
            rows += answer.rows
            total = answer.total
            if answer.rows.isEmpty || rows.count >= answer.matching { break }
        }
        return PortfolioListing(rows: rows, month: request.month, total: total,
                                filters: QueryWords.describe(request.query, s, municipalities: municipalities),
                                sort: QueryWords.describeSort(request.query, s), language: s.language)
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .csv: csv()
        case .markdown: markdown()
        case .json: json()
        }
    }

    // MARK: CSV

    public func csv() -> String {
        let t = ListStrings.forLanguage(language)
        let separator = t.csvSeparator
        var lines = [Self.columns.map { quoted(t.header($0), separator) }.joined(separator: separator)]
        for row in rows {
            lines.append(Self.columns.map { quoted(cell(row, $0, decimalComma: t.decimalComma), separator) }.joined(separator: separator))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A field in quotes when it holds the separator, a quote or a line break.
    func quoted(_ text: String, _ separator: String) -> String {
        guard text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r") else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One cell as the sheet has it: names as the view shows them, months `11/2026`,
    /// amounts as plain numbers, flags as yes/no words.
    func cell(_ row: ProjectRow, _ column: PortfolioSheet.Column, decimalComma: Bool) -> String {
        let s = Strings.forLanguage(language), t = ListStrings.forLanguage(language), p = row.project
        func text(_ value: String) -> String { PortfolioSheet.guarded(SafeText.forTerminalLine(value)) }
        switch column {
        case .id: return text(p.id)
        case .name: return text(p.name)
        case .municipality: return text(row.municipalityName)
        case .field: return s.field(p.field)
        case .solutionKind: return t.solutionKind(p.solutionKind)
        case .phase: return s.phase(p.phase)
        case .owner: return text(p.owner)
        case .start: return s.formats.month(p.start)
        case .fundingEnd: return p.fundingEnd.map(s.formats.month) ?? t.noFundingEnd
        case .fundingSource: return text(p.fundingSource)
        case .budget: return Self.plain(p.budgetPlanned, decimalComma: decimalComma)
        case .spent: return Self.plain(row.spent, decimalComma: decimalComma)
        case .progress: return row.progress.map(String.init) ?? ""
        case .light: return row.light.map(s.light) ?? ""
        case .lastReport: return row.latestReport.map { s.formats.month($0.month) } ?? ""
        case .continuation: return s.continuation(p.continuation)
        case .basicComponent: return p.basicComponentCandidate ? t.yes : t.no
        case .reused: return p.reusedByOthers ? t.yes : t.no
        }
    }

    /// `1234567,89` (or with a point): euros with two decimals, no grouping, no unit.
    static func plain(_ m: Money, decimalComma: Bool) -> String {
        let negative = m.cents < 0
        let magnitude = m.cents.magnitude
        let euros = magnitude / 100, cents = magnitude % 100
        return (negative ? "-" : "") + "\(euros)" + (decimalComma ? "," : ".") + (cents < 10 ? "0" : "") + "\(cents)"
    }

    // MARK: Markdown

    public func markdown() -> String {
        let s = Strings.forLanguage(language), t = ListStrings.forLanguage(language)
        func cellText(_ row: ProjectRow, _ c: PortfolioSheet.Column) -> String {
            let value: String
            switch c {
            case .budget: value = s.formats.money(row.project.budgetPlanned)
            case .spent: value = s.formats.money(row.spent)
            case .progress: value = row.progress.map { s.formats.percent($0) } ?? ""
            default: value = cell(row, c, decimalComma: t.decimalComma)
            }
            return SafeText.markdown(value).replacingOccurrences(of: "|", with: "\\|")
        }
        var out = ["# " + t.title(s.formats.month(month), rows.count, total), ""]
        if !filters.isEmpty || !sort.isEmpty {
            out += [t.filteredSorted(filters.isEmpty ? "–" : SafeText.markdown(filters), SafeText.markdown(sort)), ""]
        }
        let right: Set<PortfolioSheet.Column> = [.budget, .spent, .progress]
        out.append("| " + Self.columns.map { t.header($0) }.joined(separator: " | ") + " |")
        out.append("|" + Self.columns.map { right.contains($0) ? " ---: |" : " --- |" }.joined())
        for row in rows {
            out.append("| " + Self.columns.map { cellText(row, $0) }.joined(separator: " | ") + " |")
        }
        return SafeText.forTerminal(out.joined(separator: "\n")) + "\n"
    }

    // MARK: JSON

    struct Document: Encodable {
        struct Row: Encodable {
            var id, name, municipality, field, solutionKind, phase, owner, start: String
            var fundingEnd: String?
            var fundingSource: String
            var budgetEUR, spentEUR: Decimal
            var progress: Int?
            var light: String?
            var lastReport: String?
            var reportMissing: Bool
            var continuation: String
            var basicComponent, reused: Bool

            enum CodingKeys: String, CodingKey {
                case id, name, municipality, field, solutionKind = "solution_kind", phase, owner, start
                case fundingEnd = "funding_end", fundingSource = "funding_source", budgetEUR = "budget_eur"
                case spentEUR = "spent_eur", progress, light, lastReport = "last_report", reportMissing = "report_missing"
                case continuation, basicComponent = "basic_component", reused
            }

            func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(id, forKey: .id)
                try c.encode(name, forKey: .name)
                try c.encode(municipality, forKey: .municipality)
                try c.encode(field, forKey: .field)
                try c.encode(solutionKind, forKey: .solutionKind)
                try c.encode(phase, forKey: .phase)
                try c.encode(owner, forKey: .owner)
                try c.encode(start, forKey: .start)
                try c.encode(fundingEnd, forKey: .fundingEnd)
                try c.encode(fundingSource, forKey: .fundingSource)
                try c.encode(budgetEUR, forKey: .budgetEUR)
                try c.encode(spentEUR, forKey: .spentEUR)
                try c.encode(progress, forKey: .progress)
                try c.encode(light, forKey: .light)
                try c.encode(lastReport, forKey: .lastReport)
                try c.encode(reportMissing, forKey: .reportMissing)
                try c.encode(continuation, forKey: .continuation)
                try c.encode(basicComponent, forKey: .basicComponent)
                try c.encode(reused, forKey: .reused)
            }
        }
        var month: String
        var matching: Int
        var total: Int
        var projects: [Row]
    }

    /// Machine values: the keys of the data file (`gruen`, `transferieren`), months as
    /// `YYYY-MM`, amounts as numbers of euros.
    public func json() -> String {
        func euros(_ m: Money) -> Decimal { Decimal(m.cents) / 100 }
        let projects = rows.map { r in
            let p = r.project
            return Document.Row(
                id: p.id, name: p.name, municipality: r.municipalityName, field: p.field.rawValue,
                solutionKind: p.solutionKind.rawValue, phase: p.phase.rawValue, owner: p.owner, start: p.start.description,
                fundingEnd: p.fundingEnd?.description, fundingSource: p.fundingSource, budgetEUR: euros(p.budgetPlanned),
                spentEUR: euros(r.spent), progress: r.progress, light: r.light?.rawValue,
                lastReport: r.latestReport?.month.description, reportMissing: r.reportMissing,
                continuation: p.continuation.rawValue, basicComponent: p.basicComponentCandidate, reused: p.reusedByOthers)
        }
        return AssessmentResult.encodeJSON(Document(month: month.description, matching: rows.count, total: total,
                                                    projects: projects))
    }
}
