import LotseDomain
import TermCanvas

/// The overview: the portfolio's state in tiles.
enum OverviewScreen: ScreenModule {
    enum Action: Sendable {}

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] { [] }
    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {}

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        OverviewView.render(app, in: layout.content, into: &buffer)
    }
}
