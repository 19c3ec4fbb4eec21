import LotseDomain
import TermCanvas

/// The phase model: the three phases with the portfolio's projects in each, or (`t`) the
/// tension fields of the questionnaire, scrollable.
enum PhaseModelScreen: ScreenModule {
    enum Action: Sendable {
        case toggle, scroll(TableMove)
    }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        let showing = app.phaseModelTensions
        var out: [KeyBinding<Action>] = [
            KeyBinding([.char("t")], "t", .toggle, describe: { PhaseModelStrings.forLanguage($0.language).keyToggle },
                       footer: { s in
                           let p = PhaseModelStrings.forLanguage(s.language)
                           return showing ? p.footerPhases : p.footerTensions
                       }),
        ]
        if app.phaseModelTensions {
            for b in TableMove.scrollBindings {
                let describe = b.describe
                let scrolls = b.action == .up || b.action == .down
                let line: @Sendable (Strings) -> String = { scrolls ? $0.assess.keyScroll : describe($0) }
                var footer: (@Sendable (Strings) -> String)?
                if b.action == .down { footer = { $0.footer.scroll } }
                out.append(KeyBinding(b.keys, b.label, .scroll(b.action), describe: line, footer: footer))
            }
        }
        return out
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        switch action {
        case .toggle:
            app.phaseModelTensions.toggle()
            app.phaseModelScroll = 0
        case .scroll(let m):
            app.phaseModelScroll = m.scrolled(app.phaseModelScroll, max: app.phaseModelMaxScroll,
                                              page: max(1, app.layout.documentPage - 3))
        }
        return []
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        PhaseModelView.render(app, in: layout.content, into: &buffer)
    }
}

extension AppState {
    /// How far the tension fields can scroll below the three rows of the standing box.
    var phaseModelMaxScroll: Int {
        let width = max(10, layout.document.width - 1)
        return Document(lines: PhaseModelView.tensionLines(self, width: width), offset: 0)
            .maxOffset(height: max(1, layout.document.height - 3))
    }
}
