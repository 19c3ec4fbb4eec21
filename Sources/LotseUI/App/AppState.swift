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

    public private(set) var portfolio: Portfolio?
    public private(set) var figures: OverviewFigures?
    /// Every project as a table row, in id order.
    public private(set) var allRows: [ProjectRow] = []
    /// The rows the portfolio table shows: `allRows` searched, filtered and sorted by `query`.
    public private(set) var rows: [ProjectRow] = []
    public private(set) var index: PortfolioIndex?
    public var table = TableState()
    public private(set) var query = PortfolioQuery()
    /// Typing into the portfolio search line.
    public var searching = false
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
    }

    /// Replaces the data and recomputes every derived figure once.
    public mutating func setPortfolio(_ portfolio: Portfolio) {
        self.portfolio = portfolio
        let index = PortfolioIndex(portfolio)
        self.index = index
        figures = OverviewFigures(index: index, month: month)
        allRows = ProjectRow.rows(index: index, month: month)
        applyQuery()
    }

    /// Changes the search, filter or sort, keeping the selected project selected when it
    /// is still shown.
    public mutating func setQuery(_ newQuery: PortfolioQuery) {
        query = newQuery
        applyQuery()
    }

    private mutating func applyQuery() {
        let selectedID = rows.indices.contains(table.selected) ? rows[table.selected].id : nil
        rows = query.apply(allRows, strings: strings)
        if let selectedID, let i = rows.firstIndex(where: { $0.id == selectedID }) {
            table.selected = i
        }
        table.clamp(rowCount: rows.count, visibleRows: PortfolioView.visibleRows(for: size))
    }

    public var isLoaded: Bool { portfolio != nil }

    /// The inner area of a boxed screen: what the scrolling documents have to fill.
    var documentArea: Size { Size(width: size.width - 2, height: size.height - 4) }

    /// How far the result document can scroll, so ↓ at the end does not pile up.
    var resultMaxScroll: Int {
        Document(lines: ResultView.lines(self, width: documentArea.width - 1), offset: 0)
            .maxOffset(height: documentArea.height)
    }

    var projectMaxScroll: Int {
        guard let id = openProjectID, let index,
              let project = index.portfolio.projects.first(where: { $0.id == id }) else { return 0 }
        return Document(lines: ProjectView.lines(project, index: index, state: self,
                                                 width: max(10, documentArea.width - 1)), offset: 0)
            .maxOffset(height: documentArea.height)
    }

    /// The name shown in the title bar: the municipality, or the count of them.
    public var municipalityTitle: String {
        guard let m = portfolio?.municipalities,
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
