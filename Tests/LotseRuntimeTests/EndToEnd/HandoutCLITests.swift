import Foundation
import LotseDomain
import LotseStore
import Testing

/// `lotse assess export ID --format markdown|html [-o FILE]` through the real binary: the
/// handout with the comparison to the municipality's previous assessment, written as one
/// file; a request the command cannot serve writes nothing.
@Suite("Handout through the binary", .serialized)
struct HandoutCLITests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Date {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c.date(from: DateComponents(year: y, month: m, day: d, hour: 9))!
    }

    @Test func exportWritesTheHandoutWithTheComparison() throws {
        let binary = try LotseBinary.locate().get()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-handout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let db = home.appendingPathComponent("lotse.sqlite").path
        let q = try QuestionnaireFile.builtin()
        let store = try SQLiteStore(path: db)
        let first = q.statements[0].id
        func answers(_ v: Int) -> [String: Int?] { Dictionary(uniqueKeysWithValues: q.statements.map { ($0.id, Optional(v)) }) }
        var before = answers(2)
        before[first] = 1
        var now = answers(4)
        now[first] = 5
        try store.create(Assessment(id: "SE-A", municipalityID: "kleinstadt", questionnaire: q.versionTag, date: Self.day(2025, 3, 4),
                                    facilitator: "Berta", participants: ["Anna"], consensus: before, completed: true), by: "test")
        try store.create(Assessment(id: "SE-B", municipalityID: "kleinstadt", questionnaire: q.versionTag, date: Self.day(2026, 3, 4),
                                    facilitator: "Berta", participants: ["Anna"], consensus: now,
                                    notes: [first: "<script>x</script>"], completed: true), by: "test")

        let file = home.appendingPathComponent("handout.html")
        let run = try TOMLCorpusBinaryTests.run(binary, ["assess", "export", "SE-B", "--format", "html", "-o", file.path,
                                                         "--db", db, "--today", "2026-03"], home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Vergleich mit der Einschätzung vom 04.03.2025"))
        #expect(html.contains("<strong>\(first)</strong>: 1 → 5"))
        #expect(html.contains("&lt;script&gt;x&lt;/script&gt;") && !html.contains("<script"))
        let mode = (try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int) ?? 0
        let dbMode = (try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int) ?? -1
        #expect(mode == dbMode & 0o666, "the handout is as private as the database")

        let md = try TOMLCorpusBinaryTests.run(binary, ["assess", "export", "SE-B", "--db", db, "--today", "2026-03"], home: home)
        #expect(md.status == 0 && md.stdout.hasPrefix("# Handout zur Selbsteinschätzung"))

        // The minutes have no HTML form: refused, and the file written before stays as it was.
        let refused = try TOMLCorpusBinaryTests.run(binary, ["assess", "export", "SE-B", "--minutes", "--format", "html",
                                                             "-o", file.path, "--db", db], home: home)
        #expect(refused.status != 0 && refused.stderr.contains("Nichts wurde geschrieben"))
        #expect(try String(contentsOf: file, encoding: .utf8) == html)
        let missing = try TOMLCorpusBinaryTests.run(binary, ["assess", "export", "SE-X", "--db", db], home: home)
        #expect(missing.status != 0 && missing.stdout.isEmpty)
    }
}
