import Testing
@testable import LotseDomain

/// Text from the data made inert for terminals, mails and Markdown.
@Suite struct SafeTextTests {
    @Test func controlCharactersBecomeVisible() {
        // Clear screen, OSC 52 clipboard write ended by BEL, a C1 CSI, DEL, NUL.
        let hostile = "A\u{1B}[2J\u{1B}]52;c;ZWNobyBoaQ==\u{07}B\u{9B}31mC\u{7F}D\u{0}E"
        #expect(SafeText.forTerminal(hostile) == "A␛[2J␛]52;c;ZWNobyBoaQ==␇B\u{FFFD}31mC␡D␀E")
        #expect(SafeText.forTerminal(hostile).unicodeScalars.allSatisfy { !SafeText.isDangerous($0) })
    }

    @Test func linesAndTabsStayInTextsAndGoInLines() {
        #expect(SafeText.forTerminal("a\r\nb\tc\rd\n") == "a\nb\tc␍d\n")
        #expect(SafeText.forTerminalLine("a\r\nb\tc\nd") == "a b c d")
    }

    @Test func bidiOverridesAreReplaced() {
        #expect(SafeText.forTerminal("abc\u{202E}fed\u{2066}x\u{2069}") == "abc\u{FFFD}fed\u{FFFD}x\u{FFFD}")
    }

    @Test func harmlessTextIsUnchanged() {
        let text = "Smarte Straßenbeleuchtung – 50 % (Ø 3,5) 東京 🚲"
        #expect(SafeText.forTerminal(text) == text)
        #expect(SafeText.isSafe(text))
        #expect(!SafeText.isSafe("x\u{85}"))
    }

    @Test func markdownEscapesMarkupAndLineStarts() {
        #expect(SafeText.markdown("# Heading") == "\\# Heading")
        #expect(SafeText.markdown("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>")
        #expect(SafeText.markdown("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))")
        #expect(SafeText.markdown("*fett* _kursiv_ `code` a|b \\") == "\\*fett\\* \\_kursiv\\_ \\`code\\` a\\|b \\\\")
        #expect(SafeText.markdown("- item") == "\\- item")
        #expect(SafeText.markdown("+ item") == "\\+ item")
        #expect(SafeText.markdown("> quote") == "\\> quote")
        #expect(SafeText.markdown("12. Mai") == "12\\. Mai")
        #expect(SafeText.markdown("3) drei") == "3\\) drei")
        #expect(SafeText.markdown("Linie 12. Mai") == "Linie 12. Mai")
        #expect(SafeText.markdown("P-1 Ampel") == "P-1 Ampel")
        // A line break cannot start a heading or a list item of its own.
        #expect(SafeText.markdown("Text\n# Alle Berichte liegen vor\n- x") == "Text # Alle Berichte liegen vor - x")
        #expect(SafeText.markdown("\n# Alle Berichte liegen vor") == " \\# Alle Berichte liegen vor")
        #expect(SafeText.markdown("a\u{1B}[2Jb") == "a␛\\[2Jb")
    }

    @Test func jsonKeepsTheDataAndEscapesWhatJSONEncoderLeavesRaw() {
        #expect(SafeText.json("{\"name\": \"a\u{9B}b\u{202E}c\u{7F}\"}") == "{\"name\": \"a\\u009Bb\\u202Ec\\u007F\"}")
        #expect(SafeText.json("{\n\t\"a\": 1\n}") == "{\n\t\"a\": 1\n}")
    }
}
