import Foundation
import LotseDomain

/// How the portfolio table is searched, filtered and sorted. A value, applied to the rows
/// whenever it or the data change.
public struct PortfolioQuery: Hashable, Sendable {
    public enum SortKey: Int, CaseIterable, Sendable {
        case id, light, fundingEnd, progress, budgetUse

        public func title(_ s: Strings) -> String {
            let de = s.language == .german
            switch self {
            case .id: return "ID"
            case .light: return de ? "Ampel" : "light"
            case .fundingEnd: return de ? "Förderende" : "funding end"
            case .progress: return de ? "Fortschritt" : "progress"
            case .budgetUse: return de ? "Budgetausschöpfung" : "budget use"
            }
        }
    }

    public enum LightFilter: Int, CaseIterable, Sendable {
        case all, redOnly, yellowOrRed, reportMissing

        public func title(_ s: Strings) -> String {
            let de = s.language == .german
            switch self {
            case .all: return de ? "alle" : "all"
            case .redOnly: return de ? "nur rot" : "red only"
            case .yellowOrRed: return de ? "gelb und rot" : "yellow and red"
            case .reportMissing: return de ? "Bericht fehlt" : "report missing"
            }
        }
    }

    /// Words that must all appear in a project's id, name, field, phase, municipality,
    /// owner or funding source; case and accents are ignored.
    public var search = ""
    public var sort: SortKey = .id
    public var descending = false
    public var lightFilter: LightFilter = .all

    public init() {}

    public var isActive: Bool { !search.isEmpty || lightFilter != .all }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    public func apply(_ rows: [ProjectRow], strings s: Strings) -> [ProjectRow] {
        let words = PortfolioQuery.fold(search).split(separator: " ").map(String.init)
        let kept = rows.filter { row in
            switch lightFilter {
            case .all: break
            case .redOnly: guard row.light == .red else { return false }
            case .yellowOrRed: guard row.light == .red || row.light == .yellow else { return false }
            case .reportMissing: guard row.reportMissing else { return false }
            }
            guard !words.isEmpty else { return true }
            let p = row.project
            let haystack = PortfolioQuery.fold([p.id, p.name, p.field.germanName, p.field.englishName,
                                                p.phase.germanName, p.phase.englishName, row.municipalityName,
                                                p.owner, p.fundingSource].joined(separator: " "))
            return words.allSatisfy { haystack.contains($0) }
        }
        return kept.sorted { a, b in
            let order = compare(a, b)
            if order != 0 { return descending ? order > 0 : order < 0 }
            return a.id < b.id
        }
    }

    /// Negative when `a` comes first in the natural order of the key.
    func compare(_ a: ProjectRow, _ b: ProjectRow) -> Int {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : x > y ? 1 : 0 }
        switch sort {
        case .id: return cmp(a.id, b.id)
        case .light: // worst first, projects without a report last
            return cmp(-(a.light?.severity ?? -1), -(b.light?.severity ?? -1))
        case .fundingEnd: // soonest first, none last
            return cmp(a.project.fundingEnd?.ordinal ?? Int.max, b.project.fundingEnd?.ordinal ?? Int.max)
        case .progress:
            return cmp(a.progress ?? -1, b.progress ?? -1)
        case .budgetUse: // most used first
            return cmp(-(a.spent.percent(of: a.project.budgetPlanned) ?? 0), -(b.spent.percent(of: b.project.budgetPlanned) ?? 0))
        }
    }
}
