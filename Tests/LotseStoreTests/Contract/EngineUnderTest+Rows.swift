import Foundation
import Testing
import LotseDomain
@testable import LotseStore
@testable import LotsePostgres

extension EngineUnderTest {
    /// `postgres` with the search index's table (`PostgresSearchIndex.migration`) in place
    /// also while the schema's migrations do not list it yet; once they do, the same as
    /// `postgres`.
    static let postgresRows = EngineUnderTest(name: "PostgreSQL") {
        let db = try TestServer.freshDatabase()
        let engine = try PostgresStore(location: db.location, now: Fixture.clock)
        if !PostgresSchema.migrationIdentifiers.contains(PostgresSearchIndex.migration.identifier) {
            try engine.session.execute("SET search_path TO \(PostgresSchema.schema); "
                                       + PostgresSearchIndex.migration.sql)
        }
        return (engine, { try PostgresStore(location: db.location, now: Fixture.clock) }, {
            engine.close()
            db.drop()
        })
    }
}
