import Foundation
import LotseDomain
import TermCanvas

extension AppState {
    /// Commands of the Selbsteinschätzung screen. Every answer becomes an effect at once,
    /// so nothing typed is held back in memory.
    mutating func assessmentCommand(_ command: Command) -> [Effect] {
        var a = assessment
        defer { assessment = a }
        switch (a.mode, command) {
        case (.list, .up): a.list.move(by: -1, rowCount: a.assessments.count, visibleRows: max(1, size.height - 6))
        case (.list, .down): a.list.move(by: 1, rowCount: a.assessments.count, visibleRows: max(1, size.height - 6))
        case (.list, .newAssessment):
            guard a.questionnaire != nil else { notice = strings.assess.noQuestionnaire; return [] }
            let main = municipalities?.max { $0.population < $1.population }
            a.setupFields = [main?.name ?? "", AssessmentState.dayFormatter.string(from: now), user, ""]
            a.mode = .setup
            a.entry = .setupField(0)
            a.entryText = a.setupFields[0]
        case (.list, .openAssessment), (.list, .showResult):
            let sorted = a.sortedAssessments
            guard sorted.indices.contains(a.list.selected) else { return [] }
            a.current = sorted[a.list.selected]
            a.resultScroll = 0
            a.mode = (command == .showResult || a.current!.completed) ? .result : .wizard
            a.dimensionStartedAt = now
            assessment = a
            return [.load(ScreenDataRequest(evidence: evidenceRequest()))]
        case (.result, .up): a.resultScroll = max(0, a.resultScroll - 1)
        case (.result, .down): a.resultScroll = min(resultMaxScroll, a.resultScroll + 1)
        case (.result, .pageUp): a.resultScroll = max(0, a.resultScroll - max(1, size.height - 6))
        case (.result, .pageDown): a.resultScroll = min(resultMaxScroll, a.resultScroll + max(1, size.height - 6))
        case (.wizard, let c):
            assessment = a
            let effects = wizardCommand(c)
            a = assessment
            return effects
        default: break
        }
        return []
    }

    private mutating func wizardCommand(_ command: Command) -> [Effect] {
        guard var current = assessment.current, let statement = assessment.currentStatement,
              let q = assessment.questionnaire else { return [] }
        switch command {
        case .answer(let value):
            if let v = value, !q.scale.contains(v) {
                notice = strings.assess.outOfScale(q.scale.min, q.scale.max)
                return []
            }
            if assessment.isWorkshop {
                assessment.entry = .responses
                assessment.entryText = value.map(String.init) ?? "0"
                return []
            }
            // A single team answers together: the answer is the consensus.
            current.consensus[statement.id] = .some(value)
            assessment.current = current
            storeCurrent()
            return [.saveConsensus(assessmentID: current.id, statementID: statement.id, value: value)]
                + move(by: 1)
        case .editConsensus:
            let proposed = ResponseStats(responses(of: statement.id)).proposedConsensus
            let existing = current.consensus[statement.id]
            assessment.entry = .consensus
            assessment.entryText = existing.map { $0.map(String.init) ?? "0" } ?? proposed.map(String.init) ?? ""
        case .nextStatement, .skipStatement: return move(by: 1)
        case .previousStatement: return move(by: -1)
        case .editNote:
            assessment.entry = .note
            assessment.entryText = current.notes[statement.id] ?? ""
        case .toggleStatementHelp: assessment.showStatementHelp.toggle()
        case .togglePresenter: assessment.presenter.toggle()
        case .toggleTimeBox:
            assessment.timeBoxMinutes = assessment.timeBoxMinutes == nil ? AssessmentState.defaultTimeBox : nil
            assessment.dimensionStartedAt = now
        case .finishAssessment:
            current.completed = true
            assessment.current = current
            storeCurrent()
            assessment.mode = .result
            assessment.presenter = false
            assessment.resultScroll = 0
            return [.savePosition(assessmentID: current.id, position: current.position, completed: true),
                    .load(ScreenDataRequest(evidence: evidenceRequest()))]
        default: break
        }
        return []
    }

    /// The participants' answers to a statement, in participant order.
    func responses(of statementID: String) -> [Int?] {
        guard let a = assessment.current else { return [] }
        let given = a.responses[statementID] ?? [:]
        return a.participants.compactMap { p in given[p] }
    }

