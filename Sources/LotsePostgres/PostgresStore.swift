import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// The portfolio on a PostgreSQL server: the same store protocols as `SQLiteStore`, for a
/// programme whose municipalities share one database from several machines.
///
/// Opening migrates the schema (one client at a time, under an advisory lock). The figures
/// are computed by the server; each screen's answer is read in one REPEATABLE READ
/// transaction, so its parts agree. Writes that decide on what they read (a submit that
/// must not overwrite a newer report) run SERIALIZABLE. Other clients' changes arrive as
/// notifications (`LISTEN`), which move `changeToken()` without a query.
///
/// One connection per store, used by one thread at a time (the dashboard's main loop, a
/// command); `lock` keeps a second thread waiting rather than interleaving on the wire.
public final class PostgresStore: @unchecked Sendable {
    public let location: PostgresLocation
    let session: PGSession
    let now: @Sendable () -> Date
    let lock = NSRecursiveLock()
    /// Opened with `readOnly`: the server refuses every write of this connection.
    public let isReadOnly: Bool

    /// Connects to `location`, brings the schema up to date and listens for changes.
    /// Throws `StoreError.newerSchema` when a newer Lotse migrated the database, and
    /// `StoreError.database` (naming the URL without its password) when the server refuses.
    /// - Parameters:
    ///   - now: the clock for `changed_at`; tests pass a fixed one.
    ///   - readOnly: every transaction of the connection is read-only (`--read-only`): the
    ///     server refuses any write. The schema must be up to date then.
    public init(location: PostgresLocation, readOnly: Bool = false,
                now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.location = location
        self.now = now
        self.isReadOnly = readOnly
        do {
            session = try PGSession(location)
        } catch let error as PGError {
            throw StoreError.database(path: location.description, message: error.message)
        }
        try perform {
            // The screens ask short questions over indexed rows and summaries: compiling a
            // plan to machine code (JIT) costs more than any of them takes to run.
            try session.execute("SET search_path TO \(PostgresSchema.schema); SET TIME ZONE 'UTC'; SET jit = off")
            try migrate()
            if readOnly { try session.execute("SET default_transaction_read_only = on") }
            try session.listen(PostgresSchema.changeChannel)
        }
    }

    /// Ends the connection.
    public func close() { session.close() }

    /// Runs `body` with the connection to itself, turning the server's refusals into
    /// `StoreError`s that name the database.
    func perform<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try body()
        } catch let error as PGError {
            if error.isRefusedWrite {
                throw StoreError.writeRefused(path: location.description, municipality: error.refusedMunicipality)
            }
            throw StoreError.database(path: location.description, message: error.description)
        }
    }

    /// The migrations this version knows that the database has not run yet, run in one
    /// transaction; refuses a database migrated by a newer Lotse.
    private func migrate() throws {
        // A role that may not change the schema (a municipality's, a viewer's) opens an
        // up-to-date database without asking for the migration lock.
        if try schemaIsCurrent() { return }
        try session.transaction {
            try session.execute("""
                CREATE SCHEMA IF NOT EXISTS \(PostgresSchema.schema);
                SELECT pg_advisory_xact_lock(hashtext('lotse-schema'));
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    identifier TEXT NOT NULL PRIMARY KEY,
                    position INTEGER NOT NULL,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT now());
                """)
            let applied = Set(try session.query("SELECT identifier FROM schema_migrations")
                .map { try $0.decode(String.self) })
            let known = PostgresSchema.migrationIdentifiers
            let unknown = applied.subtracting(known)
            if !unknown.isEmpty {
                throw StoreError.newerSchema(path: location.description, unknownMigrations: unknown.sorted())
            }
            for (position, migration) in PostgresSchema.migrations.enumerated()
            where !applied.contains(migration.identifier) {
                try session.execute(migration.sql)
                var binds = PostgresBindings()
                binds.append(migration.identifier)
                binds.append(position + 1)
                try session.query("INSERT INTO schema_migrations (identifier, position) VALUES ($1, $2)", binds)
            }
        }
    }

    /// The migrations the database has run, oldest first.
    public func appliedMigrations() throws -> [String] {
        try perform {
            try session.query("SELECT identifier FROM schema_migrations ORDER BY position")
                .map { try $0.decode(String.self) }
        }
    }
}
