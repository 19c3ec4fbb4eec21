import LotseDomain
import TermCanvas

/// Small pieces of presentation shared by the screens.
enum Format {
    static func role(_ light: Light) -> Role {
        switch light {
        case .green: .lightGreen
        case .yellow: .lightYellow
        case .red: .lightRed
        }
    }

    static func glyph(_ light: Light, _ g: Glyphs) -> String {
        switch light {
        case .green: g.lightGreen
        case .yellow: g.lightYellow
        case .red: g.lightRed
        }
    }

    /// A light as shape and word ("▲ gelb"), readable without colour.
    static func light(_ light: Light?, _ s: Strings, _ g: Glyphs) -> [Span] {
        guard let light else { return [Span(g.lightNone + " –", .muted)] }
        return [Span(glyph(light, g) + " " + s.light(light), role(light))]
    }

    /// The light's shape alone, coloured; a hollow mark when there is no report.
    static func light(glyphOnly light: Light?, _ g: Glyphs) -> Span {
        guard let light else { return Span(g.lightNone, .muted) }
        return Span(glyph(light, g), role(light))
    }

    /// "+2", "−1", "±0" for a change in a count.
    static func delta(_ d: Int) -> String {
        d > 0 ? "+\(d)" : d < 0 ? "−\(-d)" : "±0"
    }


    /// A small bar plus the per cent figure, e.g. "▇▇▇░░ 57 %".
    static func progress(_ value: Int?, width: Int, _ g: Glyphs, _ f: Formats) -> [Span] {
        guard let value else { return [Span("–", .muted)] }
        let label = f.percent(value).leftPadded(to: 5)
        let barWidth = max(0, width - 6)
        let full = (value * barWidth + 50) / 100
        return [Span(String(repeating: g.gaugeFull, count: full), .accent),
                Span(String(repeating: g.gaugeEmpty, count: barWidth - full), .muted),
                Span(" " + label, .normal)]
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= width ? self : String(repeating: " ", count: width - w) + self
    }
}
