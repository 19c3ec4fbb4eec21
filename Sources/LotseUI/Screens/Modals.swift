import Foundation
import LotseDomain
import TermCanvas

/// The `?` overlay: the keys of what lies under it, from their bindings.
enum HelpModal: ScreenModule {
    enum Action: Sendable { case close, quit }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        [KeyBinding([.escape, .char("?"), .function(1), .enter], "Esc ?", .close, describe: { $0.footer.close },
                    footer: { $0.footer.close }),
         KeyBinding([.char("q")], "q", .quit, describe: { $0.keyQuit }, footer: { $0.footer.quit })]
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        app.closeModal(.help)
        return action == .quit ? GlobalKeys.quit(&app) : []
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        HelpOverlay.render(app, in: layout.content, into: &buffer)
    }
}

extension HelpModal.Action: Equatable {}

/// The portfolio's search line: the table follows every key that changes the text.
enum SearchModal: ScreenModule {
    enum Action: Sendable { case take, takeAndMove(TableMove), drop }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        [KeyBinding([.enter], "Enter", .take, describe: { $0.footer.keyTakeSearch }, footer: { $0.footer.take }),
         KeyBinding([.down], "↓", .takeAndMove(.down), describe: { $0.footer.keyTakeSearch }, listed: false),
         KeyBinding([.up], "↑", .takeAndMove(.up), describe: { $0.footer.keyTakeSearch }, listed: false),
         KeyBinding([.escape], "Esc", .drop, describe: { $0.footer.keyDropSearch }, footer: { $0.footer.cancel }),
         KeyBinding([], "← → Home End ^U ^K ^W", .take, describe: { $0.footer.keyEditText })]
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        app.closeModal(.search)
        switch action {
        case .take: return []
        case .takeAndMove(let m): return PortfolioScreen.reduce(.move(m), into: &app)
        case .drop:
            var q = app.query
            q.search = ""
            return app.setQuery(q)
        }
    }

    static func unbound(_ key: Key, into app: inout AppState) -> [Effect] {
        guard var editor = app.searchEditor else { return [] }
        let outcome = editor.handle(key)
        app.replaceTop(with: .search(editor))
        guard outcome == .edited else { return [] }
        var q = app.query
        q.search = editor.text
        return app.setQuery(q)
    }

    /// Drawn by the portfolio, in its bottom border.
    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {}
    static func helpTitle(_ app: AppState) -> String { app.strings.footer.search }
}

/// The wizard's entry line: answers of every participant, the consensus, a note.
enum EntryModal: ScreenModule {
    enum Action: Sendable { case commit, cancel }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        [KeyBinding([.enter], "Enter", .commit, describe: { $0.footer.keyCommitEntry }, footer: { $0.footer.take }),
         KeyBinding([.escape], "Esc", .cancel, describe: { $0.footer.keyCancelEntry }, footer: { $0.footer.cancel }),
         KeyBinding([], "← → Home End ^U ^K ^W", .commit, describe: { $0.footer.keyEditText })]
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        switch action {
        case .cancel:
            app.closeModal(.entry)
            return []
        case .commit:
            return app.commitEntry()
        }
    }

    static func unbound(_ key: Key, into app: inout AppState) -> [Effect] {
        guard var entry = app.entry else { return [] }
        entry.editor.handle(key)
        app.replaceTop(with: .entry(entry))
        return []
    }

    /// Drawn by the wizard, in its entry row.
    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {}
    static func helpTitle(_ app: AppState) -> String { app.strings.assess.title }
}

/// The set-up dialog of a new self-assessment.
enum SetupModal: ScreenModule {
    enum Action: Sendable { case nextField, previousField, enter, cancel }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        [KeyBinding([.tab, .down], "Tab ↓", .nextField, describe: { $0.footer.keyNextSetupField },
                    footer: { $0.footer.nextField }),
         KeyBinding([.backTab, .up], "S-Tab ↑", .previousField, describe: { $0.footer.keyNextSetupField }),
         KeyBinding([.enter], "Enter", .enter, describe: { $0.footer.keyStartAssessment }, footer: { $0.footer.next }),
         KeyBinding([.escape], "Esc", .cancel, describe: { $0.footer.keyCancelSetup }, footer: { $0.footer.cancel }),
         KeyBinding([], "← → Home End ^U ^K ^W", .enter, describe: { $0.footer.keyEditText })]
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        guard var form = app.setup else { return [] }
        switch action {
        case .cancel:
            app.closeModal(.setup)
            return []
        case .nextField: form.focus(form.focus + 1)
        case .previousField: form.focus(form.focus - 1)
        case .enter:
            if form.focus < form.fields.count - 1 {
                form.focus(form.focus + 1)
            } else {
                return app.createAssessment(from: form)
            }
        }
        app.replaceTop(with: .setup(form))
        return []
    }

    static func unbound(_ key: Key, into app: inout AppState) -> [Effect] {
        guard var form = app.setup else { return [] }
        form.editor.handle(key)
        app.replaceTop(with: .setup(form))
        return []
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        AssessmentView.renderSetup(app, in: layout.content, into: &buffer)
    }

    static func helpTitle(_ app: AppState) -> String { app.strings.assess.setupTitle }
}

