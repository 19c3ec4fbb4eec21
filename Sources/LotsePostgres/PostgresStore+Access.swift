import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

extension PostgresStore {
    /// Whether every migration this version knows has run (checked without locking or
    /// creating anything, so a role without CREATE rights can open the database); throws
    /// `StoreError.newerSchema` for a database a newer Lotse migrated.
    func schemaIsCurrent() throws -> Bool {
        let exists = try session.query("SELECT to_regclass('\(PostgresSchema.schema).schema_migrations') IS NOT NULL")
        guard try exists.first?.decode(Bool.self) == true else { return false }
        let applied = Set(try session.query("SELECT identifier FROM \(PostgresSchema.schema).schema_migrations")
            .map { try $0.decode(String.self) })
        let unknown = applied.subtracting(PostgresSchema.migrationIdentifiers)
        if !unknown.isEmpty {
            throw StoreError.newerSchema(path: location.description, unknownMigrations: unknown.sorted())
        }
        return applied.isSuperset(of: PostgresSchema.migrationIdentifiers)
    }

    /// Which municipalities' rows the connection's role may change: all (the county, the
    /// tables' owner, a superuser), its own (a municipality's role), or none (a viewer, a
    /// role without Lotse rights, a read-only connection). The server enforces the same.
    public func writableMunicipalities() throws -> WriteScope {
        if isReadOnly { return WriteScope.none }
        return try perform {
            let row = try session.query("""
                SELECT \(PostgresSchema.schema).writes_all() OR \(PostgresSchema.schema).owns('\(PostgresSchema.schema).project'::regclass),
                       has_table_privilege('\(PostgresSchema.schema).project', 'INSERT'),
                       \(PostgresSchema.schema).own_municipality()
                """)
            guard let answer = try row.first?.decode((Bool, Bool, String?).self) else { return WriteScope.none }
            let (all, mayInsert, own) = answer
            if all { return .all }
            guard mayInsert, let own else { return WriteScope.none }
            return .some([own])
        }
    }
}

extension PGError {
    /// A refused write: a missing grant on a table, a row-level security policy, or a
    /// foreign row touched (not: no access to the schema or database at all, which is a
    /// connection's problem, not a write's).
    var isRefusedWrite: Bool {
        isPermissionRefusal && !message.hasPrefix("permission denied for schema")
            && !message.hasPrefix("permission denied for database")
    }

    /// The municipality whose rows a refused write touched, when the server named it.
    var refusedMunicipality: String? {
        guard let range = message.range(of: PostgresSchema.refusalMarker) else { return nil }
        let rest = message[range.upperBound...]
        guard let colon = rest.range(of: ": ", options: .backwards) else { return nil }
        let id = String(rest[..<colon.lowerBound])
        return id == "?" ? nil : id
    }
}
