/// A theme as written in a theme file, before it is checked: for each role name, its keys
/// and their values as text. Parser-independent, so the file format stays outside
/// TermCanvas: a reader turns numbers into their digits and lists into comma-separated
/// text (`attributes = ["bold", "underline"]` becomes `"bold, underline"`).
///
/// Keys of a role (all optional):
/// - `fg256`, `bg256`: foreground and background on a 256-colour terminal, 0–255 or `default`
/// - `fg8`, `bg8`: the same on an 8-colour terminal, 0–7 or `default`
/// - `attributes`: with colour; any of `bold`, `underline`, `reverse`, `dim`
/// - `mono`: the attributes used without colour (NO_COLOR, monochrome terminals)
///
/// A role left out is plain (see `Theme.resolve(depth:)`), so a theme written for an older
/// version keeps working when roles are added; `Theme.shortcomings` names such gaps.
public struct ThemeDefinition: Hashable, Sendable {
    public var name: String
    /// Role name (`Role.rawValue`) → key → value text.
    public var roles: [String: [String: String]]

    public init(name: String, roles: [String: [String: String]]) {
        self.name = name
        self.roles = roles
    }

    /// The keys a role may have, in the order they are written.
    public static let keys = ["fg256", "bg256", "fg8", "bg8", "attributes", "mono"]
    /// The attribute names, in the order they are written.
    public static let attributeNames: [(name: String, attribute: TextAttributes)] = [
        ("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim),
    ]
    /// The value meaning "the terminal's own colour".
    public static let defaultColor = "default"

    /// Every problem of the definition, roles and keys in alphabetical order.
    public var problems: [ThemeProblem] { check().problems }

    /// The theme, or every problem at once.
    public func theme() throws(ThemeDefinitionError) -> Theme {
        let (theme, problems) = check()
        guard problems.isEmpty else { throw ThemeDefinitionError(themeName: name, problems: problems) }
        return theme
    }

    private func check() -> (theme: Theme, problems: [ThemeProblem]) {
        var styles: [Role: RoleStyle] = [:]
        var problems: [ThemeProblem] = []
        for roleName in roles.keys.sorted() {
            let values = roles[roleName] ?? [:]
            guard let role = Role(rawValue: roleName) else {
                problems.append(ThemeProblem(role: roleName, key: nil, kind: .unknownRole))
                continue
            }
            var style = RoleStyle()
            for key in values.keys.sorted() {
                let text = values[key] ?? ""
                func color(_ range: ClosedRange<Int>) -> TermColor {
                    switch Self.color(text, range: range) {
                    case .ok(let color): return color
                    case .problem(let kind):
                        problems.append(ThemeProblem(role: roleName, key: key, kind: kind))
                        return .default
                    }
                }
                func attributes() -> TextAttributes {
                    switch Self.attributes(text) {
                    case .ok(let attributes): return attributes
                    case .problem(let kind):
                        problems.append(ThemeProblem(role: roleName, key: key, kind: kind))
                        return []
                    }
                }
                switch key {
                case "fg256": style.fg256 = color(0...255)
                case "bg256": style.bg256 = color(0...255)
                case "fg8": style.fg8 = color(0...7)
                case "bg8": style.bg8 = color(0...7)
                case "attributes": style.attributes = attributes()
                case "mono": style.monoAttributes = attributes()
                default: problems.append(ThemeProblem(role: roleName, key: key, kind: .unknownKey))
                }
            }
            styles[role] = style
        }
        return (Theme(name: name, styles: styles), problems)
    }

    private static func color(_ text: String, range: ClosedRange<Int>) -> Checked<TermColor> {
        let trimmed = text.trimmingBlanks()
        if trimmed.lowercased() == defaultColor { return .ok(.default) }
        guard let number = Int(trimmed) else { return .problem(.notAColor(text)) }
        guard range.contains(number) else { return .problem(.colorOutOfRange(number, range)) }
        return .ok(.index(number))
    }

    private static func attributes(_ text: String) -> Checked<TextAttributes> {
        var result: TextAttributes = []
        for part in text.split(separator: ",") {
            let word = String(part).trimmingBlanks()
            guard !word.isEmpty else { continue }
            guard let attribute = attributeNames.first(where: { $0.name == word.lowercased() })?.attribute else {
                return .problem(.unknownAttribute(word))
            }
            result.insert(attribute)
        }
        return .ok(result)
    }
}

public extension ThemeDefinition {
    /// The definition that builds `theme` again: every role the theme has, with all six keys.
    init(theme: Theme) {
        func text(_ color: TermColor) -> String {
            switch color {
            case .default: ThemeDefinition.defaultColor
            case .index(let n): String(n)
            }
        }
        func text(_ attributes: TextAttributes) -> String {
            ThemeDefinition.attributeNames.filter { attributes.contains($0.attribute) }.map(\.name)
                .joined(separator: ", ")
        }
        var roles: [String: [String: String]] = [:]
        for (role, style) in theme.styles {
            roles[role.rawValue] = [
                "fg256": text(style.fg256), "bg256": text(style.bg256),
                "fg8": text(style.fg8), "bg8": text(style.bg8),
                "attributes": text(style.attributes), "mono": text(style.monoAttributes),
            ]
        }
        self.init(name: theme.name, roles: roles)
    }
}

/// One problem of a theme definition, naming the role and, where it applies, the key.
public struct ThemeProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// The role name is not a `Role`.
        case unknownRole
        /// The key is not one of `ThemeDefinition.keys`.
        case unknownKey
        /// An attribute in `attributes` or `mono` that does not exist.
        case unknownAttribute(String)
        /// A colour that is neither a number nor `default`.
        case notAColor(String)
        /// A colour number outside the palette of its key (0–255 or 0–7).
        case colorOutOfRange(Int, ClosedRange<Int>)
    }

    public var role: String
    /// nil when the problem is about the whole role.
    public var key: String?
    public var kind: Kind

    public init(role: String, key: String?, kind: Kind) {
        self.role = role
        self.key = key
        self.kind = kind
    }

    /// `role.key`, or the role alone.
    public var item: String { key.map { "\(role).\($0)" } ?? role }

    /// What is wrong and what would be right, without the place.
    public var message: String {
        switch kind {
        case .unknownRole:
            return "unknown role '\(role)'; roles: " + Role.allCases.map(\.rawValue).joined(separator: ", ")
        case .unknownKey:
            return "unknown key '\(key ?? "")'; allowed: " + ThemeDefinition.keys.joined(separator: ", ")
        case .unknownAttribute(let word):
            return "unknown attribute '\(word)'; allowed: "
                + ThemeDefinition.attributeNames.map(\.name).joined(separator: ", ")
        case .notAColor(let text):
            return "'\(text)' is not a colour; expected a number or \"\(ThemeDefinition.defaultColor)\""
        case .colorOutOfRange(let number, let range):
            return "colour \(number) is out of range; \(key ?? "this key") takes "
                + "\(range.lowerBound)–\(range.upperBound) or \"\(ThemeDefinition.defaultColor)\""
        }
    }

    public var description: String { "\(item): \(message)" }
}

