/// How many colours the terminal can show.
public enum ColorDepth: Int, Sendable, Hashable, Comparable {
    case none = 0
    case eight = 8
    case twoFiftySix = 256

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
}

/// A colour as the terminal understands it: an index into its palette (0–255), or the
/// terminal's default.
public enum TermColor: Hashable, Sendable {
    case `default`
    case index(Int)
}

/// The concrete look of one role on one terminal.
public struct ResolvedStyle: Hashable, Sendable {
    public var foreground: TermColor
    public var background: TermColor
    public var attributes: TextAttributes

    public init(foreground: TermColor = .default, background: TermColor = .default,
                attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = ResolvedStyle()
}

/// A style for one role, with a 256-colour and an 8-colour variant and the attributes
/// that remain when there is no colour at all.
public struct RoleStyle: Hashable, Sendable {
    public var fg256: TermColor
    public var bg256: TermColor
    public var fg8: TermColor
    public var bg8: TermColor
    public var attributes: TextAttributes
    /// Attributes used on a terminal without colour, so the role still stands out.
    public var monoAttributes: TextAttributes

    public init(fg256: TermColor = .default, bg256: TermColor = .default,
                fg8: TermColor = .default, bg8: TermColor = .default,
                attributes: TextAttributes = [], monoAttributes: TextAttributes = []) {
        self.fg256 = fg256
        self.bg256 = bg256
        self.fg8 = fg8
        self.bg8 = bg8
        self.attributes = attributes
        self.monoAttributes = monoAttributes
    }
}

/// A named mapping from roles to styles.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [Role: RoleStyle]

    public init(name: String, styles: [Role: RoleStyle]) {
        self.name = name
        self.styles = styles
    }

    /// The style of every role for a terminal of `depth`. Roles the theme leaves out
    /// are plain; at `.none` only attributes remain (NO_COLOR, monochrome terminals).
    public func resolve(depth: ColorDepth) -> [Role: ResolvedStyle] {
        var out: [Role: ResolvedStyle] = [:]
        for role in Role.allCases {
            let s = styles[role] ?? RoleStyle()
            switch depth {
            case .twoFiftySix:
                out[role] = ResolvedStyle(foreground: s.fg256, background: s.bg256, attributes: s.attributes)
            case .eight:
                out[role] = ResolvedStyle(foreground: s.fg8, background: s.bg8, attributes: s.attributes)
            case .none:
                out[role] = ResolvedStyle(attributes: s.monoAttributes)
            }
        }
        return out
    }
}
