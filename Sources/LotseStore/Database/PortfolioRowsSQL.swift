import Foundation
import GRDB
import GRDBSQLite
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
    /// `rank_before` is the light (as `light_rank` counts) of the report before the row's
    /// report, NULL without one; it says something only when that report is of `:month`
    /// (`report_month = :month`), and is computed only where a condition asks for it.
    /// `overdue`: whether a report of the month not in yet counts as missing (`ReportDue`).
    static func source(_ db: Database, month: YearMonth, scanningRows: Bool = false, overdue: Bool = true) throws -> String {
        let project = projectColumns.map { "p.\($0)" }.joined(separator: ", ")
        let src: String
        if try SQL.statusRowsHold(db, month: month) {
            // What the table filters and sorts by is all in the status row; `project` is
            // joined for the other columns only, so a query that needs none of them (the
            // ordered ids) reads the status rows alone.
            let fromStatus = ["id": "project_id", "phase": "phase", "start_month": "start_month",
                              "continuation": "continuation", "funding_end_month": "funding_end_month",
                              "owner": "owner", "budget_planned_cents": "budget_planned_cents"]
            let columns = projectColumns.map { c in fromStatus[c].map { "s.\($0) AS \(c)" } ?? "p.\(c) AS \(c)" }
            src = """
                SELECT \(columns.joined(separator: ", ")), s.light_rank AS light_rank, s.progress AS progress,
                       s.spent_cents AS spent, s.budget_use AS budget_use, s.latest_month AS report_month,
                       s.search_text AS search_text,
                       s.previous_rank AS rank_before
                FROM project_status s \(scanningRows ? "NOT INDEXED " : "")LEFT JOIN project p ON p.id = s.project_id
                """
        } else {
            src = """
                SELECT \(project), coalesce(\(DerivedData.lightRank("r.overall")), -1) AS light_rank,
                       r.progress AS progress, coalesce(r.spent_to_date_cents, 0) AS spent,
                       \(DerivedData.budgetUse("coalesce(r.spent_to_date_cents, 0)", "p")) AS budget_use,
                       r.month AS report_month, s.search_text AS search_text,
                       (SELECT \(DerivedData.lightRank("b.overall")) FROM status_report b
                        WHERE b.project_id = p.id AND b.month < :month
                        ORDER BY b.month DESC LIMIT 1) AS rank_before
                FROM project p JOIN project_status s ON s.project_id = p.id
                LEFT JOIN status_report r ON r.id = (SELECT id FROM status_report
                                                     WHERE project_id = p.id AND month <= :month
                                                     ORDER BY month DESC LIMIT 1)
                """
        }
        return """
            WITH src AS (\(src)),
            rows AS (SELECT src.*, (\(overdue ? 1 : 0) AND \(DerivedData.expects("src", ":month"))
                                    AND (report_month IS NULL OR report_month <> :month)) AS missing
                     FROM src)
            """
    }

    /// The WHERE clause of a query as of `month` (over `rows` of `source`) and its named
    /// arguments, as `PortfolioQuery.keeps` and the search decide.
    static func filter(_ query: PortfolioQuery, month: YearMonth) -> (sql: String, arguments: [String: DatabaseValueConvertible]) {
        var conditions: [String] = []
        var arguments: [String: DatabaseValueConvertible] = [:]
        switch query.lightFilter {
        case .all: break
        case .green: conditions.append("light_rank = 0")
        case .yellow: conditions.append("light_rank = 1")
        case .redOnly: conditions.append("light_rank = 2")
        case .yellowOrRed: conditions.append("light_rank >= 1")
        case .reportMissing: conditions.append("missing")
        case .noneReported: conditions.append("light_rank = -1")
        case .redOrWorse:
            // Worse than before: red (any light before but red), or a yellow report of the
            // month after a green one. For the newest month all of it is in the status row
            // and in one index on (light, newest month, light before). Only "light 1 or 2"
            // is put to the index: asked as two alternatives (OR), SQLite's plan looks every
            // row it finds up in the table again, though the index holds what it needs (a
            // thousand page reads on L, 5 ms of the first frame). The unary `+` keeps the
            // rest out of the plan; it is checked in the index entries. The same projects:
            // light 2, or light 1 with a yellow-after-green report. For an earlier month
            // the light before is looked up for the yellow projects only.
            conditions.append("(light_rank IN (1, 2) AND (+light_rank = 2 OR (+report_month = :month AND +rank_before = 0)))")
        }
        if let field = query.field {
            conditions.append("field = :field")
            arguments["field"] = field.rawValue
        }
        if let phase = query.phase {
            conditions.append("phase = :phase")
            arguments["phase"] = phase.rawValue
        }
        if let municipality = query.municipality {
            conditions.append("municipality_id = :municipality")
            arguments["municipality"] = municipality
        }
        if let office = query.office {
            conditions.append("owner = :office")
            arguments["office"] = office
        }
        if query.needsAttention {
            // Red, missing, funding ending undecided, or worse than the newest report up to
            // the month before (looked up only for the projects none of the others keeps).
            conditions.append("""
                (light_rank = 2 OR missing
                 OR (continuation = '\(ContinuationDecision.open.rawValue)'
                     AND funding_end_month BETWEEN :month AND :attentionHorizon)
                 OR \(yellowAfterGreen))
                """)
            arguments["attentionHorizon"] = month.adding(months: OverviewFigures.fundingHorizonMonths - 1).description
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

    /// SQL over `rows`: the project's report of `:month` is yellow and the one before it green.
    static let yellowAfterGreen = "(light_rank = 1 AND report_month = :month AND rank_before = 0)"

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

    /// The ids a query keeps, in its order, as of a month (with unsent reports missing
    /// or not: `overdue`) and a state of the data.
    struct Order: Sendable {
        var query: PortfolioQuery
        var month: YearMonth
        var overdue: Bool = true
        var state: DataState
        var ids: [String]
    }

    /// The last few orders of ids one store read, newest first; shared by the store's
    /// calls, so it locks. A search typed letter by letter narrows the order kept for the
    /// letters before, instead of reading every project again.
    final class OrderCache: Sendable {
        static let capacity = 4
        private let entries = Mutex<[Order]>([])

        func ids(_ query: PortfolioQuery, _ month: YearMonth, _ overdue: Bool, _ state: DataState) -> [String]? {
            entries.withLock { entries in
                entries.first { $0.state == state && $0.query == query && $0.month == month && $0.overdue == overdue }?.ids
            }
        }

        /// The shortest kept order of the same month, data, filter and sort whose search
        /// `query`'s search narrows (`SearchText.narrows`): the projects `query` keeps are
        /// among its ids, in the same order.
        func narrowest(for query: PortfolioQuery, _ month: YearMonth, _ overdue: Bool, _ state: DataState) -> [String]? {
            let words = query.searchWords
            return entries.withLock { entries in
                entries.filter { e in
                    e.state == state && e.month == month && e.overdue == overdue && e.query.sort == query.sort
                        && e.query.descending == query.descending && e.query.selection == query.selection
                        && SearchText.narrows(words, e.query.searchWords)
                }.min { $0.ids.count < $1.ids.count }?.ids
            }
        }

        /// How many orders are kept.
        var count: Int { entries.withLock { $0.count } }

        func keep(_ order: Order) {
            entries.withLock { entries in
                entries.removeAll {
                    $0.state != order.state
                        || ($0.query == order.query && $0.month == order.month && $0.overdue == order.overdue)
                }
                entries.insert(order, at: 0)
                if entries.count > Self.capacity { entries.removeLast(entries.count - Self.capacity) }
            }
        }
    }

    /// Every project's search text by id, for one state of the data: a search narrows a
    /// kept order by reading these instead of the status rows. The texts lie end to end in
    /// one buffer (about 130 bytes a project), found by id.
    final class SearchTextCache: Sendable {
        struct Texts: Sendable {
            var bytes: [UInt8] = []
            var ranges: [String: Range<Int>] = [:]

            /// The ids of `ids` whose text contains every word, in the same order.
            func filter(_ ids: [String], _ matcher: SearchText.Matcher) -> [String] {
                bytes.withUnsafeBufferPointer { all in
                    ids.filter { id in
                        guard let range = ranges[id] else { return false }
                        return matcher.matches(utf8: UnsafeBufferPointer(rebasing: all[range]))
                    }
                }
            }
        }

        private let entry = Mutex<(state: DataState, texts: Texts)?>(nil)
        /// Held while the texts are read, so that a search typed while `warm` reads them on
        /// another connection waits for that read instead of doing it a second time.
        private let reading = Mutex<Void>(())
        /// The state `warm` last started a read for, so that each state is read once.
        private let warming = Mutex<DataState?>(nil)

        /// The state whose texts are held, if any.
        var heldState: DataState? { entry.withLock { $0?.state } }

        /// Reads the texts of `state` in the background (the table is open, so a search may
        /// follow): the first letter typed then finds them instead of reading every
        /// project's text while the user waits.
        func warm(_ reader: any DatabaseReader, _ state: DataState) {
            guard heldState != state else { return }
            let started = warming.withLock { w in
                if w == state { return false }
                w = state
                return true
            }
            guard started else { return }
            reader.asyncRead { [self] db in
                guard let db = try? db.get() else { return }
                _ = try? texts(db, state)
            }
        }

        func texts(_ db: Database, _ state: DataState) throws -> Texts {
            if let kept = entry.withLock({ $0?.state == state ? $0?.texts : nil }) { return kept }
            return try reading.withLock { _ in try read(db, state) }
        }

        private func read(_ db: Database, _ state: DataState) throws -> Texts {
            if let kept = entry.withLock({ $0?.state == state ? $0?.texts : nil }) { return kept }
            var texts = Texts()
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM project_status") ?? 0
            texts.ranges.reserveCapacity(count)
            texts.bytes.reserveCapacity(count * 160)
            let statement = try db.makeStatement(sql: "SELECT project_id, search_text FROM project_status")
            let rows = try Row.fetchCursor(statement)
            let sqlite = statement.sqliteStatement
            while try rows.next() != nil {
                let id = String(cString: sqlite3_column_text(sqlite, 0))
                let length = Int(sqlite3_column_bytes(sqlite, 1))
                let start = texts.bytes.count
                if length > 0, let text = sqlite3_column_text(sqlite, 1) {
                    texts.bytes.append(contentsOf: UnsafeBufferPointer(start: text, count: length))
                }
                texts.ranges[id] = start..<texts.bytes.count
            }
            entry.withLock { $0 = (state, texts) }
            return texts
        }
    }

    /// The ids `request` keeps, in its order: a kept order when the same question was
    /// asked of the same data, a kept wider order narrowed by the search texts when the
    /// question only adds to a search, else one ordered pass of the engine.
    static func orderedIDs(_ db: Database, _ request: RowRequest, state: DataState?, cache: OrderCache?,
                           texts: SearchTextCache?) throws -> [String] {
        let query = request.query
        let overdue = request.due.isOverdue(request.month)
        guard let state, let cache else { return try fetchIDs(db, query, month: request.month, overdue: overdue) }
        if let ids = cache.ids(query, request.month, overdue, state) { return ids }
        let words = query.searchWords
        var ids: [String]
        if !words.isEmpty, let texts, let wider = try cache.narrowest(for: query, request.month, overdue, state)
            ?? widestOrder(db, request, state: state, cache: cache) {
            ids = try texts.texts(db, state).filter(wider, SearchText.Matcher(words: words))
        } else {
            ids = try fetchIDs(db, query, month: request.month, overdue: overdue)
        }
        cache.keep(Order(query: query, month: request.month, overdue: overdue, state: state, ids: ids))
        return ids
    }

    /// Reads on another connection what the table will ask for after the overview: the
    /// order of `request`'s ids, kept in `cache`, and the search texts. The switch to the
    /// table then fetches only its window, and the first letter of a search finds the texts.
    static func warm(_ reader: any DatabaseReader, _ request: RowRequest, state: DataState,
                     cache: OrderCache, texts: SearchTextCache) {
        reader.asyncRead { db in
            guard let db = try? db.get() else { return }
            _ = try? orderedIDs(db, request, state: state, cache: cache, texts: texts)
        }
        texts.warm(reader, state)
    }

    /// For a search by short words only (no trigram narrows it): the order without the
    /// search, read once and kept, which the search then narrows. Nil for other searches,
    /// which the trigram index answers faster.
    private static func widestOrder(_ db: Database, _ request: RowRequest, state: DataState,
                                    cache: OrderCache) throws -> [String]? {
        guard readsEveryText(request.query) else { return nil }
        var unsearched = request.query
        unsearched.search = ""
        let overdue = request.due.isOverdue(request.month)
        let ids = try fetchIDs(db, unsearched, month: request.month, overdue: overdue)
        cache.keep(Order(query: unsearched, month: request.month, overdue: overdue, state: state, ids: ids))
        return ids
    }

    /// One ordered pass of the engine over the ids `query` keeps.
    static func fetchIDs(_ db: Database, _ query: PortfolioQuery, month: YearMonth, overdue: Bool = true) throws -> [String] {
        let with = try source(db, month: month, scanningRows: readsEveryText(query), overdue: overdue)
        let (condition, filterArguments) = filter(query, month: month)
        var arguments = filterArguments
        arguments["month"] = month.description
        return try String.fetchAll(db, sql: "\(with) SELECT id FROM rows WHERE \(condition) ORDER BY \(order(query))",
                                   arguments: StatementArguments(arguments))
    }

    /// The request's rows. `cache` keeps the last orders of ids, so that the next window of
    /// the same query on the same data (scrolling) costs one fetch of its rows, and a search
    /// typed letter by letter narrows the order of the letters before.
    static func page(_ db: Database, _ request: RowRequest, state: DataState? = nil,
                     cache: OrderCache? = nil, texts: SearchTextCache? = nil) throws -> RowPage {
        // One pass in the engine's order: the ids alone (a few bytes a project) give the
        // count, the anchor's position and the window; then the window's rows in full.
        // Cheaper than counting, ranking and paging in three statements, each of which
        // would filter and sort every project again.
        let ids = try orderedIDs(db, request, state: state, cache: cache, texts: texts)
        let matching = ids.count
        let anchor = request.anchorID.flatMap { ids.firstIndex(of: $0) }
        var offset = RowPage.clampedStart(request.offset, limit: request.limit, matching: matching)
        if let anchor, !(offset..<(offset + request.limit)).contains(anchor) {
            offset = RowPage.windowStart(around: anchor, limit: request.limit, matching: matching)
        }
        let window = Array(ids[offset..<min(matching, offset + request.limit)])
        var rows: [ProjectRow] = []
        if !window.isEmpty {
            let with = try source(db, month: request.month, overdue: request.due.isOverdue(request.month))
            var byID: [String: ProjectRow] = [:]
            var arguments: [String: DatabaseValueConvertible] = ["month": request.month.description]
            for (i, id) in window.enumerated() { arguments["i\(i)"] = id }
            let marks = window.indices.map { ":i\($0)" }.joined(separator: ", ")
            for row in try projectRows(db, sql: """
                \(with) SELECT \(layout.columns.joined(separator: ", ")) FROM rows WHERE id IN (\(marks))
                """, arguments: arguments, month: request.month) {
                byID[row.id] = row
            }
            rows = window.compactMap { byID[$0] }
        }
        // The tally of projects (kept by triggers) counts them without reading an index through.
        let total = try Int.fetchOne(db, sql: "SELECT coalesce(sum(projects), 0) FROM project_tally") ?? 0
        return RowPage(month: request.month, query: request.query, offset: offset, rows: rows, matching: matching,
                       total: total, anchorPosition: anchor)
    }

    /// The first `limit` projects of each phase, in id order.
    static func phaseSamples(_ db: Database, month: YearMonth, limit: Int) throws -> [Phase: [ProjectRow]] {
        let with = try source(db, month: month)
        let rows = try projectRows(db, sql: """
            \(with), numbered AS (SELECT rows.*, row_number() OVER (PARTITION BY phase ORDER BY id) AS n FROM rows)
            SELECT \(layout.columns.joined(separator: ", ")) FROM numbered WHERE n <= :limit ORDER BY phase, id
            """, arguments: ["month": month.description, "limit": limit], month: month)
        var samples = Dictionary(uniqueKeysWithValues: Phase.allCases.map { ($0, [ProjectRow]()) })
        for row in rows { samples[row.project.phase, default: []].append(row) }
        return samples
    }

    /// Rows of `layout` as of `month`, completed with the municipality's name and the
    /// lights of the last months: four statements however many rows, never one per row.
    private static func projectRows(_ db: Database, sql: String,
                                    arguments: [String: DatabaseValueConvertible], month: YearMonth) throws -> [ProjectRow] {
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
        let trends = try recentLights(db, ids: partials.map(\.project.id), month: month)
        return partials.map { p in
            let trend = trends[p.project.id]
            return ProjectRow(project: p.project,
                              municipalityName: names[p.project.municipalityID] ?? p.project.municipalityID,
                              latestReport: p.report, spent: p.spent, reportMissing: p.missing,
                              previousLight: trend?.previous,
                              recentLights: trend?.recent ?? Array(repeating: nil, count: ProjectRow.recentMonths))
        }
    }

    /// For each of `ids`: the overall lights of its reports of the last
    /// `ProjectRow.recentMonths` months up to `month` (oldest first), and the light of its
    /// newest report up to the month before. Reads those months of these projects only,
    /// and one report each before them through the (project, month) index.
    static func recentLights(_ db: Database, ids: [String], month: YearMonth) throws
        -> [String: (previous: Light?, recent: [Light?])] {
        guard !ids.isEmpty else { return [:] }
        let first = month.adding(months: -(ProjectRow.recentMonths - 1))
        var out: [String: (previous: Light?, recent: [Light?])] = [:]
        for id in ids { out[id] = (nil, Array(repeating: nil, count: ProjectRow.recentMonths)) }
        let layout = RowLayout(table: "status_report", columns: ["project_id", "month", "overall"], key: ["project_id", "month"])
        for (id, m, light) in try SQL.fetch(db, """
            SELECT project_id, month, overall FROM status_report
            WHERE project_id IN (\(SQL.marks(ids.count))) AND month BETWEEN ? AND ?
            """, StatementArguments(ids + [first.description, month.description]), layout: layout, { r in
                (try r.string(at: 0), try r.month(at: 1), try r.enumValue(at: 2) as Light)
            }) {
            out[id]?.recent[first.months(to: m)] = light
        }
        let previousLayout = RowLayout(table: "status_report", columns: ["project_id", "overall"], key: ["project_id"])
        for (id, light) in try SQL.fetch(db, """
            SELECT p.id, (SELECT overall FROM status_report WHERE project_id = p.id AND month <= ?
                          ORDER BY month DESC LIMIT 1) AS before
            FROM project p WHERE p.id IN (\(SQL.marks(ids.count)))
            """, StatementArguments([month.previous.description] + ids), layout: previousLayout, { r in
                (try r.string(at: 0), try r.optionalString(at: 1) == nil ? nil : try r.enumValue(at: 1) as Light)
            }) {
            out[id]?.previous = light
        }
        return out
    }
}
