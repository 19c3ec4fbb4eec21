import Foundation
import LotsePostgres
import Testing

/// The one throw-away PostgreSQL cluster of this test run, started at first use and stopped
/// when the process ends. When it cannot start, every test that needs it fails with the
/// reason (never skipped silently): install PostgreSQL (`scripts/setup` does) to run them.
enum TestServer {
    private static let started: Result<ThrowawayCluster, any Error> = {
        let result = Result { try ThrowawayCluster() }
        if case .success = result { atexit { TestServer.stopAtExit() } }
        return result
    }()

    /// The running cluster; throws the reason it could not start.
    static func cluster() throws -> ThrowawayCluster {
        try started.get()
    }

    /// A new, empty database in the cluster and a way to drop it again.
    static func freshDatabase() throws -> (location: PostgresLocation, drop: @Sendable () -> Void) {
        let cluster = try cluster()
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try cluster.createDatabase(name)
        return (cluster.location(database: name), { cluster.dropDatabase(name) })
    }

    private static func stopAtExit() {
        if case .success(let cluster) = started { cluster.stop() }
    }
}
