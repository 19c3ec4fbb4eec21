import Foundation
import LotseDomain
import TermCanvas

/// The whole state of the dashboard. A value: `update` changes it, `AppView` draws it.
public struct AppState: Sendable {
    /// The month the dashboard treats as "now"; injected by the caller.
    public var month: YearMonth
    public var size: Size
    public var strings: Strings
    public var glyphs: Glyphs
    public var screen: Screen = .overview
    public var showHelp = false
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
    /// The portfolio search line while it is being typed; nil otherwise.
    public var searchEditor: LineEditor?
    /// Typing into the portfolio search line.
    public var searching: Bool { searchEditor != nil }
    /// The project shown in detail (from the portfolio), if any.
    public var openProjectID: String?
    public var projectScroll = 0
    /// The status-report form, when open (over the portfolio screen).
    public var reportEditor: ReportEditorState?
    public var assessment = AssessmentState()
    /// Recorded as facilitator of new assessments.
    public var user: String
    /// The clock's last reading, delivered by `.tick`; used for dates and time boxes.
    public var now: Date

    public init(month: YearMonth, size: Size, strings: Strings = .german, glyphs: Glyphs = .unicode,
                sourceLabel: String = "", user: String = "", now: Date = Date(timeIntervalSince1970: 0)) {
        self.month = month
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

    /// The inner area of a boxed screen: what the scrolling documents have to fill.
    var documentArea: Size { Size(width: size.width - 2, height: size.height - 4) }

    /// How far the result document can scroll, so ↓ at the end does not pile up.
    var resultMaxScroll: Int {
        Document(lines: ResultView.lines(self, width: documentArea.width - 1), offset: 0)
            .maxOffset(height: documentArea.height)
    }

    var projectMaxScroll: Int {
        guard let id = openProjectID, let index = projectIndex,
              let project = index.portfolio.projects.first(where: { $0.id == id }) else { return 0 }
        return Document(lines: ProjectView.lines(project, index: index, state: self,
                                                 width: max(10, documentArea.width - 1)), offset: 0)
            .maxOffset(height: documentArea.height)
    }

    /// The name shown in the title bar: the municipality, or the count of them.
    public var municipalityTitle: String {
        guard let m = municipalities,
              let main = m.max(by: { ($0.population, $1.id) < ($1.population, $0.id) }) else { return "" }
        return m.count == 1 ? main.name : "\(main.name) + \(m.count - 1)"
    }
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
