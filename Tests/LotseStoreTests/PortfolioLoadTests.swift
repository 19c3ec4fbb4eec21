import Foundation
import GRDB
import LotseDomain
import Testing
@testable import LotseStore

/// `loadPortfolio` reads only the columns the values need, by position, and parses months,
/// decimals and timestamps from bytes. It must give exactly what reading each row as a
/// record (every column, by name, through Foundation's parsers) gives.
@Suite("Portfolio load")
struct PortfolioLoadTests {
    /// The portfolio read the way the store read it before: whole records, by column name.
    static func recordByRecord(_ store: SQLiteStore) throws -> Portfolio {
        try store.writer.read { db in
            Portfolio(
                municipalities: try MunicipalityRecord.order(Column("id")).fetchAll(db).map(\.value),
                projects: try ProjectRecord.order(Column("id")).fetchAll(db).map(\.value),
                reports: try StatusReportRecord.order(Column("project_id"), Column("month")).fetchAll(db).map(\.value),
                kpis: try KPIRecord.order(Column("project_id"), Column("id")).fetchAll(db).map(\.value),
                readings: try KPIReadingRecord.order(Column("kpi_id"), Column("month")).fetchAll(db).map(\.value),
                risks: try RiskRecord.order(Column("project_id"), Column("id")).fetchAll(db).map(\.value))
        }
    }

    /// Decimals compared by their text as well: `==` alone would let 1.50 pass for 1.5.
    static func decimalTexts(_ p: Portfolio) -> [String] {
        p.kpis.map(\.target.description) + p.readings.map(\.value.description)
    }

    @Test func givesWhatReadingRecordByRecordGives() throws {
        let synthetic = SyntheticPortfolio.make(projects: 60, municipalities: 4, months: 14,
                                                endingAt: YearMonth(year: 2026, month: 11)!, seed: 3)
        for portfolio in [Fixture.portfolio(), synthetic] {
            let store = try Fixture.store()
            try store.replaceAll(with: portfolio, by: "tester")
            let loaded = try store.loadPortfolio()
            let reference = try Self.recordByRecord(store)
            #expect(loaded == reference)
            #expect(Self.decimalTexts(loaded) == Self.decimalTexts(reference))
            #expect(loaded == portfolio.inStoreOrder())
        }
    }

    @Test func aRecordReadByNameStillNamesAMissingColumn() {
        let row = Row(["id": "P9", "name": "ohne Rest"])
        #expect(throws: StoreError.corruptValue(table: "project", row: "P9", column: "municipality_id",
                                                found: "no such column", expected: "a value")) {
            try ProjectRecord(row: row)
        }
    }

    @Test func corruptKeyValuesAppearInTheRowLabelAsStored() throws {
        let store = try Fixture.filledStore()
        try store.execute(sql: """
            PRAGMA ignore_check_constraints = ON;
            UPDATE kpi_reading SET month = x'3230' WHERE kpi_id = 'K1';
            PRAGMA ignore_check_constraints = OFF
            """)
        #expect(throws: StoreError.corruptValue(table: "kpi_reading", row: "K1 a blob of 2 bytes", column: "month",
                                                found: "a blob of 2 bytes", expected: "text")) {
            try store.loadPortfolio()
        }
    }
}

/// `DecimalColumn.parse` reads plain numbers itself; the result must be the very `Decimal`
/// Foundation makes of the text, bit for bit, and other texts must go on to Foundation.
@Suite("Decimal text")
struct DecimalColumnTests {
    static func bits(_ value: Decimal?) -> [UInt8]? {
        value.map { value in withUnsafeBytes(of: value) { Array($0) } }
    }

    static func expectSame(_ text: String) {
        let fast = DecimalColumn.parse(text)
        let foundation = DecimalColumn.parsedByFoundation(text)
        #expect(bits(fast) == bits(foundation),
                "'\(text)': \(String(describing: fast)) vs \(String(describing: foundation))")
        #expect(fast?.description == foundation?.description, "'\(text)'")
    }

    @Test func handPickedTextsParseAsFoundationParsesThem() {
        let texts = ["0", "-0", "+0", "0.000", "-0.0", "00", "1", "-1", "+1", "12.50", "12.5", "100", "1000.000",
                     ".5", "5.", "-.5", "+5.", "0.1", "0.0001", "00012.3400", "65535", "65536", "4294967296",
                     "999999999999999999", "1000000000000000000", "9999999999999999999", "123456789012345678901",
                     "0.000000000000000001", "12345678.12345678901", "1e5", "1E-3", "-2.5e+3", "1.2.3", "", "-",
                     ".", "+.", "1e", "e5", " 1", "1 ", "1,5", "١٢", "0x10", "--1", "1-"]
        for text in texts { Self.expectSame(text) }
    }

    @Test func generatedPlainNumbersParseAsFoundationParsesThem() {
        var state: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<20_000 {
            var text = String((0..<(1 + next(20))).map { _ in Character(String(next(10))) })
            if next(2) == 0 { text.insert(".", at: text.index(text.startIndex, offsetBy: next(text.count + 1))) }
            if next(3) == 0 { text += String(repeating: "0", count: 1 + next(4)) }
            switch next(6) {
            case 0: text = "-" + text
            case 1: text = "+" + text
            default: break
            }
            Self.expectSame(text)
        }
    }
}
