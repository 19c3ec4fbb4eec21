import Foundation
import LotseDomain
import TermCanvas

/// The self-assessments: newest first; start one, continue one, see a result.
enum AssessmentListScreen: ScreenModule {
    enum Action: Sendable {
        case move(TableMove), new, open, showResult, reopen
    }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        var out = TableMove.bindings.prefix(2).map { b in
            KeyBinding(b.keys, b.label, Action.move(b.action), describe: b.describe)
        }
        out.append(KeyBinding([.char("n")], "n", .new, describe: { $0.assess.keyNewAssessment },
                              footer: { $0.footer.newAssessment }))
        // Opening needs an assessment to open.
        if !app.assessment.assessments.isEmpty {
            out += [
                KeyBinding([.enter], "Enter", .open, describe: { $0.assess.keyOpenAssessment }, footer: { $0.footer.open }),
                KeyBinding([.char("r")], "r", .showResult, describe: { $0.assess.keyShowResult },
                           footer: { $0.footer.result }),
                KeyBinding([.char("w")], "w", .reopen, describe: { WorkshopStrings.forLanguage($0.language).keyReopen }),
            ]
        }
        return out
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        switch action {
        case .move(let m):
            app.assessment.list.apply(m, rowCount: app.assessment.assessments.count, layout: app.layout)
            return []
        case .new:
            guard app.assessment.newest != nil else {
                app.notice = app.strings.assess.noQuestionnaire
                return []
            }
            let main = app.municipalities?.max { $0.population < $1.population }
            app.modals.append(.setup(SetupFormState(fields: [
                main?.name ?? "", app.strings.formats.date(app.now), app.user, ""])))
            return []
        case .reopen:
            let sorted = app.assessment.sortedAssessments
            guard sorted.indices.contains(app.assessment.list.selected) else { return [] }
            app.askToReopen(sorted[app.assessment.list.selected])
            return []
        case .open, .showResult:
            let sorted = app.assessment.sortedAssessments
            guard sorted.indices.contains(app.assessment.list.selected) else { return [] }
            let chosen = sorted[app.assessment.list.selected]
            app.assessment.current = chosen
            app.assessment.resultScroll = 0
            app.assessment.dimensionStartedAt = app.now
            _ = app.go(to: action == .showResult || chosen.completed ? .result : .wizard)
            return [.load(ScreenDataRequest(evidence: app.evidenceRequest()))]
        }
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        AssessmentView.renderList(app, in: layout.content, into: &buffer)
    }
}

extension AssessmentListScreen.Action: Equatable {}

