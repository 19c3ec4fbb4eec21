import Foundation
import LotseDomain

/// Every text `lotse import` prints about what it did: the counts per kind, conflicts,
/// the backup of `--replace`, and a value the database refused. German first; both
/// tables list every value, so the compiler holds each language complete.
public struct ImportStrings: Sendable {
    public var language: Language

    // MARK: Kinds, plural (count lines) and singular (a refused value)

    public var municipalities: String
    public var projects: String
    public var reports: String
    public var kpis: String
    public var readings: String
    public var risks: String
    /// Submitted continuation reviews (each revision counts).
    public var reviews: String
    public var municipality: String
    public var project: String
    public var report: String
    public var kpi: String
    public var reading: String
    public var risk: String
    public var review: String

    // MARK: Headings

    /// Merge done: `file`, `database`.
    public var merged: @Sendable (_ file: String, _ database: String) -> String
    public var dryRunMerge: @Sendable (_ file: String, _ database: String) -> String
    /// Replace done: the database held `projects` and `reports` before.
    public var replaced: @Sendable (_ file: String, _ database: String, _ projects: Int, _ reports: Int) -> String
    public var dryRunReplace: @Sendable (_ file: String, _ database: String, _ projects: Int, _ reports: Int) -> String
    /// Dry run against a database that does not exist yet.
    public var dryRunNewDatabase: String

    // MARK: Counts

    /// One line per kind: `Berichte: 3 neu, 2 geändert, 715 unverändert, 1 behalten`.
    public var counts: @Sendable (_ kind: String, _ added: Int, _ changed: Int, _ unchanged: Int, _ kept: Int) -> String
    /// `.replace`: one line per kind with the number written.
    public var written: @Sendable (_ kind: String, _ count: Int) -> String
    public var nothingToChange: String
    /// Open drafts before and after.
    public var drafts: @Sendable (_ kept: Int, _ before: Int) -> String

    // MARK: Conflicts

    /// Heading of the list: `count` reports newer in the database, kept (or overwritten with
    /// `--force`); `dryRun` speaks of what would happen.
    public var conflictsKept: @Sendable (_ count: Int, _ dryRun: Bool) -> String
    public var conflictsForced: @Sendable (_ count: Int, _ dryRun: Bool) -> String
    public var conflict: @Sendable (_ project: String, _ month: YearMonth, _ storedAt: Date, _ author: String,
                                    _ fileAt: Date) -> String
    public var moreConflicts: @Sendable (_ count: Int) -> String
    /// After the kept conflicts: how to take the file's versions, and the exit code.
    public var forceHint: @Sendable (_ dryRun: Bool) -> String

    // MARK: Backup

    public var backupWritten: @Sendable (_ path: String) -> String
    public var backupWouldBeWritten: @Sendable (_ path: String) -> String
    public var noBackupNewDatabase: String
    public var backupFailed: @Sendable (_ path: String, _ reason: String) -> String
    public var forceNeedsMerge: String

    // MARK: A value the database refused

    /// `file`, `line`: the `kind` (singular) `key` was not imported: `reason`.
    public var refused: @Sendable (_ file: String, _ line: Int, _ kind: String, _ key: String, _ reason: String) -> String
    public var reasonValueNotAllowed: @Sendable (_ field: String?) -> String
    public var reasonDuplicate: @Sendable (_ fields: [String]) -> String
    public var reasonMissingReference: String
    public var reasonMissingValue: @Sendable (_ field: String?) -> String
    public var reasonOther: String

    public static func forLanguage(_ l: Language) -> ImportStrings {
        switch l {
        case .german: .german
        case .english: .english
        }
    }

