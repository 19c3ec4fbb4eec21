import TermCanvas

/// The keys every screen has unless it takes them itself: the tabs, help, back, quit.
enum GlobalKeys: ScreenModule {
    enum Action: Sendable {
        case show(Screen), nextTab, previousTab, help, back, quit, loadSample, month(Int)
    }

    /// The screens that show a month and step through months with `[` and `]`.
    static func stepsMonths(_ route: Route) -> Bool {
        switch route {
        case .overview, .portfolio, .project: true
        default: false
        }
    }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        var out: [KeyBinding<Action>] = []
        if app.isEmptyDatabase {
            out.append(KeyBinding([.char("b")], "b", .loadSample, describe: { $0.keyLoadSample },
                                  footer: { $0.footer.loadSample }))
        }
        out += Screen.allCases.map { tab in
            KeyBinding([.char(Character(String(tab.rawValue)))], "1…4", .show(tab), describe: { $0.keyScreens },
                       listed: tab == .overview)
        }
        if stepsMonths(app.route), !app.isEmptyDatabase {
            out += [
                KeyBinding([.char("[")], "[ ]", .month(-1), describe: { MonthStrings.forLanguage($0.language).keyStep },
                           footer: { MonthStrings.forLanguage($0.language).footerStep }),
                KeyBinding([.char("]")], "]", .month(1), describe: { MonthStrings.forLanguage($0.language).keyStep },
                           listed: false),
            ]
        }
        out += [
            KeyBinding([.tab], "Tab", .nextTab, describe: { $0.keyTab }, footer: { $0.footer.screens }),
            KeyBinding([.backTab], "S-Tab", .previousTab, describe: { $0.keyTab }),
            KeyBinding([.char("?"), .function(1)], "? F1", .help, describe: { $0.keyHelp }, footer: { $0.footer.help }),
            KeyBinding([.escape], "Esc", .back, describe: { $0.keyBack }),
            KeyBinding([.char("q")], "q", .quit, describe: { $0.keyQuit }, footer: { $0.footer.quit }),
        ]
        return out
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        switch action {
        case .show(let tab): return app.show(tab: tab)
        case .nextTab: return app.show(tab: Screen(rawValue: app.screen.rawValue % Screen.allCases.count + 1) ?? .overview)
        case .previousTab:
            let n = Screen.allCases.count
            return app.show(tab: Screen(rawValue: (app.screen.rawValue + n - 2) % n + 1) ?? .overview)
        case .help:
            app.modals.append(.help)
            return []
        case .back:
            return app.route == .overview ? [] : app.go(to: .overview)
        case .quit:
            return quit(&app)
        case .loadSample:
            return [.loadSampleData]
        case .month(let delta):
            return app.stepMonth(by: delta)
        }
    }

    /// Quits; a demo with changes asks first, since its data ends with it.
    static func quit(_ app: inout AppState) -> [Effect] {
        guard app.isDemo, app.hasChanges else { return [.quit] }
        app.closeModal(.help)
        app.modals.append(.confirm(Confirmation(question: app.strings.footer.quitDemoQuestion, action: .quitDemo)))
        return []
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {}
}