/// A self-assessment being run: one statement at a time, answered by the team or by each
/// participant; every answer is stored at once.
enum WizardScreen: ScreenModule {
    enum Action: Sendable {
        case answer(Int?), consensus, next, previous, skip, note, statementHelp, presenter, timeBox, stances, finish, back
    }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        let scale = app.assessment.questionnaire?.scale
        let range = scale.map { "\($0.min)…\($0.max)" } ?? "1…5"
        // Every digit is an answer here (out of the scale says so), never a tab.
        let digits: [KeyBinding<Action>] = (1...9).map { n in
            KeyBinding([.char(Character(String(n)))], range, .answer(n), describe: { $0.assess.keyAnswer },
                       footer: { $0.footer.answer }, listed: n == 1)
        }
        return digits + [
            KeyBinding([.char("0")], "0", .answer(nil), describe: { $0.assess.keyDontKnow }),
            KeyBinding([.enter, .char("c")], "Enter c", .consensus, describe: { $0.assess.keyConsensus }),
            KeyBinding([.right, .char("l"), .pageDown], "→ l", .next, describe: { $0.assess.keyNextStatement },
                       footer: { $0.footer.next }),
            KeyBinding([.left, .char("h"), .pageUp], "← h", .previous, describe: { $0.assess.keyPreviousStatement }),
            KeyBinding([.char("s")], "s", .skip, describe: { $0.assess.keySkip }),
            KeyBinding([.char("n")], "n", .note, describe: { $0.assess.keyNote }, footer: { $0.footer.note }),
            KeyBinding([.char("i")], "i", .statementHelp, describe: { $0.assess.keyStatementHelp }),
            KeyBinding([.char("p")], "p", .presenter, describe: { $0.assess.keyPresenter }),
            KeyBinding([.char("t")], "t", .timeBox, describe: { $0.assess.keyTimeBox }),
            KeyBinding([.char("f")], "f", .stances, describe: { StanceStrings.forLanguage($0.language).keyOpen }),
            KeyBinding([.char("e")], "e", .finish, describe: { $0.assess.keyFinish }, footer: { $0.footer.finish }),
            KeyBinding([.escape], "Esc", .back, describe: { $0.keyBack }, footer: { $0.footer.back }),
        ]
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        if case .back = action {
            app.assessment.presenter = false
            return app.go(to: .assessments)
        }
        guard var current = app.assessment.current, let statement = app.assessment.currentStatement,
              let q = app.assessment.questionnaire else { return [] }
        switch action {
        case .answer(let value):
            if let v = value, !q.scale.contains(v) {
                app.notice = app.strings.assess.outOfScale(q.scale.min, q.scale.max)
                return []
            }
            if app.assessment.isWorkshop {
                app.modals.append(.entry(EntryState(.responses, text: value.map(String.init) ?? "0")))
                return []
            }
            // A single team answers together: the answer is the consensus.
            current.consensus[statement.id] = .some(value)
            app.assessment.current = current
            app.storeCurrent()
            return [.saveConsensus(assessmentID: current.id, statementID: statement.id, value: value)]
                + app.moveStatement(by: 1)
        case .consensus:
            let proposed = ResponseStats(app.responses(of: statement.id)).proposedConsensus
            let existing = current.consensus[statement.id]
            let text = existing.map { $0.map(String.init) ?? "0" } ?? proposed.map(String.init) ?? ""
            app.modals.append(.entry(EntryState(.consensus, text: text)))
        case .next, .skip: return app.moveStatement(by: 1)
        case .previous: return app.moveStatement(by: -1)
        case .note:
            app.modals.append(.entry(EntryState(.note, text: current.notes[statement.id] ?? "")))
        case .statementHelp: app.assessment.showStatementHelp.toggle()
        case .stances: app.openStances()
        case .presenter: app.assessment.presenter.toggle()
        case .timeBox:
            app.assessment.timeBoxMinutes = app.assessment.timeBoxMinutes == nil ? AssessmentState.defaultTimeBox : nil
            app.assessment.dimensionStartedAt = app.now
        case .finish:
            // Read-only: say so at once instead of asking a question whose yes is refused.
            guard !app.readOnly else {
                app.notice = app.access.readOnlyRefused
                return []
            }
            let answered = q.statements.count - current.notAnswered(q.statements.map(\.id)).count
            let question = WorkshopStrings.forLanguage(app.strings.language).finishQuestion(answered, q.statements.count)
            app.modals.append(.confirm(Confirmation(question: question, action: .finishAssessment)))
        case .back: break
        }
        return []
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        if app.assessment.presenter {
            buffer.fill(buffer.area)
            WizardView.renderPresenter(app, in: buffer.area, into: &buffer)
        } else {
            WizardView.render(app, in: layout.content, into: &buffer)
        }
    }
}

