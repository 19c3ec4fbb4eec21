import LotseDomain

public extension Portfolio {
    /// The same portfolio in the order `SQLiteStore.loadPortfolio()` returns it:
    /// municipalities and projects by id, reports by project then month, KPIs and risks by
    /// project then id, readings by KPI then month. Text compares by UTF-8 bytes, as
    /// SQLite's default collation does.
    func inStoreOrder() -> Portfolio {
        func less(_ a: [String], _ b: [String]) -> Bool {
            for (x, y) in zip(a, b) where x != y {
                return x.utf8.lexicographicallyPrecedes(y.utf8)
            }
            return a.count < b.count
        }
        var copy = self
        copy.municipalities.sort { less([$0.id], [$1.id]) }
        copy.projects.sort { less([$0.id], [$1.id]) }
        copy.reports.sort { less([$0.projectID, $0.month.description], [$1.projectID, $1.month.description]) }
        copy.kpis.sort { less([$0.projectID, $0.id], [$1.projectID, $1.id]) }
        copy.readings.sort { less([$0.kpiID, $0.month.description], [$1.kpiID, $1.month.description]) }
        copy.risks.sort { less([$0.projectID, $0.id], [$1.projectID, $1.id]) }
        return copy
    }
}
