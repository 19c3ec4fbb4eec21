import TermCanvas

/// A key of a screen: what it does there, and how the help overlay and the footer name it.
/// A screen's bindings are the only place its keys are written down, so the keys, the help
/// and the footer cannot disagree.
public struct KeyBinding<Action: Sendable>: Sendable {
    public var keys: [Key]
    /// How the keys are written in the help and the footer ("↑ k").
    public var label: String
    public var action: Action
    /// The help overlay's line.
    public var describe: @Sendable (Strings) -> String
    /// The footer's short word; nil keeps the key out of the footer.
    public var footer: (@Sendable (Strings) -> String)?
    /// False for keys another binding already names in the help (each digit of "1…5").
    public var listed: Bool

    public init(_ keys: [Key], _ label: String, _ action: Action, describe: @escaping @Sendable (Strings) -> String,
                footer: (@Sendable (Strings) -> String)? = nil, listed: Bool = true) {
        self.keys = keys
        self.label = label
        self.action = action
        self.describe = describe
        self.footer = footer
        self.listed = listed
    }
}

/// One screen (or one modal over a screen) of the dashboard: its keys, what they do, and
/// how it looks. Its state lives in `AppState`; `reduce` changes it and returns the effects
/// for the runtime; `render` draws it. Neither does I/O.
protocol ScreenModule {
    associatedtype Action: Sendable
    /// The keys in force, most specific first.
    static func bindings(_ app: AppState) -> [KeyBinding<Action>]
    static func reduce(_ action: Action, into app: inout AppState) -> [Effect]
    /// A key no binding names (text typed into a field); nothing by default.
    static func unbound(_ key: Key, into app: inout AppState) -> [Effect]
    /// Draws the screen; a modal draws over the screen below it.
    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer)
    /// The title of the help overlay while the screen is on top.
    static func helpTitle(_ app: AppState) -> String
}

extension ScreenModule {
    static func unbound(_ key: Key, into app: inout AppState) -> [Effect] { [] }
    static func helpTitle(_ app: AppState) -> String { app.route.tab.title(app.strings) }
}

/// A binding whose action is bound to its module: what the dispatcher, the help and the
/// footer work with.
struct BoundKey: Sendable {
    var keys: [Key]
    var label: String
    var describe: @Sendable (Strings) -> String
    var footer: (@Sendable (Strings) -> String)?
    var listed: Bool
    var run: @Sendable (inout AppState) -> [Effect]
}

/// A module with its type erased, so routes and modals can name theirs in one table.
struct AnyScreen: Sendable {
    let bindings: @Sendable (AppState) -> [BoundKey]
    let unbound: @Sendable (Key, inout AppState) -> [Effect]
    let render: @Sendable (AppState, ScreenLayout, inout Buffer) -> Void
    let helpTitle: @Sendable (AppState) -> String

    init<M: ScreenModule>(_ module: M.Type) {
        bindings = { app in
            M.bindings(app).map { b in
                let action = b.action
                return BoundKey(keys: b.keys, label: b.label, describe: b.describe, footer: b.footer, listed: b.listed,
                                run: { M.reduce(action, into: &$0) })
            }
        }
        unbound = { M.unbound($0, into: &$1) }
        render = { M.render($0, layout: $1, into: &$2) }
        helpTitle = { M.helpTitle($0) }
    }
}

/// Which module answers for a route and for a modal. Adding a screen adds its module, a
/// case to `Route` (or `Modal`) and one line here.
enum Screens {
    static func module(for route: Route) -> AnyScreen {
        switch route {
        case .overview: AnyScreen(OverviewScreen.self)
        case .portfolio: AnyScreen(PortfolioScreen.self)
        case .project: AnyScreen(ProjectScreen.self)
        case .assessments: AnyScreen(AssessmentListScreen.self)
        case .wizard: AnyScreen(WizardScreen.self)
        case .result: AnyScreen(ResultScreen.self)
        case .phaseModel: AnyScreen(PhaseModelScreen.self)
        }
    }

    static func module(for modal: ModalKind) -> AnyScreen {
        switch modal {
        case .help: AnyScreen(HelpModal.self)
        case .search: AnyScreen(SearchModal.self)
        case .reportForm: AnyScreen(ReportFormModal.self)
        case .continuationForm: AnyScreen(ContinuationFormModal.self)
        case .setup: AnyScreen(SetupModal.self)
        case .entry: AnyScreen(EntryModal.self)
        case .confirm: AnyScreen(ConfirmModal.self)
        case .explanation: AnyScreen(ExplanationModal.self)
        case .stances: AnyScreen(StanceModal.self)
        case .filters: AnyScreen(FilterModal.self)
        }
    }
}