/// The result of a self-assessment: the phase, the dimensions, the evidence.
enum ResultScreen: ScreenModule {
    enum Action: Sendable {
        case scroll(TableMove), reopen, handout, stances, back
    }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        var out: [KeyBinding<Action>] = []
        for b in TableMove.scrollBindings {
            let scrolls = b.action == .up || b.action == .down
            let describe = b.describe
            let line: @Sendable (Strings) -> String = { scrolls ? $0.assess.keyScroll : describe($0) }
            var footer: (@Sendable (Strings) -> String)?
            if b.action == .down { footer = { $0.footer.scroll } }
            out.append(KeyBinding(b.keys, b.label, .scroll(b.action), describe: line, footer: footer))
        }
        if app.assessment.current?.completed == true {
            // In the help only: the footer of 80 columns has no room left, and the question
            // before finishing names the key.
            out.append(KeyBinding([.char("w")], "w", .reopen, describe: { WorkshopStrings.forLanguage($0.language).keyReopen }))
        }
        out.append(KeyBinding([.char("d")], "d", .handout, describe: { HandoutStrings.forLanguage($0.language).keyWrite },
                              footer: { HandoutStrings.forLanguage($0.language).footerWrite }))
        out.append(KeyBinding([.char("f")], "f", .stances, describe: { StanceStrings.forLanguage($0.language).keyOpen }))
        out.append(KeyBinding([.escape], "Esc", .back, describe: { $0.keyBack }, footer: { $0.footer.back }))
        return out
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        switch action {
        case .handout:
            return app.writeHandout()
        case .stances:
            app.openStances()
            return []
        case .reopen:
            if let current = app.assessment.current { app.askToReopen(current) }
            return []
        case .scroll(let m):
            app.assessment.resultScroll = m.scrolled(app.assessment.resultScroll, max: app.resultMaxScroll,
                                                     page: app.layout.documentPage)
            return []
        case .back:
            return app.go(to: .assessments)
        }
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        ResultView.render(app, in: layout.content, into: &buffer)
    }
}

extension AppState {
    /// The workshop handout of the assessment shown, as one HTML file in the export folder.
    mutating func writeHandout() -> [Effect] {
        guard let current = assessment.current, let q = assessment.questionnaire else { return [] }
        let previous = Handout.previous(of: current, among: assessment.assessments)
        let name = municipalities?.first { $0.id == current.municipalityID }?.name
        let shown = (evidence?.projectCount ?? 0) > 0 ? evidence : nil
        let handout = Handout(assessment: current, questionnaire: q, previous: previous, municipalityName: name,
                              evidence: shown, language: strings.language)
        return [.writeFile(name: Self.handoutFileName(current), contents: handout.render(.html))]
    }

    /// "Handout-KOM-1-2025-11-12.html": the assessment's municipality and date, with every
    /// character that could leave the folder or confuse a shell replaced.
    static func handoutFileName(_ a: Assessment) -> String {
        let day = AssessmentMinutes.day(a.date)
        let safe = String(a.municipalityID.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || scalar == "-" || scalar == "_"
                ? Character(scalar) : "-"
        }).prefix(60)
        return "Handout-\(safe.isEmpty ? "assessment" : String(safe))-\(day).html"
    }

    /// The participants' answers to a statement, in participant order.
    func responses(of statementID: String) -> [Int?] {
        guard let a = assessment.current else { return [] }
        let given = a.responses[statementID] ?? [:]
        return a.participants.compactMap { p in given[p] }
    }

    /// Moves the wizard by `delta` statements and records the position.
    mutating func moveStatement(by delta: Int) -> [Effect] {
        guard var current = assessment.current else { return [] }
        let count = assessment.statements.count
        let target = max(0, min(count - 1, current.position + delta))
        guard target != current.position else { return [] }
        let oldDimension = assessment.currentStatement?.dimension
        current.position = target
        assessment.current = current
        storeCurrent()
        if assessment.currentStatement?.dimension != oldDimension { assessment.dimensionStartedAt = now }
        return [.savePosition(assessmentID: current.id, position: target, completed: current.completed)]
    }

    /// Keeps the list in step with the assessment being edited.
    mutating func storeCurrent() {
        guard let current = assessment.current else { return }
        if let i = assessment.assessments.firstIndex(where: { $0.id == current.id }) {
            assessment.assessments[i] = current
        } else {
            assessment.assessments.append(current)
        }
    }
}
