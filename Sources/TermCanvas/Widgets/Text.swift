/// A piece of text with a role; lines of spans make rich text.
public struct Span: Hashable, Sendable {
    public var text: String
    public var role: Role
    public init(_ text: String, _ role: Role = .normal) {
        self.text = text
        self.role = role
    }
    public var width: Int { DisplayWidth.of(text) }
}

public enum Alignment: Sendable {
    case left, center, right
}

public extension Buffer {
    /// Draws spans one after another on row `y` inside `rect`; returns the cells used.
    @discardableResult
    mutating func put(spans: [Span], x: Int, y: Int, clip: Rect) -> Int {
        var cx = x
        for s in spans {
            cx += put(s.text, x: cx, y: y, role: s.role, clip: clip)
            if cx >= clip.maxX { break }
        }
        return cx - x
    }

    /// Draws one line aligned within the row `rect.y`, cut with an ellipsis if too wide.
    mutating func put(line text: String, in rect: Rect, role: Role = .normal,
                      alignment: Alignment = .left, ellipsis: String = "…") {
        guard !rect.isEmpty else { return }
        let cut = DisplayWidth.truncate(text, to: rect.width, ellipsis: ellipsis)
        let w = DisplayWidth.of(cut)
        let x: Int
        switch alignment {
        case .left: x = rect.x
        case .center: x = rect.x + (rect.width - w) / 2
        case .right: x = rect.maxX - w
        }
        put(cut, x: x, y: rect.y, role: role, clip: rect)
    }
}

/// Breaks text into lines of at most `width` cells at spaces (long words are cut).
public enum TextWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var w = String(word)
                while DisplayWidth.of(w) > width {
                    if !line.isEmpty { out.append(line); line = "" }
                    let head = DisplayWidth.prefix(w, fitting: width)
                    out.append(head)
                    w = String(w.dropFirst(head.count))
                }
                if line.isEmpty {
                    line = w
                } else if DisplayWidth.of(line) + 1 + DisplayWidth.of(w) <= width {
                    line += " " + w
                } else {
                    out.append(line)
                    line = w
                }
            }
            out.append(line)
        }
        return out
    }
}
