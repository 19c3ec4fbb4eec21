import LotseDomain
import TermCanvas

/// The portfolio: every project in one table the store searches, filters and sorts.
enum PortfolioScreen: ScreenModule {
    enum Action: Sendable {
        case move(TableMove), open, search, nextSort, reverseSort, nextLightFilter, writeReport, back
        case reviewContinuation
        case explain
        case filters, clearFilters
        case export
    }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        let t = PortfolioFilterStrings.forLanguage(app.strings.language)
        var out = TableMove.bindings.map { b in KeyBinding(b.keys, b.label, Action.move(b.action), describe: b.describe) }
        out += [
            KeyBinding([.char("/")], "/", .search, describe: { $0.keySearch }, footer: { $0.footer.search }),
            // The footer names the filter dialog, which holds the light filter too.
            KeyBinding([.char("a")], "a", .nextLightFilter, describe: { $0.keyLightFilter }, listed: false),
            KeyBinding([.char("f")], "f", .filters, describe: { _ in t.keyOpen }, footer: { _ in t.footerOpen }),
            KeyBinding([.char("F")], "F", .clearFilters, describe: { _ in t.keyClearAll }),
            KeyBinding([.char("s")], "s", .nextSort, describe: { $0.keySort }, footer: { $0.footer.sort }),
            KeyBinding([.char("S")], "S", .reverseSort, describe: { $0.keyReverseSort }),
            KeyBinding([.char("x")], "x", .export, describe: { ListStrings.forLanguage($0.language).keyExport }),
        ]
        // A report and a project need a project in the table.
        if app.selectedRow != nil {
            out += [
                KeyBinding([.char("r")], "r", .writeReport, describe: { $0.report.keyWrite }, footer: { $0.footer.report }),
                KeyBinding([.char("v")], "v", .reviewContinuation, describe: { $0.continuationForm.keyOpen }),
                KeyBinding([.char("w")], "w", .explain, describe: { $0.explanation.keyExplain },
                           footer: { $0.explanation.footerExplain }),
                KeyBinding([.enter], "Enter", .open, describe: { $0.keyOpenProject }, footer: { $0.footer.open }),
            ]
        }
        out.append(KeyBinding([.escape], "Esc", .back, describe: { $0.keyBack }))
        return out
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        switch action {
        case .move(let m):
            app.table.apply(m, rowCount: app.rowCount, layout: app.layout)
            return app.ensureRowWindow()
        case .export:
            // Every row of the view, not only the loaded window: the runtime asks for them.
            return [.exportView(RowRequest(month: app.month, query: app.query, limit: 0, due: app.reportDue))]
        case .open:
            guard let id = app.selectedRow?.id else { return [] }
            return app.openProject(id)
        case .search:
            app.modals.append(.search(LineEditor(app.query.search, limit: 100)))
            return []
        case .nextSort:
            let q = app.query.nextSort
            app.notice = app.strings.sortedBy(q.sort.title(app.strings))
            return app.setQuery(q)
        case .reverseSort:
            var q = app.query
            q.descending.toggle()
            return app.setQuery(q)
        case .nextLightFilter:
            var q = app.query
            q.lightFilter = PortfolioQuery.LightFilter(
                rawValue: (q.lightFilter.rawValue + 1) % PortfolioQuery.LightFilter.allCases.count) ?? .all
            return app.setQuery(q)
        case .writeReport:
            guard let id = app.selectedRow?.id, app.mayChange(projectID: id) else { return [] }
            return [.openReportEditor(projectID: id, month: app.month)]
        case .reviewContinuation:
            guard let id = app.selectedRow?.id, app.mayChange(projectID: id) else { return [] }
            return [.openContinuationForm(projectID: id)]
        case .explain:
            guard let id = app.selectedRow?.id else { return [] }
            return app.openExplanation(projectID: id)
        case .filters:
            app.openFilters()
            return []
        case .clearFilters:
            guard app.query.selection.isActive else { return [] }
            app.notice = PortfolioFilterStrings.forLanguage(app.strings.language).cleared
            return app.setQuery(PortfolioQuery(search: app.query.search, sort: app.query.sort,
                                               descending: app.query.descending))
        case .back:
            // Esc first clears search and every filter (the sort stays), then leaves the table.
            guard app.query.isActive else { return app.go(to: .overview) }
            return app.setQuery(PortfolioQuery(sort: app.query.sort, descending: app.query.descending))
        }
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        PortfolioView.render(app, in: layout.content, into: &buffer)
    }
}

