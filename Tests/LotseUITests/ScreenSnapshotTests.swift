import Testing
import LotseDomain
import LotseUI
import TermCanvas

@Suite struct ScreenSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test(arguments: sizes)
    func overview(size: Size) {
        let buffer = AppView.render(Sample.state(size), background: marker)
        #expect(unpaintedCells(buffer) == 0)
        assertSnapshot(buffer, named: "overview-\(size.width)x\(size.height)")
    }

    @Test(arguments: sizes)
    func portfolio(size: Size) {
        let buffer = AppView.render(Sample.state(size, screen: .portfolio), background: marker)
        #expect(unpaintedCells(buffer) == 0)
        assertSnapshot(buffer, named: "portfolio-\(size.width)x\(size.height)")
    }

    @Test func helpOverlayOnPortfolio() {
        var state = Sample.state(Size(width: 80, height: 24), screen: .portfolio)
        _ = state.send(.key(.char("?")))
        assertSnapshot(AppView.render(state, background: marker), named: "portfolio-help-80x24")
    }

    @Test func englishOverview() {
        let buffer = AppView.render(Sample.state(Size(width: 120, height: 40), language: .english))
        assertSnapshot(buffer, named: "overview-en-120x40")
    }

    @Test func asciiGlyphsWithoutUTF8() {
        var state = Sample.state(Size(width: 80, height: 24), screen: .portfolio)
        state.glyphs = .ascii
        let buffer = AsciiFallback.apply(to: AppView.render(state))
        #expect(buffer.textDump().unicodeScalars.allSatisfy { $0.isASCII })
        assertSnapshot(buffer, named: "portfolio-ascii-80x24")
    }

    @Test(arguments: [Size(width: 10, height: 4), Size(width: 59, height: 30), Size(width: 3, height: 2), Size(width: 0, height: 0)])
    func tinyTerminalShowsSizeNotice(size: Size) {
        let buffer = AppView.render(Sample.state(size), background: marker)
        #expect(unpaintedCells(buffer) == 0)
        if size.width >= 10 {
            #expect(buffer.textDump().contains("Fenster"))
        }
    }

    @Test func sizeNoticeSnapshot() {
        assertSnapshot(AppView.render(Sample.state(Size(width: 10, height: 4))), named: "too-small-10x4")
    }
}
