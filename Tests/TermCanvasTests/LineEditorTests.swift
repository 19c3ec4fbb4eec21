import Testing
@testable import TermCanvas

@Suite struct LineEditorTests {
    func typed(_ keys: [Key], into start: String = "") -> LineEditor {
        var e = LineEditor(start)
        for k in keys { e.handle(k) }
        return e
    }

    func chars(_ s: String) -> [Key] { s.map { .char($0) } }

    @Test func typingInsertsAtTheCursor() {
        var e = typed(chars("Bürgr"))
        #expect(e.handle(.left) == .moved)
        #expect(e.handle(.char("e")) == .edited)
        #expect(e.text == "Bürger")
        #expect(e.cursor == 5)
        e.handle(.home)
        e.handle(.char("»"))
        e.handle(.end)
        e.handle(.char("«"))
        #expect(e.text == "»Bürger«")
    }

    @Test func deletingBeforeAndAtTheCursor() {
        var e = LineEditor("Straße")
        e.handle(.left); e.handle(.left)
        #expect(e.handle(.backspace) == .edited)
        #expect(e.text == "Strße")
        #expect(e.handle(.delete) == .edited)
        #expect(e.text == "Stre")
        e.handle(.home)
        #expect(e.handle(.backspace) == .moved, "nothing before the start")
        e.handle(.end)
        #expect(e.handle(.delete) == .moved, "nothing after the end")
        #expect(e.text == "Stre")
    }

    @Test func controlKeysDeleteWordsAndHalves() {
        var e = LineEditor("Anna, Ben  Cem")
        #expect(e.handle(.ctrl("w")) == .edited)
        #expect(e.text == "Anna, Ben  ")
        e.handle(.ctrl("w"))
        #expect(e.text == "Anna, ")
        e.set("eins zwei drei")
        for _ in 0..<5 { e.handle(.left) }
        e.handle(.ctrl("k"))
        #expect(e.text == "eins zwei")
        e.handle(.left); e.handle(.left)
        e.handle(.ctrl("u"))
        #expect(e.text == "ei")
        #expect(e.cursor == 0)
        e.handle(.ctrl("e"))
        #expect(e.cursor == 2)
        e.handle(.ctrl("a"))
        #expect(e.cursor == 0)
    }

    @Test func otherKeysAreLeftToTheField() {
        var e = LineEditor("x")
        for k: Key in [.enter, .escape, .tab, .backTab, .up, .down, .pageDown, .function(2), .ctrl("s")] {
            #expect(e.handle(k) == .ignored, "\(k)")
        }
        #expect(e.text == "x")
    }

    @Test func controlCharactersAndTheLimitAreRefused() {
        var e = LineEditor(limit: 3)
        for k in chars("a\u{7}b\u{200B}cd") { e.handle(k) }
        #expect(e.text == "abc")
        #expect(LineEditor("abcdef", limit: 4).text == "abcd")
    }

    @Test func wideCharactersAreOneStepAndTwoCells() {
        var e = LineEditor("漢字ab")
        e.handle(.home)
        e.handle(.right)
        #expect(e.cursor == 1)
        #expect(e.visible(width: 20).cursorColumn == 2)
        e.handle(.delete)
        #expect(e.text == "漢ab")
    }

    @Test func aLongLineScrollsSoTheCursorStaysVisible() {
        var e = LineEditor("abcdefghijklmnopqrstuvwxyz")
        let end = e.visible(width: 10)
        #expect(end.text == "…stuvwxyz", "the mark, the end of the text, and a cell for the cursor")
        #expect(end.cursorColumn == 9)
        #expect(DisplayWidth.of(end.text) <= 10)
        e.handle(.home)
        let start = e.visible(width: 10)
        #expect(start.text == "abcdefghij")
        #expect(start.cursorColumn == 0)
        // A wide character never straddles the edge.
        let wide = LineEditor("ab漢字漢字漢字").visible(width: 6)
        #expect(DisplayWidth.of(wide.text) <= 6)
        #expect(wide.cursorColumn == 5)
    }

    @Test func renderingPlacesTheTerminalCursor() {
        var buffer = Buffer(size: Size(width: 20, height: 3))
        var e = LineEditor("Lotse")
        e.handle(.left)
        let x = e.render(in: Rect(x: 3, y: 1, width: 10, height: 1), on: &buffer, role: .selection)
        #expect(x == 7)
        #expect(buffer.cursor == Point(x: 7, y: 1))
        #expect(buffer.line(1) == "   Lotse            ")
        #expect(buffer[12, 1].role == .selection)
        #expect(buffer[13, 1].role == .normal)
    }

    @Test func wrappingKeepsTheCursorInItsPlace() {
        var e = LineEditor("abcdefgh")
        let w = e.wrapped(width: 4)
        #expect(w.lines == ["abcd", "efgh", ""])
        #expect(w.cursorLine == 2 && w.cursorColumn == 0)
        e.handle(.home); e.handle(.right); e.handle(.right); e.handle(.right); e.handle(.right); e.handle(.right)
        let m = e.wrapped(width: 4)
        #expect(m.lines == ["abcd", "efgh"])
        #expect(m.cursorLine == 1 && m.cursorColumn == 1)
        #expect(LineEditor("").wrapped(width: 4).lines == [""])
    }
}
