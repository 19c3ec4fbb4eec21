import GRDB
import LotseDomain

/// A row of `municipality`.
struct MunicipalityRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "municipality"

    var value: Municipality
    var audit: Audit

    func encode(to container: inout PersistenceContainer) {
        container["id"] = value.id
        container["name"] = value.name
        container["kind"] = value.kind.rawValue
        container["population"] = value.population
        audit.encode(to: &container)
    }
}

// In an extension, so the memberwise `init(value:audit:)` stays available.
extension MunicipalityRecord {
    init(row: Row) throws {
        let r = RowReader(row, table: Self.databaseTableName, key: ["id"])
        value = Municipality(
            id: try r.string("id"), name: try r.string("name"),
            kind: try r.enumValue("kind"), population: try r.int("population"))
        audit = try Audit(r)
    }
}
