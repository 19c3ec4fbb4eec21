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
    ///
    /// - Parameter templates: a private folder (created 0700 if missing) where a finished
    ///   demo database is kept as a template for the same sample, month and schema; later
    ///   demos copy it instead of decoding the sample and filling a database again, which
    ///   is most of the demo's start. Nil (or any problem with the folder or the template)
    ///   builds the demo from the sample as before.
    public static func create(currentMonth: YearMonth, user: String = "demo",
                              templates: String? = nil) throws -> DemoDatabase {
        let folder = try makeFolder()
        let path = DatabaseLocation.join(folder, fileName)
        do {
            let sample = try SampleData.loadData()
            let template = templates.map { DatabaseLocation.join($0, templateName(sample, currentMonth)) }
            if let template, let store = copy(template, to: path) {
                return DemoDatabase(store: store, path: path)
            }
            let portfolio = try SampleData.demoPortfolio(from: sample, currentMonth: currentMonth)
            try DatabaseLocation.prepare(path: path)
            let store = try SQLiteStore(path: path)
            try store.replaceAll(with: portfolio, by: user)
            if let template { keep(store, path: path, as: template) }
            return DemoDatabase(store: store, path: path)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    /// The template's file name: what the demo is made of (sample bytes, month, schema).
    static func templateName(_ sample: Data, _ month: YearMonth) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, stable across runs (unlike Hasher)
        sample.withUnsafeBytes { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        let schema = SQLiteStore.knownMigrations.last ?? "none"
        return "demo-\(month)-\(schema)-\(String(hash, radix: 16)).sqlite"
    }

    /// Opens a private copy of the template at `path`; nil when there is no usable template.
    private static func copy(_ template: String, to path: String) -> SQLiteStore? {
        guard let bytes = FileManager.default.contents(atPath: template), !bytes.isEmpty else { return nil }
        do {
            try DatabaseLocation.prepare(path: path)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.write(contentsOf: bytes)
            try handle.close()
            let store = try SQLiteStore(path: path)
            guard try store.schemaVersion() == SQLiteStore.knownMigrations.last, try store.isFilled() else {
                try? store.close()
                return nil
            }
            return store
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            return nil
        }
    }

    /// Keeps the finished demo as the template, written beside it and moved into place so a
    /// half-written template never exists. Best effort: a demo without a template still works.
    private static func keep(_ store: SQLiteStore, path: String, as template: String) {
        do {
            try DatabaseLocation.prepare(path: template + ".new")
            try store.checkpoint()
            guard let bytes = FileManager.default.contents(atPath: path) else { return }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: template + ".new"))
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: bytes)
            try handle.close()
            if rename(template + ".new", template) != 0 { try? FileManager.default.removeItem(atPath: template + ".new") }
        } catch {
            try? FileManager.default.removeItem(atPath: template + ".new")
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
