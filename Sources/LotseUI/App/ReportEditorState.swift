import Foundation
import LotseDomain
import TermCanvas

/// The status-report form of one project and month. Every change is saved as a draft at
/// once; submitting validates every field and names what is wrong next to it.
public struct ReportEditorState: Hashable, Sendable {
    public var draft: ReportDraft
    /// The stored report's version when the editor opened; the store refuses to
    /// overwrite a newer one.
    public var baseVersion: ReportVersion?
    public var kpis: [KPI]
    /// The newest report of an earlier month (progress check, hints).
    public var previous: StatusReport?
    public var focus = 0 {
        didSet { if focus != oldValue { fieldEditor = nil } }
    }
    /// The focused text field's line editor (its cursor); made when the field is first edited.
    public var fieldEditor: LineEditor?
    /// Problems from the last submit attempt, kept up to date while the user fixes them.
    public var problems: [ReportField: ReportFieldProblem] = [:]
    public var triedSubmit = false
    public var submitting = false
    /// Other authors' drafts of the same report (each person has their own).
    public var others: [AuthoredDraft] = []
    /// Which of `others` the form shows instead of the own draft (F3); nil: the own one.
    /// Another author's draft can be read, never changed.
    public var viewing: Int?
    /// The own draft, kept while another author's is shown.
    public var ownDraft: ReportDraft?

    public init(draft: ReportDraft, baseVersion: ReportVersion?, kpis: [KPI], previous: StatusReport?) {
        self.draft = draft
        self.baseVersion = baseVersion
        self.kpis = kpis
        self.previous = previous
    }

    /// The fields in form order.
    public var fields: [ReportField] {
        [.overall, .schedule, .cost, .results, .progress, .achieved, .nextSteps, .risksAndMeasures, .spent]
            + kpis.map { .reading($0.id) }
    }

    public var focusedField: ReportField { fields[max(0, min(fields.count - 1, focus))] }

    public static func isLight(_ f: ReportField) -> Bool {
        switch f {
        case .overall, .schedule, .cost, .results: true
        default: false
        }
    }

    public static func isLongText(_ f: ReportField) -> Bool {
        switch f {
        case .achieved, .nextSteps, .risksAndMeasures: true
        default: false
        }
    }

    public func light(_ f: ReportField) -> Light? {
        switch f {
        case .overall: draft.overall
        case .schedule: draft.schedule
        case .cost: draft.cost
        case .results: draft.results
        default: nil
        }
    }

    public mutating func setLight(_ f: ReportField, _ l: Light?) {
        switch f {
        case .overall: draft.overall = l
        case .schedule: draft.schedule = l
        case .cost: draft.cost = l
        case .results: draft.results = l
        default: break
        }
    }

    /// The line editor of the focused field: the kept one, or a new one with the cursor at
    /// the end of the field's text.
    public var focusedEditor: LineEditor {
        fieldEditor ?? LineEditor(text(focusedField), limit: ReportValidator.maxTextLength)
    }

    public func text(_ f: ReportField) -> String {
        switch f {
        case .progress: draft.progress
        case .achieved: draft.achieved
        case .nextSteps: draft.nextSteps
        case .risksAndMeasures: draft.risksAndMeasures
        case .spent: draft.spent
        case .reading(let id): draft.readings[id] ?? ""
        default: ""
        }
    }

    public mutating func setText(_ f: ReportField, _ t: String) {
        switch f {
        case .progress: draft.progress = t
        case .achieved: draft.achieved = t
        case .nextSteps: draft.nextSteps = t
        case .risksAndMeasures: draft.risksAndMeasures = t
        case .spent: draft.spent = t
        case .reading(let id): draft.readings[id] = t
        default: break
        }
    }
}
