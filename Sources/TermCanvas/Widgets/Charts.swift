/// A one-row chart of values using eight block heights; missing values stay blank.
public struct Sparkline: Sendable {
    public var values: [Double?]
    /// The value drawn as the lowest and highest block; default: the data's range.
    public var minimum: Double?
    public var maximum: Double?
    public var role: Role

    public init(values: [Double?], minimum: Double? = nil, maximum: Double? = nil, role: Role = .accent) {
        self.values = values
        self.minimum = minimum
        self.maximum = maximum
        self.role = role
    }

    /// The glyph for every value (the newest at the right end), at most `width` of them.
    public func glyphs(width: Int, glyphs: Glyphs) -> [String] {
        let shown = Array(values.suffix(Swift.max(0, width)))
        let present = shown.compactMap { $0 }
        guard let lo = minimum ?? present.min(), let hi = maximum ?? present.max() else {
            return shown.map { _ in " " }
        }
        let levels = glyphs.sparkLevels
        return shown.map { v in
            guard let v else { return " " }
            if hi <= lo { return levels[levels.count / 2] }
            let t = Swift.min(1, Swift.max(0, (v - lo) / (hi - lo)))
            return levels[Int((t * Double(levels.count - 1)).rounded())]
        }
    }

    public func render(in rect: Rect, on buffer: inout Buffer, glyphs: Glyphs) {
        guard !rect.isEmpty else { return }
        let marks = self.glyphs(width: rect.width, glyphs: glyphs)
        let x0 = rect.maxX - marks.count
        for (i, m) in marks.enumerated() {
            buffer.put(m, x: x0 + i, y: rect.y, role: role, clip: rect)
        }
    }
}

/// A horizontal bar showing `value` of `total`, with an optional label after it.
public struct Gauge: Sendable {
    /// 0 ... 1; values above 1 draw a full bar in `overRole`.
    public var ratio: Double
    public var role: Role
    public var overRole: Role
    public var label: String

    public init(ratio: Double, role: Role = .accent, overRole: Role = .kpiBad, label: String = "") {
        self.ratio = ratio
        self.role = role
        self.overRole = overRole
        self.label = label
    }

    public func render(in rect: Rect, on buffer: inout Buffer, glyphs: Glyphs) {
        guard !rect.isEmpty else { return }
        let labelWidth = label.isEmpty ? 0 : Swift.min(rect.width, DisplayWidth.of(label) + 1)
        let barWidth = rect.width - labelWidth
        if barWidth > 0 {
            let clamped = Swift.max(0, Swift.min(1, ratio))
            let full = Int((clamped * Double(barWidth)).rounded())
            let r = ratio > 1 ? overRole : role
            buffer.put(String(repeating: glyphs.gaugeFull, count: full), x: rect.x, y: rect.y, role: r, clip: rect)
            buffer.put(String(repeating: glyphs.gaugeEmpty, count: barWidth - full), x: rect.x + full,
                       y: rect.y, role: .muted, clip: rect)
        }
        if labelWidth > 0 {
            buffer.put(line: label, in: Rect(x: rect.x + barWidth, y: rect.y, width: labelWidth, height: 1),
                       role: .normal, alignment: .right, ellipsis: glyphs.ellipsis)
        }
    }
}
