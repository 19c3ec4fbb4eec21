import TermCanvas

/// What a key does; the same table drives `update` and the help overlay, so the help
/// can never list a key that does nothing.
public enum Command: Equatable, Sendable {
    case up, down, pageUp, pageDown, first, last
    case show(Screen)
    case nextScreen, previousScreen
    case toggleHelp, back, quit
    case loadSample
}

public struct KeyBinding: Sendable {
    public var keys: [Key]
    /// How the keys are written in the help ("↑ k").
    public var label: String
    public var command: Command
    public var describe: @Sendable (Strings) -> String
}

public enum KeyMap {
    /// Keys that work on every screen.
    public static let global: [KeyBinding] = [
        KeyBinding(keys: [.char("1"), .char("2")], label: "1 2", command: .show(.overview),
                   describe: { $0.keyScreens }),
        KeyBinding(keys: [.tab], label: "Tab", command: .nextScreen, describe: { $0.keyTab }),
        KeyBinding(keys: [.backTab], label: "S-Tab", command: .previousScreen, describe: { $0.keyTab }),
        KeyBinding(keys: [.char("?"), .function(1)], label: "? F1", command: .toggleHelp, describe: { $0.keyHelp }),
        KeyBinding(keys: [.escape], label: "Esc", command: .back, describe: { $0.keyBack }),
        KeyBinding(keys: [.char("q"), .ctrl("c")], label: "q", command: .quit, describe: { $0.keyQuit }),
    ]

    public static let list: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], label: "↑ k", command: .up, describe: { $0.keyNavigate }),
        KeyBinding(keys: [.down, .char("j")], label: "↓ j", command: .down, describe: { $0.keyNavigate }),
        KeyBinding(keys: [.pageUp, .ctrl("b")], label: "PgUp ^B", command: .pageUp, describe: { $0.keyPage }),
        KeyBinding(keys: [.pageDown, .ctrl("f"), .char(" ")], label: "PgDn ^F", command: .pageDown,
                   describe: { $0.keyPage }),
        KeyBinding(keys: [.home, .char("g")], label: "Home g", command: .first, describe: { $0.keyHomeEnd }),
        KeyBinding(keys: [.end, .char("G")], label: "End G", command: .last, describe: { $0.keyHomeEnd }),
    ]

    public static let emptyDatabase: [KeyBinding] = [
        KeyBinding(keys: [.char("b")], label: "b", command: .loadSample, describe: { $0.keyLoadSample }),
    ]

    /// The bindings in force on `screen`, most specific first.
    public static func bindings(for state: AppState) -> [KeyBinding] {
        var out: [KeyBinding] = []
        if state.portfolio?.isEmpty == true { out += emptyDatabase }
        if state.screen == .portfolio { out += list }
        return out + global
    }

    public static func command(for key: Key, in state: AppState) -> Command? {
        if case .char(let c) = key, let n = c.wholeNumberValue, let screen = Screen(rawValue: n) {
            return .show(screen)
        }
        return bindings(for: state).first { $0.keys.contains(key) }?.command
    }
}
