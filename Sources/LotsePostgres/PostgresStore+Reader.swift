import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// The screens' questions, answered by the server in one REPEATABLE READ transaction each,
/// so the parts of one screen always agree with each other.
extension PostgresStore: PortfolioReader {
    public func answer(_ request: ScreenDataRequest) throws -> ScreenData {
        try perform {
            try session.transaction("REPEATABLE READ", readOnly: true) {
                var data = ScreenData(request: request)
                if let month = request.overview {
                    data.overview = try PostgresOverviewSQL.figures(
                        session, month: month, listLimit: request.listLimit,
                        scope: try overviewScope(request.overviewFilter, month: month, due: request.reportDue),
                        due: request.reportDue)
                }
                if request.municipalities {
                    data.municipalities = try session.query("""
                        SELECT \(PGColumns.municipality) FROM municipality ORDER BY id COLLATE "C"
                        """).map(PGDecode.municipality)
                }
                if let rows = request.rows {
                    data.rows = try PostgresRowsSQL.page(session, rows, location: location)
                }
                if let attention = request.attention {
                    data.attention = try PostgresRowsSQL.page(session, attention, location: location)
                }
                if let id = request.projectID {
                    data.project = try PostgresRowsSQL.project(session, id: id, location: location)
                }
                if let samples = request.phaseSamples {
                    data.phaseSamples = try PostgresRowsSQL.phaseSamples(session, month: samples.month,
                                                                         limit: samples.limit, location: location)
                }
                if let e = request.evidence {
                    data.evidence = try PostgresOverviewSQL.evidence(session, month: e.month, municipalityID: e.municipalityID)
                }
                if let month = request.radar {
                    data.radar = try PostgresFundingRadarSQL.radar(session, month: month, listLimit: request.listLimit,
                                                                   office: request.overviewFilter?.office)
                }
                return data
            }
        }
    }

    public func redStreaks(month: YearMonth) throws -> [RedStreak] {
        try perform {
            try session.transaction("REPEATABLE READ", readOnly: true) {
                try PostgresOverviewSQL.redStreaks(session, month: month)
            }
        }
    }

    /// Moves with every change another client commits (notifications on the change channel).
    public func changeToken() throws -> ChangeToken { ChangeToken(session.notifications) }

    /// The ids of the projects an overview filter keeps as of `month` (search and order
    /// aside); nil without a filter (every project counts). A filter on the projects' own
    /// columns is answered here; one on lights or attention by the table's query.
    private func overviewScope(_ filter: PortfolioQuery?, month: YearMonth, due: ReportDue?) throws -> [String]? {
        guard let filter, filter.selection.isActive else { return nil }
        let selection = filter.selection
        if selection.lightFilter == .all, !selection.needsAttention {
            var conditions: [String] = []
            var values: [String: PGStatement.Value] = [:]
            if let field = selection.field { conditions.append("field = :field"); values["field"] = .text(field.rawValue) }
            if let phase = selection.phase { conditions.append("phase = :phase"); values["phase"] = .text(phase.rawValue) }
            if let m = selection.municipality { conditions.append("municipality_id = :mun"); values["mun"] = .text(m) }
            if let office = selection.office { conditions.append("owner = :office"); values["office"] = .text(office) }
            return try session.query("SELECT id FROM project WHERE \(conditions.joined(separator: " AND "))", values)
                .map { try $0.decode(String.self) }
        }
        let projects = try session.query("SELECT count(*) FROM project").first.map { try $0.decode(Int.self) } ?? 0
        let all = RowRequest(month: month, query: selection, offset: 0, limit: max(1, projects), due: due)
        return try PostgresRowsSQL.page(session, all, location: location).rows.map(\.id)
    }
}
