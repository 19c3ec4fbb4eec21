import Foundation
import GRDB
import LotseDomain
import Synchronization

/// The portfolio table in SQL: the engine filters, searches, sorts and counts, and hands
/// out only the rows of the window asked for.
enum PortfolioRowsSQL {
    static let projectColumns = ProjectRecord.valueLayout.columns
    static let extraColumns = ["light_rank", "progress", "spent", "report_month", "missing"]
    static let layout = RowLayout(table: "project", columns: projectColumns + extraColumns, key: ProjectRecord.key)

    /// `WITH src AS …, rows AS …`: every project with what its reports say as of `:month`.
    /// For the newest month (no report after it) the per-project status row answers; for
    /// an earlier month each project's newest report up to it is looked up by index.
    static func source(_ db: Database, month: YearMonth, scanningRows: Bool = false) throws -> String {
        let project = projectColumns.map { "p.\($0)" }.joined(separator: ", ")
        let src: String
        if try SQL.statusRowsHold(db, month: month) {
            // What the table filters and sorts by is all in the status row; `project` is
            // joined for the other columns only, so a query that needs none of them (the
            // ordered ids) reads the status rows alone.
            let fromStatus = ["id": "project_id", "phase": "phase", "start_month": "start_month",
                              "continuation": "continuation", "funding_end_month": "funding_end_month"]
            let columns = projectColumns.map { c in fromStatus[c].map { "s.\($0) AS \(c)" } ?? "p.\(c) AS \(c)" }
            src = """
                SELECT \(columns.joined(separator: ", ")), s.light_rank AS light_rank, s.progress AS progress,
                       s.spent_cents AS spent, s.budget_use AS budget_use, s.latest_month AS report_month,
                       s.search_text AS search_text
                FROM project_status s \(scanningRows ? "NOT INDEXED " : "")LEFT JOIN project p ON p.id = s.project_id
                """
        } else {
            src = """
                SELECT \(project), coalesce(\(DerivedData.lightRank("r.overall")), -1) AS light_rank,
                       r.progress AS progress, coalesce(r.spent_to_date_cents, 0) AS spent,
                       \(DerivedData.budgetUse("coalesce(r.spent_to_date_cents, 0)", "p")) AS budget_use,
                       r.month AS report_month, s.search_text AS search_text
                FROM project p JOIN project_status s ON s.project_id = p.id
                LEFT JOIN status_report r ON r.id = (SELECT id FROM status_report
                                                     WHERE project_id = p.id AND month <= :month
                                                     ORDER BY month DESC LIMIT 1)
                """
        }
        return """
            WITH src AS (\(src)),
            rows AS (SELECT src.*, (\(DerivedData.expects("src", ":month"))
                                    AND (report_month IS NULL OR report_month <> :month)) AS missing
                     FROM src)
            """
    }

