import Foundation
import Testing

/// The hostile portfolio files of `Tests/Corpus/*.json`, each imported by the real `lotse`
/// into a database holding the sample town: every one is refused (non-zero exit), the
/// German message names what its `.expect` file lists (fragments, one a line, usually the
/// place `file:line:` and the sentence), and the database's content stays as it was.
/// Whether `import` merges or replaces by default does not matter: the checks refuse every
/// file before any mode does something.
@Suite struct CorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Corpus").standardizedFileURL
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../sample-data/musterstadt.json").standardizedFileURL

    /// The portfolio files of the corpus (other files there belong to other tests).
    static func files() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The fragments a file's message must contain.
    static func expectations(for file: URL) throws -> [String] {
        let text = try String(contentsOf: file.deletingPathExtension().appendingPathExtension("expect"), encoding: .utf8)
        return text.components(separatedBy: "\n").filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    /// Runs `lotse` with `arguments` in a clean environment (no LOTSE_DB, a home of its own).
    static func lotse(_ arguments: [String], home: String) throws -> Run {
        let binary = try LotseBinary.locate().get()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LOTSE_DB"] = nil
        environment["HOME"] = home
        environment["XDG_DATA_HOME"] = home + "/data"
        environment["XDG_CONFIG_HOME"] = home + "/config"
        environment["USER"] = "korpus"
        process.environment = environment
        // stderr goes to a file, so that only one pipe needs reading while the process runs.
        let errPath = home + "/stderr-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer { try? err.close() }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
        return Run(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func theCorpusHoldsFortyFilesOrMoreEachWithItsExpectation() throws {
        let files = try Self.files()
        #expect(files.count >= 40)
        for file in files {
            let fragments = try Self.expectations(for: file)
            #expect(!fragments.isEmpty, "\(file.lastPathComponent) has no expectation")
        }
    }

    @Test func everyCorpusFileIsRefusedWithItsMessageAndChangesNothing() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-corpus-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let db = home + "/x.sqlite"
        // `init` creates the database where an explicit --db must exist; older builds create it on import.
        _ = try Self.lotse(["init", db], home: home)
        let filled = try Self.lotse(["import", "--db", db, Self.sample.path, "--lang", "de"], home: home)
        try #require(filled.status == 0, "the sample was not imported: \(filled.stderr)")
        let before = try Self.lotse(["export", "--db", db], home: home)
        try #require(before.status == 0 && before.stdout.count > 10_000, "\(before.stderr)")

        let files = try Self.files()
        #expect(files.count >= 40)
        for file in files {
            let name = file.lastPathComponent
            let run = try Self.lotse(["import", "--db", db, file.path, "--lang", "de"], home: home)
            #expect(run.status != 0, "\(name) was accepted")
            #expect(run.status < 128, "\(name) ended by a signal (\(run.status))")
            #expect(run.stderr.hasPrefix("Fehler: "), "\(name): \(run.stderr)")
            for fragment in try Self.expectations(for: file) {
                #expect(run.stderr.contains(fragment), "\(name): expected «\(fragment)» in\n\(run.stderr)")
            }
            let after = try Self.lotse(["export", "--db", db], home: home)
            #expect(after.status == 0)
            #expect(after.stdout == before.stdout, "\(name) changed the database")
        }
    }
}
