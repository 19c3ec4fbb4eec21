import Foundation
import LotseDomain
import TermCanvas

/// The whole state of the dashboard. A value: `update` changes it, `AppView` draws it.
public struct AppState: Sendable {
    /// The month the screens show: "now" (`newestMonth`) unless the user stepped back.
    public var month: YearMonth
    /// The month the dashboard treats as "now"; injected by the caller. `]` never goes past it.
    public let newestMonth: YearMonth
    public var size: Size
    public var strings: Strings
    public var glyphs: Glyphs
    /// The screen shown; `modals` lie over it.
    public internal(set) var route: Route = .overview
    /// The last route of each tab, so a tab opens where it was left.
    var tabRoutes: [Screen: Route] = [:]
    /// Help, search line, forms and questions over the route; the last is on top and
    /// takes the keys.
    public internal(set) var modals: [Modal] = []
    /// A short message shown in the status bar (errors, confirmations).
    public var notice: String?
    /// Where the data comes from, shown in the status bar ("Demo", a path).
    public var sourceLabel: String

    /// The municipalities of the portfolio; nil until the first answer of the store.
    public internal(set) var municipalities: [Municipality]?
    /// The overview's figures for `month`, as the store answered them.
    public internal(set) var figures: OverviewFigures?
    /// The part of the portfolio table the store handed out: a window around the rows on
    /// screen, never the whole table.
    public internal(set) var page: RowPage
    /// True until the table's rows were asked for on the current data: the table is asked
    /// for only when the portfolio screen shows it, not at every start.
    public internal(set) var rowsStale = true
    /// The open project (or the project of the report form) with its whole history.
    public internal(set) var projectIndex: PortfolioIndex?
    /// The first projects of each phase, for the phase model screen; nil until asked for.
    public internal(set) var phaseSamples: [Phase: [ProjectRow]]?
    /// The portfolio evidence beside the open self-assessment result.
    public internal(set) var evidence: PortfolioEvidence?
    public var table = TableState()
    public internal(set) var query = PortfolioQuery()
    public var projectScroll = 0
    /// The funding radar of `month` (funding ending in the next 24 months).
    public internal(set) var radar: FundingRadar?
    /// The overview's list of projects red or worse than the month before.
    public internal(set) var attention: RowPage?
    /// The overview's selected panel and the selected row in it.
    public var overviewPanel: OverviewPanel = .radar
    public var overviewRow = 0
    /// The radar's list of undecided projects, opened with Enter on the radar, and its row.
    public var radarListOpen = false
    public var radarListRow = 0
    /// The phase model screen: showing the tension fields instead of the phases, and their scroll.
    public var phaseModelTensions = false
    public var phaseModelScroll = 0
    public var assessment = AssessmentState()
    /// True once something was written in this session (a demo then asks before quitting).
    public internal(set) var hasChanges = false
    /// A demo's data is thrown away at the end: quitting with changes asks first.
    public var isDemo = false
    /// The database is open for reading only (`--read-only`, or not writable): every change
    /// is refused with a message in the status line, and nothing changes (see `update`).
    public var readOnly = false
    /// Whose data the user may change, as the database decides it (a server's role; `.all`
    /// for a file). A change of another municipality's data is refused before an editor
    /// opens, with a message naming the municipality (see `mayChange`), and any write to it
    /// is refused as `readOnly` refuses (see `update`).
    public var writeScope: WriteScope = .all
    /// Texts about access and drafts of several authors.
    public var access: AccessStrings { .forLanguage(strings.language) }
    /// Recorded as facilitator of new assessments.
    public var user: String
    /// A month's reports fall due on this day of the following month (`--due-day`).
    public var dueDay = ReportDue.defaultDueDay
    /// The clock's last reading, delivered by `.tick`; used for dates and time boxes.
    public var now: Date

    public init(month: YearMonth, size: Size, strings: Strings = .german, glyphs: Glyphs = .unicode,
                sourceLabel: String = "", user: String = "", now: Date = Date(timeIntervalSince1970: 0)) {
        self.month = month
        newestMonth = month
        self.user = user
        self.now = now
        self.size = size
        self.strings = strings
        self.glyphs = glyphs
        self.sourceLabel = sourceLabel
        self.page = .empty(month: month)
    }

    public var isLoaded: Bool { municipalities != nil && figures != nil }

    /// True once the store answered that it holds no portfolio at all.
    public var isEmptyDatabase: Bool { municipalities?.isEmpty == true && figures?.projectCount == 0 }

