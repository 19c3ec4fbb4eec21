import NcursesBackend
import TermCanvas
import Testing

@Suite struct KeyMapperTests {
    @Test("control codes 1…26 become Ctrl plus their letter", arguments: [1, 2, 3, 12, 17, 26])
    func controlLetters(code: Int) {
        let letter = Character(Unicode.Scalar(UInt8(0x60 + code)))
        #expect(KeyMapper.key(forCharacter: UInt32(code)) == .ctrl(letter))
    }

    @Test func controlCodesWithTheirOwnMeaning() {
        #expect(KeyMapper.key(forCharacter: 3) == .ctrl("c"))
        #expect(KeyMapper.key(forCharacter: 9) == .tab)
        #expect(KeyMapper.key(forCharacter: 10) == .enter)
        #expect(KeyMapper.key(forCharacter: 13) == .enter)
        #expect(KeyMapper.key(forCharacter: 8) == .backspace)
        #expect(KeyMapper.key(forCharacter: 127) == .backspace)
        #expect(KeyMapper.key(forCharacter: 27) == .escape)
    }

    @Test func printableCharactersIncludingWideOnes() {
        #expect(KeyMapper.key(forCharacter: 0x71) == .char("q"))
        #expect(KeyMapper.key(forCharacter: 0x20) == .char(" "))
        #expect(KeyMapper.key(forCharacter: 0xE4) == .char("ä"))
        #expect(KeyMapper.key(forCharacter: 0xDF) == .char("ß"))
        #expect(KeyMapper.key(forCharacter: 0x6771) == .char("東"))
        #expect(KeyMapper.key(forCharacter: 0x1F600) == .char("😀"))
    }

    @Test("codes that are no key", arguments: [0, 28, 31, 0x85, 0x9F, 0xD800, 0x110000] as [UInt32])
    func noKey(code: UInt32) {
        #expect(KeyMapper.key(forCharacter: code) == nil)
    }

    @Test func specialKeys() {
        let expected: [(Int32, Key)] = [
            (CursesKeyCode.up, .up), (CursesKeyCode.down, .down),
            (CursesKeyCode.left, .left), (CursesKeyCode.right, .right),
            (CursesKeyCode.pageUp, .pageUp), (CursesKeyCode.pageDown, .pageDown),
            (CursesKeyCode.home, .home), (CursesKeyCode.end, .end),
            (CursesKeyCode.delete, .delete), (CursesKeyCode.insert, .insert),
            (CursesKeyCode.backspace, .backspace), (CursesKeyCode.enter, .enter),
            (CursesKeyCode.backTab, .backTab),
        ]
        for (code, key) in expected {
            #expect(KeyMapper.key(forKeyCode: code) == key, "code \(code)")
        }
    }

    @Test("function keys", arguments: [1, 5, 10, 12, 63])
    func functionKeys(n: Int) {
        #expect(KeyMapper.key(forKeyCode: CursesKeyCode.function(n)) == .function(n))
    }

    @Test func codesThatAreEventsOrUnknownGiveNoKey() {
        #expect(KeyMapper.key(forKeyCode: CursesKeyCode.resize) == nil)
        #expect(KeyMapper.key(forKeyCode: CursesKeyCode.mouse) == nil)
        #expect(KeyMapper.key(forKeyCode: CursesKeyCode.f0) == nil)
        #expect(KeyMapper.key(forKeyCode: CursesKeyCode.function(64)) == nil)
        #expect(KeyMapper.key(forKeyCode: 0o777) == nil)
    }

    /// The values in ncurses' curses.h, so a mix-up in `CursesKeyCode` shows.
    @Test func keyCodesAreTheOnesNcursesReports() {
        #expect(CursesKeyCode.down == 0o402)
        #expect(CursesKeyCode.up == 0o403)
        #expect(CursesKeyCode.left == 0o404)
        #expect(CursesKeyCode.right == 0o405)
        #expect(CursesKeyCode.f0 == 0o410)
        #expect(CursesKeyCode.delete == 0o512)
        #expect(CursesKeyCode.pageDown == 0o522)
        #expect(CursesKeyCode.pageUp == 0o523)
        #expect(CursesKeyCode.backTab == 0o541)
        #expect(CursesKeyCode.mouse == 0o631)
        #expect(CursesKeyCode.resize == 0o632)
    }
}
