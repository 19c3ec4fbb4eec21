import Foundation
import Testing
@testable import LotseStore

@Suite("Database location")
struct DatabaseLocationTests {
    static let everything = ["LOTSE_DB": "/env/lotse.sqlite", "XDG_DATA_HOME": "/xdg", "HOME": "/home/anna"]

    @Test func explicitPathWinsOverEverything() throws {
        #expect(try DatabaseLocation.resolve(explicit: "./mine.sqlite", environment: Self.everything)
                    == "./mine.sqlite")
    }

    @Test func environmentVariableComesNext() throws {
        #expect(try DatabaseLocation.resolve(explicit: nil, environment: Self.everything) == "/env/lotse.sqlite")
    }

    @Test func thenXDGDataHome() throws {
        var environment = Self.everything
        environment["LOTSE_DB"] = nil
        #expect(try DatabaseLocation.resolve(explicit: nil, environment: environment) == "/xdg/lotse/lotse.sqlite")
        environment["XDG_DATA_HOME"] = "/xdg/"
        #expect(try DatabaseLocation.resolve(explicit: nil, environment: environment) == "/xdg/lotse/lotse.sqlite")
    }

    @Test func thenHome() throws {
        #expect(try DatabaseLocation.resolve(explicit: nil, environment: ["HOME": "/home/anna"])
                    == "/home/anna/.local/share/lotse/lotse.sqlite")
    }

    @Test func emptyValuesAndARelativeXDGDataHomeCountAsUnset() throws {
        let environment = ["LOTSE_DB": "", "XDG_DATA_HOME": "relative/data", "HOME": "/home/anna"]
        #expect(try DatabaseLocation.resolve(explicit: "", environment: environment)
                    == "/home/anna/.local/share/lotse/lotse.sqlite")
    }

    @Test func nothingToGoByIsATypedError() {
        #expect(throws: DatabaseLocationError.noHomeDirectory) {
            try DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": ""])
        }
    }

    @Test func prepareCreatesPrivateFoldersAndFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("data/lotse/lotse.sqlite")
        #expect(try DatabaseLocation.prepare(path: path))
        #expect(mode(folder.file("data")) == 0o700)
        #expect(mode(folder.file("data/lotse")) == 0o700)
        #expect(mode(path) == 0o600)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect((attributes[.size] as? NSNumber)?.intValue == 0)

        // Still empty (an earlier run stopped before writing): still new.
        #expect(try DatabaseLocation.prepare(path: path))
        let store = try SQLiteStore(path: path)
        try store.replaceAll(with: Fixture.portfolio(), by: "t")
        #expect(try DatabaseLocation.prepare(path: path) == false)
        // SQLite gives its journal files the mode of the database file.
        #expect(mode(path + "-wal") == 0o600)
        #expect(mode(path + "-shm") == 0o600)
        try store.close()
    }

    @Test func prepareLeavesAnExistingFolderAsItIs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(chmod(folder.path, 0o755) == 0)
        #expect(try DatabaseLocation.prepare(path: folder.file("lotse.sqlite")))
        #expect(mode(folder.path) == 0o755)
        #expect(mode(folder.file("lotse.sqlite")) == 0o600)
    }

    @Test func prepareNamesThePathWhenItCannotGoOn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(FileManager.default.createFile(atPath: folder.file("plain"), contents: Data("x".utf8)))
        #expect(throws: DatabaseLocationError.notAFolder(path: folder.file("plain"))) {
            try DatabaseLocation.prepare(path: folder.file("plain/lotse.sqlite"))
        }
        let error = try #require(throws: DatabaseLocationError.self) {
            try DatabaseLocation.prepare(path: folder.file("plain/sub/lotse.sqlite"))
        }
        #expect(error.description.contains(folder.file("plain")))
        try FileManager.default.createDirectory(atPath: folder.file("dir.sqlite"), withIntermediateDirectories: false)
        #expect(throws: DatabaseLocationError.notAFile(path: folder.file("dir.sqlite"))) {
            try DatabaseLocation.prepare(path: folder.file("dir.sqlite"))
        }
    }

    @Test func prepareReportsAnUnwritableFile() throws {
        // root may write anything; the check is only observable for ordinary users.
        guard geteuid() != 0 else { return }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8),
                                               attributes: [.posixPermissions: 0o400]))
        #expect(throws: DatabaseLocationError.fileNotWritable(path: path)) {
            try DatabaseLocation.prepare(path: path)
        }
    }
}