/// A yes-or-no question.
enum ConfirmModal: ScreenModule {
    enum Action: Sendable { case yes, no }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        [KeyBinding([.char("j"), .char("y"), .enter], "j y Enter", .yes, describe: { $0.footer.keyYes },
                    footer: { $0.footer.yes }),
         KeyBinding([.char("n"), .escape], "n Esc", .no, describe: { $0.footer.keyNo }, footer: { $0.footer.no })]
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        guard case .confirm(let question)? = app.topModal else { return [] }
        app.closeModal(.confirm)
        guard action == .yes else { return [] }
        switch question.action {
        case .quitDemo: return [.quit]
        case .finishAssessment: return app.finishAssessment()
        case .reopenAssessment(let id): return app.reopenAssessment(id: id)
        }
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        guard case .confirm(let question)? = app.topModal else { return }
        let s = app.strings, g = app.glyphs
        let width = min(layout.content.width, 60)
        let lines = TextWrap.lines(question.question, width: width - 4)
        let box = layout.content.centered(Size(width: width, height: min(layout.content.height, lines.count + 4)))
        buffer.fill(box)
        let inner = Box(title: s.footer.confirmTitle, role: .warning).render(in: box, on: &buffer, glyphs: g)
        for (i, line) in lines.enumerated() where i < inner.height - 1 {
            buffer.put(line: line, in: inner.row(i).inset(top: 0, left: 1, bottom: 0, right: 1))
        }
        let answer = "j/y \(s.footer.yes) · n/Esc \(s.footer.no)"
        buffer.put(line: answer, in: inner.row(inner.height - 1), role: .key, alignment: .center)
    }

    static func helpTitle(_ app: AppState) -> String { app.strings.footer.confirmTitle }
}

extension ConfirmModal.Action: Equatable {}

/// The status-report form of one project and month.
enum ReportFormModal: ScreenModule {
    enum Action: Sendable {
        case nextField, previousField, light(Light), cycleLight(Int), clearLight, submit, discard, close, help
        /// Show another author's draft (read-only), then the next, then the own one again.
        case otherDraft
    }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        let onLight = app.reportEditor.map { ReportEditorState.isLight($0.focusedField) } ?? false
        var out: [KeyBinding<Action>] = [
            KeyBinding([.tab, .down, .enter], "Tab ↓ Enter", .nextField, describe: { $0.report.keyNextField },
                       footer: { $0.footer.nextField }),
            KeyBinding([.backTab, .up], "S-Tab ↑", .previousField, describe: { $0.report.keyPreviousField }),
        ]
        if onLight {
            // On a light, 1 2 3 (or g y r) choose it and go on to the next field.
            out += [
                KeyBinding([.char("1"), .char("g")], "1 2 3", .light(.green), describe: { $0.report.keyLight }),
                KeyBinding([.char("2"), .char("y")], "2", .light(.yellow), describe: { $0.report.keyLight }, listed: false),
                KeyBinding([.char("3"), .char("r")], "3", .light(.red), describe: { $0.report.keyLight }, listed: false),
                KeyBinding([.right], "→", .cycleLight(1), describe: { $0.report.keyLight }, listed: false),
                KeyBinding([.left], "←", .cycleLight(-1), describe: { $0.report.keyLight }, listed: false),
                KeyBinding([.backspace, .delete, .ctrl("u")], "⌫", .clearLight, describe: { $0.report.keyLight },
                           listed: false),
            ]
        } else {
            out.append(KeyBinding([], "← → Home End ^U ^K ^W", .close, describe: { $0.footer.keyEditText }))
        }
        out += [
            KeyBinding([.ctrl("s"), .function(2)], "^S F2", .submit, describe: { $0.report.keySubmit },
                       footer: { $0.footer.submit }),
            KeyBinding([.ctrl("d")], "^D", .discard, describe: { $0.report.keyDiscard }),
        ]
        if app.reportEditor?.others.isEmpty == false {
            out.append(KeyBinding([.function(3)], "F3", .otherDraft,
                                  describe: { AccessStrings.forLanguage($0.language).showOthersDraftKey },
                                  footer: { AccessStrings.forLanguage($0.language).showOthersDraftKey }))
        }
        out += [
            KeyBinding([.escape], "Esc", .close, describe: { $0.report.keyClose }, footer: { $0.footer.keepDraft }),
            KeyBinding([.function(1)], "F1", .help, describe: { $0.keyHelp }, footer: { $0.footer.help }),
        ]
        return out
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        switch action {
        case .close:
            // The draft is already stored; closing loses nothing.
            app.reportEditor = nil
            app.notice = app.strings.report.draftKept
            return []
        case .help:
            app.modals.append(.help)
            return []
        default:
            return app.reportFormAction(action)
        }
    }

    static func unbound(_ key: Key, into app: inout AppState) -> [Effect] {
        app.reportFormTyped(key)
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        guard let e = app.reportEditor else { return }
        buffer.fill(layout.content)
        ReportEditorView.render(app, e, in: layout.content, into: &buffer)
    }

    static func helpTitle(_ app: AppState) -> String { app.strings.report.title }
}
