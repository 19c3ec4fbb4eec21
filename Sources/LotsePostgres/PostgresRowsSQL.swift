import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// The portfolio table's rows on PostgreSQL: one page of a filtered, ordered table, the
/// first projects of each phase, and one project with its whole history.
///
/// A page is one statement: the server filters and numbers the kept projects in the
/// query's order (`row_number()`), counts them, finds the anchor's position, places the
/// window and reads only the window's rows in full. What a filter or order needs of the
/// reports is looked up only when it needs it; text is ordered byte by byte
/// (`COLLATE "C"`), as SQLite and the reference order it.
enum PostgresRowsSQL {
    static func page(_ session: PGSession, _ request: RowRequest, location: PostgresLocation) throws -> RowPage {
        let query = request.query
        let words = query.searchWords
        var sql = PostgresRowStatement(month: request.month, overdue: request.due.isOverdue(request.month))
        // Projects without a current stored search text are matched here, before the query.
        let unindexed = words.isEmpty ? [] : try PostgresSearchIndex.staleMatches(session, words: words)
        let kept = sql.kept(query, words: words, unindexed: unindexed)
        let offset = sql.bind(request.offset)
        let limit = sql.bind(request.limit)
        let anchor = sql.bind(request.anchorID)
        let text = """
            WITH kept AS (\(kept)),
            counted AS (SELECT count(*) AS matching, (SELECT pos FROM kept WHERE id = \(anchor)) AS anchor FROM kept),
            placed AS (SELECT matching, anchor, greatest(0, least(\(offset), matching - \(limit))) AS start FROM counted),
            win AS (SELECT matching, anchor,
                           CASE WHEN anchor IS NOT NULL AND NOT (anchor >= start AND anchor < start + \(limit))
                                THEN greatest(0, least(anchor - \(limit) / 2, matching - \(limit)))
                                ELSE start END AS start
                    FROM placed),
            chosen AS (SELECT k.id, k.pos FROM win w JOIN kept k ON k.pos >= w.start AND k.pos < w.start + \(limit))
            SELECT w.matching, w.anchor, w.start, (SELECT count(*) FROM project), \(sql.rowColumns)
            FROM win w LEFT JOIN chosen c ON true
            \(sql.rowJoins("c.id"))
            ORDER BY c.pos
            """
        let result = try session.query(text, sql.binds)
        guard let first = result.first else {
            throw StoreError.database(path: location.description, message: "the table's page came back empty")
        }
        let head = first.makeRandomAccess()
        let matching = Int(try head[0].decode(Int64.self))
        let anchorPosition = try head[1].decode(Int64?.self).map(Int.init)
        let start = Int(try head[2].decode(Int64.self))
        let total = Int(try head[3].decode(Int64.self))
        let rows = try result.compactMap { try PostgresRowStatement.projectRow($0, from: 4, month: request.month) }
        return RowPage(month: request.month, query: query, offset: start, rows: rows, matching: matching, total: total,
                       anchorPosition: anchorPosition)
    }

    static func phaseSamples(_ session: PGSession, month: YearMonth, limit: Int,
                             location: PostgresLocation) throws -> [Phase: [ProjectRow]] {
        var sql = PostgresRowStatement(month: month, overdue: true)
        let n = sql.bind(limit)
        let text = """
            WITH chosen AS (
                SELECT id, phase FROM (SELECT id, phase, row_number() OVER (PARTITION BY phase
                                                                           ORDER BY id COLLATE "C") AS n
                                       FROM project) numbered
                WHERE n <= \(n))
            SELECT \(sql.rowColumns) FROM chosen c
            \(sql.rowJoins("c.id"))
            ORDER BY c.phase, c.id COLLATE "C"
            """
        var samples = Dictionary(uniqueKeysWithValues: Phase.allCases.map { ($0, [ProjectRow]()) })
        for row in try session.query(text, sql.binds) {
            if let projectRow = try PostgresRowStatement.projectRow(row, from: 0, month: month) {
                samples[projectRow.project.phase, default: []].append(projectRow)
            }
        }
        return samples
    }

    /// One project with its municipality, reports (oldest first), KPIs, readings and risks.
    static func project(_ session: PGSession, id: String, location: PostgresLocation) throws -> Portfolio? {
        var key = PostgresBindings()
        key.append(id)
        guard let project = try session.query("SELECT \(PGColumns.project("p")) FROM project p WHERE p.id = $1", key)
            .first.map(PGDecode.project) else { return nil }
        return Portfolio(
            municipalities: try session.query("SELECT \(PGColumns.municipality) FROM municipality WHERE id = $1",
                                              { var b = PostgresBindings(); b.append(project.municipalityID); return b }())
                .map(PGDecode.municipality),
            projects: [project],
            reports: try session.query("""
                SELECT \(PGColumns.report) FROM status_report WHERE project_id = $1 ORDER BY month COLLATE "C"
                """, key).map(PGDecode.report),
            kpis: try session.query("""
                SELECT \(PGColumns.kpi) FROM kpi WHERE project_id = $1 ORDER BY id COLLATE "C"
                """, key).map(PGDecode.kpi),
            readings: try session.query("""
                SELECT \(PGColumns.reading) FROM kpi_reading
                WHERE kpi_id IN (SELECT id FROM kpi WHERE project_id = $1)
                ORDER BY kpi_id COLLATE "C", month COLLATE "C"
                """, key).map(PGDecode.reading),
            risks: try session.query("""
                SELECT \(PGColumns.risk) FROM risk WHERE project_id = $1 ORDER BY id COLLATE "C"
                """, key).map(PGDecode.risk))
    }
}
