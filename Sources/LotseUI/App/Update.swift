import LotseDomain
import TermCanvas

extension AppState {
    /// Applies a message and returns the effects the runtime must perform. No I/O here.
    public mutating func update(_ message: Message) -> [Effect] {
        let before = readOnly ? self : nil
        let effects = receive(message)
        if let before, effects.contains(where: \.writes) {
            // Read-only: the change is refused as a whole, what led to it included.
            self = before
            notice = access.readOnlyRefused
            return []
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