    /// How many projects the portfolio table shows (search and filter applied).
    public var rowCount: Int { page.matching }

    /// The table row at `position`, when the store's window holds it.
    public func row(at position: Int) -> ProjectRow? { page.row(at: position) }

    /// The project selected in the portfolio table.
    public var selectedRow: ProjectRow? { row(at: table.selected) }

    /// Where everything goes at the current size.
    public var layout: ScreenLayout { ScreenLayout(size: size) }

    /// The tab of the route.
    public var screen: Screen { route.tab }

    /// The modal on top, if any.
    public var topModal: Modal? { modals.last }

    public var showHelp: Bool { modals.contains { $0.kind == .help } }

    /// The portfolio search line while it is being typed; nil otherwise.
    public var searchEditor: LineEditor? {
        for case .search(let editor) in modals { return editor }
        return nil
    }

    /// Typing into the portfolio search line.
    public var searching: Bool { searchEditor != nil }

    /// The project shown in detail, if any.
    public var openProjectID: String? {
        if case .project(let id) = route { return id }
        return nil
    }

    /// The status-report form, when open.
    public var reportEditor: ReportEditorState? {
        get {
            for case .reportForm(let e) in modals { return e }
            return nil
        }
        set {
            let i = modals.firstIndex { $0.kind == .reportForm }
            switch (i, newValue) {
            case (let i?, let e?): modals[i] = .reportForm(e)
            case (let i?, nil): modals.remove(at: i)
            case (nil, let e?): modals.append(.reportForm(e))
            case (nil, nil): break
            }
        }
    }

    /// The wizard's entry line, when open.
    public var entry: EntryState? {
        for case .entry(let e) in modals { return e }
        return nil
    }

    /// The set-up dialog of a new self-assessment, when open.
    public var setup: SetupFormState? {
        for case .setup(let f) in modals { return f }
        return nil
    }

    /// What the self-assessment tab shows.
    public var assessmentMode: AssessmentState.Mode {
        if setup != nil { return .setup }
        switch route {
        case .wizard: return .wizard
        case .result: return .result
        default: return .list
        }
    }

    /// Replaces the modal on top (of the same kind) with `modal`.
    mutating func replaceTop(with modal: Modal) {
        if let last = modals.last, last.kind == modal.kind { modals[modals.count - 1] = modal } else { modals.append(modal) }
    }

    mutating func closeModal(_ kind: ModalKind) {
        modals.removeAll { $0.kind == kind }
    }

    /// Shows `route`, remembering it as its tab's place; returns what it needs loaded.
    mutating func go(to newRoute: Route) -> [Effect] {
        route = newRoute
        tabRoutes[newRoute.tab] = newRoute
        return screenDataEffects()
    }

    /// Shows a tab where it was left.
    mutating func show(tab: Screen) -> [Effect] {
        go(to: tabRoutes[tab] ?? Route.home(of: tab))
    }


    /// How far the result document can scroll, so ↓ at the end does not pile up.
    var resultMaxScroll: Int {
        Document(lines: ResultView.lines(self, width: layout.document.width - 1), offset: 0)
            .maxOffset(height: layout.document.height)
    }

    var projectMaxScroll: Int {
        guard let id = openProjectID, let index = projectIndex,
              let project = index.portfolio.projects.first(where: { $0.id == id }) else { return 0 }
        return Document(lines: ProjectView.lines(project, index: index, state: self,
                                                 width: max(10, layout.document.width - 1)), offset: 0)
            .maxOffset(height: layout.document.height)
    }

    /// The largest municipality of the portfolio, named in the title bar.
    public var mainMunicipality: Municipality? {
        municipalities?.max { ($0.population, $1.id) < ($1.population, $0.id) }
    }

    public var municipalityCount: Int { municipalities?.count ?? 0 }
}

/// Selection and scroll position of a table.
public struct TableState: Hashable, Sendable {
    public var selected = 0
    public var offset = 0

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection by `delta` rows, keeping it visible.
    public mutating func move(by delta: Int, rowCount: Int, visibleRows: Int) {
        guard rowCount > 0 else { selected = 0; offset = 0; return }
        selected = max(0, min(rowCount - 1, selected + delta))
        offset = Table.scrollOffset(selected: selected, offset: offset, visibleRows: visibleRows, rowCount: rowCount)
    }

    public mutating func clamp(rowCount: Int, visibleRows: Int) {
        move(by: 0, rowCount: rowCount, visibleRows: visibleRows)
    }
}
