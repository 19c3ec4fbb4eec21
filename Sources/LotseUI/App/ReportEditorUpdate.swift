import Foundation
import LotseDomain
import TermCanvas

extension AppState {
    /// Opens the form: the saved draft if there is one, else the stored report of the
    /// month (to correct it), else an empty form.
    mutating func openReportEditor(projectID: String, month reportMonth: YearMonth, draft: ReportDraft?,
                                   version: ReportVersion?) {
        guard let index = projectIndex, index.portfolio.projects.contains(where: { $0.id == projectID }) else { return }
        let reports = index.reportsByProject[projectID] ?? []
        let stored = reports.last { $0.month == reportMonth }
        let previous = reports.last { $0.month < reportMonth }
        let kpis = (index.kpisByProject[projectID] ?? []).sorted { $0.id < $1.id }
        var start: ReportDraft
        var base = version
        if let draft {
            start = draft
            if draft.baseRevision != version?.revision {
                // The stored report changed after this draft began: submitting must not
                // overwrite it, so the editor keeps the draft's own starting point.
                base = draft.baseRevision.map {
                    ReportVersion(revision: $0, changedBy: version?.changedBy ?? "", changedAt: version?.changedAt ?? now)
                }
            }
        } else if let stored {
            let readings = kpis.compactMap { k in index.readingsByKPI[k.id]?.last { $0.month == reportMonth } }
            start = ReportDraft(report: stored, readings: readings)
        } else {
            start = ReportDraft(projectID: projectID, month: reportMonth)
        }
        if draft == nil { start.baseRevision = version?.revision }
        reportEditor = ReportEditorState(draft: start, baseVersion: base, kpis: kpis, previous: previous)
        if let draft, draft.baseRevision != version?.revision {
            notice = strings.report.draftOutdated(version?.changedBy ?? "")
        } else {
            notice = draft != nil ? strings.report.draftRestored : nil
        }
    }

    /// Other authors' drafts of the open report: the form says who is editing since when.
    mutating func showOtherDrafts(_ drafts: [AuthoredDraft]) {
        guard var e = reportEditor else { return }
        e.others = drafts
        reportEditor = e
        guard let first = drafts.first else { return }
        notice = access.othersEditing(drafts.map(\.author.label).joined(separator: ", "), moment(first.startedAt))
    }

    /// `30.11.2026 14:05 UTC`: a day with the time of day, for "editing since".
    func moment(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let minutes = ((seconds % 86_400) + 86_400) % 86_400 / 60
        let hh = minutes / 60, mm = minutes % 60
        return strings.formats.date(date) + " " + (hh < 10 ? "0" : "") + "\(hh):" + (mm < 10 ? "0" : "") + "\(mm) UTC"
    }

    /// F3: shows the next other author's draft, after the last one the own draft again.
    private mutating func toggleOtherDraft(_ e: inout ReportEditorState) {
        guard !e.others.isEmpty else { return }
        let next = e.viewing.map { $0 + 1 } ?? 0
        if e.viewing == nil { e.ownDraft = e.draft }
        if next < e.others.count {
            e.viewing = next
            e.draft = e.others[next].draft
            notice = access.viewingDraftOf(e.others[next].author.label)
        } else {
            e.viewing = nil
            if let own = e.ownDraft { e.draft = own }
            e.ownDraft = nil
            notice = access.viewingOwnDraft
        }
        e.fieldEditor = nil
        if e.triedSubmit { e.problems = problems(of: e) }
    }

    /// A key of the form's bindings.
    mutating func reportFormAction(_ action: ReportFormModal.Action) -> [Effect] {
        guard var e = reportEditor else { return [] }
        defer { reportEditor = e }
        let field = e.focusedField
        let before = e.draft
        if e.viewing != nil {
            // Another author's draft: it can be read, never changed or submitted.
            switch action {
            case .nextField, .previousField, .otherDraft, .close, .help: break
            default:
                notice = access.othersDraftReadOnly
                return []
            }
        }
        switch action {
        case .otherDraft:
            toggleOtherDraft(&e)
            return []
        case .nextField:
            e.focus = min(e.fields.count - 1, e.focus + 1)
        case .previousField:
            e.focus = max(0, e.focus - 1)
        case .submit:
            return submit(&e)
        case .discard:
            let id = e.draft.projectID, m = e.draft.month
            return [.discardDraft(projectID: id, month: m), .openReportEditor(projectID: id, month: m)]
        case .cycleLight(let step):
            let all = Light.allCases
            let i = e.light(field).flatMap { all.firstIndex(of: $0) } ?? (step > 0 ? -1 : all.count)
            e.setLight(field, all[(i + step + all.count) % all.count])
        case .light(let light):
            e.setLight(field, light)
            e.focus = min(e.fields.count - 1, e.focus + 1)
        case .clearLight:
            e.setLight(field, nil)
        case .close, .help:
            return []
        }
        return draftChanged(&e, from: before)
    }

    /// A key typed into the focused text field.
    mutating func reportFormTyped(_ key: Key) -> [Effect] {
        guard var e = reportEditor, !ReportEditorState.isLight(e.focusedField) else { return [] }
        if e.viewing != nil {
            notice = access.othersDraftReadOnly
            return []
        }
        defer { reportEditor = e }
        let before = e.draft
        var editor = e.focusedEditor
        guard editor.handle(key) != .ignored else { return [] }
        e.fieldEditor = editor
        e.setText(e.focusedField, editor.text)
        return draftChanged(&e, from: before)
    }

    /// Every change is saved as a draft at once; after a failed submit the problems follow
    /// the fixes.
    private func draftChanged(_ e: inout ReportEditorState, from before: ReportDraft) -> [Effect] {
        guard e.draft != before else { return [] }
        if e.triedSubmit { e.problems = problems(of: e) }
        return [.saveDraft(e.draft)]
    }

    private func problems(of e: ReportEditorState) -> [ReportField: ReportFieldProblem] {
        switch ReportValidator.validate(e.draft, kpis: e.kpis, previous: e.previous, author: user, at: now) {
        case .success: [:]
        case .failure(let p): p.problems
        }
    }

    private mutating func submit(_ e: inout ReportEditorState) -> [Effect] {
        e.triedSubmit = true
        switch ReportValidator.validate(e.draft, kpis: e.kpis, previous: e.previous, author: user, at: now) {
        case .failure(let p):
            e.problems = p.problems
            if let first = e.fields.firstIndex(where: { p.problems[$0] != nil }) { e.focus = first }
            notice = strings.report.problemsCount(p.problems.count)
            return []
        case .success(let submission):
            e.problems = [:]
            e.submitting = true
            return [.submitReport(submission.report, readings: submission.readings, expecting: e.baseVersion)]
        }
    }
}