    /// Moves the wizard by `delta` statements and records the position.
    private mutating func move(by delta: Int) -> [Effect] {
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

    /// Typing into the entry line (`LineEditor`'s keys), Enter commits, Esc cancels.
    mutating func handleEntry(_ key: Key) -> [Effect] {
        switch key {
        case .escape:
            if case .setupField = assessment.entry {
                assessment.mode = .list
            }
            assessment.entry = .none
            assessment.entryText = ""
            return []
        case .ctrl("c"):
            return [.quit]
        case .tab, .down:
            if case .setupField(let i) = assessment.entry { return moveSetupField(from: i, by: 1) }
            return []
        case .backTab, .up:
            if case .setupField(let i) = assessment.entry { return moveSetupField(from: i, by: -1) }
            return []
        case .enter:
            return commitEntry()
        default:
            assessment.entryEditor.handle(key)
            return []
        }
    }

    private mutating func moveSetupField(from i: Int, by delta: Int) -> [Effect] {
        assessment.setupFields[i] = assessment.entryText
        let next = max(0, min(assessment.setupFields.count - 1, i + delta))
        assessment.entry = .setupField(next)
        assessment.entryText = assessment.setupFields[next]
        return []
    }

    private mutating func commitEntry() -> [Effect] {
        let text = assessment.entryText.trimmingCharacters(in: .whitespaces)
        switch assessment.entry {
        case .none:
            return []
        case .setupField(let i):
            assessment.setupFields[i] = assessment.entryText
            if i < assessment.setupFields.count - 1 { return moveSetupField(from: i, by: 1) }
            return createAssessment()
        case .note:
            guard var current = assessment.current, let s = assessment.currentStatement else { return [] }
            if text.isEmpty { current.notes[s.id] = nil } else { current.notes[s.id] = text }
            assessment.current = current
            storeCurrent()
            assessment.entry = .none
            assessment.entryText = ""
            return [.saveNote(assessmentID: current.id, statementID: s.id, note: text)]
        case .responses:
            guard var current = assessment.current, let s = assessment.currentStatement,
                  let q = assessment.questionnaire else { return [] }
            switch QuickEntry.parse(text, participants: current.participants.count, scale: q.scale) {
            case .failure(.wrongCount(let expected, let got)):
                notice = strings.assess.wrongCount(expected, got)
                return []
            case .failure(.outOfScale(let token)):
                notice = strings.assess.badValue(token, q.scale.min, q.scale.max)
                return []
            case .success(let values):
                var effects: [Effect] = []
                var given: [String: Int?] = [:]
                for (p, v) in zip(current.participants, values) {
                    given[p] = .some(v)
                    effects.append(.saveResponse(assessmentID: current.id, statementID: s.id, participant: p, value: v))
                }
                current.responses[s.id] = given
                assessment.current = current
                storeCurrent()
                // Straight on to the consensus, pre-filled with the proposal.
                assessment.entry = .consensus
                assessment.entryText = ResponseStats(values).proposedConsensus.map(String.init) ?? "0"
                return effects
            }
        case .consensus:
            guard var current = assessment.current, let s = assessment.currentStatement,
                  let q = assessment.questionnaire else { return [] }
            let value: Int?
            if text == "0" || text == "?" {
                value = nil
            } else if let v = Int(text), q.scale.contains(v) {
                value = v
            } else {
                notice = strings.assess.badValue(text, q.scale.min, q.scale.max)
                return []
            }
            current.consensus[s.id] = .some(value)
            assessment.current = current
            storeCurrent()
            assessment.entry = .none
            assessment.entryText = ""
            return [.saveConsensus(assessmentID: current.id, statementID: s.id, value: value)] + move(by: 1)
        }
    }

    private mutating func createAssessment() -> [Effect] {
        guard let q = assessment.questionnaire else { return [] }
        let f = assessment.setupFields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let date = AssessmentState.dayFormatter.date(from: f[1]) else {
            notice = strings.assess.badDate(f[1])
            assessment.entry = .setupField(1)
            assessment.entryText = f[1]
            return []
        }
        let municipality = municipalities?.first { $0.name == f[0] || $0.id == f[0] }
        guard !f[0].isEmpty else {
            notice = strings.assess.municipalityMissing
            assessment.entry = .setupField(0)
            assessment.entryText = ""
            return []
        }
        let participants = f[3].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var unique: [String] = []
        for p in participants where !unique.contains(p) { unique.append(p) }
        let id = "SE-" + AssessmentState.idFormatter.string(from: now)
        let new = Assessment(id: id, municipalityID: municipality?.id ?? f[0], questionnaire: q.versionTag, date: date,
                             facilitator: f[2].isEmpty ? user : f[2], participants: unique)
        assessment.current = new
        assessment.assessments.append(new)
        assessment.entry = .none
        assessment.entryText = ""
        assessment.mode = .wizard
        assessment.dimensionStartedAt = now
        return [.createAssessment(new)]
    }
}

extension AssessmentState {
    public static let defaultTimeBox = 10

    static let dayFormatter: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f
    }()

    static let idFormatter: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd-HHmmss"
        return f
    }()

    /// The list order: newest first.
    var sortedAssessments: [Assessment] {
        assessments.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
    }
}
