import Foundation
import GRDB
import LotseDomain

/// Reads the columns of one row into domain values. Anything that does not fit (wrong
/// storage class, unknown enum value, malformed month or number) becomes a
/// `StoreError.corruptValue` naming table, row and column, instead of a crash.
///
/// Columns are read by position through a `RowLayout` that a query looks up once, so a
/// row costs no name lookups; the row's label for error messages is built only when an
/// error is thrown. Reading by name (`string("id")`) is there for queries of a few rows.
struct RowReader {
    /// Where the values come from: a row, or the current row of a statement being stepped
    /// through (read without GRDB's generic decoding, which costs more than the rest).
    private enum Source {
        case row(Row)
        case statement(SQLiteStatement)
    }

    private let source: Source
    let layout: RowLayout

    /// Reads `row` through `layout`, which must describe the query the row comes from.
    init(_ row: Row, layout: RowLayout) {
        source = .row(row)
        self.layout = layout
    }

    /// Reads the row `statement` stands on through `layout`, which must describe the statement.
    init(current statement: Statement, layout: RowLayout) {
        source = .statement(statement.sqliteStatement)
        self.layout = layout
    }

    /// Reads a row of a query of a few rows by column name; `key` names the columns that
    /// identify the row in error messages.
    init(_ row: Row, table: String, key: [String]) {
        self.init(row, layout: RowLayout(table: table, columns: Array(row.columnNames), key: key))
    }

    /// Reads the columns `columns` of `row`, wherever they are in it, by their position in
    /// `columns`: for a `SELECT *` row handed to a decoder written for `layout(columns)`.
    init(_ row: Row, table: String, columns: [String], key: [String]) {
        let names = Array(row.columnNames)
        let layout = RowLayout(table: table, columns: columns, positions: columns.map { names.lastIndex(of: $0) },
                               key: key.map { names.lastIndex(of: $0) })
        self.init(row, layout: layout)
    }

    var table: String { layout.table }

    /// How the user can find the row: its key column values, e.g. `P-01 2025-03`.
    var label: String {
        layout.key.map { index -> String in
            let value = index.map(value(atPosition:)) ?? .null
            if case .string(let text) = value.storage { return text }
            return Self.show(value)
        }.joined(separator: " ")
    }

    // MARK: - By position (the `columns` of the layout)

    func string(at column: Int) throws -> String {
        let value = try raw(column)
        guard case .string(let text) = value.storage else { throw corrupt(column, value, expected: "text") }
        return text
    }

    func optionalString(at column: Int) throws -> String? {
        let value = try raw(column)
        if value.isNull { return nil }
        guard case .string(let text) = value.storage else { throw corrupt(column, value, expected: "text or NULL") }
        return text
    }

    func int64(at column: Int) throws -> Int64 {
        let value = try raw(column)
        guard case .int64(let number) = value.storage else { throw corrupt(column, value, expected: "an integer") }
        return number
    }

    /// An integer, or nil for NULL (a column of an outer join).
    func optionalInt64(at column: Int) throws -> Int64? {
        let value = try raw(column)
        if value.isNull { return nil }
        guard case .int64(let number) = value.storage else { throw corrupt(column, value, expected: "an integer or NULL") }
        return number
    }

    func int(at column: Int) throws -> Int {
        let number = try int64(at: column)
        guard let value = Int(exactly: number) else { throw corrupt(column, try raw(column), expected: "an integer") }
        return value
    }

    func bool(at column: Int) throws -> Bool {
        switch try int64(at: column) {
        case 0: return false
        case 1: return true
        default: throw corrupt(column, try raw(column), expected: "0 or 1")
        }
    }

    func money(at column: Int) throws -> Money { Money(cents: try int64(at: column)) }

    func enumValue<Value>(at column: Int, as type: Value.Type = Value.self) throws -> Value
    where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
        let text = try string(at: column)
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw corrupt(column, try raw(column), expected: "one of \(allowed)")
        }
        return value
    }

    func month(at column: Int) throws -> YearMonth {
        guard let month = YearMonth(try string(at: column)) else {
            throw corrupt(column, try raw(column), expected: "a month YYYY-MM")
        }
        return month
    }

    func optionalMonth(at column: Int) throws -> YearMonth? {
        guard let text = try optionalString(at: column) else { return nil }
        guard let month = YearMonth(text) else {
            throw corrupt(column, try raw(column), expected: "a month YYYY-MM or NULL")
        }
        return month
    }

    func decimal(at column: Int) throws -> Decimal {
        let text = try string(at: column)
        guard let value = DecimalColumn.parse(text) else {
            throw corrupt(column, try raw(column), expected: "a decimal number")
        }
        return value
    }

    func timestamp(at column: Int) throws -> Date {
        guard let date = Timestamp.parse(try string(at: column)) else {
            throw corrupt(column, try raw(column), expected: "an ISO 8601 UTC timestamp")
        }
        return date
    }

    // MARK: - By name

    func string(_ column: String) throws -> String { try string(at: index(column)) }
    func optionalString(_ column: String) throws -> String? { try optionalString(at: index(column)) }
    func int64(_ column: String) throws -> Int64 { try int64(at: index(column)) }
    func optionalInt64(_ column: String) throws -> Int64? { try optionalInt64(at: index(column)) }
    func int(_ column: String) throws -> Int { try int(at: index(column)) }
    func bool(_ column: String) throws -> Bool { try bool(at: index(column)) }
    func money(_ column: String) throws -> Money { try money(at: index(column)) }
    func month(_ column: String) throws -> YearMonth { try month(at: index(column)) }
    func optionalMonth(_ column: String) throws -> YearMonth? { try optionalMonth(at: index(column)) }
    func decimal(_ column: String) throws -> Decimal { try decimal(at: index(column)) }
    func timestamp(_ column: String) throws -> Date { try timestamp(at: index(column)) }

    func enumValue<Value>(_ column: String, as type: Value.Type = Value.self) throws -> Value
    where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
        try enumValue(at: index(column), as: type)
    }

    // MARK: - Raw values and errors

    /// The layout's position of `column`; the last one when a name occurs twice.
    private func index(_ column: String) throws -> Int {
        guard let index = layout.columns.lastIndex(of: column) else { throw missing(column) }
        return index
    }

    /// The value of the layout's `column`.
    private func raw(_ column: Int) throws -> DatabaseValue {
        guard let position = layout.positions[column] else { throw missing(layout.columns[column]) }
        return value(atPosition: position)
    }

    /// The value at `position` of the row (not of the layout).
    private func value(atPosition position: Int) -> DatabaseValue {
        switch source {
        case .row(let row): row[position]
        case .statement(let statement): DatabaseValue(sqliteStatement: statement, index: CInt(position))
        }
    }

    private func missing(_ column: String) -> StoreError {
        .corruptValue(table: table, row: label, column: column, found: "no such column", expected: "a value")
    }

    private func corrupt(_ column: Int, _ value: DatabaseValue, expected: String) -> StoreError {
        .corruptValue(table: table, row: label, column: layout.columns[column], found: Self.show(value),
                      expected: expected)
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
