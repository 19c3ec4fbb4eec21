import LotseDomain

/// The portfolio's filters and sort in words: read from `lotse list --filter KEY=VALUE
/// --sort [-]KEY` (German and English keys and values alike, case and accents ignored) and
/// written as the title of a filtered table ("Amt Digitalisierung · nur rot").
public enum QueryWords {
    public enum Problem: Error, Equatable, Sendable {
        /// `--filter` with a key that does not exist: (found, allowed keys).
        case unknownKey(found: String, allowed: [String])
        /// A value the key does not know: (key, found, allowed values).
        case unknownValue(key: String, found: String, allowed: [String])
        /// `--sort` with a key that does not exist: (found, allowed).
        case unknownSort(found: String, allowed: [String])
    }

    /// The filter keys, German first.
    public static let filterKeys = ["feld", "phase", "kommune", "amt", "ampel", "achtung", "suche",
                                    "field", "municipality", "office", "light", "attention", "search"]

    static let lightWords: [(PortfolioQuery.LightFilter, [String])] = [
        (.green, ["gruen", "grün", "green"]), (.yellow, ["gelb", "yellow"]), (.redOnly, ["rot", "red"]),
        (.yellowOrRed, ["gelb-rot", "gelbrot", "yellow-red", "yellow-or-red"]),
        (.reportMissing, ["fehlt", "bericht-fehlt", "missing", "report-missing"]),
        (.noneReported, ["ohne", "nie", "none", "never"]), (.all, ["alle", "all"]),
    ]

    static let sortWords: [(PortfolioQuery.SortKey, [String])] = [
        (.id, ["id"]), (.light, ["ampel", "light"]), (.fundingEnd, ["foerderende", "förderende", "funding-end"]),
        (.progress, ["fortschritt", "progress"]), (.budgetUse, ["budget", "budgetausschoepfung", "budget-use"]),
    ]

    static func fold(_ text: String) -> String { SearchText.fold(text.trimmingCharacters(in: .whitespaces)) }

    /// The query of `filters` (`KEY=VALUE`, or `achtung` alone) and `sort` (a key, `-`
    /// before it for descending). A municipality is named by id or name.
    public static func parse(filters: [String], sort: String?, municipalities: [Municipality]) throws(Problem) -> PortfolioQuery {
        var q = PortfolioQuery()
        for filter in filters {
            let parts = filter.split(separator: "=", maxSplits: 1).map(String.init)
            let key = fold(parts.first ?? "")
            let value = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            let v = fold(value)
            func unknown(_ allowed: [String]) -> Problem { .unknownValue(key: key, found: value, allowed: allowed) }
            switch key {
            case "feld", "field", "handlungsfeld":
                guard let f = FieldOfAction.allCases.first(where: { [$0.rawValue, $0.germanName, $0.englishName].map(fold).contains(v) })
                else { throw unknown(FieldOfAction.allCases.map(\.rawValue)) }
                q.field = f
            case "phase":
                guard let p = Phase.allCases.first(where: { [$0.rawValue, $0.germanName, $0.englishName, "\($0.number)"].map(fold).contains(v) })
                else { throw unknown(Phase.allCases.map(\.rawValue)) }
                q.phase = p
            case "kommune", "municipality":
                guard let m = municipalities.first(where: { fold($0.id) == v || fold($0.name) == v })
                else { throw unknown(municipalities.map(\.id)) }
                q.municipality = m.id
            case "amt", "office":
                guard !value.isEmpty else { throw unknown(["…"]) }
                q.office = value
            case "ampel", "light":
                guard let l = lightWords.first(where: { $0.1.map(fold).contains(v) })?.0
                else { throw unknown(lightWords.map { $0.1[0] }) }
                q.lightFilter = l
            case "achtung", "attention":
                guard v.isEmpty || ["ja", "yes", "1", "true"].contains(v) else { throw unknown(["ja", "yes"]) }
                q.needsAttention = true
            case "suche", "search":
                q.search = value
            default:
                throw .unknownKey(found: parts.first ?? "", allowed: filterKeys)
            }
        }
        if let sort {
            let descending = sort.hasPrefix("-")
            let word = fold(descending ? String(sort.dropFirst()) : sort)
            guard let key = sortWords.first(where: { $0.1.map(fold).contains(word) })?.0 else {
                throw .unknownSort(found: sort, allowed: sortWords.map { $0.1[0] })
            }
            q.sort = key
            q.descending = descending
        }
        return q
    }

    /// The active filters in words, "·" between them; empty when there are none.
    public static func describe(_ q: PortfolioQuery, _ s: Strings, municipalities: [Municipality]) -> String {
        let t = ListStrings.forLanguage(s.language)
        return q.activeFilters.map { filter -> String in
            switch filter {
            case .field(let f): s.field(f)
            case .phase(let p): s.phase(p)
            case .municipality(let id): municipalities.first { $0.id == id }?.name ?? id
            case .office(let o): t.office(o)
            case .light(let l): s.lightFilter(l)
            case .needsAttention: t.needsAttention
            case .search(let text): t.searchFor(text)
            }
        }.joined(separator: " · ")
    }

    /// "Förderende ↓": the sort key with its direction.
    public static func describeSort(_ q: PortfolioQuery, _ s: Strings) -> String {
        let t = ListStrings.forLanguage(s.language)
        return s.sortKey(q.sort) + " " + (q.descending ? t.descending : t.ascending)
    }
}
