/// What a cell means, not how it looks. Themes map roles to colours and attributes.
public enum Role: String, CaseIterable, Sendable, Hashable, Codable {
    case normal
    case muted
    case header
    case title
    case tabActive
    case tabInactive
    case selection
    case border
    case accent
    case lightGreen
    case lightYellow
    case lightRed
    case kpiGood
    case kpiBad
    case warning
    case statusBar
    case key
}

/// A text attribute a theme may add to a role.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let underline = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
}
