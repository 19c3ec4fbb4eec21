import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// The parts of the table's statements as of one month: the kept projects of a query in
/// its order, and the full rows of a few chosen ones. Collects the parameters (`$1 …`) as
/// the parts are written.
struct PostgresRowStatement {
    let month: YearMonth
    /// Whether a report of `month` that has not come in counts as missing (`ReportDue`).
    let overdue: Bool
    private(set) var binds = PostgresBindings()
    private var count = 0
    private var monthMark: String?
    private var previousMark: String?

    init(month: YearMonth, overdue: Bool) {
        self.month = month
        self.overdue = overdue
    }

    /// `$n` of a new parameter.
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
        binds.append(value)
        count += 1
        return "$\(count)"
    }

    mutating func bind(_ value: String?) -> String {
        binds.append(value)
        count += 1
        return "$\(count)::text"
    }

    /// The month's parameter (bound once).
    private mutating func monthParameter() -> String {
        if let monthMark { return monthMark }
        let mark = bind(month.description)
        monthMark = mark
        return mark
    }

    /// The previous month's parameter (bound once).
    private mutating func previousParameter() -> String {
        if let previousMark { return previousMark }
        let mark = bind(month.previous.description)
        previousMark = mark
        return mark
    }

    /// SQL: `Light.severity` of a light column; NULL for NULL.
    static func lightRank(_ column: String) -> String {
        "CASE \(column) WHEN '\(Light.red.rawValue)' THEN 2 WHEN '\(Light.yellow.rawValue)' THEN 1"
            + " WHEN '\(Light.green.rawValue)' THEN 0 END"
    }

    /// SQL: whether project `p` owes a report in the month (`Project.expectsReport(in:)`).
    private mutating func expects() -> String {
        PostgresSchema.expects("p", monthParameter())
    }

    /// SQL: the light rank of the newest report of `p` up to the month before; NULL without one.
    private mutating func previousRank() -> String {
        Self.lightRank(PostgresLatestReport.value("overall", upTo: previousParameter()))
    }

    /// SQL: the newest report of `p` up to the month, as `r`, and `p`'s summary as `ps`.
    private mutating func latestJoin() -> String {
        let month = monthParameter()
        return PostgresLatestReport.join() + "\n" + PostgresLatestReport.lateral(upTo: month, as: "r")
    }

    /// Whether a query's filters or order read the reports (else the projects alone answer).
    static func readsReports(_ query: PortfolioQuery) -> Bool {
        if query.needsAttention { return true }
        switch query.sort {
        case .light, .progress, .budgetUse: return true
        case .id, .fundingEnd: break
        }
        switch query.lightFilter {
        case .all, .reportMissing: return false
        default: return true
        }
    }

    /// `SELECT id, pos`: the projects `query` keeps, numbered from 0 in its order (the
    /// key, then the id). `unindexed`: projects without a current search text that the
    /// client found matching the search.
    mutating func kept(_ query: PortfolioQuery, words: [String], unindexed: [String]) -> String {
        let rank = "coalesce(\(Self.lightRank("r.overall")), -1)"
        let missing = overdue ? """
            (\(expects()) AND NOT \(PostgresLatestReport.hasReport(in: monthParameter())))
            """ : "false"
        var conditions: [String] = []
        switch query.lightFilter {
        case .all: break
        case .green: conditions.append("\(rank) = 0")
        case .yellow: conditions.append("\(rank) = 1")
        case .redOnly: conditions.append("\(rank) = 2")
        case .yellowOrRed: conditions.append("\(rank) >= 1")
        case .reportMissing: conditions.append(missing)
        case .noneReported: conditions.append("\(rank) = -1")
        // Worse than before: red, or yellow after green (the month before is looked up for
        // the yellow projects only).
        case .redOrWorse: conditions.append("(\(rank) = 2 OR (\(rank) = 1 AND coalesce(\(previousRank()), 3) = 0))")
        }
        if let field = query.field { conditions.append("p.field = \(bind(field.rawValue))") }
        if let phase = query.phase { conditions.append("p.phase = \(bind(phase.rawValue))") }
        if let municipality = query.municipality { conditions.append("p.municipality_id = \(bind(municipality))") }
        if let office = query.office { conditions.append("p.owner = \(bind(office))") }
        if query.needsAttention {
            let horizon = bind(month.adding(months: OverviewFigures.fundingHorizonMonths - 1).description)
            conditions.append("""
                (\(rank) = 2 OR \(missing)
                 OR (p.continuation = '\(ContinuationDecision.open.rawValue)'
                     AND p.funding_end_month BETWEEN \(monthParameter()) AND \(horizon))
                 OR (\(rank) = 1 AND coalesce(\(previousRank()), 3) = 0))
                """)
        }
        if !words.isEmpty {
            let found = (["\(PostgresSearchIndex.current)"] + words.map { "strpos(s.search_text, \(bind($0))) > 0" })
                .joined(separator: " AND ")
            conditions.append(unindexed.isEmpty ? "(\(found))" : "((\(found)) OR p.id = ANY(\(bind(unindexed))))")
        }
        let reports = Self.readsReports(query) ? latestJoin()
            : query.lightFilter == .reportMissing ? PostgresLatestReport.join() : ""
        let search = words.isEmpty ? "" : """
            LEFT JOIN municipality m ON m.id = p.municipality_id
            LEFT JOIN project_search s ON s.project_id = p.id
            """
        return """
            SELECT p.id, row_number() OVER (ORDER BY \(order(query, rank: rank))) - 1 AS pos
            FROM project p \(reports) \(search)
            WHERE \(conditions.isEmpty ? "true" : conditions.joined(separator: " AND "))
            """
    }

    /// ORDER BY of a query, as `InMemoryPortfolio.compare` orders: the key, then the id.
    private func order(_ query: PortfolioQuery, rank: String) -> String {
        let d = query.descending
        let id = "p.id COLLATE \"C\""
        switch query.sort {
        case .id: return d ? "\(id) DESC" : id
        case .light: return d ? "\(rank), \(id)" : "\(rank) DESC, \(id)"
        case .fundingEnd:
            return d ? "p.funding_end_month IS NULL DESC, p.funding_end_month DESC, \(id)"
                : "p.funding_end_month IS NULL, p.funding_end_month, \(id)"
        case .progress: return d ? "coalesce(r.progress, -1) DESC, \(id)" : "coalesce(r.progress, -1), \(id)"
        case .budgetUse:
            let use = """
                coalesce(CASE WHEN p.budget_planned_cents > 0
                              THEN div(coalesce(r.spent_to_date_cents, 0)::numeric * 100 + p.budget_planned_cents / 2,
                                       p.budget_planned_cents) END, 0)
                """
            return d ? "\(use), \(id)" : "\(use) DESC, \(id)"
        }
    }

    /// The columns `projectRow` reads, over `rowJoins`.
    var rowColumns: String {
        mutating get {
            let first = month.adding(months: -(ProjectRow.recentMonths - 1))
            let months = bind((0..<ProjectRow.recentMonths).map { first.adding(months: $0).description })
            let missing = overdue ? "(\(expects()) AND (r.month IS NULL OR r.month <> \(monthParameter())))" : "false"
            return """
                \(PGColumns.project("p")),
                coalesce(m.name, p.municipality_id), r.month, r.overall, r.progress,
                coalesce(r.spent_to_date_cents, 0), \(missing),
                \(PostgresLatestReport.value("overall", upTo: previousParameter())),
                ARRAY(SELECT coalesce(z.overall, '') FROM unnest(\(months)::text[]) WITH ORDINALITY AS mm(month, i)
                      LEFT JOIN status_report z ON z.project_id = p.id AND z.month = mm.month ORDER BY mm.i)
                """
        }
    }

    /// The joins `rowColumns` reads from, for the projects whose id is `id`.
    mutating func rowJoins(_ id: String) -> String {
        """
        LEFT JOIN project p ON p.id = \(id)
        LEFT JOIN municipality m ON m.id = p.municipality_id
        \(latestJoin())
        """
    }

    /// The row of `rowColumns` starting at column `from`; nil when the row holds no project
    /// (a page without rows still answers its count).
    static func projectRow(_ row: PostgresRow, from base: Int, month: YearMonth) throws -> ProjectRow? {
        let cells = row.makeRandomAccess()
        guard try cells[base].decode(String?.self) != nil else { return nil }
        func text(_ i: Int) throws -> String { try cells[base + i].decode(String.self) }
        func optionalText(_ i: Int) throws -> String? { try cells[base + i].decode(String?.self) }
        let id = try text(0)
        let project = Project(
            id: id, municipalityID: try text(1), name: try text(2),
            field: try PGDecode.value(try text(3), "project", id, "field"),
            solutionKind: try PGDecode.value(try text(4), "project", id, "solution_kind"),
            phase: try PGDecode.value(try text(5), "project", id, "phase"), owner: try text(6),
            start: try PGDecode.month(try text(7), "project", id, "start_month"),
            fundingEnd: try PGDecode.month(try optionalText(8), "project", id, "funding_end_month"),
            fundingSource: try text(9), budgetPlanned: Money(cents: try cells[base + 10].decode(Int64.self)),
            basicComponentCandidate: try cells[base + 11].decode(Bool.self),
            reusedByOthers: try cells[base + 12].decode(Bool.self),
            continuation: try PGDecode.value(try text(13), "project", id, "continuation"))
        var latest: ProjectRow.LatestReport?
        if let reportMonth = try optionalText(15) {
            let key = "\(id) \(reportMonth)"
            latest = ProjectRow.LatestReport(
                month: try PGDecode.month(reportMonth, "status_report", key, "month"),
                overall: try PGDecode.value(try text(16), "status_report", key, "overall"),
                progress: Int(try cells[base + 17].decode(Int32.self)))
        }
        let previous: Light? = try optionalText(20).map { try PGDecode.value($0, "status_report", id, "overall") }
        let recent: [Light?] = try cells[base + 21].decode([String].self).map { raw in
            raw.isEmpty ? nil : try PGDecode.value(raw, "status_report", id, "overall") as Light
        }
        return ProjectRow(project: project, municipalityName: try text(14), latestReport: latest,
                          spent: Money(cents: try cells[base + 18].decode(Int64.self)),
                          reportMissing: try cells[base + 19].decode(Bool.self), previousLight: previous,
                          recentLights: recent)
    }
}
