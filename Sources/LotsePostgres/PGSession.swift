import Foundation
import PostgresNIO

/// One connection to a PostgreSQL server with a blocking interface, because the store
/// protocols are synchronous: the dashboard asks, waits a few milliseconds, draws.
///
/// Every call runs on the caller's thread and waits for the server's answer; the
/// connection's own event loop runs beside it. Never call it from that event loop.
/// Notifications (`LISTEN`) arrive on the event loop and are counted in `notifications`.
public final class PGSession: @unchecked Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let connection: PostgresConnection
    private let logger: Logger
    private let lock = NSLock()
    private var closed = false
    private let counter = NotificationCounter()

    /// Opens a connection to `location` (password from the URL, `PGPASSWORD` or `~/.pgpass`).
    public init(_ location: PostgresLocation, applicationName: String = "lotse") throws {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var logger = Logger(label: "lotse.postgres")
        logger.logLevel = .critical
        self.logger = logger
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user,
            password: location.password, database: location.database, tls: .disable)
        if location.host.hasPrefix("/") {
            configuration = PostgresConnection.Configuration(
                unixSocketPath: location.host + "/.s.PGSQL.\(location.port)", username: location.user,
                password: location.password, database: location.database)
        } else if location.sslMode.wantsTLS {
            do {
                var tls = TLSConfiguration.makeClientConfiguration()
                if !location.sslMode.verifies { tls.certificateVerification = .none }
                let context = try NIOSSLContext(configuration: tls)
                configuration.tls = location.sslMode.requires ? .require(context) : .prefer(context)
            } catch {
                try? group.syncShutdownGracefully()
                throw PGError(connect: error)
            }
        }
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = [("application_name", applicationName)]
        do {
            connection = try PostgresConnection.connect(on: group.next(), configuration: configuration,
                                                        id: 1, logger: logger).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw PGError(connect: error)
        }
    }

    deinit { close() }

    /// Ends the connection; later calls fail.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Every row of one statement with `$1 …` parameters.
    @discardableResult
    public func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> [PostgresRow] {
        do {
            return Array(try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait().rows)
        } catch {
            throw PGError(error, sql: sql)
        }
    }

    /// One statement, or several separated by `;`, without parameters (schema, settings,
    /// transaction control). The extended protocol that postgres-nio speaks takes one
    /// statement at a time, so a script runs as one `DO` block whose `EXECUTE` runs every
    /// statement of it on the server, in order, as one statement of the caller's transaction.
    public func execute(_ sql: String) throws {
        let statement = sql.contains(";")
            ? "DO $lotse_do$ BEGIN EXECUTE $lotse_script$\n\(sql)\n$lotse_script$; END $lotse_do$"
            : sql
        do {
            _ = try connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).wait()
        } catch {
            throw PGError(error, sql: sql)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// `isolation` is the SQL level ("REPEATABLE READ" for a consistent snapshot of reads,
    /// "SERIALIZABLE" where a decision depends on what was read).
    public func transaction<T>(_ isolation: String = "READ COMMITTED", readOnly: Bool = false,
                               _ body: () throws -> T) throws -> T {
        try execute("BEGIN ISOLATION LEVEL \(isolation)" + (readOnly ? " READ ONLY" : ""))
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Starts counting notifications on `channel` (`LISTEN`); `notifications` moves with each
    /// one another connection sends. This connection's own are not counted: a client knows
    /// what it wrote itself.
    public func listen(_ channel: String) throws {
        let counter = self.counter
        let own = try query("SELECT pg_backend_pid()").first.map { try $0.decode(Int32.self) } ?? -1
        connection.addListener(channel: channel) { _, notification in
            if notification.backendPID != own { counter.increment() }
        }
        try execute("LISTEN \(channel)")
    }

    /// How many notifications arrived on the channels this session listens to.
    public var notifications: Int64 { counter.value }
}

/// A counter written by the event loop and read by the caller's thread.
private final class NotificationCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int64 = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int64 { lock.lock(); defer { lock.unlock() }; return count }
}
