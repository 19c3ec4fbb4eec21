import Foundation
import XCTest
@testable import LotseStore

final class AtomicFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func mode(_ path: String) -> mode_t {
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0, path)
        return info.st_mode & 0o7777
    }

    private func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// The file gets exactly the mode asked for, whatever the umask: a private database's
    /// export stays private under umask 000, and a shared one stays group-readable under 077.
    func testModeIsExactUnderAnyUmask() throws {
        for (mask, wanted) in [(mode_t(0o000), mode_t(0o600)), (0o022, 0o600), (0o077, 0o660), (0o000, 0o640)] {
            let old = umask(mask)
            defer { umask(old) }
            let path = folder.appendingPathComponent("export-\(mask)-\(wanted).json").path
            try AtomicFile.write(Data("{}\n".utf8), to: path, mode: wanted)
            XCTAssertEqual(mode(path), wanted, "umask \(String(mask, radix: 8))")
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "{}\n")
        }
        XCTAssertEqual(try names().filter { $0.hasPrefix(".") }, [], "no hidden file left")
    }

    /// The mode of an export follows the database: its read/write bits, never less than the
    /// owner's own, never execute bits; private when there is no database.
    func testModeFollowsTheDatabase() throws {
        let db = folder.appendingPathComponent("lotse.sqlite").path
        XCTAssertTrue(FileManager.default.createFile(atPath: db, contents: Data()))
        for (given, expected) in [(mode_t(0o600), mode_t(0o600)), (0o660, 0o660), (0o644, 0o644), (0o755, 0o644),
                                  (0o400, 0o600)] {
            XCTAssertEqual(chmod(db, given), 0)
            XCTAssertEqual(AtomicFile.mode(following: db), expected, String(given, radix: 8))
        }
        XCTAssertEqual(AtomicFile.mode(following: folder.appendingPathComponent("none.sqlite").path), 0o600)
        XCTAssertEqual(AtomicFile.mode(following: nil), 0o600)
    }

    /// A failing writer leaves the old file as it was and no other file.
    func testFailureKeepsTheOldFileAndLeavesNothing() throws {
        let path = folder.appendingPathComponent("portfolio.json").path
        try AtomicFile.write(Data("old\n".utf8), to: path, mode: 0o600)
        struct Broken: Error {}
        XCTAssertThrowsError(try AtomicFile.write(path: path, mode: 0o600) { fd in
            try AtomicFile.writeAll(UnsafeRawBufferPointer(start: "half", count: 4), to: fd)
            throw Broken()
        }) { XCTAssertTrue($0 is Broken) }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\n")
        XCTAssertEqual(try names(), ["portfolio.json"])
    }

    /// Replacing an existing file gives the new content and the new mode.
    func testReplacesAnExistingFile() throws {
        let path = folder.appendingPathComponent("portfolio.json").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("old".utf8),
                                                     attributes: [.posixPermissions: 0o644]))
        try AtomicFile.write(Data("new".utf8), to: path, mode: 0o600)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new")
        XCTAssertEqual(mode(path), 0o600)
        XCTAssertEqual(try names(), ["portfolio.json"])
    }

    /// A folder that does not exist gives the system's reason and creates nothing.
    func testMissingFolderIsRefusedWithTheReason() throws {
        let path = folder.appendingPathComponent("nope/portfolio.json").path
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: path, mode: 0o600)) { error in
            XCTAssertEqual((error as? AtomicFile.WriteError)?.reason, String(cString: strerror(ENOENT)))
        }
        XCTAssertEqual(try names(), [])
    }
}
