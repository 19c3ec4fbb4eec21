import LotseDomain
import TermCanvas

extension AppState {
    /// Applies a message and returns the effects the runtime must perform. No I/O here.
    public mutating func update(_ message: Message) -> [Effect] {
        switch message {
        case .key(let key):
            return handle(key)
        case .mouse(let click):
            return handle(click)
        case .resize(let newSize):
            // The phase columns were asked for as many projects as the old height shows.
            if newSize.height > size.height { phaseSamples = nil }
            size = newSize
            return ensureRowWindow() + screenDataEffects()
        case .tick(let date):
            now = date
            return []
        case .reportEditorLoaded(let projectID, let reportMonth, let draft, let version, let project):
            if let project { projectIndex = PortfolioIndex(project) }
            openReportEditor(projectID: projectID, month: reportMonth, draft: draft, version: version)
            return []
        case .reportSubmitted(let projectID, let reportMonth):
            reportEditor = nil
            notice = strings.report.submitted(projectID, reportMonth.shortGerman)
            return [.load(fullRequest())]
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
        case .dataLoaded(let data):
            return apply(data)
        case .dataChanged(let byOthers):
            // What is typed stays: the search line, the report form and the wizard keep
            // their text; only the data under them is asked for again.
            if byOthers { notice = strings.dataChanged }
            phaseSamples = nil
            rowsStale = true
            return [.load(fullRequest())]
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
        case .up: table.move(by: -1, rowCount: rowCount, visibleRows: visible); return ensureRowWindow()
        case .down: table.move(by: 1, rowCount: rowCount, visibleRows: visible); return ensureRowWindow()
        case .pageUp: table.move(by: -page, rowCount: rowCount, visibleRows: visible); return ensureRowWindow()
        case .pageDown: table.move(by: page, rowCount: rowCount, visibleRows: visible); return ensureRowWindow()
        case .first: table.move(by: -rowCount, rowCount: rowCount, visibleRows: visible); return ensureRowWindow()
        case .last: table.move(by: rowCount, rowCount: rowCount, visibleRows: visible); return ensureRowWindow()
        case .show(let s):
            screen = s
            return screenDataEffects()
        case .nextScreen:
            screen = Screen(rawValue: screen.rawValue % Screen.allCases.count + 1) ?? .overview
            return screenDataEffects()
        case .previousScreen:
            let n = Screen.allCases.count
            screen = Screen(rawValue: (screen.rawValue + n - 2) % n + 1) ?? .overview
            return screenDataEffects()
        case .toggleHelp: showHelp.toggle()
        case .back:
            if screen == .portfolio && openProjectID != nil {
                openProjectID = nil
            } else if screen == .portfolio && query.isActive {
                var q = query
                q.search = ""
                q.lightFilter = .all
                return setQuery(q)
            } else if screen == .assessment && assessment.mode != .list {
                assessment.mode = .list
                assessment.presenter = false
            } else if screen != .overview {
                screen = .overview
            }
        case .quit: return [.quit]
        case .loadSample: return [.loadSampleData]
        case .search:
            searchEditor = LineEditor(query.search, limit: 100)
        case .nextSort:
            var q = query
            q.sort = PortfolioQuery.SortKey(rawValue: (q.sort.rawValue + 1) % PortfolioQuery.SortKey.allCases.count) ?? .id
            q.descending = false
            notice = strings.sortedBy(q.sort.title(strings))
            return setQuery(q)
        case .reverseSort:
            var q = query
            q.descending.toggle()
            return setQuery(q)
        case .nextLightFilter:
            var q = query
            q.lightFilter = PortfolioQuery.LightFilter(rawValue: (q.lightFilter.rawValue + 1) % PortfolioQuery.LightFilter.allCases.count) ?? .all
            return setQuery(q)
        case .writeReport:
            let id = openProjectID ?? selectedRow?.id
            guard let id else { return [] }
            return [.openReportEditor(projectID: id, month: month)]
        case .openProject:
            guard let id = selectedRow?.id else { return [] }
            openProjectID = id
            projectScroll = 0
            if projectIndex?.portfolio.projects.first?.id != id { projectIndex = nil }
            return [.load(ScreenDataRequest(projectID: id))]
        case .newAssessment, .openAssessment, .showResult, .answer, .nextStatement, .previousStatement,
             .skipStatement, .editNote, .editConsensus, .toggleStatementHelp, .togglePresenter, .toggleTimeBox,
             .finishAssessment:
            return assessmentCommand(command)
        }
        return []
    }

    /// Typing the incremental search: the table follows every key that changes the text.
    private mutating func handleSearch(_ key: Key) -> [Effect] {
        var q = query
        switch key {
        case .enter, .down, .up:
            searchEditor = nil
            if key != .enter { return perform(key == .down ? .down : .up) }
            return []
        case .escape:
            searchEditor = nil
            q.search = ""
        case .ctrl("c"):
            return [.quit]
        default:
            guard var editor = searchEditor else { return [] }
            let outcome = editor.handle(key)
            searchEditor = editor
            guard outcome == .edited else { return [] }
            q.search = editor.text
        }
        return setQuery(q)
    }

    private mutating func handle(_ click: MouseClick) -> [Effect] {
        if click.y == 0, let screen = AppView.tab(atColumn: click.x, state: self) {
            self.screen = screen
            return screenDataEffects()
        }
        if screen == .portfolio, let row = PortfolioView.row(atLine: click.y, state: self) {
            table.selected = row
            return ensureRowWindow()
        }
        return []
    }
}
