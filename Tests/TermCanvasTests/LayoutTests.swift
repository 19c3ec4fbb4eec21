import PropertyBased
import Testing
import TermCanvas

@Suite struct LayoutTests {
    @Test func lengthsPercentagesAndFill() {
        let parts = Layout.split(Rect(x: 0, y: 0, width: 100, height: 5), .horizontal,
                                 [.length(10), .percentage(30), .fill(1), .fill(2)])
        #expect(parts.map(\.width) == [10, 30, 20, 40])
        #expect(parts.map(\.x) == [0, 10, 40, 60])
    }

    @Test func fixedPartsShrinkFromTheEndWhenTooBig() {
        let parts = Layout.split(Rect(x: 0, y: 0, width: 5, height: 12), .vertical, [.length(8), .length(8)])
        #expect(parts.map(\.height) == [8, 4])
    }

    @Test func spacingIsLeftBetweenParts() {
        let parts = Layout.even(Rect(x: 2, y: 0, width: 20, height: 1), .horizontal, count: 3, spacing: 1)
        #expect(parts.map(\.width) == [6, 6, 6])
        #expect(parts.map(\.x) == [2, 9, 16])
    }

    /// Whatever the constraints, the parts stay inside, never overlap, and come in order.
    @Test func partsStayInsideAndNeverOverlap() async {
        let constraint = Gen.oneOf(
            Gen.int(in: 0...60).map { Constraint.length($0) },
            Gen.int(in: 0...100).map { Constraint.percentage($0) },
            Gen.int(in: 0...30).map { Constraint.min($0) },
            Gen.int(in: 0...5).map { Constraint.fill($0) })
        await propertyCheck(count: 300, input: Gen.int(in: 0...200), constraint.array(of: 1...6),
                            Gen.int(in: 0...2)) { width, constraints, spacing in
            let rect = Rect(x: 3, y: 1, width: width, height: 2)
            let parts = Layout.split(rect, .horizontal, constraints, spacing: spacing)
            #expect(parts.count == constraints.count)
            for (a, b) in zip(parts, parts.dropFirst()) {
                #expect(a.maxX <= b.x || b.width == 0)
            }
            for p in parts where p.width > 0 {
                #expect(p.x >= rect.x && p.maxX <= rect.maxX)
            }
            let used = parts.reduce(0) { $0 + $1.width }
            #expect(used <= width)
            // With a fill part and room to spare, nothing is wasted.
            let hasFill = constraints.contains { if case .fill(let w) = $0 { w > 0 } else { false } }
            let fixed = constraints.reduce(0) { sum, c in
                switch c {
                case .length(let n), .min(let n): sum + n
                case .percentage(let p): sum + (width - spacing * (constraints.count - 1)) * p / 100
                case .fill: sum
                }
            }
            let available = width - spacing * (constraints.count - 1)
            if hasFill && fixed <= available && available > 0 {
                #expect(used == available)
            }
        }
    }
}
