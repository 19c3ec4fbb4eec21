import Foundation
import LotseDomain
import LotsePostgres
import LotseStore
import Testing

/// The real `lotse` on a PostgreSQL server of the test run's throw-away cluster: moving a
/// portfolio there and back (`lotse migrate`, checked by comparing exports), the monthly
/// report byte-identical on both engines, and the server's URL handled as a user expects.
@Suite("PostgreSQL (binary)", .serialized)
struct PostgresBinaryTests {
    static func lotse(_ arguments: [String], environment: [String: String] = [:],
                      directory: String? = nil) throws -> SharedServerBinaryTests.Run {
        try SharedServerBinaryTests.lotse(arguments, environment: environment, directory: directory)
    }

    /// A database file with the sample municipality, a continuation review in two revisions
    /// and a self-assessment with answers: everything `migrate` must carry.
    static func sampleFile(in folder: TemporaryFolder) throws -> String {
        let path = folder.file("quelle.sqlite")
        let made = try lotse(["init", path])
        #expect(made.status == 0, "\(made.stderr)")
        let imported = try lotse(["import", SharedServerBinaryTests.sample(), "--db", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let store = try SQLiteStore(path: path)
        let project = try #require(store.loadPortfolio().projects.first).id
        var answers = ContinuationAnswers()
        answers.goal = "Sensoren an allen Brücken"
        var review = ContinuationReview(projectID: project, answers: answers, decision: .open, followUpAmount: nil,
                                        followUpSource: "", followUpFrom: nil, basicComponent: false, decidedBy: "",
                                        decidedOn: nil)
        try store.submitContinuation(review, expecting: nil, by: Author(account: "anna", name: "Anna Schmidt"))
        review.decision = .ownBudget
        review.followUpAmount = Money(euros: 80_000)
        review.followUpSource = "Haushalt"
        review.decidedBy = "Gemeinderat"
        review.decidedOn = DayText.parse("24.09.2026")
        try store.submitContinuation(review, expecting: 1, by: Author(account: "ben"))
        var assessment = Assessment(id: "SE-1", municipalityID: try #require(store.loadPortfolio().municipalities.first).id,
                                    questionnaire: "phasenmodell 1.1.0", date: Date(timeIntervalSince1970: 1_790_000_000),
                                    facilitator: "Moderation", participants: ["A", "B"])
        assessment.consensus = ["EXP-1": 3, "EXP-2": nil]
        assessment.responses = ["EXP-1": ["A": 3, "B": 4]]
        assessment.notes = ["EXP-1": "Pilot läuft"]
        try store.create(assessment, by: "moderation")
        // A report submitted twice (revision 2) and a personal draft of the next month.
        let report = try #require(store.loadPortfolio().reports.first { $0.projectID == project })
        try store.save(report: report, by: "ben")
        var draft = ReportDraft(projectID: project, month: report.month.next)
        draft.achieved = "Halb fertig"
        try store.saveDraft(draft, by: Author(account: "anna", name: "Anna Schmidt"))
        try store.close()
        return path
    }

    @Test func migrateThereAndBackAndTheReportIsTheSameByteForByte() throws {
        let folder = try TemporaryFolder("lotse-pg")
        defer { folder.remove() }
        chmod(folder.path, 0o700)
        let source = try Self.sampleFile(in: folder)
        let db = try ThrowawayCluster.freshDatabase()
        defer { db.drop() }
        let url = db.location.description

        let there = try Self.lotse(["migrate", "--from", source, "--to", url])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.contains("Fortführungsprüfungen") && there.stdout.contains("Byte für Byte gleich"), "\(there.stdout)")

        // The same data: the same export and the same monthly report, to the byte.
        let exportFile = try Self.lotse(["export", "--db", source])
        let exportServer = try Self.lotse(["export", "--db", url])
        #expect(exportServer.status == 0, "\(exportServer.stderr)")
        #expect(exportFile.stdout == exportServer.stdout && !exportFile.stdout.isEmpty)
        for month in ["2026-10", "2026-11"] {
            let onFile = try Self.lotse(["report", "--format", "json", "--month", month, "--today", "2026-12", "--db", source])
            let onServer = try Self.lotse(["report", "--format", "json", "--month", month, "--today", "2026-12", "--db", url])
            #expect(onServer.status == 0, "\(onServer.stderr)")
            #expect(onFile.stdout == onServer.stdout && onFile.stdout.contains("\"month\""))
        }
        let listFile = try Self.lotse(["list", "--format", "csv", "--today", "2026-11", "--db", source])
        let listServer = try Self.lotse(["list", "--format", "csv", "--today", "2026-11", "--db", url])
        #expect(listServer.status == 0 && listFile.stdout == listServer.stdout, "\(listServer.stderr)")

        // And back into a new file: the same again, row by row (revisions, drafts, who and when).
        let back = folder.file("zurueck.sqlite")
        let home = try Self.lotse(["migrate", "--from", url, "--to", back])
        #expect(home.status == 0, "\(home.stderr)")
        #expect(try Self.lotse(["export", "--db", back]).stdout == exportFile.stdout)
        let columns: [(name: String, kind: TableRows.Kind)] = [
            ("project_id", .text), ("month", .text), ("revision", .integer), ("changed_by", .text), ("changed_at", .text)]
        let drafts: [(name: String, kind: TableRows.Kind)] = [
            ("project_id", .text), ("month", .text), ("draft", .text), ("changed_by", .text), ("author_name", .text)]
        for (table, cells) in [("status_report", columns), ("report_draft", drafts)] {
            let before = try SQLiteStore(path: source).rows(of: table, columns: cells).rows
            let after = try SQLiteStore(path: back).rows(of: table, columns: cells).rows
            #expect(Set(before.map { $0.map { $0 ?? "" } }) == Set(after.map { $0.map { $0 ?? "" } }), "\(table)")
            #expect(!before.isEmpty)
        }
        #expect(try SQLiteStore(path: back).rows(of: "status_report", columns: columns).rows.contains { $0[2] == "2" })

        // A target that holds data is refused and left as it was.
        let again = try Self.lotse(["migrate", "--from", source, "--to", url])
        #expect(again.status == 1 && again.stderr.contains("enthält schon Daten"), "\(again.stderr)")
        #expect(try Self.lotse(["export", "--db", url]).stdout == exportFile.stdout)
    }

    @Test func aURLIsNeverAFileAndNeverShowsItsPassword() throws {
        let bad = try Self.lotse(["report", "--db", "postgres://anna:geheim@127.0.0.1:99999/lotse"])
        #expect(bad.status == 1 && bad.stderr.contains("„99999“ ist kein Port"), "\(bad.stderr)")
        #expect(!bad.stderr.contains("geheim") && bad.stderr.contains("anna:***@"))

        let cluster = try ThrowawayCluster.shared()
        let missing = "postgres://\(cluster.superuser):geheim@127.0.0.1:\(cluster.port)/gibt_es_nicht"
        let refused = try Self.lotse(["report"], environment: ["LOTSE_DB": missing])
        #expect(refused.status == 1 && refused.stderr.contains("Keine Verbindung zur Datenbank"), "\(refused.stderr)")
        #expect(refused.stderr.contains("gibt_es_nicht") && !refused.stderr.contains("geheim"))
        #expect(!FileManager.default.fileExists(atPath: "postgres:"), "no file was made of the URL")
    }

    @Test func importingIntoAServerDoesWhatItDoesInAFile() throws {
        let folder = try TemporaryFolder("lotse-pg-import")
        defer { folder.remove() }
        chmod(folder.path, 0o700)
        let db = try ThrowawayCluster.freshDatabase()
        defer { db.drop() }
        let url = db.location.description, file = folder.file("datei.sqlite")
        let sample = try SharedServerBinaryTests.sample()
        #expect(try Self.lotse(["init", file]).status == 0)
        for target in [file, url] {
            let merged = try Self.lotse(["import", sample, "--db", target])
            #expect(merged.status == 0 && merged.stdout.contains("zusammengeführt"), "\(merged.stderr)")
        }
        func exports() throws -> (String, String) {
            (try Self.lotse(["export", "--db", file]).stdout, try Self.lotse(["export", "--db", url]).stdout)
        }
        var (onFile, onServer) = try exports()
        #expect(onFile == onServer && onFile.contains("\"projects\""))

        // A project renamed in a spreadsheet, imported into both.
        let listed = try Self.lotse(["list", "--format", "csv", "--db", url])
        let lines = listed.stdout.split(whereSeparator: \.isNewline)
        try #require(lines.count > 2 && lines[1].contains(";"), "\(listed.stdout) \(listed.stderr)")
        var cells = lines[1].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        cells[1] += " (umbenannt)"
        let sheet = folder.file("liste.csv")
        try ([String(lines[0]), cells.joined(separator: ";")] + lines.dropFirst(2).map(String.init))
            .joined(separator: "\r\n").write(toFile: sheet, atomically: true, encoding: .utf8)
        for target in [file, url] {
            let imported = try Self.lotse(["import", sheet, "--db", target])
            #expect(imported.status == 0 && imported.stdout.contains("1 geändert"), "\(imported.stdout) \(imported.stderr)")
        }
        (onFile, onServer) = try exports()
        #expect(onFile == onServer && onFile.contains("(umbenannt)"))

        // Replacing keeps the server's portfolio as JSON in the current folder first.
        let replaced = try Self.lotse(["import", sample, "--replace", "--db", url], directory: folder.path)
        #expect(replaced.status == 0 && replaced.stdout.contains("Sicherung der bisherigen Datenbank"), "\(replaced.stderr)")
        let backups = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(backups.count == 1)
        #expect(try backups.first.map { try String(contentsOfFile: folder.file($0), encoding: .utf8) } == onServer)
        #expect(try Self.lotse(["export", "--db", url]).stdout.contains("(umbenannt)") == false)
    }
}
