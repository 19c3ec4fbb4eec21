import GRDB
import LotseDomain

/// A row of `project`.
struct ProjectRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "project"

    var value: Project
    var audit: Audit

    func encode(to container: inout PersistenceContainer) {
        container["id"] = value.id
        container["municipality_id"] = value.municipalityID
        container["name"] = value.name
        container["field"] = value.field.rawValue
        container["solution_kind"] = value.solutionKind.rawValue
        container["phase"] = value.phase.rawValue
        container["owner"] = value.owner
        container["start_month"] = value.start.description
        container["funding_end_month"] = value.fundingEnd?.description
        container["funding_source"] = value.fundingSource
        container["budget_planned_cents"] = value.budgetPlanned.cents
        container["basic_component_candidate"] = value.basicComponentCandidate
        container["reused_by_others"] = value.reusedByOthers
        container["continuation"] = value.continuation.rawValue
        audit.encode(to: &container)
    }
}

// In an extension, so the memberwise `init(value:audit:)` stays available.
extension ProjectRecord {
    init(row: Row) throws {
        let r = RowReader(row, table: Self.databaseTableName, key: ["id"])
        value = Project(
            id: try r.string("id"),
            municipalityID: try r.string("municipality_id"),
            name: try r.string("name"),
            field: try r.enumValue("field"),
            solutionKind: try r.enumValue("solution_kind"),
            phase: try r.enumValue("phase"),
            owner: try r.string("owner"),
            start: try r.month("start_month"),
            fundingEnd: try r.optionalMonth("funding_end_month"),
            fundingSource: try r.string("funding_source"),
            budgetPlanned: try r.money("budget_planned_cents"),
            basicComponentCandidate: try r.bool("basic_component_candidate"),
            reusedByOthers: try r.bool("reused_by_others"),
            continuation: try r.enumValue("continuation"))
        audit = try Audit(r)
    }
}
