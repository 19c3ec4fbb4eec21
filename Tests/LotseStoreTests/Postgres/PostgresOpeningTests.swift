import Foundation
import LotseDomain
import LotseStore
import Testing
@testable import LotsePostgres

@Suite("Opening a PostgreSQL database")
struct PostgresOpeningTests {
    @Test func migratesANewDatabaseOnceAndRecordsTheMigrations() throws {
        let db = try TestServer.freshDatabase()
        defer { db.drop() }
        let first = try PostgresStore(location: db.location)
        #expect(try first.appliedMigrations() == PostgresSchema.migrationIdentifiers)
        first.close()
        // A second client finds everything done.
        let second = try PostgresStore(location: db.location)
        #expect(try second.appliedMigrations() == PostgresSchema.migrationIdentifiers)
        second.close()
    }

    @Test func refusesADatabaseMigratedByANewerLotse() throws {
        let db = try TestServer.freshDatabase()
        defer { db.drop() }
        try PostgresStore(location: db.location).close()
        let admin = try PGSession(db.location)
        try admin.execute("INSERT INTO lotse.schema_migrations (identifier, position) VALUES ('v99-future', 99)")
        admin.close()
        #expect(throws: StoreError.newerSchema(path: db.location.description, unknownMigrations: ["v99-future"])) {
            try PostgresStore(location: db.location)
        }
    }

    @Test func namesTheServerWithoutThePasswordWhenItCannotConnect() throws {
        let cluster = try TestServer.cluster()
        var location = cluster.location(database: "gibt_es_nicht")
        location.password = "geheim"
        do {
            _ = try PostgresStore(location: location)
            Issue.record("a missing database opened")
        } catch let StoreError.database(path, message) {
            #expect(path == location.description && !path.contains("geheim") && !message.contains("geheim"))
            #expect(message.contains("gibt_es_nicht"))
        }
    }

    /// A fresh database with a store listening on it, and `change` made on another
    /// connection: how many notifications the store counted for it, once they stopped coming.
    private func notificationsCounted(after change: (PGSession) throws -> Void) throws -> Int64 {
        let db = try TestServer.freshDatabase()
        defer { db.drop() }
        let store = try PostgresStore(location: db.location)
        defer { store.close() }
        let before = store.session.notifications
        let other = try PGSession(db.location)
        try change(other)
        other.close()
        let deadline = Date().addingTimeInterval(3)
        while store.session.notifications == before, Date() < deadline { usleep(5_000) }
        // Whatever else would come has come by now.
        usleep(300_000)
        return store.session.notifications - before
    }

    @Test func changesByAnotherConnectionArriveAsNotifications() throws {
        let counted = try notificationsCounted { other in
            try other.execute("""
                INSERT INTO lotse.municipality VALUES ('m', 'M', 'stadt', 1, 'x', '2026-01-01T00:00:00Z')
                """)
        }
        #expect(counted > 0)
    }

    /// A commit that changed several tables is announced once, so an open dashboard
    /// refreshes once for it (statement triggers fire even for statements that change no row).
    @Test func aCommitIsAnnouncedOnceHoweverManyTablesItChanged() throws {
        let counted = try notificationsCounted { other in
            try other.transaction {
                try other.execute("UPDATE lotse.municipality SET name = name WHERE false")
                try other.execute("UPDATE lotse.project SET name = name WHERE false")
                try other.execute("UPDATE lotse.risk SET title = title WHERE false")
            }
        }
        #expect(counted == 1)
    }
}
