import Foundation
import LotseDomain
import TermCanvas

/// The dialog in which the facilitator notes where the municipality stands on each tension
/// field of the questionnaire. Every change is saved at once, like an answer.
public struct StanceFormState: Hashable, Sendable {
    /// Index into the questionnaire's tension fields.
    public var selected = 0
    /// The note being typed for the selected field, when one is.
    public var note: LineEditor?

    public init(selected: Int = 0, note: LineEditor? = nil) {
        self.selected = selected
        self.note = note
    }
}

enum StanceModal: ScreenModule {
    enum Action: Sendable, Equatable {
        case select(Int), move(Int), set(Int), clear, note, commitNote, dropNote, close
    }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        let t = StanceStrings.forLanguage(app.strings.language)
        if app.stanceForm?.note != nil {
            return [KeyBinding([.enter], "Enter", .commitNote, describe: { $0.footer.keyCommitEntry }, footer: { $0.footer.take }),
                    KeyBinding([.escape], "Esc", .dropNote, describe: { $0.footer.keyCancelEntry }, footer: { $0.footer.cancel }),
                    KeyBinding([], "← → Home End ^U ^K ^W", .commitNote, describe: { $0.footer.keyEditText })]
        }
        var out: [KeyBinding<Action>] = [
            KeyBinding([.down, .char("j"), .tab], "↓ ↑", .select(1), describe: { _ in t.keySelect }),
            KeyBinding([.up, .char("k"), .backTab], "↑", .select(-1), describe: { _ in t.keySelect }, listed: false),
        ]
        if app.assessment.current?.completed == false {
            out += [
                KeyBinding([.right, .char("l")], "← → 1–5", .move(1), describe: { _ in t.keyMove },
                           footer: { _ in t.footerMove }),
                KeyBinding([.left, .char("h")], "←", .move(-1), describe: { _ in t.keyMove }, listed: false),
            ]
            out += TensionStance.positions.map { p in
                KeyBinding([.char(Character(String(p)))], "\(p)", .set(p), describe: { _ in t.keyMove }, listed: false)
            }
            out += [
                KeyBinding([.char("0"), .backspace, .delete], "0 ⌫", .clear, describe: { _ in t.keyClear }),
                KeyBinding([.char("n"), .enter], "n Enter", .note, describe: { _ in t.keyNote }, footer: { _ in t.footerNote }),
            ]
        }
        out.append(KeyBinding([.escape, .char("f")], "Esc", .close, describe: { _ in t.keyClose },
                              footer: { $0.footer.close }))
        return out
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        guard var form = app.stanceForm, let tensions = app.assessment.questionnaire?.tensions else { return [] }
        let count = tensions.count
        switch action {
        case .close:
            app.closeModal(.stances)
            return []
        case .select(let delta):
            guard count > 0 else { return [] }
            form.selected = (form.selected + delta + count) % count
            app.replaceTop(with: .stances(form))
            return []
        case .note:
            guard tensions.indices.contains(form.selected) else { return [] }
            let existing = app.assessment.current?.stances[tensions[form.selected].id]?.note ?? ""
            form.note = LineEditor(existing, limit: 500)
            app.replaceTop(with: .stances(form))
            return []
        case .dropNote:
            form.note = nil
            app.replaceTop(with: .stances(form))
            return []
        case .commitNote:
            let text = SafeText.forTerminalLine(form.note?.text ?? "").trimmingCharacters(in: .whitespaces)
            form.note = nil
            app.replaceTop(with: .stances(form))
            return app.changeStance(at: form.selected) { TensionStance(position: $0.position, note: text) }
        case .move(let delta):
            return app.changeStance(at: form.selected) { $0.moved(by: delta) }
        case .set(let position):
            return app.changeStance(at: form.selected) { TensionStance(position: position, note: $0.note) }
        case .clear:
            return app.changeStance(at: form.selected) { TensionStance(position: nil, note: $0.note) }
        }
    }

    static func unbound(_ key: Key, into app: inout AppState) -> [Effect] {
        guard var form = app.stanceForm, var editor = form.note else { return [] }
        editor.handle(key)
        form.note = editor
        app.replaceTop(with: .stances(form))
        return []
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        guard let form = app.stanceForm else { return }
        StanceView.render(app, form, in: layout.content, into: &buffer)
    }

    static func helpTitle(_ app: AppState) -> String { StanceStrings.forLanguage(app.strings.language).title }
}

extension AppState {
    /// The tension-field dialog, when open.
    public var stanceForm: StanceFormState? {
        for case .stances(let f) in modals { return f }
        return nil
    }

    /// Opens the tension-field dialog for the assessment being run or shown.
    mutating func openStances() {
        guard assessment.current != nil else { return }
        guard let tensions = assessment.questionnaire?.tensions, !tensions.isEmpty else {
            notice = StanceStrings.forLanguage(strings.language).noTensions
            return
        }
        modals.append(.stances(StanceFormState()))
    }

    /// Changes the stance on the tension field at `index` of the open assessment and saves it.
    mutating func changeStance(at index: Int, _ change: (TensionStance) -> TensionStance) -> [Effect] {
        guard var current = assessment.current, !current.completed,
              let tensions = assessment.questionnaire?.tensions, tensions.indices.contains(index) else { return [] }
        let id = tensions[index].id
        let old = current.stances[id] ?? TensionStance()
        let new = change(old)
        guard new != old else { return [] }
        current.stances[id] = new.isEmpty ? nil : new
        assessment.current = current
        storeCurrent()
        return [.saveStance(assessmentID: current.id, tensionID: id, stance: new)]
    }
}
