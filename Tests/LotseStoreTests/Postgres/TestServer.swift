import Foundation
import LotsePostgres
import Testing

/// The test run's throw-away PostgreSQL cluster (`ThrowawayCluster.shared()`: started at
/// first use, stopped when the process ends, shared with the other test targets). When it
/// cannot start, every test that needs it fails with the reason (never skipped silently):
/// install PostgreSQL (`scripts/setup` does) to run them.
enum TestServer {
    /// The running cluster; throws the reason it could not start.
    static func cluster() throws -> ThrowawayCluster {
        try ThrowawayCluster.shared()
    }

    /// A new, empty database in the cluster and a way to drop it again.
    static func freshDatabase() throws -> (location: PostgresLocation, drop: @Sendable () -> Void) {
        try ThrowawayCluster.freshDatabase()
    }
}
