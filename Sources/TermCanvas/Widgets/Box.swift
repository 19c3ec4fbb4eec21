/// A frame with an optional title; returns the inner area for the content.
public struct Box: Sendable {
    public var title: String
    public var role: Role
    public var titleRole: Role

    public init(title: String = "", role: Role = .border, titleRole: Role = .title) {
        self.title = title
        self.role = role
        self.titleRole = titleRole
    }

    @discardableResult
    public func render(in rect: Rect, on buffer: inout Buffer, glyphs: Glyphs) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let g = glyphs
        let hLine = String(repeating: g.horizontal, count: rect.width - 2)
        buffer.put(g.topLeft + hLine + g.topRight, x: rect.x, y: rect.y, role: role, clip: rect)
        buffer.put(g.bottomLeft + hLine + g.bottomRight, x: rect.x, y: rect.maxY - 1, role: role, clip: rect)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            buffer.put(g.vertical, x: rect.x, y: y, role: role, clip: rect)
            buffer.put(g.vertical, x: rect.maxX - 1, y: y, role: role, clip: rect)
        }
        if !title.isEmpty && rect.width > 4 {
            let t = " " + DisplayWidth.truncate(title, to: rect.width - 4, ellipsis: g.ellipsis) + " "
            buffer.put(t, x: rect.x + 1, y: rect.y, role: titleRole, clip: rect)
        }
        let inner = rect.inset(by: 1)
        buffer.fill(inner)
        return inner
    }
}
