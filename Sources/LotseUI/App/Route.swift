import LotseDomain
import TermCanvas

/// Where the user is: exactly one screen. The tab bar shows the route's tab; each tab
/// remembers its last route, so going back to a tab returns to where one left it.
public enum Route: Hashable, Sendable {
    case overview
    case portfolio
    /// One project in detail, opened from the portfolio.
    case project(id: String)
    case assessments
    /// The self-assessment being run (`AssessmentState.current`).
    case wizard
    /// The result of `AssessmentState.current`.
    case result
    case phaseModel

    /// The tab the route belongs to.
    public var tab: Screen {
        switch self {
        case .overview: .overview
        case .portfolio, .project: .portfolio
        case .assessments, .wizard, .result: .assessment
        case .phaseModel: .phaseModel
        }
    }

    /// Where a tab starts.
    static func home(of tab: Screen) -> Route {
        switch tab {
        case .overview: .overview
        case .portfolio: .portfolio
        case .assessment: .assessments
        case .phaseModel: .phaseModel
        }
    }
}

/// What lies over the route and takes the keys first; the last one is on top.
public enum Modal: Sendable {
    case help
    /// The portfolio's search line being typed.
    case search(LineEditor)
    /// The status-report form.
    case reportForm(ReportEditorState)
    /// The continuation form (Verstetigung) of a project.
    case continuationForm(ContinuationFormState)
    /// A new self-assessment's set-up dialog.
    case setup(SetupFormState)
    /// A wizard's entry line (answers, consensus, note).
    case entry(EntryState)
    /// A question that needs a yes or no before something happens.
    case confirm(Confirmation)
    /// Why a project's light is what it is (`w`).
    case explanation(projectID: String)
    /// Where the municipality stands on each tension field of the questionnaire.
    case stances(StanceFormState)
    /// The portfolio's filter dialog (`f`).
    case filters(FilterFormState)

    /// Which kind of modal, for the registry and tests.
    public var kind: ModalKind {
        switch self {
        case .help: .help
        case .search: .search
        case .reportForm: .reportForm
        case .continuationForm: .continuationForm
        case .setup: .setup
        case .entry: .entry
        case .confirm: .confirm
        case .explanation: .explanation
        case .stances: .stances
        case .filters: .filters
        }
    }
}

public enum ModalKind: Hashable, Sendable {
    case help, search, reportForm, setup, entry, confirm, stances
    case explanation
    case continuationForm
    case filters
}

/// The set-up dialog of a new self-assessment: municipality, date, facilitator, participants.
public struct SetupFormState: Hashable, Sendable {
    public var fields: [String]
    public var focus = 0
    public var editor: LineEditor

    public init(fields: [String]) {
        self.fields = fields
        editor = LineEditor(fields.first ?? "", limit: 500)
    }

    /// Moves to another field, keeping what was typed.
    mutating func focus(_ index: Int) {
        fields[focus] = editor.text
        focus = max(0, min(fields.count - 1, index))
        editor = LineEditor(fields[focus], limit: 500)
    }

    /// The fields with what is being typed.
    var values: [String] {
        var v = fields
        v[focus] = editor.text
        return v
    }
}

/// The wizard's entry line: what it collects and what is typed.
public struct EntryState: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Several participants' answers, e.g. "3 4 2 4"; "0" or "?" = weiß nicht.
        case responses
        /// The consensus value, pre-filled with the proposal.
        case consensus
        case note
    }

    public var kind: Kind
    public var editor: LineEditor

    public init(_ kind: Kind, text: String) {
        self.kind = kind
        editor = LineEditor(text, limit: 500)
    }
}

/// A yes-or-no question in a small dialog; `y`/`j` or Enter says yes, `n` or Esc no.
public struct Confirmation: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        /// Quit although the demo's changes will be gone.
        case quitDemo
        /// Finish the self-assessment being run.
        case finishAssessment
        /// Open the finished self-assessment with this id again (the reopening is recorded).
        case reopenAssessment(String)
    }

    public var question: String
    public var action: Action
}
