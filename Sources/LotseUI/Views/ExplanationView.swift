import LotseDomain
import TermCanvas

/// The `w` dialog: why a project's light is what it is in the month shown.
enum ExplanationModal: ScreenModule {
    enum Action: Sendable { case close }

    static func bindings(_ app: AppState) -> [KeyBinding<Action>] {
        [KeyBinding([.escape, .char("w"), .enter], "Esc w", .close, describe: { $0.explanation.keyClose },
                    footer: { $0.footer.close })]
    }

    static func reduce(_ action: Action, into app: inout AppState) -> [Effect] {
        app.closeModal(.explanation)
        return []
    }

    static func render(_ app: AppState, layout: ScreenLayout, into buffer: inout Buffer) {
        guard case .explanation(let id)? = app.topModal else { return }
        ExplanationView.render(app, projectID: id, in: layout.content, into: &buffer)
    }

    static func helpTitle(_ app: AppState) -> String {
        guard case .explanation(let id)? = app.topModal else { return app.strings.explanation.why }
        return app.strings.explanation.title(id, app.explanationProject(id)?.name ?? "")
    }
}

extension ExplanationModal.Action: Equatable {}

extension AppState {
    /// Opens the explanation of `id`, asking for the project's history unless it is here.
    mutating func openExplanation(projectID id: String) -> [Effect] {
        modals.append(.explanation(projectID: id))
        if explanationProject(id) != nil { return [] }
        return [.load(ScreenDataRequest(projectID: id))]
    }

    /// The project of the open explanation, so that new data reaches it too.
    var explainedProjectID: String? {
        for case .explanation(let id) in modals { return id }
        return nil
    }

    /// The project `id` when its history is loaded.
    func explanationProject(_ id: String) -> Project? {
        projectIndex?.portfolio.projects.first { $0.id == id }
    }

    /// The explanation of `id` in the month shown, when its history is loaded.
    func explanation(of id: String) -> LightExplanation? {
        guard let index = projectIndex else { return nil }
        return LightExplanation(index: index, projectID: id, month: month)
    }
}

enum ExplanationView {
    static func render(_ app: AppState, projectID id: String, in content: Rect, into buffer: inout Buffer) {
        let s = app.strings, t = s.explanation, g = app.glyphs
        let width = min(content.width, 84)
        let name = app.explanationProject(id)?.name ?? ""
        let body: [[Span]]
        if let e = app.explanation(of: id) {
            // Inside the border and a margin, with the document's last column kept free.
            body = lines(e, app: app, width: width - 5)
        } else {
            body = [[Span(t.loading, .muted)]]
        }
        let box = content.centered(Size(width: width, height: min(content.height, body.count + 2)))
        buffer.fill(box)
        let inner = Box(title: t.title(id, name), role: .accent).render(in: box, on: &buffer, glyphs: g)
        Document(lines: body, offset: 0).render(in: inner.inset(top: 0, left: 1, bottom: 0, right: 1), on: &buffer, glyphs: g)
    }

    /// The dialog's lines at `width`: the report's four lights, the causes, the figures, the rule.
    static func lines(_ e: LightExplanation, app: AppState, width: Int) -> [[Span]] {
        let s = app.strings, t = s.explanation, g = app.glyphs, f = s.formats
        var out: [[Span]] = []
        func wrap(_ text: String, mark: Span?, role: Role = .normal) {
            let indent = mark.map { DisplayWidth.of($0.text) + 1 } ?? 0
            for (i, line) in TextWrap.lines(text, width: max(5, width - indent)).enumerated() {
                var spans: [Span] = []
                if let mark { spans.append(i == 0 ? mark : Span(String(repeating: " ", count: DisplayWidth.of(mark.text)))) }
                if mark != nil { spans.append(Span(" ")) }
                spans.append(Span(line, role))
                out.append(spans)
            }
        }

        if let r = e.report {
            if let earlier = e.reportFromEarlierMonth {
                wrap(t.reportFromEarlier(f.month(e.month), f.month(earlier)), mark: nil, role: .warning)
            }
            var head = [Span(t.reportOf(f.month(r.month)) + "  ", .title)] + Format.light(r.overall, s, g)
            for (aspect, light) in [(LightExplanation.Aspect.schedule, r.schedule), (.cost, r.cost), (.results, r.results)] {
                head += [Span("  " + t.aspect(aspect) + " ", .muted), Span(Format.glyph(light, g), Format.role(light))]
            }
            out.append(head)
        } else {
            out.append([Span(t.noReport, .warning)])
        }
        out.append([])

        out.append([Span(t.causesHeading, .header)])
        if e.causes.isEmpty { wrap(t.noCauses, mark: nil, role: .kpiGood) }
        for c in e.causes {
            wrap(t.cause(c, month: e.month, strings: s), mark: Format.light(glyphOnly: c.light, g))
        }
        out.append([])

        out.append([Span(t.figuresHeading, .header)])
        let pct = e.spent.percent(of: e.planned).map { " (" + f.percent($0) + ")" } ?? ""
        wrap(t.budgetLine(f.money(e.spent), f.money(e.planned)) + pct, mark: nil)
        if let check = e.schedule {
            wrap(t.scheduleLine(f.percent(check.progress), f.percent(check.expected)), mark: nil)
        } else if e.report != nil {
            wrap(t.scheduleNotChecked, mark: nil, role: .muted)
        }
        if e.kpisOffTarget.isEmpty { wrap(t.kpisMet, mark: nil) }
        out.append([])
        wrap(t.ruleNote, mark: nil, role: .muted)
        return out
    }
}
