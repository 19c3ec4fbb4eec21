import NcursesBackend
import TermCanvas
import Testing

@Suite struct BufferDiffTests {
    private func buffer(_ rows: [String], width: Int? = nil) -> Buffer {
        var b = Buffer(size: Size(width: width ?? rows.map { DisplayWidth.of($0) }.max() ?? 0, height: rows.count))
        for (y, row) in rows.enumerated() { b.put(row, x: 0, y: y) }
        return b
    }

    @Test func identicalFramesNeedNothing() {
        let a = buffer(["Grüße 東京", "second"])
        #expect(BufferDiff.runs(from: a, to: a).isEmpty)
    }

    @Test func oneChangedCellIsOneRunOfOne() {
        let a = buffer(["abcdef", "ghijkl"])
        var b = a
        b[3, 1] = Cell("X")
        #expect(BufferDiff.runs(from: a, to: b) == [CellRun(y: 1, x: 3, count: 1)])
    }

    @Test func aRoleChangeAloneCounts() {
        let a = buffer(["abc"])
        var b = a
        b.setRole(.selection, in: Rect(x: 0, y: 0, width: 2, height: 1))
        #expect(BufferDiff.runs(from: a, to: b) == [CellRun(y: 0, x: 0, count: 2)])
    }

    @Test func neighbouringChangesMergeAndDistantOnesDoNot() {
        let a = buffer(["abcdefghij", "abcdefghij"])
        var b = a
        b[2, 0] = Cell("X")
        b[3, 0] = Cell("Y")
        b[7, 0] = Cell("Z")
        b[0, 1] = Cell("Q")
        #expect(BufferDiff.runs(from: a, to: b) == [
            CellRun(y: 0, x: 2, count: 2), CellRun(y: 0, x: 7, count: 1), CellRun(y: 1, x: 0, count: 1),
        ])
    }

    @Test func aNewWideCharacterIsWrittenWithItsContinuation() {
        let a = buffer(["abcd"])
        let b = buffer(["a東d"])
        #expect(BufferDiff.runs(from: a, to: b) == [CellRun(y: 0, x: 1, count: 2)])
    }

    @Test func aChangedWideCharacterIncludesItsUnchangedContinuation() {
        let a = buffer(["x東y"])
        let b = buffer(["x京y"])
        #expect(BufferDiff.runs(from: a, to: b) == [CellRun(y: 0, x: 1, count: 2)])
    }

    @Test func aChangeOnlyInTheContinuationRewritesTheWideCharacter() {
        let a = buffer(["x東y"])
        var b = a
        b[2, 0] = Cell("", role: .selection)
        #expect(BufferDiff.runs(from: a, to: b) == [CellRun(y: 0, x: 1, count: 2)])
    }

    @Test func replacingTheRightHalfOfAWideCharacterRewritesBothColumns() {
        // The screen still shows 東 over columns 1–2; writing column 2 alone would leave
        // half a character in column 1.
        let a = buffer(["x東y"])
        var b = a
        b.put("z", x: 2, y: 0)
        #expect(b.line(0) == "x zy")
        #expect(BufferDiff.runs(from: a, to: b) == [CellRun(y: 0, x: 1, count: 2)])
    }

    @Test func aCellNextToAWideCharacterDoesNotDragItIn() {
        let a = buffer(["東ab"])
        var b = a
        b[2, 0] = Cell("X")
        #expect(BufferDiff.runs(from: a, to: b) == [CellRun(y: 0, x: 2, count: 1)])
    }

    @Test func aDifferentSizeRepaintsEverything() {
        let a = buffer(["abc", "def"])
        let b = buffer(["abcd", "efgh", "ijkl"])
        #expect(BufferDiff.runs(from: a, to: b) == [
            CellRun(y: 0, x: 0, count: 4), CellRun(y: 1, x: 0, count: 4), CellRun(y: 2, x: 0, count: 4),
        ])
        #expect(BufferDiff.allRuns(of: Buffer(size: Size(width: 0, height: 3))).isEmpty)
    }

    @Test func workIsProportionalToTheChangeOnALargeScreen() {
        let a = Buffer(size: Size(width: 240, height: 70), fill: Cell("·"))
        var b = a
        b.put("Ampel: rot", x: 100, y: 50, role: .lightRed)
        #expect(BufferDiff.runs(from: a, to: b) == [CellRun(y: 50, x: 100, count: 10)])
    }

    /// Writing exactly the reported cells of the new frame onto the old one gives the
    /// new frame, and a wide character is never written without its continuation.
    @Test("copying the runs turns the old frame into the new one", arguments: 1...40)
    func runsCoverEveryChange(seed: UInt64) {
        var random = SplitMix(seed: seed)
        let size = Size(width: 12, height: 4)
        let old = Self.randomBuffer(size: size, random: &random)
        let new = Self.randomBuffer(size: size, random: &random)
        var screen = old
        for run in BufferDiff.runs(from: old, to: new) {
            #expect(run.count > 0)
            for x in run.columns { screen[x, run.y] = new[x, run.y] }
            #expect(!new[run.x, run.y].isContinuation || run.x == 0, "run starts mid-character: \(run)")
            let last = run.x + run.count - 1
            #expect(last + 1 >= size.width || !new[last + 1, run.y].isContinuation, "run ends mid-character: \(run)")
        }
        #expect(screen == new)
    }

    private static func randomBuffer(size: Size, random: inout SplitMix) -> Buffer {
        var b = Buffer(size: size)
        let pieces = ["a", "b", "ä", "東", "京", " ", "─", "ß"]
        let roles: [Role] = [.normal, .selection, .muted]
        for _ in 0..<Int(random.next() % 12) {
            let text = (0..<Int(random.next() % 4 + 1)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            b.put(text, x: Int(random.next() % UInt64(size.width)), y: Int(random.next() % UInt64(size.height)),
                  role: roles[Int(random.next() % 3)])
        }
        return b
    }
}

/// A small deterministic generator, so a failing seed can be replayed.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
