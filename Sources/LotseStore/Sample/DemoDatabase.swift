import Foundation
import LotseDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A throw-away database with the demo portfolio, for `lotse --demo`.
public struct DemoDatabase: Sendable {
    /// Every demo folder starts with this, so `remove` never deletes anything else.
    public static let folderPrefix = "lotse-demo-"
    public static let fileName = "demo.sqlite"

    /// The open store on the demo file.
    public let store: SQLiteStore
    /// The demo file, inside its own folder.
    public let path: String

    /// Creates a fresh folder (mode 0700) in the temporary directory (`TMPDIR`, else /tmp)
    /// holding a database (mode 0600) filled with `SampleData.demoPortfolio(currentMonth:)`.
    /// Call `remove()` when done.
    public static func create(currentMonth: YearMonth, user: String = "demo") throws -> DemoDatabase {
        let portfolio = try SampleData.demoPortfolio(currentMonth: currentMonth)
        let folder = try makeFolder()
        let path = DatabaseLocation.join(folder, fileName)
        do {
            try DatabaseLocation.prepare(path: path)
            let store = try SQLiteStore(path: path)
            try store.replaceAll(with: portfolio, by: user)
            return DemoDatabase(store: store, path: path)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    /// Closes the store and deletes the demo folder (database, WAL and shared-memory
    /// files). Best effort: it runs on the way out, where nobody could act on an error.
    public func remove() {
        try? store.close()
        try? Self.remove(path: path)
    }

    /// Deletes the demo folder holding `path`; refuses folders that `create` did not make.
    public static func remove(path: String) throws {
        let folder = DatabaseLocation.parentFolder(of: path)
        guard (folder as NSString).lastPathComponent.hasPrefix(folderPrefix) else {
            throw DemoDatabaseError.notADemoFolder(path: folder)
        }
        do {
            try FileManager.default.removeItem(atPath: folder)
        } catch {
            throw DemoDatabaseError.cannotRemove(path: folder, reason: error.localizedDescription)
        }
    }

    /// `mkdtemp` creates the folder with mode 0700 and a name nobody else can predict.
    private static func makeFolder() throws -> String {
        let base = FileManager.default.temporaryDirectory.path
        var template = Array(DatabaseLocation.join(base, folderPrefix + "XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else {
            throw DemoDatabaseError.cannotCreateFolder(path: base, reason: String(cString: strerror(errno)))
        }
        return String(cString: created)
    }
}
