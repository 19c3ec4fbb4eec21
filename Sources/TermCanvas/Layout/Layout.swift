/// How much space a part of a split should get.
public enum Constraint: Hashable, Sendable {
    /// Exactly `n` cells (less if there is not enough room).
    case length(Int)
    /// A share of the whole, in per cent.
    case percentage(Int)
    /// At least `n` cells; grows like `.fill(1)` with space left over.
    case min(Int)
    /// Shares the space left over by weight.
    case fill(Int)
}

public enum Direction: Sendable {
    case horizontal
    case vertical
}

/// Splits rectangles by constraints. Pure: the same input always gives the same parts,
/// the parts never overlap and never leave the rectangle.
public enum Layout {
    public static func split(_ rect: Rect, _ direction: Direction, _ constraints: [Constraint],
                             spacing: Int = 0) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let total = direction == .horizontal ? rect.width : rect.height
        let gaps = spacing * (constraints.count - 1)
        let available = Swift.max(0, total - gaps)

        var sizes = constraints.map { c -> Int in
            switch c {
            case .length(let n): Swift.max(0, n)
            case .percentage(let p): available * Swift.max(0, Swift.min(100, p)) / 100
            case .min(let n): Swift.max(0, n)
            case .fill: 0
            }
        }
        // Shrink fixed parts from the end when they do not fit.
        var overflow = sizes.reduce(0, +) - available
        var i = sizes.count - 1
        while overflow > 0 && i >= 0 {
            let cut = Swift.min(sizes[i], overflow)
            sizes[i] -= cut
            overflow -= cut
            i -= 1
        }
        // Share what is left among fill and min parts by weight.
        let weights = constraints.map { c -> Int in
            switch c {
            case .fill(let w): Swift.max(0, w)
            case .min: 1
            default: 0
            }
        }
        let weightSum = weights.reduce(0, +)
        var left = available - sizes.reduce(0, +)
        if weightSum > 0 && left > 0 {
            let share = left
            var given = 0
            for (k, w) in weights.enumerated() where w > 0 {
                let extra = share * w / weightSum
                sizes[k] += extra
                given += extra
            }
            left = share - given
            // Hand out rounding remainders from the first weighted part on.
            var k = 0
            while left > 0 {
                if weights[k] > 0 { sizes[k] += 1; left -= 1 }
                k = (k + 1) % sizes.count
            }
        }

        var out: [Rect] = []
        var offset = direction == .horizontal ? rect.x : rect.y
        for size in sizes {
            switch direction {
            case .horizontal: out.append(Rect(x: offset, y: rect.y, width: size, height: rect.height))
            case .vertical: out.append(Rect(x: rect.x, y: offset, width: rect.width, height: size))
            }
            offset += size + spacing
        }
        return out
    }

    /// Splits into `count` equal columns or rows (remainder to the first ones).
    public static func even(_ rect: Rect, _ direction: Direction, count: Int, spacing: Int = 0) -> [Rect] {
        split(rect, direction, Array(repeating: .fill(1), count: Swift.max(0, count)), spacing: spacing)
    }
}
