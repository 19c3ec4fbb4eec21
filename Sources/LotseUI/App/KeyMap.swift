import TermCanvas

/// What a key does; the same table drives `update` and the help overlay, so the help
/// can never list a key that does nothing.
public enum Command: Equatable, Sendable {
    case up, down, pageUp, pageDown, first, last
    case show(Screen)
    case nextScreen, previousScreen
    case toggleHelp, back, quit
    case loadSample
    // Portfolio
    case search, nextSort, reverseSort, nextLightFilter, openProject, writeReport
    // Self-assessment
    case newAssessment, openAssessment, showResult
    case answer(Int?)
    case nextStatement, previousStatement, skipStatement
    case editNote, editConsensus
    case toggleStatementHelp, togglePresenter, toggleTimeBox
    case finishAssessment
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
        KeyBinding(keys: [.char("1"), .char("2"), .char("3"), .char("4")], label: "1…4", command: .show(.overview),
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

    public static let portfolioTools: [KeyBinding] = [
        KeyBinding(keys: [.enter], label: "Enter", command: .openProject, describe: { $0.keyOpenProject }),
        KeyBinding(keys: [.char("/")], label: "/", command: .search, describe: { $0.keySearch }),
        KeyBinding(keys: [.char("s")], label: "s", command: .nextSort, describe: { $0.keySort }),
        KeyBinding(keys: [.char("S")], label: "S", command: .reverseSort, describe: { $0.keyReverseSort }),
        KeyBinding(keys: [.char("a")], label: "a", command: .nextLightFilter, describe: { $0.keyLightFilter }),
        KeyBinding(keys: [.char("r")], label: "r", command: .writeReport, describe: { $0.report.keyWrite }),
    ]

    public static let projectDetail: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], label: "↑ k", command: .up, describe: { $0.keyNavigate }),
        KeyBinding(keys: [.down, .char("j")], label: "↓ j", command: .down, describe: { $0.keyNavigate }),
        KeyBinding(keys: [.pageUp], label: "PgUp", command: .pageUp, describe: { $0.keyPage }),
        KeyBinding(keys: [.pageDown, .char(" ")], label: "PgDn", command: .pageDown, describe: { $0.keyPage }),
        KeyBinding(keys: [.char("r")], label: "r", command: .writeReport, describe: { $0.report.keyWrite }),
    ]

    /// Shown in the help while the report form is open; the form handles these keys itself.
    public static let reportForm: [KeyBinding] = [
        KeyBinding(keys: [.tab, .down, .enter], label: "Tab ↓ Enter", command: .down, describe: { $0.report.keyNextField }),
        KeyBinding(keys: [.backTab, .up], label: "S-Tab ↑", command: .up, describe: { $0.report.keyPreviousField }),
        KeyBinding(keys: [.char("1"), .char("2"), .char("3")], label: "1 2 3 ← →", command: .up,
                   describe: { $0.report.keyLight }),
        KeyBinding(keys: [.ctrl("s"), .function(2)], label: "^S F2", command: .up, describe: { $0.report.keySubmit }),
        KeyBinding(keys: [.ctrl("d")], label: "^D", command: .up, describe: { $0.report.keyDiscard }),
        KeyBinding(keys: [.escape], label: "Esc", command: .back, describe: { $0.report.keyClose }),
    ]

    public static let emptyDatabase: [KeyBinding] = [
        KeyBinding(keys: [.char("b")], label: "b", command: .loadSample, describe: { $0.keyLoadSample }),
    ]

    public static let assessmentList: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], label: "↑ k", command: .up, describe: { $0.keyNavigate }),
        KeyBinding(keys: [.down, .char("j")], label: "↓ j", command: .down, describe: { $0.keyNavigate }),
        KeyBinding(keys: [.char("n")], label: "n", command: .newAssessment, describe: { $0.assess.keyNewAssessment }),
        KeyBinding(keys: [.enter], label: "Enter", command: .openAssessment, describe: { $0.assess.keyOpenAssessment }),
        KeyBinding(keys: [.char("r")], label: "r", command: .showResult, describe: { $0.assess.keyShowResult }),
    ]

    public static let wizard: [KeyBinding] = [
        KeyBinding(keys: (1...9).map { .char(Character(String($0))) }, label: "1…5", command: .answer(1),
                   describe: { $0.assess.keyAnswer }),
        KeyBinding(keys: [.char("0")], label: "0", command: .answer(nil), describe: { $0.assess.keyDontKnow }),
        KeyBinding(keys: [.enter, .char("c")], label: "Enter c", command: .editConsensus, describe: { $0.assess.keyConsensus }),
        KeyBinding(keys: [.right, .char("l"), .pageDown], label: "→ l", command: .nextStatement, describe: { $0.assess.keyNextStatement }),
        KeyBinding(keys: [.left, .char("h"), .pageUp], label: "← h", command: .previousStatement,
                   describe: { $0.assess.keyPreviousStatement }),
        KeyBinding(keys: [.char("s")], label: "s", command: .skipStatement, describe: { $0.assess.keySkip }),
        KeyBinding(keys: [.char("n")], label: "n", command: .editNote, describe: { $0.assess.keyNote }),
        KeyBinding(keys: [.char("i")], label: "i", command: .toggleStatementHelp, describe: { $0.assess.keyStatementHelp }),
        KeyBinding(keys: [.char("p")], label: "p", command: .togglePresenter, describe: { $0.assess.keyPresenter }),
        KeyBinding(keys: [.char("t")], label: "t", command: .toggleTimeBox, describe: { $0.assess.keyTimeBox }),
        KeyBinding(keys: [.char("e")], label: "e", command: .finishAssessment, describe: { $0.assess.keyFinish }),
    ]

    public static let result: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], label: "↑ k", command: .up, describe: { $0.assess.keyScroll }),
        KeyBinding(keys: [.down, .char("j")], label: "↓ j", command: .down, describe: { $0.assess.keyScroll }),
        KeyBinding(keys: [.pageUp], label: "PgUp", command: .pageUp, describe: { $0.keyPage }),
        KeyBinding(keys: [.pageDown, .char(" ")], label: "PgDn", command: .pageDown, describe: { $0.keyPage }),
    ]

    /// The bindings in force on `screen`, most specific first.
    public static func bindings(for state: AppState) -> [KeyBinding] {
        var out: [KeyBinding] = []
        if state.isEmptyDatabase { out += emptyDatabase }
        switch state.screen {
        case .portfolio where state.reportEditor != nil: return reportForm + [global[3]]
        case .portfolio: out += state.openProjectID == nil ? list + portfolioTools : projectDetail
        case .assessment:
            switch state.assessment.mode {
            case .list: out += assessmentList
            case .wizard: out += wizard
            case .result: out += result
            case .setup: break
            }
        default: break
        }
        // In the wizard, digits are answers, not screen numbers.
        let digitsTaken = state.screen == .assessment && state.assessment.mode == .wizard
        return out + global.filter { !(digitsTaken && $0.keys.contains(.char("1"))) }
    }

    public static func command(for key: Key, in state: AppState) -> Command? {
        let inWizard = state.screen == .assessment && state.assessment.mode == .wizard
        if case .char(let c) = key, let n = c.wholeNumberValue {
            if inWizard { return .answer(n == 0 ? nil : n) }
            if let screen = Screen(rawValue: n) { return .show(screen) }
        }
        return bindings(for: state).first { $0.keys.contains(key) }?.command
    }
}
