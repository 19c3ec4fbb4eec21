import LotseDomain
import TermCanvas

/// The continuation form (Verstetigung) of one project, opened with `v`.
enum ContinuationFormModal: ScreenModule {
    enum Action: Sendable, Equatable {
        case nextField, previousField, choose(Int), submit, discard, close, help
    }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        let onChoice = app.continuationForm.map { ContinuationFormState.isChoice($0.focusedField) } ?? false
        var out: [KeyBinding<Action>] = [
            KeyBinding([.tab, .down, .enter], "Tab ↓ Enter", .nextField, describe: { $0.continuationForm.keyNextField },
                       footer: { $0.footer.nextField }),
            KeyBinding([.backTab, .up], "S-Tab ↑", .previousField, describe: { $0.continuationForm.keyPreviousField }),
        ]
        if onChoice {
            out += [
                KeyBinding([.right, .char(" ")], "← → ␣", .choose(1), describe: { $0.continuationForm.keyChoose }),
                KeyBinding([.left], "←", .choose(-1), describe: { $0.continuationForm.keyChoose }, listed: false),
            ]
        } else {
            out.append(KeyBinding([], "← → Home End ^U ^K ^W", .close, describe: { $0.footer.keyEditText }))
        }
        out += [
            KeyBinding([.ctrl("s"), .function(2)], "^S F2", .submit, describe: { $0.continuationForm.keySubmit },
                       footer: { $0.footer.submit }),
            KeyBinding([.ctrl("d")], "^D", .discard, describe: { $0.continuationForm.keyDiscard }),
            KeyBinding([.escape], "Esc", .close, describe: { $0.continuationForm.keyClose },
                       footer: { $0.footer.keepDraft }),
            KeyBinding([.function(1)], "F1", .help, describe: { $0.keyHelp }, footer: { $0.footer.help }),
        ]
        return out
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        switch action {
        case .close:
            // The draft is already stored; closing loses nothing.
            app.continuationForm = nil
            app.notice = app.strings.continuationForm.draftKept
            return []
        case .help:
            app.modals.append(.help)
            return []
        default:
            return app.continuationFormAction(action)
        }
    }

    static func unbound(_ key: Key, into app: inout AppState) -> [Effect] {
        app.continuationFormTyped(key)
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        guard let f = app.continuationForm else { return }
        buffer.fill(layout.content)
        ContinuationFormView.render(app, f, in: layout.content, into: &buffer)
    }

    static func helpTitle(_ app: AppState) -> String { app.strings.continuationForm.title }
}
