/// Lines of rich text scrolled by an offset, with an arrow in the corner while more is
/// above or below. The offset is clamped, so a view can keep scrolling state simple.
public struct Document: Sendable {
    public var lines: [[Span]]
    public var offset: Int

    public init(lines: [[Span]], offset: Int) {
        self.lines = lines
        self.offset = offset
    }

    /// The largest useful offset for `height` visible rows.
    public func maxOffset(height: Int) -> Int { Swift.max(0, lines.count - height) }

    public func render(in rect: Rect, on buffer: inout Buffer, glyphs: Glyphs) {
        guard !rect.isEmpty else { return }
        let maxScroll = maxOffset(height: rect.height)
        let top = Swift.max(0, Swift.min(offset, maxScroll))
        // One column is kept free for the scroll arrow.
        let textWidth = Swift.max(0, rect.width - 1)
        for (i, line) in lines.dropFirst(top).prefix(rect.height).enumerated() {
            Table.draw(line, in: Rect(x: rect.x, y: rect.y + i, width: textWidth, height: 1), alignment: .left,
                       on: &buffer, glyphs: glyphs)
        }
        if maxScroll > 0 {
            let down = top < maxScroll
            buffer.put(down ? glyphs.down : glyphs.up, x: rect.maxX - 1, y: down ? rect.maxY - 1 : rect.y,
                       role: .accent, clip: rect)
        }
    }
}
