import TermCanvas

/// Which curses colour pair each role uses, worked out from a resolved theme and what the
/// terminal offers. Pure, so it is tested without a terminal; `NcursesTerminal` then
/// calls `init_pair` for every entry of `definitions`.
///
/// Roles with the same colours share a pair. Roles on the terminal's default colours share
/// a pair (-1, -1) of their own where `use_default_colors` succeeded, else they use pair 0
/// and allocate nothing.
public struct ColorPairTable: Equatable, Sendable {
    /// One `init_pair(number, foreground, background)` call. -1 is the terminal's default
    /// colour (valid after `use_default_colors`).
    public struct Definition: Hashable, Sendable {
        public var number: Int16
        public var foreground: Int16
        public var background: Int16

        public init(number: Int16, foreground: Int16, background: Int16) {
            self.number = number
            self.foreground = foreground
            self.background = background
        }
    }

    /// The pairs to define, numbered from 1 in `Role.allCases` order of first use.
    public private(set) var definitions: [Definition] = []
    private var pairOfRole: [Role: Int16] = [:]

    /// - Parameters:
    ///   - styles: the theme resolved for the terminal (`Theme.resolve(depth:)`).
    ///   - depth: the terminal's colour depth; `.none` allocates no pairs at all.
    ///   - colorCount: `COLORS`; indices at or above it are clamped (see `clamp`).
    ///   - pairLimit: `COLOR_PAIRS`; roles beyond it fall back to pair 0.
    ///   - defaultColorsAvailable: whether `use_default_colors` succeeded, so -1 is valid.
    public init(styles: [Role: ResolvedStyle], depth: ColorDepth, colorCount: Int,
                pairLimit: Int, defaultColorsAvailable: Bool) {
        guard depth != .none, colorCount > 0 else { return }
        var numberOfColors: [Definition: Int16] = [:]
        for role in Role.allCases {
            let style = styles[role] ?? .plain
            let fg = Self.clamp(style.foreground, colorCount: colorCount)
            let bg = Self.clamp(style.background, colorCount: colorCount)
            // Roles on the default colours share one pair (-1, -1) of their own where the
            // terminal allows it. Pair 0 would make curses end every coloured run with a
            // full attribute reset (`ESC [ 39 m ESC ( B ESC [ m`, 11 bytes) instead of a colour
            // change (`ESC [ 39 m`), about a tenth of what a table page writes.
            if fg == .default && bg == .default && !defaultColorsAvailable { continue }
            let key = Definition(
                number: 0,
                foreground: Self.cursesColor(fg, defaultColorsAvailable: defaultColorsAvailable, isForeground: true),
                background: Self.cursesColor(bg, defaultColorsAvailable: defaultColorsAvailable, isForeground: false))
            if let number = numberOfColors[key] {
                pairOfRole[role] = number
                continue
            }
            let number = Int16(definitions.count + 1)
            guard Int(number) < pairLimit else { continue }
            numberOfColors[key] = number
            definitions.append(Definition(number: number, foreground: key.foreground, background: key.background))
            pairOfRole[role] = number
        }
    }

    /// The pair number for `role`; 0 (the terminal's default colours) when it has none.
    public func pair(for role: Role) -> Int16 { pairOfRole[role] ?? 0 }

    /// A colour the terminal can show: indices below `colorCount` stay; the bright half of
    /// the 16-colour palette (8–15) becomes its normal colour (0–7) on an 8-colour
    /// terminal; anything else the terminal cannot show becomes its default colour.
    public static func clamp(_ color: TermColor, colorCount: Int) -> TermColor {
        guard case .index(let n) = color else { return .default }
        if n >= 0 && n < colorCount { return color }
        if (8..<16).contains(n) && colorCount >= 8 { return .index(n - 8) }
        return .default
    }

    /// The number `init_pair` takes: -1 for the default colour when the terminal allows
    /// it, otherwise white text on black.
    static func cursesColor(_ color: TermColor, defaultColorsAvailable: Bool, isForeground: Bool) -> Int16 {
        switch color {
        case .index(let n): Int16(n)
        case .default: defaultColorsAvailable ? -1 : (isForeground ? 7 : 0)
        }
    }
}
