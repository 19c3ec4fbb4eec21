import LotseDomain
import TermCanvas

/// The portfolio's filter dialog (`f`): one row per filter, chosen with ← →; the office is
/// typed, with the offices of the loaded rows offered as completion. Nothing changes until
/// Enter applies the whole set; Esc leaves the query as it was.
public struct FilterFormState: Hashable, Sendable {
    public enum Row: Int, CaseIterable, Sendable {
        case field, phase, municipality, office, light, attention
    }

    public var focus: Row = .field
    public var field: FieldOfAction?
    public var phase: Phase?
    /// A municipality's id.
    public var municipality: String?
    public var office: LineEditor
    public var light: PortfolioQuery.LightFilter
    public var needsAttention: Bool
    /// The municipalities offered, by id, in the order shown.
    public var municipalityIDs: [String]
    /// The offices seen in the loaded rows, sorted: the office row's completion.
    public var knownOffices: [String]
    /// Why Enter did not apply, shown until the next key.
    public var problem: String?

    public init(query: PortfolioQuery, municipalityIDs: [String], knownOffices: [String]) {
        field = query.field
        phase = query.phase
        municipality = query.municipality
        office = LineEditor(query.office ?? "", limit: 200)
        light = query.lightFilter
        needsAttention = query.needsAttention
        self.municipalityIDs = municipalityIDs
        self.knownOffices = knownOffices
    }

    /// The known offices the typed text names: the one it spells exactly (case and accents
    /// ignored), else every one that contains it; empty when nothing is typed.
    public var officeMatches: [String] {
        let typed = SearchText.fold(office.text.trimmingCharacters(in: .whitespaces))
        guard !typed.isEmpty else { return [] }
        if let exact = knownOffices.first(where: { SearchText.fold($0) == typed }) { return [exact] }
        return knownOffices.filter { SearchText.fold($0).contains(typed) }
    }

    /// The office to filter by: nil for none; the completed name when the typed text
    /// names one known office; the typed text when it names none (the loaded rows need not
    /// show every office). Several matches are an error: the caller says which.
    public func resolvedOffice() -> Result<String?, AmbiguousOffice> {
        let typed = office.text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return .success(nil) }
        let matches = officeMatches
        switch matches.count {
        case 0: return .success(typed)
        case 1: return .success(matches[0])
        default: return .failure(AmbiguousOffice(offices: matches))
        }
    }

    public struct AmbiguousOffice: Error, Hashable, Sendable {
        public var offices: [String]
    }

    /// `query` with this form's filters; its search and sort stay.
    public func applied(to query: PortfolioQuery, office: String?) -> PortfolioQuery {
        var q = query
        q.field = field
        q.phase = phase
        q.municipality = municipality
        q.office = office
        q.lightFilter = light
        q.needsAttention = needsAttention
        return q
    }

    /// The next (or, with a negative step, previous) choice on the focused row, wrapping
    /// round through "all".
    mutating func choose(_ step: Int) {
        func cycle<T: Equatable>(_ value: T?, in all: [T]) -> T? {
            let choices: [T?] = [nil] + all.map { Optional($0) }
            let i = choices.firstIndex { $0 == value } ?? 0
            return choices[(i + step % choices.count + choices.count) % choices.count]
        }
        switch focus {
        case .field: field = cycle(field, in: FieldOfAction.allCases)
        case .phase: phase = cycle(phase, in: Phase.allCases)
        case .municipality: municipality = cycle(municipality, in: municipalityIDs)
        case .office: break
        case .light:
            let all = PortfolioQuery.LightFilter.allCases
            let i = all.firstIndex(of: light) ?? 0
            light = all[(i + step % all.count + all.count) % all.count]
        case .attention: needsAttention.toggle()
        }
    }

    /// Puts the focused row back to "all".
    mutating func reset() {
        switch focus {
        case .field: field = nil
        case .phase: phase = nil
        case .municipality: municipality = nil
        case .office: office = LineEditor("", limit: 200)
        case .light: light = .all
        case .attention: needsAttention = false
        }
    }

    mutating func move(_ step: Int) {
        let count = Row.allCases.count
        focus = Row(rawValue: (focus.rawValue + step + count) % count) ?? .field
    }
}

