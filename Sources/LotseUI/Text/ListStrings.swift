import LotseDomain

/// The texts of the portfolio view leaving the screen (`lotse list`, the `x` key): the
/// values of a sheet's cells, the key's help and its messages. German first; both tables
/// list every value.
public struct ListStrings: Sendable {
    public var language: Language

    /// The CSV of the language: its separator and whether amounts have a decimal comma.
    public var csvSeparator: String
    public var decimalComma: Bool
    /// A sheet column's header.
    public var header: @Sendable (PortfolioSheet.Column) -> String
    public var solutionKind: @Sendable (SolutionKind) -> String
    public var yes: String
    public var no: String
    /// A project with no end of funding (paid from the regular budget).
    public var noFundingEnd: String
    /// The markdown listing's title: (month, how many shown, how many in all).
    public var title: @Sendable (_ month: String, _ shown: Int, _ total: Int) -> String
    /// The active filters and the sort in the markdown listing: (filters, sort).
    public var filteredSorted: @Sendable (_ filters: String, _ sort: String) -> String
    /// The `x` key's help line and footer label.
    public var keyExport: String
    public var footerExport: String
    /// The file name of an exported view, without the extension: (month as YYYY-MM).
    public var fileName: @Sendable (_ month: String) -> String
    /// `lotse list`: an unknown value of an option: (option, found, allowed).
    public var unknownOption: @Sendable (_ option: String, _ found: String, _ allowed: String) -> String
    /// Filters in a title: (office) and (search text); the attention filter.
    public var office: @Sendable (String) -> String
    public var searchFor: @Sendable (String) -> String
    public var needsAttention: String
    public var ascending: String
    public var descending: String

    public static func forLanguage(_ l: Language) -> ListStrings {
        switch l {
        case .german: .german
        case .english: .english
        }
    }

    public static let german = ListStrings(
        language: .german,
        csvSeparator: ";",
        decimalComma: true,
        header: { $0.germanHeader },
        solutionKind: { $0.germanName },
        yes: "ja",
        no: "nein",
        noFundingEnd: "keines",
        title: { "Portfolio \($0): \($1) von \($2) Projekten" },
        filteredSorted: { "Filter: \($0) · sortiert nach \($1)" },
        keyExport: "Ansicht als CSV-Datei schreiben (wie gezeigt)",
        footerExport: "Export",
        fileName: { "Portfolio-\($0)" },
        unknownOption: { "\($0): „\($1)“ gibt es nicht; möglich: \($2). Nichts wurde ausgegeben." },
        office: { "Amt \($0)" },
        searchFor: { "Suche „\($0)“" },
        needsAttention: "braucht Aufmerksamkeit",
        ascending: "aufsteigend",
        descending: "absteigend")

    public static let english = ListStrings(
        language: .english,
        csvSeparator: ",",
        decimalComma: false,
        header: { $0.englishHeader },
        solutionKind: { $0.englishName },
        yes: "yes",
        no: "no",
        noFundingEnd: "none",
        title: { "Portfolio \($0): \($1) of \($2) projects" },
        filteredSorted: { "Filter: \($0) · sorted by \($1)" },
        keyExport: "write the view as a CSV file (as shown)",
        footerExport: "export",
        fileName: { "portfolio-\($0)" },
        unknownOption: { "\($0): there is no '\($1)'; possible: \($2). Nothing was printed." },
        office: { "office \($0)" },
        searchFor: { "search '\($0)'" },
        needsAttention: "needs attention",
        ascending: "ascending",
        descending: "descending")
}
