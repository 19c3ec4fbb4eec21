import Foundation
import Testing
import LotseDomain
@testable import LotseStore

/// SQLite keeps an open file handle; without a check, writes to a deleted file would
/// vanish with it. The store refuses instead.
@Suite("Vanished database file") struct VanishedFileTests {
    @Test func deletedFileRefusesWritesAndReadsWithAClearMessage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let store = try SQLiteStore(path: path, now: Fixture.clock)
        try store.replaceAll(with: Fixture.portfolio(), by: "t")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }

        let report = Fixture.report(Fixture.portfolio().projects[0].id, "2026-11", progress: 50, at: Date())
        let error = try #require(throws: StoreError.self) { try store.save(report: report, by: "t") }
        #expect(error == .vanished(path: path))
        #expect(error.description.contains("nothing was read or written"))
        #expect(throws: StoreError.vanished(path: path)) { try store.loadPortfolio() }
    }

    @Test func replacedFileIsRefusedToo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        let store = try SQLiteStore(path: path, now: Fixture.clock)
        try store.replaceAll(with: Fixture.portfolio(), by: "t")
        // Someone restores an older copy over the open file.
        let other = folder.file("other.sqlite")
        _ = try SQLiteStore(path: other, now: Fixture.clock)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.moveItem(atPath: other, toPath: path)
        #expect(throws: StoreError.vanished(path: path)) { try store.replaceAll(with: Fixture.portfolio(), by: "t") }
        // The file now at the path is untouched: still empty.
        #expect(try SQLiteStore(path: path, now: Fixture.clock).loadPortfolio().projects.isEmpty)
    }

    @Test func untouchedFileKeepsWorking() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SQLiteStore(path: folder.file("lotse.sqlite"), now: Fixture.clock)
        try store.replaceAll(with: Fixture.portfolio(), by: "t")
        #expect(try store.loadPortfolio().projects.count == Fixture.portfolio().projects.count)
    }
}
