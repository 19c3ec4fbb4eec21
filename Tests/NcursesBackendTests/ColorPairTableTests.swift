import NcursesBackend
import TermCanvas
import Testing

@Suite struct ColorPairTableTests {
    private func table(_ styles: [Role: ResolvedStyle], depth: ColorDepth = .twoFiftySix, colors: Int = 256,
                       pairs: Int = 256, defaults: Bool = true) -> ColorPairTable {
        ColorPairTable(styles: styles, depth: depth, colorCount: colors, pairLimit: pairs,
                       defaultColorsAvailable: defaults)
    }

    /// With the terminal's default colours available, roles on them share one pair of
    /// their own (-1, -1), so that curses changes colour without a full attribute reset.
    @Test func rolesOnDefaultColoursShareOneDefaultPair() {
        let t = table([.normal: .plain, .muted: ResolvedStyle(attributes: [.dim]),
                       .title: ResolvedStyle(foreground: .index(81))])
        let shared = t.pair(for: .normal)
        #expect(shared != 0)
        #expect(t.pair(for: .muted) == shared)
        #expect(t.definitions.first { $0.number == shared } == .init(number: shared, foreground: -1, background: -1))
        #expect(t.pair(for: .title) != shared)
    }

    @Test func withoutDefaultColoursRolesOnThemUsePairZeroAndAllocateNothing() {
        let t = table([.normal: .plain, .muted: ResolvedStyle(attributes: [.dim])], defaults: false)
        #expect(t.definitions.isEmpty)
        #expect(t.pair(for: .normal) == 0)
        #expect(t.pair(for: .muted) == 0)
    }

    @Test func pairsAreNumberedFromOneInRoleOrderAndShared() {
        let t = table([
            .header: ResolvedStyle(foreground: .index(252), background: .index(236)),
            .title: ResolvedStyle(foreground: .index(81)),
            .accent: ResolvedStyle(foreground: .index(81), attributes: [.bold]),
        ], defaults: false)
        #expect(t.definitions == [
            .init(number: 1, foreground: 252, background: 236),
            .init(number: 2, foreground: 81, background: 0),
        ])
        #expect(t.pair(for: .header) == 1)
        #expect(t.pair(for: .title) == 2)
        #expect(t.pair(for: .accent) == 2)
        #expect(t.pair(for: .selection) == 0)
    }

    @Test func noColourDepthAllocatesNoPairs() {
        let t = table([.selection: ResolvedStyle(foreground: .index(7), background: .index(4))], depth: .none)
        #expect(t.definitions.isEmpty)
        #expect(t.pair(for: .selection) == 0)
    }

    @Test func withoutDefaultColoursTheDefaultBecomesWhiteOnBlack() {
        let t = table([.title: ResolvedStyle(foreground: .index(6))], defaults: false)
        #expect(t.definitions == [.init(number: 1, foreground: 6, background: 0)])
        let u = table([.title: ResolvedStyle(background: .index(4))], defaults: false)
        #expect(u.definitions == [.init(number: 1, foreground: 7, background: 4)])
    }

    @Test func coloursBeyondTheTerminalAreClamped() {
        #expect(ColorPairTable.clamp(.index(5), colorCount: 8) == .index(5))
        #expect(ColorPairTable.clamp(.index(12), colorCount: 8) == .index(4))
        #expect(ColorPairTable.clamp(.index(12), colorCount: 16) == .index(12))
        #expect(ColorPairTable.clamp(.index(200), colorCount: 8) == .default)
        #expect(ColorPairTable.clamp(.index(200), colorCount: 256) == .index(200))
        #expect(ColorPairTable.clamp(.index(-3), colorCount: 256) == .default)
        #expect(ColorPairTable.clamp(.default, colorCount: 8) == .default)

        let t = table([.warning: ResolvedStyle(foreground: .index(214), background: .index(9))],
                      depth: .eight, colors: 8)
        let warning = t.pair(for: .warning)
        #expect(t.definitions.first { $0.number == warning } == .init(number: warning, foreground: -1, background: 1))
    }

    @Test func rolesBeyondThePairLimitFallBackToPairZero() {
        let t = table([
            .header: ResolvedStyle(foreground: .index(1)),
            .title: ResolvedStyle(foreground: .index(2)),
            .selection: ResolvedStyle(foreground: .index(3)),
        ], pairs: 3, defaults: false)
        #expect(t.definitions.map(\.number) == [1, 2])
        #expect(t.pair(for: .header) == 1)
        #expect(t.pair(for: .title) == 2)
        #expect(t.pair(for: .selection) == 0)
    }

    @Test func darkThemeGivesEveryColouredRoleAPairThatMatchesItsStyle() throws {
        for depth in [ColorDepth.eight, .twoFiftySix] {
            let resolved = Theme.dark.resolve(depth: depth)
            let t = table(resolved, depth: depth, colors: depth.rawValue)
            let byNumber = Dictionary(uniqueKeysWithValues: t.definitions.map { ($0.number, $0) })
            for role in Role.allCases {
                let style = resolved[role]!
                let number = t.pair(for: role)
                let pair = try #require(byNumber[number], "\(role) at \(depth)")
                #expect(pair.foreground == Self.curses(style.foreground), "\(role)")
                #expect(pair.background == Self.curses(style.background), "\(role)")
            }
            #expect(Set(t.definitions.map(\.number)).count == t.definitions.count)
        }
    }

    private static func curses(_ color: TermColor) -> Int16 {
        if case .index(let n) = color { return Int16(n) }
        return -1
    }
}
