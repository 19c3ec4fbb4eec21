import LotseDomain
import TermCanvas

extension AppState {
    /// Applies a message and returns the effects the runtime must perform. No I/O here.
    public mutating func update(_ message: Message) -> [Effect] {
        let before = readOnly || writeScope != .all ? self : nil
        let effects = receive(message)
        if let before, effects.contains(where: \.writes) {
            // Read-only: the change is refused as a whole, what led to it included.
            if readOnly || writeScope == .none {
                self = before
                notice = access.readOnlyRefused
                return []
            }
            if let foreign = effects.lazy.compactMap({ before.municipality(writtenBy: $0) })
                .first(where: { !before.writeScope.allows($0) }) {
                self = before
                notice = refusal(for: foreign)
                return []
            }
        }
        if effects.contains(where: \.writes) { hasChanges = true }
        return effects
    }

    private mutating func receive(_ message: Message) -> [Effect] {
        switch message {
        case .key(let key):
            return handle(key)
        case .mouse(let click):
            return handle(click)
        case .resize(let newSize):
            // The phase columns were asked for as many projects as the old height shows.
            if newSize.height > size.height { phaseSamples = nil }
            size = newSize
            projectScroll = min(projectScroll, projectMaxScroll)
            assessment.resultScroll = min(assessment.resultScroll, resultMaxScroll)
            return ensureRowWindow() + screenDataEffects()
        case .tick(let date):
            now = date
            return []
        case .reportEditorLoaded(let projectID, let reportMonth, let draft, let version, let project):
            if let project { projectIndex = PortfolioIndex(project) }
            openReportEditor(projectID: projectID, month: reportMonth, draft: draft, version: version)
            return []
        case .otherDrafts(let drafts):
            showOtherDrafts(drafts)
            return []
        case .reportSubmitted(let projectID, let reportMonth):
            reportEditor = nil
            notice = strings.report.submitted(projectID, strings.formats.month(reportMonth))
            return [.load(fullRequest())]
        case .reportConflict(let conflict):
            reportEditor?.submitting = false
            notice = strings.report.conflict(conflict)
            return []
        case .continuationLoaded(let load):
            openContinuationForm(load)
            return []
        case .continuationSubmitted(let projectID, let decision):
            continuationSubmitted(projectID: projectID, decision: decision)
            return [.load(fullRequest())]
        case .continuationConflict(let conflict):
            continuationConflict(conflict)
            return []
        case .questionnaireLoaded(let q):
            assessment.newest = q
            return []
        case .earlierQuestionnairesLoaded(let list):
            assessment.earlier = Dictionary(list.map { ($0.versionTag, $0) }, uniquingKeysWith: { first, _ in first })
            return []
        case .assessmentsLoaded(let list):
            assessment.assessments = list
            if let id = assessment.current?.id { assessment.current = list.first { $0.id == id } ?? assessment.current }
            return []
        case .terminate:
            return [.quit]
        case .dataLoaded(let data):
            return apply(data)
        case .dataChanged(let byOthers):
            // What is typed stays: the search line, the report form and the wizard keep
            // their text; only the data under them is asked for again.
            if byOthers { notice = strings.dataChanged }
            phaseSamples = nil
            rowsStale = true
            return [.load(fullRequest())]
        case .fileWritten(let path):
            notice = HandoutStrings.forLanguage(strings.language).written(path)
            return []
        case .failed(let text):
            notice = text
            reportEditor?.submitting = false
            continuationForm?.submitting = false
            return []
        }
    }

    /// A key goes to the modal on top, which takes them all; without one, to the route's
    /// screen and then to the keys every screen has. Ctrl-C always quits.
    private mutating func handle(_ key: Key) -> [Effect] {
        notice = nil
        if key == .ctrl("c") { return [.quit] }
        if let binding = activeBindings.first(where: { $0.keys.contains(key) }) {
            return binding.run(&self)
        }
        if let top = topModal { return Screens.module(for: top.kind).unbound(key, &self) }
        return Screens.module(for: route).unbound(key, &self)
    }

    /// The keys in force, first match wins: the top modal's alone, else the screen's and
    /// then the global ones.
    var activeBindings: [BoundKey] {
        if let top = topModal { return Screens.module(for: top.kind).bindings(self) }
        return Screens.module(for: route).bindings(self) + AnyScreen(GlobalKeys.self).bindings(self)
    }

    /// The keys to name in the help and the footer: those in force that no earlier binding
    /// shadows, without the stand-ins of a range ("1…5").
    var listedBindings: [BoundKey] {
        var taken = Set<Key>()
        var out: [BoundKey] = []
        for b in activeBindings {
            let free = b.keys.isEmpty || b.keys.contains { !taken.contains($0) }
            taken.formUnion(b.keys)
            if free && b.listed { out.append(b) }
        }
        return out
    }

    private mutating func handle(_ click: MouseClick) -> [Effect] {
        guard modals.isEmpty else { return [] }
        if click.y == 0, let tab = AppView.tab(atColumn: click.x, state: self) {
            return show(tab: tab)
        }
        if route == .portfolio, let row = PortfolioView.row(atLine: click.y, state: self) {
            table.selected = row
            return ensureRowWindow()
        }
        return []
    }
}

extension AppState {
    /// The municipality whose data `effect` writes, as far as the screen knows it.
    func municipality(writtenBy effect: Effect) -> String? {
        switch effect {
        case .saveDraft(let draft): municipality(ofProject: draft.projectID)
        case .discardDraft(let id, _), .discardContinuationDraft(let id): municipality(ofProject: id)
        case .submitReport(let report, _, _): municipality(ofProject: report.projectID)
        case .saveContinuationDraft(let draft): municipality(ofProject: draft.projectID)
        case .submitContinuation(let review, _): municipality(ofProject: review.projectID)
        case .createAssessment(let a): a.municipalityID
        case .saveResponse, .saveConsensus, .saveNote, .savePosition, .saveStance: assessment.current?.municipalityID
        case .load, .loadAssessments, .loadSampleData, .openReportEditor, .openContinuationForm, .writeFile, .exportView,
             .quit: nil
        }
    }

    /// The municipality of project `id`: from the table's rows, the open project, or the
    /// overview's lists.
    func municipality(ofProject id: String) -> String? {
        if let row = page.rows.first(where: { $0.project.id == id }) { return row.project.municipalityID }
        if let project = projectIndex?.portfolio.projects.first(where: { $0.id == id }) { return project.municipalityID }
        if let row = attention?.rows.first(where: { $0.project.id == id }) { return row.project.municipalityID }
        return nil
    }

    /// "Nur Lesen für Musterstadt …": a write refused for municipality `id` (nil: the
    /// database did not say whose), in the user's words.
    public func refusal(for id: String?) -> String {
        let name = id.map { id in municipalities?.first { $0.id == id }?.name ?? id }
        return ServerStrings.forLanguage(strings.language).writeRefused(name)
    }

    /// Whether the user may change the data of project `id`; when not, says so in the
    /// status line (before an editor opens, not after the typing).
    mutating func mayChange(projectID id: String) -> Bool {
        if writeScope == .none {
            notice = access.readOnlyRefused
            return false
        }
        guard let municipality = municipality(ofProject: id), !writeScope.allows(municipality) else { return true }
        notice = refusal(for: municipality)
        return false
    }
}
