import Foundation
import LotseDomain
import TermCanvas

/// What the self-assessment's text entries do when they are taken.
extension AppState {
    /// Takes the wizard's entry line: a note, every participant's answer, or the consensus.
    mutating func commitEntry() -> [Effect] {
        guard let entry else { return [] }
        let text = entry.editor.text.trimmingCharacters(in: .whitespaces)
        switch entry.kind {
        case .note:
            guard var current = assessment.current, let s = assessment.currentStatement else { return [] }
            if text.isEmpty { current.notes[s.id] = nil } else { current.notes[s.id] = text }
            assessment.current = current
            storeCurrent()
            closeModal(.entry)
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
                replaceTop(with: .entry(EntryState(.consensus,
                                                   text: ResponseStats(values).proposedConsensus.map(String.init) ?? "0")))
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
            closeModal(.entry)
            return [.saveConsensus(assessmentID: current.id, statementID: s.id, value: value)] + moveStatement(by: 1)
        }
    }

    /// Starts the assessment the set-up dialog describes, or points at the field to fix.
    mutating func createAssessment(from form: SetupFormState) -> [Effect] {
        guard let q = assessment.newest else { return [] }
        let f = form.values.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let date = strings.formats.parseDate(f[1]) else {
            notice = strings.assess.badDate(f[1])
            var fix = form
            fix.focus(1)
            replaceTop(with: .setup(fix))
            return []
        }
        let municipality = municipalities?.first { $0.name == f[0] || $0.id == f[0] }
        guard !f[0].isEmpty else {
            notice = strings.assess.municipalityMissing
            var fix = form
            fix.focus(0)
            replaceTop(with: .setup(fix))
            return []
        }
        let participants = f[3].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var unique: [String] = []
        for p in participants where !unique.contains(p) { unique.append(p) }
        guard unique.count <= ParticipantGrid.maxParticipants else {
            notice = WorkshopStrings.forLanguage(strings.language).tooManyParticipants(ParticipantGrid.maxParticipants,
                                                                                       unique.count)
            var fix = form
            fix.focus(3)
            replaceTop(with: .setup(fix))
            return []
        }
        let id = "SE-" + AssessmentState.idFormatter.string(from: now)
        let new = Assessment(id: id, municipalityID: municipality?.id ?? f[0], questionnaire: q.versionTag, date: date,
                             facilitator: f[2].isEmpty ? user : f[2], participants: unique)
        assessment.current = new
        assessment.assessments.append(new)
        closeModal(.setup)
        assessment.dimensionStartedAt = now
        _ = go(to: .wizard)
        return [.createAssessment(new)]
    }
}

extension AppState {
    /// Finishes the assessment being run (after the yes to the question `e` asks) and
    /// shows its result.
    mutating func finishAssessment() -> [Effect] {
        guard var current = assessment.current else { return [] }
        current.completed = true
        assessment.current = current
        storeCurrent()
        assessment.presenter = false
        assessment.resultScroll = 0
        _ = go(to: .result)
        return [.savePosition(assessmentID: current.id, position: current.position, completed: true),
                .load(ScreenDataRequest(evidence: evidenceRequest()))]
    }

    /// Asks before opening a finished assessment again; says so when it is not finished.
    mutating func askToReopen(_ chosen: Assessment) {
        guard chosen.completed else {
            notice = WorkshopStrings.forLanguage(strings.language).notFinished
            return
        }
        guard !readOnly else {
            notice = access.readOnlyRefused
            return
        }
        modals.append(.confirm(Confirmation(question: WorkshopStrings.forLanguage(strings.language).reopenQuestion,
                                            action: .reopenAssessment(chosen.id))))
    }

    /// Opens the finished assessment `id` again in the wizard, where it stopped. The store
    /// records the reopening (who, when) with the write of the position.
    mutating func reopenAssessment(id: String) -> [Effect] {
        guard var chosen = assessment.assessments.first(where: { $0.id == id }), chosen.completed else { return [] }
        chosen.completed = false
        chosen.reopenings.append(Reopening(by: user, at: now))
        assessment.current = chosen
        storeCurrent()
        assessment.resultScroll = 0
        assessment.dimensionStartedAt = now
        notice = WorkshopStrings.forLanguage(strings.language).reopenedNotice
        _ = go(to: .wizard)
        return [.savePosition(assessmentID: id, position: chosen.position, completed: false)]
    }
}

extension AssessmentState {
    public static let defaultTimeBox = 10

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
