import NcursesBackend
import Testing

@Suite struct CellGlyphTests {
    /// Column widths as glibc gives them in a UTF-8 locale, for the scalars used here.
    private static func utf8Width(_ scalar: UInt32) -> Int {
        switch scalar {
        case 0x300...0x36F, 0xFE0F, 0x200D: 0
        case 0x3000...0x9FFF, 0x1F600...0x1F64F: 2
        default: 1
        }
    }

    /// Column widths in the C locale: nothing beyond ASCII is printable.
    private static func asciiWidth(_ scalar: UInt32) -> Int { scalar < 0x80 ? 1 : -1 }

    private func glyph(_ text: String, columns: Int = 1, width: (UInt32) -> Int = utf8Width) -> CellGlyph {
        CellGlyph.make(text: text, columns: columns, columnWidth: width)
    }

    @Test func plainAndWideCharacters() {
        #expect(glyph("a") == CellGlyph(scalars: [0x61]))
        #expect(glyph("ä") == CellGlyph(scalars: [0xE4]))
        #expect(glyph("東", columns: 2) == CellGlyph(scalars: [0x6771]))
    }

    @Test func combiningMarksStayWithTheirCharacter() {
        #expect(glyph("e\u{301}") == CellGlyph(scalars: [0x65, 0x301]))
        let many = "a" + String(repeating: "\u{301}", count: 7)
        #expect(glyph(many).scalars.count == 5)
    }

    @Test func emojiWithVariationSelectorKeepsIt() {
        #expect(glyph("☺\u{FE0F}", columns: 2) == CellGlyph(scalars: [0x263A, 0xFE0F], padding: 1))
    }

    @Test func controlCharactersAndEmptyTextBecomeASpace() {
        #expect(glyph("\t") == CellGlyph(scalars: [0x20]))
        #expect(glyph("\u{1B}") == CellGlyph(scalars: [0x20]))
        #expect(glyph("\u{85}") == CellGlyph(scalars: [0x20]))
        #expect(glyph("") == CellGlyph(scalars: [0x20]))
    }

    @Test func aWideCharacterWithoutRoomBecomesAQuestionMark() {
        #expect(glyph("東", columns: 1) == CellGlyph(scalars: [0x3F]))
    }

    @Test func aCharacterTheTerminalDrawsNarrowerIsPadded() {
        // The buffer reserved two cells, the locale says one: paint the second.
        #expect(glyph("a", columns: 2) == CellGlyph(scalars: [0x61], padding: 1))
    }

    @Test func withoutAUTF8LocaleNonASCIIBecomesQuestionMarks() {
        #expect(glyph("ä", width: Self.asciiWidth) == CellGlyph(scalars: [0x3F]))
        #expect(glyph("東", columns: 2, width: Self.asciiWidth) == CellGlyph(scalars: [0x3F], padding: 1))
        #expect(glyph("q", width: Self.asciiWidth) == CellGlyph(scalars: [0x71]))
    }

    @Test func aLoneCombiningMarkBecomesASpace() {
        #expect(glyph("\u{301}") == CellGlyph(scalars: [0x20]))
    }
}