/// Why a theme definition was not turned into a theme; lists every problem.
public struct ThemeDefinitionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var themeName: String
    public var problems: [ThemeProblem]

    public init(themeName: String, problems: [ThemeProblem]) {
        self.themeName = themeName
        self.problems = problems
    }

    public var description: String {
        "theme '\(themeName)' was not loaded:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// What keeps a valid theme from being complete and usable everywhere.
public enum ThemeShortcoming: Hashable, Sendable, CustomStringConvertible {
    /// The theme leaves the role out, so it is drawn plain.
    case missingRole(Role)
    /// The role must stand out without colour but has no `reverse` in its mono attributes.
    case notReversedWithoutColor(Role)

    public var description: String {
        switch self {
        case .missingRole(let role):
            "role '\(role.rawValue)' is missing; it is drawn plain"
        case .notReversedWithoutColor(let role):
            "role '\(role.rawValue)' needs 'reverse' in mono, or it does not stand out without colour"
        }
    }
}

public extension Theme {
    /// The roles that mark where the user is or what to press; without colour only
    /// `reverse` shows them as a bar.
    static let rolesReversedWithoutColor: [Role] = [.tabActive, .selection, .statusBar, .key]

    /// Roles the theme leaves out, and bars it has that would vanish without colour.
    var shortcomings: [ThemeShortcoming] {
        Role.allCases.filter { styles[$0] == nil }.map(ThemeShortcoming.missingRole)
            + Self.rolesReversedWithoutColor.filter { styles[$0].map { !$0.monoAttributes.contains(.reverse) } ?? false }
            .map(ThemeShortcoming.notReversedWithoutColor)
    }
}

/// A value read from its text, or what is wrong with the text.
private enum Checked<Value> {
    case ok(Value)
    case problem(ThemeProblem.Kind)
}

private extension String {
    func trimmingBlanks() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
