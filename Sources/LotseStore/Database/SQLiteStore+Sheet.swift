import Foundation
import GRDB
import LotseDomain

/// What applying a sheet did (or, for a dry run, would do).
public struct SheetOutcome: Sendable, Equatable {
    /// Ids of the projects added and changed, in the sheet's order.
    public var added: [String] = []
    public var changed: [String] = []
    /// Lines whose values the database already holds.
    public var unchanged = 0
}

/// `lotse import FILE.csv`: projects from a spreadsheet, merged by id.
extension SQLiteStore {
    /// Adds the sheet's new projects and changes the columns the sheet gives of those that
    /// exist, in one transaction; a project the sheet lacks stays as it is, and so do its
    /// reports. With `dryRun` everything runs and is rolled back. Throws
    /// `PortfolioSheet.Refusal` (nothing changed) when a line names a municipality that is not
    /// in the database, or a new project lacks a column it needs.
    public func apply(_ sheet: PortfolioSheet, by user: String, dryRun: Bool = false) throws -> SheetOutcome {
        let audit = Audit(user: user, at: now())
        return try perform {
            try writer.writeWithoutTransaction { db in
                var outcome = SheetOutcome()
                try db.inTransaction(.immediate) {
                    outcome = try Self.apply(sheet, audit: audit, db)
                    return dryRun ? .rollback : .commit
                }
                return outcome
            }
        }
    }

    private static func apply(_ sheet: PortfolioSheet, audit: Audit, _ db: Database) throws -> SheetOutcome {
        let municipalities = try MunicipalityRecord.valueLayout.fetchAll(db, orderedBy: ["id"], MunicipalityRecord.value)
        let byID = Set(municipalities.map(\.id))
        var byName: [String: [String]] = [:]
        for m in municipalities { byName[SearchText.fold(m.name), default: []].append(m.id) }

        var problems = PortfolioSheet.Problems()
        var outcome = SheetOutcome()
        var writes: [(Project, isNew: Bool)] = []
        for row in sheet.rows {
            var municipalityID: String?
            if let written = row.municipality {
                if byID.contains(written) {
                    municipalityID = written
                } else if let ids = byName[SearchText.fold(written)] {
                    if ids.count == 1 {
                        municipalityID = ids[0]
                    } else {
                        problems.add(.init(line: row.line, column: row.columns[.municipality], projectID: row.id,
                                           kind: .ambiguousMunicipality(found: written, ids: ids)))
                        continue
                    }
                } else {
                    problems.add(.init(line: row.line, column: row.columns[.municipality], projectID: row.id,
                                       kind: .unknownMunicipality(found: written)))
                    continue
                }
            }
            let existing = try SQL.fetch(db, ProjectRecord.valueLayout.select(where: "id = ?"), [row.id],
                                         layout: ProjectRecord.valueLayout, ProjectRecord.value).first
            let project: Project
            if let existing {
                project = row.applied(to: existing, municipalityID: municipalityID)
                if project == existing {
                    outcome.unchanged += 1
                    continue
                }
            } else {
                switch row.newProject(municipalityID: municipalityID) {
                case .success(let new): project = new
                case .failure(let missing):
                    problems.add(.init(line: row.line, column: nil, projectID: row.id,
                                       kind: .missingForNewProject(missing.columns)))
                    continue
                }
            }
            // What the sheet left alone may now contradict what it gave.
            if let end = project.fundingEnd, end < project.start {
                problems.add(.init(line: row.line, column: row.columns[.fundingEnd] ?? row.columns[.start],
                                   projectID: row.id, kind: .fundingEndBeforeStart(start: project.start, end: end)))
                continue
            }
            writes.append((project, existing == nil))
            if existing == nil { outcome.added.append(row.id) } else { outcome.changed.append(row.id) }
        }
        if !problems.isEmpty { throw problems.refusal }
        for (project, isNew) in writes {
            let record = ProjectRecord(value: project, audit: audit)
            if isNew { try record.insert(db) } else { try record.update(db) }
        }
        if !writes.isEmpty { try DerivedData.rebuildAll(db) }
        return outcome
    }
}