/// One project in detail: its reports, KPIs and risks as a scrolling document.
enum ProjectScreen: ScreenModule {
    enum Action: Sendable {
        case scroll(TableMove), writeReport, back
        case reviewContinuation
        case explain
    }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        TableMove.scrollBindings.map { b in KeyBinding(b.keys, b.label, .scroll(b.action), describe: b.describe) } + [
            KeyBinding([.char("r")], "r", .writeReport, describe: { $0.report.keyWrite }, footer: { $0.footer.report }),
            KeyBinding([.char("v")], "v", .reviewContinuation, describe: { $0.continuationForm.keyOpen }),
            KeyBinding([.char("w")], "w", .explain, describe: { $0.explanation.keyExplain },
                       footer: { $0.explanation.footerExplain }),
            KeyBinding([.escape], "Esc", .back, describe: { $0.keyBack }, footer: { $0.footer.back }),
        ]
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        switch action {
        case .scroll(let m):
            app.projectScroll = m.scrolled(app.projectScroll, max: app.projectMaxScroll, page: app.layout.documentPage)
            return []
        case .writeReport:
            guard let id = app.openProjectID, app.mayChange(projectID: id) else { return [] }
            return [.openReportEditor(projectID: id, month: app.month)]
        case .reviewContinuation:
            guard let id = app.openProjectID, app.mayChange(projectID: id) else { return [] }
            return [.openContinuationForm(projectID: id)]
        case .explain:
            guard let id = app.openProjectID else { return [] }
            return app.openExplanation(projectID: id)
        case .back:
            return app.go(to: .portfolio)
        }
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        guard let id = app.openProjectID else { return }
        ProjectView.render(app, projectID: id, in: layout.content, into: &buffer)
    }
}

/// How a key moves through a table or a document.
enum TableMove: Sendable {
    case up, down, pageUp, pageDown, first, last

    /// The keys of a table.
    static let bindings: [KeyBinding<TableMove>] = [
        KeyBinding([.up, .char("k")], "↑ k", .up, describe: { $0.keyNavigate }),
        KeyBinding([.down, .char("j")], "↓ j", .down, describe: { $0.keyNavigate }),
        KeyBinding([.pageUp, .ctrl("b")], "PgUp ^B", .pageUp, describe: { $0.keyPage }),
        KeyBinding([.pageDown, .ctrl("f"), .char(" ")], "PgDn ^F", .pageDown, describe: { $0.keyPage }),
        KeyBinding([.home, .char("g")], "Home g", .first, describe: { $0.keyHomeEnd }),
        KeyBinding([.end, .char("G")], "End G", .last, describe: { $0.keyHomeEnd }),
    ]

    /// The keys of a scrolling document.
    static let scrollBindings: [KeyBinding<TableMove>] = [
        KeyBinding([.up, .char("k")], "↑ k", .up, describe: { $0.keyNavigate }),
        KeyBinding([.down, .char("j")], "↓ j", .down, describe: { $0.keyNavigate }),
        KeyBinding([.pageUp], "PgUp", .pageUp, describe: { $0.keyPage }),
        KeyBinding([.pageDown, .char(" ")], "PgDn", .pageDown, describe: { $0.keyPage }),
        KeyBinding([.home, .char("g")], "Home g", .first, describe: { $0.keyHomeEnd }),
        KeyBinding([.end, .char("G")], "End G", .last, describe: { $0.keyHomeEnd }),
    ]

    /// A document's scroll offset after the move.
    func scrolled(_ offset: Int, max maxOffset: Int, page: Int) -> Int {
        let next: Int
        switch self {
        case .up: next = offset - 1
        case .down: next = offset + 1
        case .pageUp: next = offset - page
        case .pageDown: next = offset + page
        case .first: next = 0
        case .last: next = maxOffset
        }
        return Swift.max(0, Swift.min(maxOffset, next))
    }
}

extension TableState {
    /// Moves the selection as `move` says, keeping it visible in `layout`'s table.
    mutating func apply(_ move: TableMove, rowCount: Int, layout: ScreenLayout) {
        let visible = layout.tableRows, page = layout.tablePage
        switch move {
        case .up: self.move(by: -1, rowCount: rowCount, visibleRows: visible)
        case .down: self.move(by: 1, rowCount: rowCount, visibleRows: visible)
        case .pageUp: self.move(by: -page, rowCount: rowCount, visibleRows: visible)
        case .pageDown: self.move(by: page, rowCount: rowCount, visibleRows: visible)
        case .first: self.move(by: -rowCount, rowCount: rowCount, visibleRows: visible)
        case .last: self.move(by: rowCount, rowCount: rowCount, visibleRows: visible)
        }
    }
}