    public static let german: ImportStrings = {
        let f = Formats(.german)
        return ImportStrings(
            language: .german,
            municipalities: "Kommunen", projects: "Projekte", reports: "Berichte", kpis: "Kennzahlen",
            readings: "Messwerte", risks: "Risiken", reviews: "Verstetigungsprüfungen (Revisionen)",
            municipality: "Kommune", project: "Projekt", report: "Bericht", kpi: "Kennzahl",
            reading: "Messwert", risk: "Risiko", review: "Verstetigungsprüfung",
            merged: { "\($0) mit \($1) zusammengeführt:" },
            dryRunMerge: { "Probelauf, nichts wurde geändert. So würde \($0) mit \($1) zusammengeführt:" },
            replaced: { "Inhalt von \($1) durch \($0) ersetzt (vorher \(f.integer($2)) Projekte, \(f.integer($3)) Berichte):" },
            dryRunReplace: {
                "Probelauf, nichts wurde geändert. Der Inhalt von \($1) (\(f.integer($2)) Projekte, "
                    + "\(f.integer($3)) Berichte) würde durch \($0) ersetzt:"
            },
            dryRunNewDatabase: "Die Datenbank gibt es noch nicht; geprüft wurde gegen eine leere, angelegt wurde nichts.",
            counts: { kind, added, changed, unchanged, kept in
                let parts = [(added, "neu"), (changed, "geändert"), (unchanged, "unverändert"),
                             (kept, "behalten (in der Datenbank neuer)")]
                    .filter { $0.0 > 0 }.map { "\(f.integer($0.0)) \($0.1)" }
                return "  \(kind): " + (parts.isEmpty ? "keine" : parts.joined(separator: ", "))
            },
            written: { "  \($0): \(f.integer($1))" },
            nothingToChange: "Die Datenbank enthält schon alles aus der Datei; es gibt nichts zu ändern.",
            drafts: { "Offene Entwürfe: \(f.integer($0)) von \(f.integer($1)) erhalten." },
            conflictsKept: { count, dryRun in
                (count == 1 ? "1 Bericht ist" : "\(f.integer(count)) Berichte sind")
                    + " in der Datenbank neuer als in der Datei und " + (count == 1 ? (dryRun ? "würde" : "wurde") : (dryRun ? "würden" : "wurden"))
                    + " nicht überschrieben:"
            },
            conflictsForced: { count, dryRun in
                (count == 1 ? "1 Bericht ist" : "\(f.integer(count)) Berichte sind")
                    + " in der Datenbank neuer als in der Datei und " + (count == 1 ? (dryRun ? "würde" : "wurde") : (dryRun ? "würden" : "wurden"))
                    + " mit --force durch die Fassung der Datei ersetzt:"
            },
            conflict: { project, month, storedAt, author, fileAt in
                let (stored, file) = dayOrTime(f, storedAt, fileAt)
                return "  \(project) \(f.month(month)): in der Datenbank neuer: eingereicht \(stored) von \(author)"
                    + " (in der Datei: \(file))"
            },
            moreConflicts: { "  und \(f.integer($0)) weitere" },
            forceHint: { dryRun in
                (dryRun ? "Alles andere würde übernommen. " : "Alles andere wurde übernommen. ")
                    + "Mit --force ersetzt der Import auch die neueren Berichte "
                    + "(Exit-Code 3: nicht alles aus der Datei " + (dryRun ? "würde" : "wurde") + " übernommen)."
            },
            backupWritten: { "Sicherung der bisherigen Datenbank: \($0)" },
            backupWouldBeWritten: { "Vorher würde die Datenbank gesichert nach \($0)." },
            noBackupNewDatabase: "Keine Sicherung: die Datenbank war neu und leer.",
            backupFailed: {
                "Die Sicherung \($0) kann nicht geschrieben werden (\($1)); nichts wurde geändert. "
                    + "Ohne --replace führt der Import zusammen und löscht nichts."
            },
            forceNeedsMerge: "--force gilt nur beim Zusammenführen; --replace ersetzt ohnehin alles.",
            refused: { file, line, kind, key, reason in
                "\(file), Zeile \(line): \(kind) \(key) wurde nicht importiert: \(reason). Nichts wurde geändert."
            },
            reasonValueNotAllowed: { field in
                field.map { "der Wert von „\($0)“ ist nicht erlaubt" } ?? "ein Wert ist nicht erlaubt"
            },
            reasonDuplicate: { "es gibt ihn doppelt (\($0.joined(separator: ", ")))" },
            reasonMissingReference: "er verweist auf ein Projekt, eine Kommune oder Kennzahl, die es nicht gibt",
            reasonMissingValue: { field in field.map { "„\($0)“ fehlt" } ?? "ein Wert fehlt" },
            reasonOther: "die Datenbank hat ihn abgelehnt")
    }()

