import Foundation
import Testing
import LotseDomain
@testable import LotseStore
import LotsePostgres

/// An engine the contract suite runs against: how to make a fresh, empty one, and how to
/// make a second connection to the same data (another process, another server).
struct EngineUnderTest: Sendable, CustomTestStringConvertible {
    let name: String
    /// A fresh, empty engine and a way to open another connection to it; `cleanup` ends both.
    let make: @Sendable () throws -> (engine: any PortfolioEngine, reconnect: @Sendable () throws -> any PortfolioEngine,
                                      cleanup: @Sendable () -> Void)

    var testDescription: String { name }

    /// Every engine the suite knows.
    static let all: [EngineUnderTest] = [sqliteFile, postgres]

    static let sqliteFile = EngineUnderTest(name: "SQLite") {
        let folder = try TemporaryFolder()
        let path = folder.file("contract.sqlite")
        let engine = try SQLiteStore(path: path, now: Fixture.clock)
        return (engine, { try SQLiteStore(path: path, now: Fixture.clock) }, { folder.remove() })
    }

    /// A new database in the test run's throw-away PostgreSQL cluster (see `TestServer`).
    static let postgres = EngineUnderTest(name: "PostgreSQL") {
        let db = try TestServer.freshDatabase()
        let engine = try PostgresStore(location: db.location, now: Fixture.clock)
        return (engine, { try PostgresStore(location: db.location, now: Fixture.clock) }, {
            engine.close()
            db.drop()
        })
    }
}
