import GRDB
import LotseDomain

/// The screens' questions, answered by SQLite from the base tables and the summaries of
/// `DerivedData`. Each answer is read in one read transaction, so the parts of one screen
/// always agree with each other.
extension SQLiteStore: PortfolioReader {
    public func answer(_ request: ScreenDataRequest) throws -> ScreenData {
        try perform {
            // What the data looks like now, for the cached order of the table's rows: other
            // connections' commits move `data_version`, this connection's own writes move
            // `total_changes()`. Read before the snapshot, so a cached order is never newer
            // than its key claims (at worst it is ordered again once more).
            let state = request.rows == nil ? nil : try dataState()
            return try writer.read { db in
                var data = ScreenData(request: request)
                if let month = request.overview {
                    data.overview = try OverviewSQL.figures(db, month: month, listLimit: request.listLimit,
                                                            filter: request.overviewFilter, due: request.reportDue)
                }
                if request.municipalities {
                    data.municipalities = try MunicipalityRecord.valueLayout.fetchAll(
                        db, orderedBy: ["id"], MunicipalityRecord.value)
                }
                if let rows = request.rows {
                    data.rows = try PortfolioRowsSQL.page(db, rows, state: state, cache: rowOrder, texts: searchTexts)
                }
                if let attention = request.attention {
                    // Not through the table's order cache, which keeps the table's own query.
                    data.attention = try PortfolioRowsSQL.page(db, attention)
                }
                if let id = request.projectID { data.project = try Self.project(db, id: id) }
                if let samples = request.phaseSamples {
                    data.phaseSamples = try PortfolioRowsSQL.phaseSamples(db, month: samples.month, limit: samples.limit)
                }
                if let e = request.evidence {
                    data.evidence = try OverviewSQL.evidence(db, month: e.month, municipalityID: e.municipalityID)
                }
                if let month = request.radar {
                    data.radar = try FundingRadarSQL.radar(db, month: month, listLimit: request.listLimit,
                                                           office: request.overviewFilter?.office)
                }
                return data
            }
        }
    }

    /// After the overview: the order of the table's rows and the search texts; after the
    /// table: the search texts, so that the first letter of a search finds them, and
    /// (without a search) the order of the next sort key. Read on
    /// another connection of the pool (a single connection reads nothing ahead), once the
    /// screen is drawn, so the first frame does not share the processor with it.
    public func readAhead(after request: ScreenDataRequest) {
        let tableMonth = request.rows == nil && request.overviewFilter == nil ? request.overview : nil
        guard writer is DatabasePool, tableMonth != nil || request.rows != nil,
              let state = try? perform({ try dataState() }) else { return }
        if let month = tableMonth {
            PortfolioRowsSQL.warm(writer, RowRequest(month: month, limit: 1, due: request.reportDue),
                                  state: state, cache: rowOrder, texts: searchTexts)
        } else if var next = request.rows, next.query.searchWords.isEmpty {
            // The table is open: the order its sort key asks next (about 4 ms on L), so
            // that the key finds it kept. Not while a search is typed: each letter would
            // read another order, and push out of the cache the orders the next letters
            // narrow.
            next.query = next.query.nextSort
            PortfolioRowsSQL.warm(writer, next, state: state, cache: rowOrder, texts: searchTexts)
        } else {
            searchTexts.warm(writer, state)
        }
    }

    /// `data_version` and `total_changes()` of the writing connection (see `answer`). Asked
    /// for every table answer and again for its read-ahead, so the statement is prepared once.
    private func dataState() throws -> PortfolioRowsSQL.DataState? {
        try writer.writeWithoutTransaction { db in
            let statement = try db.cachedStatement(
                sql: "SELECT (SELECT data_version FROM pragma_data_version), total_changes()")
            return try Row.fetchOne(statement).map { PortfolioRowsSQL.DataState(version: $0[0], changes: $0[1]) }
        }
    }

    public func redStreaks(month: YearMonth) throws -> [RedStreak] {
        try perform { try writer.read { db in try OverviewSQL.redStreaks(db, month: month) } }
    }

    /// SQLite's `PRAGMA data_version` of the writing connection: it moves when another
    /// connection or process commits, and costs no more than a look at the file header.
    public func changeToken() throws -> ChangeToken {
        try perform {
            try writer.writeWithoutTransaction { db in
                ChangeToken(try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0)
            }
        }
    }

    /// One project with its municipality, reports (oldest first), KPIs, readings and risks.
    static func project(_ db: Database, id: String) throws -> Portfolio? {
        let projects = try SQL.fetch(db, ProjectRecord.valueLayout.select(where: "id = ?"), [id],
                                     layout: ProjectRecord.valueLayout, ProjectRecord.value)
        guard let project = projects.first else { return nil }
        return Portfolio(
            municipalities: try SQL.fetch(db, MunicipalityRecord.valueLayout.select(where: "id = ?"),
                                          [project.municipalityID], layout: MunicipalityRecord.valueLayout,
                                          MunicipalityRecord.value),
            projects: [project],
            reports: try SQL.fetch(db, StatusReportRecord.valueLayout.select(where: "project_id = ?", orderBy: "month"),
                                   [id], layout: StatusReportRecord.valueLayout, StatusReportRecord.value),
            kpis: try SQL.fetch(db, KPIRecord.valueLayout.select(where: "project_id = ?", orderBy: "id"), [id],
                                layout: KPIRecord.valueLayout, KPIRecord.value),
            readings: try SQL.fetch(
                db, KPIReadingRecord.valueLayout.select(
                    where: "kpi_id IN (SELECT id FROM kpi WHERE project_id = ?)", orderBy: "kpi_id, month"),
                [id], layout: KPIReadingRecord.valueLayout, KPIReadingRecord.value),
            risks: try SQL.fetch(db, RiskRecord.valueLayout.select(where: "project_id = ?", orderBy: "id"), [id],
                                 layout: RiskRecord.valueLayout, RiskRecord.value))
    }
}

/// Small helpers for the query files.
enum SQL {
    /// Every row of `sql`, each made into a value through `layout` (which must describe
    /// the statement's columns by position).
    static func fetch<Value>(_ db: Database, _ sql: String, _ arguments: StatementArguments = [],
                             layout: RowLayout, _ decode: (RowReader) throws -> Value) throws -> [Value] {
        let statement = try db.cachedStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        var values: [Value] = []
        while try rows.next() != nil {
            values.append(try decode(RowReader(current: statement, layout: layout)))
        }
        return values
    }

    /// Whether no report is newer than `month`: then each project's status row (its newest
    /// report) is its report as of `month`, and the summaries answer without a look at the
    /// reports themselves.
    static func statusRowsHold(_ db: Database, month: YearMonth) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT max(month) FROM status_report").map { $0 <= month.description } ?? true
    }

    /// `?, ?, ?` for `count` arguments.
    static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

extension RowLayout {
    /// `SELECT` of the layout's columns from its table with a condition and an order.
    func select(where condition: String, orderBy order: String? = nil) -> String {
        "SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE \(condition)"
            + (order.map { " ORDER BY \($0)" } ?? "")
    }
}
