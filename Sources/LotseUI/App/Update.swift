import LotseDomain
import TermCanvas

extension AppState {
    /// Applies a message and returns the effects the runtime must perform. No I/O here.
    public mutating func update(_ message: Message) -> [Effect] {
        switch message {
        case .key(let key):
            return handle(key)
        case .mouse(let click):
            handle(click)
            return []
        case .resize(let newSize):
            size = newSize
            table.clamp(rowCount: rows.count, visibleRows: PortfolioView.visibleRows(for: size))
            return []
        case .tick(let date):
            now = date
            return []
        case .reportEditorLoaded(let projectID, let reportMonth, let draft, let version):
            openReportEditor(projectID: projectID, month: reportMonth, draft: draft, version: version)
            return []
        case .reportSubmitted(let projectID, let reportMonth):
            reportEditor = nil
            notice = strings.report.submitted(projectID, reportMonth.shortGerman)
            return [.loadPortfolio]
        case .reportConflict(let conflict):
            reportEditor?.submitting = false
            notice = strings.report.conflict(conflict)
            return []
        case .questionnaireLoaded(let q):
            assessment.questionnaire = q
            return []
        case .assessmentsLoaded(let list):
            assessment.assessments = list
            if let id = assessment.current?.id { assessment.current = list.first { $0.id == id } ?? assessment.current }
            return []
        case .terminate:
            return [.quit]
        case .portfolioLoaded(let p):
            setPortfolio(p)
            return []
        case .failed(let text):
            notice = text
            reportEditor?.submitting = false
            return []
        }
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        notice = nil
        if showHelp {
            // The help overlay is modal: only closing keys and quit act.
            switch key {
            case .escape, .char("?"), .function(1), .enter: showHelp = false
            case .char("q"), .ctrl("c"): return [.quit]
            default: break
            }
            return []
        }
        if screen == .assessment, assessment.entry != .none {
            return handleEntry(key)
        }
        if screen == .portfolio, reportEditor != nil {
            return handleReportEditor(key)
        }
        if screen == .portfolio, searching {
            return handleSearch(key)
        }
        guard let command = KeyMap.command(for: key, in: self) else { return [] }
        return perform(command)
    }

    mutating func perform(_ command: Command) -> [Effect] {
        let visible = PortfolioView.visibleRows(for: size)
        let page = max(1, visible - 1)
        switch command {
        case .up where screen == .portfolio && openProjectID != nil: projectScroll = max(0, projectScroll - 1)
        case .down where screen == .portfolio && openProjectID != nil: projectScroll = min(projectMaxScroll, projectScroll + 1)
        case .pageUp where screen == .portfolio && openProjectID != nil: projectScroll = max(0, projectScroll - page)
        case .pageDown where screen == .portfolio && openProjectID != nil:
            projectScroll = min(projectMaxScroll, projectScroll + page)
        case .up where screen == .assessment: return assessmentCommand(.up)
        case .down where screen == .assessment: return assessmentCommand(.down)
        case .pageUp where screen == .assessment: return assessmentCommand(.pageUp)
        case .pageDown where screen == .assessment: return assessmentCommand(.pageDown)
        case .up: table.move(by: -1, rowCount: rows.count, visibleRows: visible)
        case .down: table.move(by: 1, rowCount: rows.count, visibleRows: visible)
        case .pageUp: table.move(by: -page, rowCount: rows.count, visibleRows: visible)
        case .pageDown: table.move(by: page, rowCount: rows.count, visibleRows: visible)
        case .first: table.move(by: -rows.count, rowCount: rows.count, visibleRows: visible)
        case .last: table.move(by: rows.count, rowCount: rows.count, visibleRows: visible)
        case .show(let s): screen = s
        case .nextScreen:
            screen = Screen(rawValue: screen.rawValue % Screen.allCases.count + 1) ?? .overview
        case .previousScreen:
            let n = Screen.allCases.count
            screen = Screen(rawValue: (screen.rawValue + n - 2) % n + 1) ?? .overview
        case .toggleHelp: showHelp.toggle()
        case .back:
            if screen == .portfolio && openProjectID != nil {
                openProjectID = nil
            } else if screen == .portfolio && query.isActive {
                var q = query
                q.search = ""
                q.lightFilter = .all
                setQuery(q)
            } else if screen == .assessment && assessment.mode != .list {
                assessment.mode = .list
                assessment.presenter = false
            } else if screen != .overview {
                screen = .overview
            }
        case .quit: return [.quit]
        case .loadSample: return [.loadSampleData]
        case .search:
            searching = true
        case .nextSort:
            var q = query
            q.sort = PortfolioQuery.SortKey(rawValue: (q.sort.rawValue + 1) % PortfolioQuery.SortKey.allCases.count) ?? .id
            q.descending = false
            setQuery(q)
            notice = strings.sortedBy(q.sort.title(strings))
        case .reverseSort:
            var q = query
            q.descending.toggle()
            setQuery(q)
        case .nextLightFilter:
            var q = query
            q.lightFilter = PortfolioQuery.LightFilter(rawValue: (q.lightFilter.rawValue + 1) % PortfolioQuery.LightFilter.allCases.count) ?? .all
            setQuery(q)
        case .writeReport:
            let id = openProjectID ?? (rows.indices.contains(table.selected) ? rows[table.selected].id : nil)
            guard let id else { return [] }
            return [.openReportEditor(projectID: id, month: month)]
        case .openProject:
            guard rows.indices.contains(table.selected) else { return [] }
            openProjectID = rows[table.selected].id
            projectScroll = 0
        case .newAssessment, .openAssessment, .showResult, .answer, .nextStatement, .previousStatement,
             .skipStatement, .editNote, .editConsensus, .toggleStatementHelp, .togglePresenter, .toggleTimeBox,
             .finishAssessment:
            return assessmentCommand(command)
        }
        return []
    }

    /// Typing the incremental search: the table follows every key.
    private mutating func handleSearch(_ key: Key) -> [Effect] {
        var q = query
        switch key {
        case .enter, .down, .up:
            searching = false
            if key != .enter { return perform(key == .down ? .down : .up) }
            return []
        case .escape:
            searching = false
            q.search = ""
        case .backspace, .delete:
            if !q.search.isEmpty { q.search.removeLast() }
        case .ctrl("u"):
            q.search = ""
        case .ctrl("c"):
            return [.quit]
        case .char(let c):
            if q.search.count < 100 { q.search.append(c) }
        default:
            return []
        }
        setQuery(q)
        return []
    }

    private mutating func handle(_ click: MouseClick) {
        if click.y == 0, let screen = AppView.tab(atColumn: click.x, state: self) {
            self.screen = screen
            return
        }
        if screen == .portfolio, let row = PortfolioView.row(atLine: click.y, state: self) {
            table.selected = row
            table.clamp(rowCount: rows.count, visibleRows: PortfolioView.visibleRows(for: size))
        }
    }
}
