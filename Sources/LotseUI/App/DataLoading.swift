import LotseDomain
import TermCanvas

/// What the screens ask of the store and what they do with its answers. The state never
/// holds the whole portfolio: the overview's figures, a window of table rows around what
/// is on screen, the open project, and what the current screen needs besides.
extension AppState {
    /// How many rows around the visible ones the table asks for, so that a line or a page
    /// down mostly finds its rows already there.
    var rowWindowLimit: Int { max(30, layout.tableRows * 2) }

    /// The rows around the table's scroll position, keeping the selected project when an
    /// anchor is wanted.
    public func rowRequest(keepingSelection: Bool) -> RowRequest {
        let visible = layout.tableRows
        return RowRequest(month: month, query: query, offset: table.offset - visible, limit: rowWindowLimit,
                          anchorID: keepingSelection ? selectedRow?.id : nil, due: reportDue)
    }

    /// Everything the open screens show, asked for again (at start, after a change).
    public func fullRequest() -> ScreenDataRequest {
        var request = ScreenDataRequest(
            overview: month, listLimit: max(1, size.height), municipalities: true,
            rows: screen == .portfolio ? rowRequest(keepingSelection: true) : nil,
            projectID: openProjectID ?? reportEditor?.draft.projectID ?? explainedProjectID,
            phaseSamples: screen == .phaseModel ? phaseSampleRequest : nil,
            evidence: assessment.current == nil ? nil : evidenceRequest())
            .overview(filter: overviewFilter, due: reportDue)
        request.radar = month
        request.attention = attentionRequest
        // The radar's list shows every undecided project, not a tile's few.
        if radarListOpen { request.listLimit = nil }
        return request
    }

    /// The projects red or worse than the month before, for the overview's panel (of the
    /// office's projects under an office filter).
    var attentionRequest: RowRequest {
        RowRequest(month: month, query: PortfolioQuery(lightFilter: .redOrWorse, office: query.office),
                   limit: max(1, size.height), due: reportDue)
    }

    /// The overview counts one office's projects when the portfolio is filtered by an
    /// office (the office's dashboard); else the whole portfolio.
    public var overviewFilter: PortfolioQuery? {
        query.office.map { PortfolioQuery(office: $0) }
    }

    /// When reports fall due: the `dueDay`-th of the next month, judged on the clock's day.
    public var reportDue: ReportDue? {
        ReportDue.current(clock: now, currentMonth: newestMonth, dueDay: dueDay)
    }

    /// Enough projects per phase for the tallest phase column.
    var phaseSampleRequest: ScreenDataRequest.PhaseSamples { .init(month: month, limit: max(1, size.height)) }

    /// The evidence for the open assessment's municipality, or the whole portfolio when the
    /// municipality is not one of the portfolio's.
    func evidenceRequest() -> ScreenDataRequest.Evidence {
        let id = assessment.current?.municipalityID
        let known = municipalities?.contains { $0.id == id } ?? false
        return .init(month: month, municipalityID: known ? id : nil)
    }

    /// Changes the search, filter or sort; the selected project stays selected when it is
    /// still shown.
    public mutating func setQuery(_ newQuery: PortfolioQuery) -> [Effect] {
        let anchor = selectedRow?.id
        let officeChanged = newQuery.office != query.office
        query = newQuery
        var request = rowRequest(keepingSelection: false)
        request.anchorID = anchor
        var effects: [Effect] = [.load(ScreenDataRequest(rows: request))]
        // The overview follows an office filter: it becomes that office's dashboard.
        if officeChanged {
            var overview = ScreenDataRequest(overview: month, listLimit: max(1, size.height))
                .overview(filter: overviewFilter, due: reportDue)
            overview.radar = month
            overview.attention = attentionRequest
            effects.append(.load(overview))
        }
        return effects
    }

    /// Asks for rows when the visible ones are not all in the window the store handed out.
    mutating func ensureRowWindow() -> [Effect] {
        guard isLoaded else { return [] }
        if rowsStale { return [.load(ScreenDataRequest(rows: rowRequest(keepingSelection: true)))] }
        let visible = layout.tableRows
        table.clamp(rowCount: rowCount, visibleRows: visible)
        if page.query == query, page.month == month, page.covers(table.offset..<(table.offset + visible)) { return [] }
        return [.load(ScreenDataRequest(rows: rowRequest(keepingSelection: false)))]
    }

    /// What the screen just shown needs and does not have yet.
    mutating func screenDataEffects() -> [Effect] {
        if screen == .phaseModel, phaseSamples == nil, isLoaded {
            return [.load(ScreenDataRequest(phaseSamples: phaseSampleRequest))]
        }
        if screen == .portfolio, rowsStale, isLoaded {
            return [.load(ScreenDataRequest(rows: rowRequest(keepingSelection: true)))]
        }
        return []
    }

    /// Takes in the store's answer.
    mutating func apply(_ data: ScreenData) -> [Effect] {
        let request = data.request
        if let municipalities = data.municipalities { self.municipalities = municipalities }
        if let figures = data.overview { self.figures = figures }
        if let radar = data.radar { self.radar = radar }
        if let attention = data.attention { self.attention = attention }
        if request.phaseSamples != nil { phaseSamples = data.phaseSamples }
        if request.evidence != nil { evidence = data.evidence }
        if let id = request.projectID {
            if let project = data.project {
                projectIndex = PortfolioIndex(project)
            } else if openProjectID == id {
                // Removed meanwhile (by an import elsewhere): back to the table.
                _ = go(to: .portfolio)
                projectIndex = nil
                notice = strings.projectGone(id)
            }
            projectScroll = min(projectScroll, projectMaxScroll)
        }
        var effects: [Effect] = []
        if let page = data.rows, page.query == query, page.month == month {
            self.page = page
            rowsStale = false
            let visible = layout.tableRows
            if let anchor = page.anchorPosition {
                table.selected = anchor
            }
            table.clamp(rowCount: page.matching, visibleRows: visible)
            // A window that still misses visible rows (the selection moved far) is
            // completed once; the request then starts exactly where the table does.
            if !page.covers(table.offset..<(table.offset + visible)) {
                let next = RowRequest(month: month, query: query, offset: table.offset, limit: rowWindowLimit, due: reportDue)
                effects.append(.load(ScreenDataRequest(rows: next)))
            }
        }
        return effects
    }
}
