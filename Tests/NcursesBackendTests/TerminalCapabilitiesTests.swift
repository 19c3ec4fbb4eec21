import NcursesBackend
import TermCanvas
import Testing

@Suite struct TerminalCapabilitiesTests {
    @Test func colourDepthFollowsTheTerminal() {
        #expect(TerminalCapabilities.colorDepth(noColor: nil, hasColors: true, colors: 256) == .twoFiftySix)
        #expect(TerminalCapabilities.colorDepth(noColor: nil, hasColors: true, colors: 16_777_216) == .twoFiftySix)
        #expect(TerminalCapabilities.colorDepth(noColor: nil, hasColors: true, colors: 88) == .eight)
        #expect(TerminalCapabilities.colorDepth(noColor: nil, hasColors: true, colors: 8) == .eight)
        #expect(TerminalCapabilities.colorDepth(noColor: nil, hasColors: false, colors: 256) == .none)
    }

    @Test func noColorSetToAnythingTurnsColourOff() {
        #expect(TerminalCapabilities.colorDepth(noColor: "1", hasColors: true, colors: 256) == .none)
        #expect(TerminalCapabilities.colorDepth(noColor: "yes", hasColors: true, colors: 8) == .none)
        #expect(!TerminalCapabilities.allowsColor(noColor: "1", hasColors: true))
    }

    @Test func anEmptyNoColorIsIgnored() {
        #expect(TerminalCapabilities.colorDepth(noColor: "", hasColors: true, colors: 256) == .twoFiftySix)
        #expect(TerminalCapabilities.allowsColor(noColor: "", hasColors: true))
        #expect(!TerminalCapabilities.allowsColor(noColor: nil, hasColors: false))
    }

    @Test func utf8Codesets() {
        #expect(TerminalCapabilities.isUTF8(codeset: "UTF-8"))
        #expect(TerminalCapabilities.isUTF8(codeset: "utf8"))
        #expect(TerminalCapabilities.isUTF8(codeset: "UTF8"))
        #expect(!TerminalCapabilities.isUTF8(codeset: "ANSI_X3.4-1968"))
        #expect(!TerminalCapabilities.isUTF8(codeset: "ISO-8859-15"))
        #expect(!TerminalCapabilities.isUTF8(codeset: ""))
    }
}
