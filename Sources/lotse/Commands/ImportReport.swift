import LotseDomain
import LotseStore
import LotseUI

/// What `lotse import` prints about an import's outcome, from `ImportStrings`.
struct ImportReport {
    let texts: ImportStrings

    init(_ texts: ImportStrings) { self.texts = texts }

    func kindName(_ kind: ImportKind) -> String {
        switch kind {
        case .municipalities: texts.municipalities
        case .projects: texts.projects
        case .reports: texts.reports
        case .kpis: texts.kpis
        case .readings: texts.readings
        case .risks: texts.risks
        case .reviews: texts.reviews
        }
    }

    func singular(_ kind: ImportKind) -> String {
        switch kind {
        case .municipalities: texts.municipality
        case .projects: texts.project
        case .reports: texts.report
        case .kpis: texts.kpi
        case .readings: texts.reading
        case .risks: texts.risk
        case .reviews: texts.review
        }
    }

    /// The lines of the outcome: heading, counts per kind, conflicts (the first
    /// `ImportOutcome.listedConflicts` by name), drafts, backup.
    func lines(_ o: ImportOutcome, file: String, database: String, newDatabase: Bool, backedUp: Bool) -> [String] {
        var out: [String] = []
        switch o.mode {
        case .merge(let force):
            out.append(o.dryRun ? texts.dryRunMerge(file, database) : texts.merged(file, database))
            if newDatabase { out.append(texts.dryRunNewDatabase) }
            for kind in ImportKind.allCases {
                let c = o[kind]
                out.append(texts.counts(kindName(kind), c.added, c.changed, c.unchanged, c.kept))
            }
            if !o.changesSomething && o.conflictCount == 0 { out.append(texts.nothingToChange) }
            if o.conflictCount > 0 {
                out.append(force ? texts.conflictsForced(o.conflictCount, o.dryRun)
                                 : texts.conflictsKept(o.conflictCount, o.dryRun))
                for c in o.conflicts {
                    out.append(texts.conflict(c.projectID, c.month, c.storedSubmittedAt, c.storedAuthor, c.fileSubmittedAt))
                }
                if o.conflictCount > o.conflicts.count { out.append(texts.moreConflicts(o.conflictCount - o.conflicts.count)) }
                if !force { out.append(texts.forceHint(o.dryRun)) }
            }
        case .replace:
            out.append(o.dryRun ? texts.dryRunReplace(file, database, o.replacedProjects, o.replacedReports)
                                : texts.replaced(file, database, o.replacedProjects, o.replacedReports))
            if newDatabase { out.append(texts.dryRunNewDatabase) }
            for kind in ImportKind.allCases { out.append(texts.written(kindName(kind), o[kind].added)) }
            if let backup = o.backupPath {
                out.append(o.dryRun ? texts.backupWouldBeWritten(backup) : texts.backupWritten(backup))
            } else if !backedUp {
                out.append(texts.noBackupNewDatabase)
            }
        }
        if o.draftsBefore > 0 { out.append(texts.drafts(o.draftsKept, o.draftsBefore)) }
        return out
    }

    /// A value the database refused, in the user's language.
    func refusal(_ r: ImportRefusal) -> String {
        let reason: String
        switch r.rule {
        case .valueNotAllowed(let field): reason = texts.reasonValueNotAllowed(field)
        case .duplicate(let fields): reason = texts.reasonDuplicate(fields)
        case .missingReference: reason = texts.reasonMissingReference
        case .missingValue(let field): reason = texts.reasonMissingValue(field)
        case .other: reason = texts.reasonOther
        }
        return texts.refused(r.source, r.line, singular(r.kind), r.key, reason)
    }
}
