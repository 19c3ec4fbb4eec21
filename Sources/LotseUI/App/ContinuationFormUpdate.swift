import Foundation
import LotseDomain
import TermCanvas

extension AppState {
    /// The continuation form, when open.
    public var continuationForm: ContinuationFormState? {
        get {
            for case .continuationForm(let f) in modals { return f }
            return nil
        }
        set {
            let i = modals.firstIndex { $0.kind == .continuationForm }
            switch (i, newValue) {
            case (let i?, let f?): modals[i] = .continuationForm(f)
            case (let i?, nil): modals.remove(at: i)
            case (nil, let f?): modals.append(.continuationForm(f))
            case (nil, nil): break
            }
        }
    }

    /// Opens the form: the own draft if there is one, else the current version (to revise
    /// it), else an empty form.
    mutating func openContinuationForm(_ load: ContinuationLoad) {
        if let p = load.project { projectIndex = PortfolioIndex(p) }
        guard let project = load.project?.projects.first(where: { $0.id == load.projectID }) else {
            notice = strings.projectGone(load.projectID)
            return
        }
        let t = strings.continuationForm
        let current = load.history.first?.version
        let start: ContinuationDraft
        if let draft = load.draft {
            start = draft
            notice = draft.baseRevision != current?.revision ? t.draftOutdated(current?.changedBy ?? "") : t.draftRestored
        } else if let latest = load.history.first {
            start = ContinuationDraft(latest)
            notice = nil
        } else {
            start = ContinuationDraft(projectID: project.id)
            notice = nil
        }
        var form = ContinuationFormState(draft: start, project: project, history: load.history)
        form.others = load.others
        if !load.others.isEmpty, notice == nil {
            notice = t.othersEditing(load.others.map(\.author.label).joined(separator: ", "))
        }
        continuationForm = form
    }

    /// A key of the form's bindings.
    mutating func continuationFormAction(_ action: ContinuationFormModal.Action) -> [Effect] {
        guard var f = continuationForm else { return [] }
        defer { continuationForm = f }
        let before = f.draft
        switch action {
        case .nextField:
            f.focus = min(f.fields.count - 1, f.focus + 1)
        case .previousField:
            f.focus = max(0, f.focus - 1)
        case .choose(let step):
            f.choose(step)
        case .submit:
            return submitContinuation(&f)
        case .discard:
            let id = f.draft.projectID
            return [.discardContinuationDraft(projectID: id), .openContinuationForm(projectID: id)]
        case .close, .help:
            return []
        }
        return continuationDraftChanged(&f, from: before)
    }

    /// A key typed into the focused text field.
    mutating func continuationFormTyped(_ key: Key) -> [Effect] {
        guard var f = continuationForm, !ContinuationFormState.isChoice(f.focusedField) else { return [] }
        defer { continuationForm = f }
        let before = f.draft
        var editor = f.focusedEditor
        guard editor.handle(key) != .ignored else { return [] }
        f.fieldEditor = editor
        f.setText(f.focusedField, editor.text)
        return continuationDraftChanged(&f, from: before)
    }

    private func continuationDraftChanged(_ f: inout ContinuationFormState, from before: ContinuationDraft) -> [Effect] {
        guard f.draft != before else { return [] }
        if f.triedSubmit { f.problems = continuationProblems(of: f) }
        return [.saveContinuationDraft(f.draft)]
    }

    private func validate(_ f: ContinuationFormState) -> Result<ContinuationReview, ContinuationProblems> {
        let formats = strings.formats
        return ContinuationValidator.validate(f.draft, project: f.project, today: now,
                                              parseDay: { DayText.parse($0) ?? formats.parseDate($0) })
    }

    private func continuationProblems(of f: ContinuationFormState) -> [ContinuationField: ContinuationFieldProblem] {
        switch validate(f) {
        case .success: [:]
        case .failure(let p): p.problems
        }
    }

    private mutating func submitContinuation(_ f: inout ContinuationFormState) -> [Effect] {
        f.triedSubmit = true
        switch validate(f) {
        case .failure(let p):
            f.problems = p.problems
            if let first = f.fields.firstIndex(where: { p.problems[$0] != nil }) { f.focus = first }
            notice = strings.continuationForm.problemsCount(p.problems.count)
            return []
        case .success(let review):
            f.problems = [:]
            f.submitting = true
            return [.submitContinuation(review, expecting: f.expecting)]
        }
    }

    /// The store took the review: the form closes and the screens show the decision.
    mutating func continuationSubmitted(projectID: String, decision: ContinuationDecision) {
        continuationForm = nil
        let t = strings.continuationForm
        notice = t.submitted(projectID, t.decision(decision))
    }

    /// Somebody else submitted first: nothing was saved, the draft stays.
    mutating func continuationConflict(_ conflict: ContinuationConflict) {
        continuationForm?.submitting = false
        let t = strings.continuationForm
        notice = conflict.current.map { t.conflict($0.changedBy, $0.revision) } ?? t.reviewRemoved
    }
}
