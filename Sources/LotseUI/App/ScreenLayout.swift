import TermCanvas

/// Where everything goes at one terminal size. Computed once from the size and used by
/// both `update` (how far a page moves, how many rows to ask for) and the views (where to
/// draw), so the two can never disagree.
public struct ScreenLayout: Hashable, Sendable {
    /// Below this size the screen shows a notice instead of a squeezed layout.
    public static let minimumSize = Size(width: 60, height: 15)

    public let size: Size
    public let tabBar: Rect
    /// Between the tab bar and the footer.
    public let content: Rect
    public let footer: Rect

    public init(size: Size) {
        self.size = size
        tabBar = Rect(x: 0, y: 0, width: size.width, height: min(1, size.height))
        content = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
        footer = Rect(x: 0, y: max(0, size.height - 1), width: size.width, height: size.height >= 2 ? 1 : 0)
    }

    public var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }

    /// Inside the box every screen draws around its content.
    public var boxed: Rect { content.inset(top: 1, left: 1, bottom: 1, right: 1) }

    /// Data rows of a boxed table: the box's inside minus the header line.
    public var tableRows: Int { max(1, boxed.height - 1) }

    /// How far Page Up/Down moves a table: a page, keeping one row for orientation.
    public var tablePage: Int { max(1, tableRows - 1) }

    /// What a scrolling document (project, result) fills: the box's inside.
    public var document: Size { Size(width: boxed.width, height: boxed.height) }

    /// How far Page Up/Down moves a document: a page, keeping two lines for orientation.
    public var documentPage: Int { max(1, document.height - 2) }
}
