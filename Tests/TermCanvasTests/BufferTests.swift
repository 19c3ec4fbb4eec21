import Testing
import TermCanvas

@Suite struct DisplayWidthTests {
    @Test func umlautsAreOneCellCJKTwoCombiningNone() {
        #expect(DisplayWidth.of("Übersicht") == 9)
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Straße €") == 8)
    }

    @Test func truncateAddsEllipsisAndNeverExceeds() {
        #expect(DisplayWidth.truncate("Mobilitätsplattform", to: 8) == "Mobilit…")
        #expect(DisplayWidth.truncate("東京東京", to: 4) == "東…")
        #expect(DisplayWidth.truncate("kurz", to: 10) == "kurz")
        #expect(DisplayWidth.pad("ab", to: 4, alignRight: true) == "  ab")
        for w in 0...12 {
            #expect(DisplayWidth.of(DisplayWidth.truncate("Datenplattform 東京", to: w)) <= w)
        }
    }
}

@Suite struct BufferTests {
    @Test func putClipsAtTheEdge() {
        var b = Buffer(size: Size(width: 6, height: 2))
        let used = b.put("Grünfläche", x: 2, y: 0)
        #expect(used == 4)
        #expect(b.line(0) == "  Grün")
        #expect(b.put("x", x: 0, y: 5) == 0)
    }

    @Test func wideCharacterTakesTwoCellsAndIsNotSplitAtTheClip() {
        var b = Buffer(size: Size(width: 4, height: 1))
        b.put("a東京", x: 0, y: 0)
        #expect(b[1, 0].text == "東" && b[2, 0].isContinuation)
        #expect(b[3, 0].text == " ", "the second wide char does not fit in one cell")
        #expect(DisplayWidth.of(b.line(0)) == 4)
    }

    @Test func overwritingHalfAWideCharacterRepairsIt() {
        var b = Buffer(size: Size(width: 4, height: 1))
        b.put("東京", x: 0, y: 0)
        b.put("x", x: 1, y: 0)
        #expect(b.line(0) == " x京")
    }

    @Test func roleDumpShowsMeaning() {
        var b = Buffer(size: Size(width: 3, height: 1))
        b.put("R", x: 1, y: 0, role: .lightRed)
        #expect(b.roleDump() == ".R.")
    }

    @Test func asciiFallbackKeepsTheLayout() {
        var b = Buffer(size: Size(width: 8, height: 1))
        b.put("Ü─●東", x: 0, y: 0)
        let a = AsciiFallback.apply(to: b)
        #expect(a.line(0) == "Ue-o?   ")
        #expect(a.textDump().unicodeScalars.allSatisfy { $0.isASCII })
    }
}

@Suite struct WidgetTests {
    @Test func boxDrawsFrameAndTitle() {
        var b = Buffer(size: Size(width: 10, height: 3))
        let inner = Box(title: "Budget").render(in: b.area, on: &b, glyphs: .unicode)
        #expect(inner == Rect(x: 1, y: 1, width: 8, height: 1))
        #expect(b.line(0) == "┌ Budget ┐")
        #expect(b.line(2) == "└────────┘")
    }

    @Test func tableDropsLowPriorityColumnsWhenNarrow() {
        let t = Table(columns: [TableColumn("ID", width: 4), TableColumn("Name", width: 10, flexible: true),
                                TableColumn("Extra", width: 8, priority: 5)], rows: [])
        #expect(t.fit(width: 40).map(\.index) == [0, 1, 2])
        #expect(t.fit(width: 40).map(\.width) == [4, 26, 8])
        #expect(t.fit(width: 20).map(\.index) == [0, 1])
        #expect(t.fit(width: 20).map(\.width) == [4, 15])
    }

    @Test func tableMarksTheSelectedRow() {
        var b = Buffer(size: Size(width: 12, height: 3))
        let t = Table(columns: [TableColumn("A", width: 3), TableColumn("B", width: 3, alignment: .right)],
                      rows: [[[Span("x")], [Span("1")]], [[Span("y")], [Span("22")]]], selected: 1)
        t.render(in: b.area, on: &b, glyphs: .unicode)
        #expect(b.line(0) == "A     B     ")
        #expect(b.line(2) == "y    22     ")
        #expect(b.roleDump().split(separator: "\n")[2] == "SSSSSSSSSSSS")
        #expect(b.roleDump().split(separator: "\n")[1] == "............")
    }

    @Test func scrollOffsetKeepsSelectionVisible() {
        #expect(Table.scrollOffset(selected: 10, offset: 0, visibleRows: 5, rowCount: 30) == 6)
        #expect(Table.scrollOffset(selected: 2, offset: 6, visibleRows: 5, rowCount: 30) == 2)
        #expect(Table.scrollOffset(selected: 29, offset: 29, visibleRows: 5, rowCount: 30) == 25)
        #expect(Table.scrollOffset(selected: 0, offset: 3, visibleRows: 5, rowCount: 2) == 0)
    }

    @Test func sparklineScalesToItsRangeAndLeavesGaps() {
        let s = Sparkline(values: [0, 50, nil, 100], minimum: 0, maximum: 100)
        #expect(s.glyphs(width: 10, glyphs: .unicode) == ["▁", "▅", " ", "█"])
        #expect(s.glyphs(width: 2, glyphs: .unicode) == [" ", "█"], "the newest values win")
    }

    @Test func gaugeFillsByRatio() {
        var b = Buffer(size: Size(width: 10, height: 1))
        Gauge(ratio: 0.5, label: "50%").render(in: b.area, on: &b, glyphs: .ascii)
        #expect(b.line(0) == "###... 50%")
    }
}