enum FilterModal: ScreenModule {
    enum Action: Sendable, Equatable {
        case move(Int), choose(Int), reset, apply, cancel
    }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        let t = PortfolioFilterStrings.forLanguage(app.strings.language)
        var out: [KeyBinding<Action>] = [
            KeyBinding([.down, .tab], "↓ ↑ Tab", .move(1), describe: { _ in t.keyField }),
            KeyBinding([.up, .backTab], "↑", .move(-1), describe: { _ in t.keyField }, listed: false),
        ]
        // On the office row the keys edit the typed name instead.
        if app.filterForm?.focus != .office {
            out += [
                KeyBinding([.right, .char(" ")], "← → Space", .choose(1), describe: { _ in t.keyChoose }),
                KeyBinding([.left], "←", .choose(-1), describe: { _ in t.keyChoose }, listed: false),
                KeyBinding([.delete, .backspace], "Entf", .reset, describe: { _ in t.keyReset }),
            ]
        }
        out += [
            KeyBinding([.enter], "Enter", .apply, describe: { _ in t.keyApply }, footer: { $0.footer.take }),
            KeyBinding([.escape], "Esc", .cancel, describe: { _ in t.keyCancel }, footer: { $0.footer.cancel }),
        ]
        return out
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        guard var form = app.filterForm else { return [] }
        form.problem = nil
        switch action {
        case .move(let step): form.move(step)
        case .choose(let step): form.choose(step)
        case .reset: form.reset()
        case .cancel:
            app.closeModal(.filters)
            return []
        case .apply:
            switch form.resolvedOffice() {
            case .failure(let ambiguous):
                let t = PortfolioFilterStrings.forLanguage(app.strings.language)
                form.problem = t.officeAmbiguous(ambiguous.offices.joined(separator: ", "))
            case .success(let office):
                // The selected project stays selected when it still passes.
                app.closeModal(.filters)
                return app.setQuery(form.applied(to: app.query, office: office))
            }
        }
        app.replaceTop(with: .filters(form))
        return []
    }

    static func unbound(_ key: Key, into app: inout AppState) -> [Effect] {
        guard var form = app.filterForm, form.focus == .office else { return [] }
        form.problem = nil
        form.office.handle(key)
        app.replaceTop(with: .filters(form))
        return []
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        guard let form = app.filterForm else { return }
        PortfolioFilterView.render(app, form, in: layout.content, into: &buffer)
    }

    static func helpTitle(_ app: AppState) -> String { PortfolioFilterStrings.forLanguage(app.strings.language).title }
}

extension AppState {
    /// The filter dialog, when open.
    public var filterForm: FilterFormState? {
        for case .filters(let f) in modals { return f }
        return nil
    }

    /// Opens the filter dialog with the query's filters.
    mutating func openFilters() {
        var offices = Set(page.rows.map(\.project.owner))
        offices.formUnion(projectIndex?.portfolio.projects.map(\.owner) ?? [])
        if let office = query.office { offices.insert(office) }
        let known = offices.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .sorted { SearchText.fold($0) < SearchText.fold($1) }
        modals.append(.filters(FilterFormState(query: query, municipalityIDs: (municipalities ?? []).map(\.id),
                                               knownOffices: known)))
    }
}