    public static let english: ImportStrings = {
        let f = Formats(.english)
        return ImportStrings(
            language: .english,
            municipalities: "Municipalities", projects: "Projects", reports: "Reports", kpis: "KPIs",
            readings: "Readings", risks: "Risks", reviews: "Continuation reviews (revisions)",
            municipality: "Municipality", project: "Project", report: "Report", kpi: "KPI",
            reading: "Reading", risk: "Risk", review: "Continuation review",
            merged: { "Merged \($0) into \($1):" },
            dryRunMerge: { "Dry run, nothing was changed. Merging \($0) into \($1) would give:" },
            replaced: { "Replaced the content of \($1) (before: \(f.integer($2)) projects, \(f.integer($3)) reports) by \($0):" },
            dryRunReplace: {
                "Dry run, nothing was changed. The content of \($1) (\(f.integer($2)) projects, "
                    + "\(f.integer($3)) reports) would be replaced by \($0):"
            },
            dryRunNewDatabase: "The database does not exist yet; checked against an empty one, nothing was created.",
            counts: { kind, added, changed, unchanged, kept in
                let parts = [(added, "new"), (changed, "changed"), (unchanged, "unchanged"),
                             (kept, "kept (newer in the database)")]
                    .filter { $0.0 > 0 }.map { "\(f.integer($0.0)) \($0.1)" }
                return "  \(kind): " + (parts.isEmpty ? "none" : parts.joined(separator: ", "))
            },
            written: { "  \($0): \(f.integer($1))" },
            nothingToChange: "The database already holds everything in the file; nothing to change.",
            drafts: { "Open drafts: \(f.integer($0)) of \(f.integer($1)) kept." },
            conflictsKept: { count, dryRun in
                (count == 1 ? "1 report is" : "\(f.integer(count)) reports are")
                    + " newer in the database than in the file and " + (dryRun ? "would not be" : (count == 1 ? "was not" : "were not"))
                    + " overwritten:"
            },
            conflictsForced: { count, dryRun in
                (count == 1 ? "1 report is" : "\(f.integer(count)) reports are")
                    + " newer in the database than in the file and " + (dryRun ? "would be" : (count == 1 ? "was" : "were"))
                    + " replaced by the file's version (--force):"
            },
            conflict: { project, month, storedAt, author, fileAt in
                let (stored, file) = dayOrTime(f, storedAt, fileAt)
                return "  \(project) \(f.month(month)): newer in the database: submitted \(stored) by \(author)"
                    + " (in the file: \(file))"
            },
            moreConflicts: { "  and \(f.integer($0)) more" },
            forceHint: { dryRun in
                (dryRun ? "Everything else would be taken over. " : "Everything else was taken over. ")
                    + "With --force the import replaces the newer reports too "
                    + "(exit code 3: not everything in the file " + (dryRun ? "would be" : "was") + " taken over)."
            },
            backupWritten: { "Backup of the previous database: \($0)" },
            backupWouldBeWritten: { "The database would first be backed up to \($0)." },
            noBackupNewDatabase: "No backup: the database was new and empty.",
            backupFailed: {
                "The backup \($0) cannot be written (\($1)); nothing was changed. "
                    + "Without --replace the import merges and deletes nothing."
            },
            forceNeedsMerge: "--force applies to merging only; --replace replaces everything anyway.",
            refused: { file, line, kind, key, reason in
                "\(file), line \(line): \(kind) \(key) was not imported: \(reason). Nothing was changed."
            },
            reasonValueNotAllowed: { field in
                field.map { "the value of '\($0)' is not allowed" } ?? "a value is not allowed"
            },
            reasonDuplicate: { "it is there twice (\($0.joined(separator: ", ")))" },
            reasonMissingReference: "it refers to a project, municipality or KPI that does not exist",
            reasonMissingValue: { field in field.map { "'\($0)' is missing" } ?? "a value is missing" },
            reasonOther: "the database refused it")
    }()
}

/// The days of two times, with the time of day (UTC) when the days are the same.
private func dayOrTime(_ f: Formats, _ a: Date, _ b: Date) -> (String, String) {
    guard f.date(a) == f.date(b) else { return (f.date(a), f.date(b)) }
    func time(_ d: Date) -> String {
        let seconds = Int((d.timeIntervalSince1970.rounded(.down)).truncatingRemainder(dividingBy: 86_400) + 86_400) % 86_400
        return f.date(d) + String(format: " %02d:%02d:%02d UTC", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }
    return (time(a), time(b))
}
