import LotseDomain
import TermCanvas

/// The overview's panels that take the selection, in the order Tab walks them.
public enum OverviewPanel: Int, CaseIterable, Sendable {
    case radar, worse, risks, missing
}

/// The overview: the portfolio's state in tiles. The radar, the projects red or worse, the
/// risks and the missing reports are panels: Tab or ← → selects one, ↑ ↓ a row in it, Enter
/// opens the project (on the radar: the list of undecided projects).
enum OverviewScreen: ScreenModule {
    enum Action: Sendable, Equatable {
        case panel(Int), row(Int), open, closeList
    }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        guard app.isLoaded, !app.isEmptyDatabase else { return [] }
        let t = OverviewPanelStrings.forLanguage(app.strings.language)
        if app.radarListOpen {
            return [
                KeyBinding([.down, .char("j")], "↑ ↓", .row(1), describe: { _ in t.keyRow }),
                KeyBinding([.up, .char("k")], "↑", .row(-1), describe: { _ in t.keyRow }, listed: false),
                KeyBinding([.enter], "Enter", .open, describe: { _ in t.keyOpen }, footer: { $0.footer.open }),
                KeyBinding([.escape], "Esc", .closeList, describe: { _ in t.keyCloseList }, footer: { $0.footer.back }),
            ]
        }
        return [
            KeyBinding([.tab, .right, .char("l")], "Tab ← →", .panel(1), describe: { _ in t.keyPanel },
                       footer: { _ in t.footerPanel }),
            KeyBinding([.backTab, .left, .char("h")], "S-Tab", .panel(-1), describe: { _ in t.keyPanel }, listed: false),
            KeyBinding([.down, .char("j")], "↑ ↓", .row(1), describe: { _ in t.keyRow }),
            KeyBinding([.up, .char("k")], "↑", .row(-1), describe: { _ in t.keyRow }, listed: false),
            KeyBinding([.enter], "Enter", .open, describe: { _ in t.keyOpen }, footer: { $0.footer.open }),
        ]
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        switch action {
        case .panel(let delta):
            let n = OverviewPanel.allCases.count
            app.overviewPanel = OverviewPanel(rawValue: (app.overviewPanel.rawValue + delta + n) % n) ?? .radar
            app.overviewRow = 0
            return []
        case .row(let delta):
            if app.radarListOpen {
                let count = app.radar?.urgentUndecided.count ?? 0
                app.radarListRow = max(0, min(count - 1, app.radarListRow + delta))
            } else {
                let count = app.overviewPanelIDs.count
                app.overviewRow = max(0, min(count - 1, app.overviewRow + delta))
            }
            return []
        case .open:
            if app.radarListOpen {
                guard let entry = app.radar?.urgentUndecided.dropFirst(app.radarListRow).first else { return [] }
                return app.openProject(entry.projectID)
            }
            if app.overviewPanel == .radar {
                app.radarListOpen = true
                app.radarListRow = 0
                return [.load(app.fullRequest())]
            }
            guard let id = app.overviewPanelIDs.dropFirst(app.overviewRow).first else { return [] }
            return app.openProject(id)
        case .closeList:
            app.radarListOpen = false
            return []
        }
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        if app.radarListOpen, let radar = app.radar {
            buffer.fill(layout.content)
            FundingRadarView.renderList(radar, in: layout.content, into: &buffer, strings: app.strings, glyphs: app.glyphs,
                                        selected: app.radarListRow,
                                        offset: max(0, app.radarListRow - max(1, layout.content.height - 5) + 1))
            return
        }
        OverviewView.render(app, in: layout.content, into: &buffer)
    }

    /// What the panels' figures mean, below the keys in the help.
    static func helpNotes(_ app: AppState) -> [String] {
        let t = OverviewPanelStrings.forLanguage(app.strings.language)
        return [t.helpPanels, t.helpRadar, t.helpWorse, t.helpRisks, t.helpMissing]
    }
}

extension AppState {
    /// The project ids of the selected overview panel's rows, in the order shown.
    var overviewPanelIDs: [String] {
        switch overviewPanel {
        case .worse: attention?.rows.map(\.id) ?? []
        case .missing: figures?.reportsMissing.map(\.id) ?? []
        case .radar: radar?.urgentUndecided.map(\.projectID) ?? []
        case .risks: []
        }
    }

    /// Opens a project (Enter on the portfolio or an overview panel) and asks for its history.
    mutating func openProject(_ id: String) -> [Effect] {
        projectScroll = 0
        if projectIndex?.portfolio.projects.first?.id != id { projectIndex = nil }
        radarListOpen = false
        _ = go(to: .project(id: id))
        return [.load(ScreenDataRequest(projectID: id))]
    }
}