/// Draws the filter dialog over the portfolio.
enum PortfolioFilterView {
    static func value(_ row: FilterFormState.Row, _ form: FilterFormState, _ app: AppState) -> String {
        let s = app.strings, t = PortfolioFilterStrings.forLanguage(s.language)
        switch row {
        case .field: return form.field.map(s.field) ?? t.any
        case .phase: return form.phase.map(s.phase) ?? t.any
        case .municipality:
            return form.municipality.map { id in app.municipalities?.first { $0.id == id }?.name ?? id } ?? t.any
        case .office: return form.office.text
        case .light: return form.light == .all ? t.any : s.lightFilter(form.light)
        case .attention: return form.needsAttention ? t.yes : t.no
        }
    }

    static func label(_ row: FilterFormState.Row, _ t: PortfolioFilterStrings) -> String {
        switch row {
        case .field: t.labelField
        case .phase: t.labelPhase
        case .municipality: t.labelMunicipality
        case .office: t.labelOffice
        case .light: t.labelLight
        case .attention: t.labelAttention
        }
    }

    /// The line under the rows: a problem first, else what the focused row needs said.
    static func hint(_ form: FilterFormState, _ t: PortfolioFilterStrings) -> (String, Role) {
        if let problem = form.problem { return (problem, .warning) }
        switch form.focus {
        case .office:
            if form.office.text.trimmingCharacters(in: .whitespaces).isEmpty { return (t.officeHint, .muted) }
            let matches = form.officeMatches
            return matches.isEmpty ? (t.officeUnknown, .warning) : (t.officeMatches(matches.joined(separator: ", ")), .muted)
        case .attention: return (t.attentionHint, .muted)
        default: return ("", .muted)
        }
    }

    static func render(_ app: AppState, _ form: FilterFormState, in content: Rect, into buffer: inout Buffer) {
        let t = PortfolioFilterStrings.forLanguage(app.strings.language), g = app.glyphs
        let rows = FilterFormState.Row.allCases
        let size = Size(width: min(content.width, 72), height: min(content.height, rows.count + 5))
        guard size.width >= 4, size.height >= 3 else { return }
        let box = content.centered(size)
        buffer.fill(box)
        let inner = Box(title: t.title, role: .accent).render(in: box, on: &buffer, glyphs: g)
            .inset(top: 0, left: 1, bottom: 0, right: 1)
        guard inner.width > 0, inner.height > 0 else { return }
        let labelWidth = min(inner.width / 2, (rows.map { DisplayWidth.of(label($0, t)) }.max() ?? 0) + 2)
        for (i, row) in rows.enumerated() where i < inner.height {
            let line = inner.row(i)
            let focused = row == form.focus
            buffer.put(line: label(row, t), in: Rect(x: line.x, y: line.y, width: labelWidth, height: 1),
                       role: focused ? .accent : .normal, ellipsis: g.ellipsis)
            let field = Rect(x: line.x + labelWidth, y: line.y, width: max(0, line.width - labelWidth), height: 1)
            if row == .office && focused {
                // Aligned with the other values, which have a cell of room before them.
                buffer.fill(field, role: .selection)
                form.office.render(in: field.inset(left: min(1, field.width)), on: &buffer, role: .selection,
                                   ellipsis: g.ellipsis)
            } else if row == .office && form.office.text.isEmpty {
                buffer.put(line: " " + t.any, in: field, role: .muted, ellipsis: g.ellipsis)
            } else {
                let text = value(row, form, app)
                let width = min(field.width, DisplayWidth.of(text) + 2)
                let spot = Rect(x: field.x, y: field.y, width: width, height: 1)
                buffer.put(line: " " + text + " ", in: spot, role: focused ? .selection : .normal, ellipsis: g.ellipsis)
            }
        }
        let (text, role) = hint(form, t)
        if inner.height > rows.count + 1 {
            buffer.put(line: text, in: inner.row(rows.count + 1), role: role, ellipsis: g.ellipsis)
        }
        if inner.height > rows.count + 2 {
            buffer.put(line: t.keysLine, in: inner.row(inner.height - 1), role: .key, ellipsis: g.ellipsis)
        }
    }
}