    /// The WHERE clause of a query and its named arguments.
    static func filter(_ query: PortfolioQuery) -> (sql: String, arguments: [String: DatabaseValueConvertible]) {
        var conditions: [String] = []
        var arguments: [String: DatabaseValueConvertible] = [:]
        switch query.lightFilter {
        case .all: break
        case .redOnly: conditions.append("light_rank = 2")
        case .yellowOrRed: conditions.append("light_rank >= 1")
        case .reportMissing: conditions.append("missing")
        }
        let words = query.searchWords
        // Words of three letters or more go to the trigram index first, which finds the
        // few projects that can match; every word is then checked in the text itself, so
        // the answer is exactly that of the plain substring search.
        let indexed = words.filter { $0.unicodeScalars.count >= 3 }
        if !indexed.isEmpty {
            conditions.append("""
                id IN (SELECT p2.id FROM project p2 WHERE p2.rowid IN
                       (SELECT rowid FROM project_search WHERE project_search MATCH :fts))
                """)
            arguments["fts"] = indexed.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                .joined(separator: " AND ")
        }
        for (i, word) in words.enumerated() {
            conditions.append("instr(search_text, :w\(i)) > 0")
            arguments["w\(i)"] = word
        }
        return (conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), arguments)
    }

    /// ORDER BY of a query, as `InMemoryPortfolio.compare` orders: the key, then the id.
    static func order(_ query: PortfolioQuery) -> String {
        let d = query.descending
        switch query.sort {
        case .id: return d ? "id DESC" : "id"
        case .light: return d ? "light_rank, id" : "light_rank DESC, id"
        case .fundingEnd:
            return d ? "funding_end_month IS NULL DESC, funding_end_month DESC, id"
                : "funding_end_month IS NULL, funding_end_month, id"
        case .progress: return d ? "coalesce(progress, -1) DESC, id" : "coalesce(progress, -1), id"
        case .budgetUse: return d ? "coalesce(budget_use, 0), id" : "coalesce(budget_use, 0) DESC, id"
        }
    }

    /// A search by short words only (no trigram narrows it) keeps most projects and reads
    /// every project's text anyway: reading the status rows in id order and sorting the
    /// matches is then cheaper than following a sort index to each row, which SQLite
    /// would otherwise choose because the index is smaller than the rows.
    static func readsEveryText(_ query: PortfolioQuery) -> Bool {
        let words = query.searchWords
        return !words.isEmpty && words.allSatisfy { $0.unicodeScalars.count < 3 }
    }

    /// Which data an order of ids was read from: another connection's commit or one of
    /// this connection's writes makes it another state.
    struct DataState: Hashable, Sendable {
        var version: Int64
        var changes: Int64
    }

    /// The ids a query keeps, in its order, as of a month and a state of the data.
    struct Order: Sendable {
        var query: PortfolioQuery
        var month: YearMonth
        var state: DataState
        var ids: [String]
    }

    /// The last order of ids one store read; shared by the store's calls, so it locks.
    final class OrderCache: Sendable {
        private let entry = Mutex<Order?>(nil)

        func ids(_ query: PortfolioQuery, _ month: YearMonth, _ state: DataState) -> [String]? {
            entry.withLock { entry in
                guard let entry, entry.state == state, entry.query == query, entry.month == month else { return nil }
                return entry.ids
            }
        }

        func keep(_ order: Order) {
            entry.withLock { $0 = order }
        }
    }

    /// The request's rows. `cache` keeps the last order of ids, so that the next window of
    /// the same query on the same data (scrolling) costs one fetch of its rows.
    static func page(_ db: Database, _ request: RowRequest, state: DataState? = nil,
                     cache: OrderCache? = nil) throws -> RowPage {
        let with = try source(db, month: request.month, scanningRows: readsEveryText(request.query))
        let (condition, filterArguments) = filter(request.query)
        var arguments = filterArguments
        arguments["month"] = request.month.description
        let order = order(request.query)

        // One pass in the engine's order: the ids alone (a few bytes a project) give the
        // count, the anchor's position and the window; then the window's rows in full.
        // Cheaper than counting, ranking and paging in three statements, each of which
        // would filter and sort every project again.
        let cached = state.flatMap { cache?.ids(request.query, request.month, $0) }
        let ids = try cached ?? String.fetchAll(
            db, sql: "\(with) SELECT id FROM rows WHERE \(condition) ORDER BY \(order)",
            arguments: StatementArguments(arguments))
        if cached == nil, let state, let cache {
            cache.keep(Order(query: request.query, month: request.month, state: state, ids: ids))
        }
        let matching = ids.count
        let anchor = request.anchorID.flatMap { ids.firstIndex(of: $0) }
        var offset = RowPage.clampedStart(request.offset, limit: request.limit, matching: matching)
        if let anchor, !(offset..<(offset + request.limit)).contains(anchor) {
            offset = RowPage.windowStart(around: anchor, limit: request.limit, matching: matching)
        }
        let window = Array(ids[offset..<min(matching, offset + request.limit)])
        var rows: [ProjectRow] = []
        if !window.isEmpty {
            var byID: [String: ProjectRow] = [:]
            arguments = ["month": request.month.description]
            for (i, id) in window.enumerated() { arguments["i\(i)"] = id }
            let marks = window.indices.map { ":i\($0)" }.joined(separator: ", ")
            for row in try projectRows(db, sql: """
                \(with) SELECT \(layout.columns.joined(separator: ", ")) FROM rows WHERE id IN (\(marks))
                """, arguments: arguments) {
                byID[row.id] = row
            }
            rows = window.compactMap { byID[$0] }
        }
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM project") ?? 0
        return RowPage(month: request.month, query: request.query, offset: offset, rows: rows, matching: matching,
                       total: total, anchorPosition: anchor)
    }

    /// The first `limit` projects of each phase, in id order.
    static func phaseSamples(_ db: Database, month: YearMonth, limit: Int) throws -> [Phase: [ProjectRow]] {
        let with = try source(db, month: month)
        let rows = try projectRows(db, sql: """
            \(with), numbered AS (SELECT rows.*, row_number() OVER (PARTITION BY phase ORDER BY id) AS n FROM rows)
            SELECT \(layout.columns.joined(separator: ", ")) FROM numbered WHERE n <= :limit ORDER BY phase, id
            """, arguments: ["month": month.description, "limit": limit])
        var samples = Dictionary(uniqueKeysWithValues: Phase.allCases.map { ($0, [ProjectRow]()) })
        for row in rows { samples[row.project.phase, default: []].append(row) }
        return samples
    }

    /// Rows of `layout`, completed with the municipality's name: two statements however
    /// many rows, never one per row.
    private static func projectRows(_ db: Database, sql: String,
                                    arguments: [String: DatabaseValueConvertible]) throws -> [ProjectRow] {
        struct Partial {
            var project: Project
            var spent: Money
            var report: ProjectRow.LatestReport?
            var missing: Bool
        }
        let base = projectColumns.count
        let partials = try SQL.fetch(db, sql, StatementArguments(arguments), layout: layout) { r in
            // `light_rank` is the newest report's `Light.severity` (see `DerivedData.lightRank`).
            let rank = try r.int(at: base)
            var report: ProjectRow.LatestReport?
            if let month = try r.optionalMonth(at: base + 3), let light = Light.allCases.first(where: { $0.severity == rank }) {
                report = ProjectRow.LatestReport(month: month, overall: light, progress: try r.int(at: base + 1))
            }
            return Partial(project: try ProjectRecord.value(r), spent: try r.money(at: base + 2), report: report,
                           missing: try r.bool(at: base + 4))
        }
        guard !partials.isEmpty else { return [] }
        let municipalityIDs = Array(Set(partials.map(\.project.municipalityID)))
        let names = try Dictionary(
            Row.fetchAll(db, sql: "SELECT id, name FROM municipality WHERE id IN (\(SQL.marks(municipalityIDs.count)))",
                         arguments: StatementArguments(municipalityIDs)).map { ($0[0] as String, $0[1] as String) },
            uniquingKeysWith: { a, _ in a })
        return partials.map { p in
            ProjectRow(project: p.project, municipalityName: names[p.project.municipalityID] ?? p.project.municipalityID,
                       latestReport: p.report, spent: p.spent, reportMissing: p.missing)
        }
    }
}
