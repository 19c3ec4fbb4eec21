import Foundation
import GRDB
import LotseDomain

/// Databases as an earlier Lotse left them, for tests of migrations (internal: reach it
/// with `@testable import`).
extension SQLiteStore {
    /// Creates the file at `path` with the migrations up to and including `migration` only,
    /// and writes `portfolio` into it with that schema's columns.
    /// - Returns: the schema as `SELECT type, name, sql FROM sqlite_master ORDER BY name`.
    @discardableResult
    static func createDatabase(path: String, upTo migration: String, with portfolio: Portfolio,
                               by user: String, at date: Date, summaries: Bool = false) throws -> [[String]] {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try StoreSchema.migrator().migrate(queue, upTo: migration)
        let audit = Audit(user: user, at: date)
        let schema = try queue.write { db in
            for value in portfolio.municipalities { try MunicipalityRecord(value: value, audit: audit).insert(db) }
            for value in portfolio.projects { try ProjectRecord(value: value, audit: audit).insert(db) }
            for value in portfolio.reports { try StatusReportRecord(value: value, audit: audit).insert(db) }
            for value in portfolio.kpis { try KPIRecord(value: value, audit: audit).insert(db) }
            for value in portfolio.readings { try KPIReadingRecord(value: value, audit: audit).insert(db) }
            // Only the columns of that schema (the months of a risk came with v10-risk-months).
            let riskColumns = Set(try db.columns(in: RiskRecord.databaseTableName).map(\.name))
            for value in portfolio.risks {
                let row = try RiskRecord(value: value, audit: audit).databaseDictionary.filter { riskColumns.contains($0.key) }
                let names = row.keys.sorted()
                try db.execute(sql: "INSERT INTO risk (\(names.joined(separator: ", "))) VALUES (\(SQL.marks(names.count)))",
                               arguments: StatementArguments(names.map { row[$0]! }))
            }
            // The summaries as that schema's Lotse kept them (they came with v4).
            if summaries { try DerivedData.rebuildAll(db) }
            return try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master ORDER BY name").map { row in
                Array(row.databaseValues.map { value in String.fromDatabaseValue(value) ?? "NULL" })
            }
        }
        try queue.close()
        return schema
    }
}
