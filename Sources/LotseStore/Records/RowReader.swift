import Foundation
import GRDB
import LotseDomain

/// Reads the columns of one row into domain values. Anything that does not fit (wrong
/// storage class, unknown enum value, malformed month or number) becomes a
/// `StoreError.corruptValue` naming table, row and column, instead of a crash.
struct RowReader {
    /// The row's columns, copied once: looking each one up by name in GRDB's `Row` costs
    /// more than the rest of the decoding.
    private let values: [String: DatabaseValue]
    let table: String
    /// How the user can find the row: its key column values, e.g. `P-01 2025-03`.
    let label: String

    init(_ row: Row, table: String, key: [String]) {
        var values: [String: DatabaseValue] = [:]
        values.reserveCapacity(row.count)
        for (column, value) in row { values[column] = value }
        self.values = values
        self.table = table
        self.label = key.map { column -> String in
            let value = values[column] ?? .null
            if case .string(let text) = value.storage { return text }
            return Self.show(value)
        }.joined(separator: " ")
    }

    func string(_ column: String) throws -> String {
        let value = try raw(column)
        guard case .string(let text) = value.storage else { throw corrupt(column, value, expected: "text") }
        return text
    }

    func optionalString(_ column: String) throws -> String? {
        let value = try raw(column)
        if value.isNull { return nil }
        guard case .string(let text) = value.storage else { throw corrupt(column, value, expected: "text or NULL") }
        return text
    }

    func int64(_ column: String) throws -> Int64 {
        let value = try raw(column)
        guard case .int64(let number) = value.storage else { throw corrupt(column, value, expected: "an integer") }
        return number
    }

    func int(_ column: String) throws -> Int {
        let number = try int64(column)
        guard let value = Int(exactly: number) else { throw corrupt(column, try raw(column), expected: "an integer") }
        return value
    }

    func bool(_ column: String) throws -> Bool {
        switch try int64(column) {
        case 0: return false
        case 1: return true
        default: throw corrupt(column, try raw(column), expected: "0 or 1")
        }
    }

    func money(_ column: String) throws -> Money { Money(cents: try int64(column)) }

    func enumValue<Value>(_ column: String, as type: Value.Type = Value.self) throws -> Value
    where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
        let text = try string(column)
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw corrupt(column, try raw(column), expected: "one of \(allowed)")
        }
        return value
    }

    func month(_ column: String) throws -> YearMonth {
        guard let month = YearMonth(try string(column)) else {
            throw corrupt(column, try raw(column), expected: "a month YYYY-MM")
        }
        return month
    }

    func optionalMonth(_ column: String) throws -> YearMonth? {
        guard let text = try optionalString(column) else { return nil }
        guard let month = YearMonth(text) else { throw corrupt(column, try raw(column), expected: "a month YYYY-MM or NULL") }
        return month
    }

    func decimal(_ column: String) throws -> Decimal {
        let text = try string(column)
        guard let value = DecimalText.parse(text) else { throw corrupt(column, try raw(column), expected: "a decimal number") }
        return value
    }

    func timestamp(_ column: String) throws -> Date {
        guard let date = Timestamp.parse(try string(column)) else {
            throw corrupt(column, try raw(column), expected: "an ISO 8601 UTC timestamp")
        }
        return date
    }

    private func raw(_ column: String) throws -> DatabaseValue {
        guard let value = values[column] else {
            throw StoreError.corruptValue(table: table, row: label, column: column, found: "no such column",
                                          expected: "a value")
        }
        return value
    }

    private func corrupt(_ column: String, _ value: DatabaseValue, expected: String) -> StoreError {
        .corruptValue(table: table, row: label, column: column, found: Self.show(value), expected: expected)
    }

    static func show(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let number): "\(number)"
        case .double(let number): "\(number)"
        case .string(let text): "'\(text)'"
        case .blob(let data): "a blob of \(data.count) bytes"
        }
    }
}
