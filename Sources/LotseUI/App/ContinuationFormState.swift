import Foundation
import LotseDomain
import TermCanvas

/// What the store holds for the continuation form of one project, as the runtime hands it
/// over: the history, the own draft, the others' drafts and the project itself.
public struct ContinuationLoad: Hashable, Sendable {
    public var projectID: String
    /// Every submitted version, the newest (current) first.
    public var history: [SubmittedContinuation]
    /// This account's draft, if it saved one.
    public var draft: ContinuationDraft?
    /// Other authors' drafts (they can be named, never changed).
    public var others: [AuthoredContinuationDraft]
    /// The project with its history; nil when it no longer exists.
    public var project: Portfolio?

    public init(projectID: String, history: [SubmittedContinuation], draft: ContinuationDraft?,
                others: [AuthoredContinuationDraft], project: Portfolio?) {
        self.projectID = projectID
        self.history = history
        self.draft = draft
        self.others = others
        self.project = project
    }
}

/// The continuation form (Verstetigung) of one project. Every change is saved as a draft at
/// once; submitting validates every field, names what is wrong next to it, and is refused
/// when somebody else submitted a version after the form's starting point.
public struct ContinuationFormState: Hashable, Sendable {
    public var draft: ContinuationDraft
    public var project: Project
    /// Every submitted version, the newest first.
    public var history: [SubmittedContinuation]
    public var others: [AuthoredContinuationDraft] = []
    public var focus = 0 {
        didSet { if focus != oldValue { fieldEditor = nil } }
    }
    /// The focused text field's line editor (its cursor); made when the field is first edited.
    public var fieldEditor: LineEditor?
    /// Problems from the last submit attempt, kept up to date while the user fixes them.
    public var problems: [ContinuationField: ContinuationFieldProblem] = [:]
    public var triedSubmit = false
    public var submitting = false

    public init(draft: ContinuationDraft, project: Project, history: [SubmittedContinuation]) {
        self.draft = draft
        self.project = project
        self.history = history
    }

    public var fields: [ContinuationField] { ContinuationField.all }

    public var focusedField: ContinuationField { fields[max(0, min(fields.count - 1, focus))] }

    /// The revision a submit expects to replace: the one the draft started from.
    public var expecting: Int? { draft.baseRevision }

    /// Fields chosen with ← → rather than typed.
    public static func isChoice(_ f: ContinuationField) -> Bool {
        f == .decision || f == .basicComponent
    }

    public static func isLongText(_ f: ContinuationField) -> Bool {
        if case .question = f { return true }
        return false
    }

    public static func limit(_ f: ContinuationField) -> Int {
        isLongText(f) ? ContinuationValidator.maxTextLength : ContinuationValidator.maxNameLength
    }

    public var focusedEditor: LineEditor {
        fieldEditor ?? LineEditor(text(focusedField), limit: Self.limit(focusedField))
    }

    public func text(_ f: ContinuationField) -> String {
        switch f {
        case .question(let q): draft.answers[q]
        case .followUpAmount: draft.followUpAmount
        case .followUpSource: draft.followUpSource
        case .followUpFrom: draft.followUpFrom
        case .decidedBy: draft.decidedBy
        case .decidedOn: draft.decidedOn
        case .decision, .basicComponent: ""
        }
    }

    public mutating func setText(_ f: ContinuationField, _ t: String) {
        switch f {
        case .question(let q): draft.answers[q] = t
        case .followUpAmount: draft.followUpAmount = t
        case .followUpSource: draft.followUpSource = t
        case .followUpFrom: draft.followUpFrom = t
        case .decidedBy: draft.decidedBy = t
        case .decidedOn: draft.decidedOn = t
        case .decision, .basicComponent: break
        }
    }

    /// ← → on a choice: the next or previous decision, or basic component yes/no.
    public mutating func choose(_ step: Int) {
        switch focusedField {
        case .decision:
            let all = ContinuationDecision.allCases
            let i = all.firstIndex(of: draft.decision) ?? 0
            draft.decision = all[(i + step % all.count + all.count) % all.count]
        case .basicComponent:
            draft.basicComponent.toggle()
        default:
            break
        }
    }
}
