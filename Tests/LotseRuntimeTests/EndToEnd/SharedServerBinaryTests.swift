import Foundation
import Testing

/// The real `lotse` on a shared server: file modes under different umasks, a missing
/// `--db`, `init`, read-only files and folders, and the author recorded for a change.
/// Each run is a child process started through `/bin/sh`, so the umask applies to it alone.
@Suite("Shared server (binary)", .serialized)
struct SharedServerBinaryTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `lotse ARGS` under `umask`, with `environment` added; as `viewer`, the account
    /// `nobody` when the tests run as root (root may write any file, so only another
    /// account shows what a viewer without write access sees).
    static func lotse(_ arguments: [String], umask: String = "022", environment: [String: String] = [:],
                      viewer: Bool = false, directory: String? = nil) throws -> Run {
        let binary = try LotseBinary.locate().get()
        let process = Process()
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        var command = "umask \(umask); exec "
        if viewer && geteuid() == 0 { command += "setpriv --reuid=65534 --regid=65534 --clear-groups " }
        command += ([binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        process.arguments = ["-c", command]
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "de_DE.UTF-8"
        env.removeValue(forKey: "LOTSE_DB")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                   stderr: String(decoding: e, as: UTF8.self))
    }

    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    static func sample() -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../sample-data/musterstadt.json").standardizedFileURL.path
    }

    @Test(arguments: ["000", "022"])
    func initAndTheDefaultLocationMakePrivateFilesUnderAnyUmask(umask: String) throws {
        let folder = try TemporaryFolder("lotse-shared")
        defer { folder.remove() }
        chmod(folder.path, 0o700)
        let path = folder.file("neu/lotse.sqlite")
        let made = try Self.lotse(["init", path], umask: umask)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("Neue Datenbank angelegt: \(path)"))
        #expect(Self.mode(folder.file("neu")) == 0o700)
        #expect(Self.mode(path) == 0o600)
        let again = try Self.lotse(["init", path], umask: umask)
        #expect(again.status == 1 && again.stderr.contains("gibt es schon"))

        // The default location, made on first run, is private too.
        let data = folder.file("data")
        let report = try Self.lotse(["report", "--today", "2026-11"], umask: umask, environment: ["XDG_DATA_HOME": data])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(Self.mode(data + "/lotse") == 0o700)
        #expect(Self.mode(data + "/lotse/lotse.sqlite") == 0o600)
        #expect(!report.stderr.contains("Warnung"))

        // Group-shared: init --shared makes a setgid group folder and a group file.
        let shared = folder.file("gruppe/lotse.sqlite")
        #expect(try Self.lotse(["init", "--shared", shared], umask: umask).status == 0)
        #expect(Self.mode(folder.file("gruppe")) == 0o2770)
        #expect(Self.mode(shared) == 0o660)
        let refused = try Self.lotse(["report", "--db", shared], umask: umask)
        #expect(refused.status == 1 && refused.stderr.contains("--shared"), "\(refused.stderr)")
        #expect(try Self.lotse(["report", "--db", shared, "--shared"], umask: umask).status == 0)
    }

    @Test(arguments: ["000", "022"])
    func othersWritableIsRefusedAndOthersReadableWarned(umask: String) throws {
        let folder = try TemporaryFolder("lotse-shared")
        defer { folder.remove() }
        chmod(folder.path, 0o700)
        let path = folder.file("lotse.sqlite")
        #expect(try Self.lotse(["init", path], umask: umask).status == 0)
        chmod(path, 0o666)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let refused = try Self.lotse(["import", Self.sample(), "--db", path], umask: umask)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("für alle beschreibbar"), "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        chmod(path, 0o644)
        let warned = try Self.lotse(["report", "--db", path, "--today", "2026-11"], umask: umask)
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("Warnung: \(path) ist für andere lesbar"), "\(warned.stderr)")
        #expect(warned.stderr.components(separatedBy: "Warnung").count == 2, "warned once")
    }

    @Test func aMissingDatabaseOrAURLIsRefusedAndNothingIsCreated() throws {
        let folder = try TemporaryFolder("lotse-shared")
        defer { folder.remove() }
        let typo = folder.file("tippfehler/lotse.sqlite")
        for run in [try Self.lotse(["report", "--db", typo]),
                    try Self.lotse(["report"], environment: ["LOTSE_DB": typo])] {
            #expect(run.status == 1)
            #expect(run.stderr.contains("lotse init \(typo)"), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("tippfehler")))
        // A server's URL is no file: no file is made of it, and an unreachable server is named.
        let url = try Self.lotse(["export", "--db", "postgres://lotse@db.invalid/lotse"])
        #expect(url.status == 1 && url.stderr.contains("Keine Verbindung zur Datenbank postgres://lotse@db.invalid:5432/lotse"),
                "\(url.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aViewerWithoutWriteAccessReadsReportsAndExportsButCannotImport() throws {
        let folder = try TemporaryFolder("lotse-shared")
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        #expect(try Self.lotse(["init", path]).status == 0)
        let imported = try Self.lotse(["import", Self.sample(), "--db", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        // Read-only file in a read-only folder, both the viewer's own.
        chmod(path, 0o400)
        chmod(folder.path, 0o500)
        if geteuid() == 0 {
            chown(path, 65534, 65534)
            chown(folder.path, 65534, 65534)
        }
        defer { chmod(folder.path, 0o700); chown(folder.path, 0, 0) }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let report = try Self.lotse(["report", "--db", path, "--today", "2026-11"], viewer: true)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stderr.contains("nur zum Lesen geöffnet"), "\(report.stderr)")
        #expect(!report.stdout.isEmpty)
        let export = try Self.lotse(["export", "--db", path], viewer: true)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("\"projects\""))
        let refused = try Self.lotse(["import", Self.sample(), "--db", path], viewer: true)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("nur zum Lesen geöffnet; nichts wurde geändert"), "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }

    @Test func readOnlyOnRequestRefusesImportOnAWritableFile() throws {
        let folder = try TemporaryFolder("lotse-shared")
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        #expect(try Self.lotse(["init", path]).status == 0)
        let refused = try Self.lotse(["import", Self.sample(), "--db", path, "--read-only"])
        #expect(refused.status == 1 && refused.stderr.contains("nichts wurde geändert"), "\(refused.stderr)")
        let export = try Self.lotse(["export", "--db", path, "--read-only"])
        #expect(export.status == 0, "\(export.stderr)")
    }

    @Test func theAuthorRecordedIsTheAccountNotUSER() throws {
        let folder = try TemporaryFolder("lotse-shared")
        defer { folder.remove() }
        let path = folder.file("lotse.sqlite")
        #expect(try Self.lotse(["init", path]).status == 0)
        let run = try Self.lotse(["import", Self.sample(), "--db", path],
                                 environment: ["USER": "mallory", "LOGNAME": "mallory", "LOTSE_NAME": "Anna Schmidt"])
        #expect(run.status == 0, "\(run.stderr)")
        let account = String(cString: getpwuid(geteuid()).pointee.pw_name)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c",
                            "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT DISTINCT changed_by FROM project').fetchall())",
                            path]
        let out = Pipe()
        sqlite.standardOutput = out
        try sqlite.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        sqlite.waitUntilExit()
        #expect(text.contains("Anna Schmidt (\(account))"), "\(text)")
        #expect(!text.contains("mallory"))
    }
}
