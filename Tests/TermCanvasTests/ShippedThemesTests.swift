import Foundation
import LotseStore
import Testing
import TermCanvas

/// The theme files in `Themes/` as a user gets them: parsed from TOML, checked, built.
@Suite struct ShippedThemesTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes")

    static let names = ["dark", "light", "high-contrast", "monochrome"]

    static func theme(_ name: String) throws -> Theme {
        let content = try ThemeFile.load(path: folder.appendingPathComponent("\(name).toml").path)
        return try ThemeDefinition(name: content.name, roles: content.roles).theme()
    }

    @Test(arguments: names)
    func everyShippedThemeIsValidAndComplete(name: String) throws {
        let theme = try Self.theme(name)
        #expect(theme.shortcomings.isEmpty, "\(theme.shortcomings)")
        #expect(Set(theme.styles.keys) == Set(Role.allCases))
    }

    @Test func darkFileIsTheBuiltInTheme() throws {
        #expect(try Self.theme("dark").styles == Theme.dark.styles)
    }

    @Test func monochromeUsesNoColourAtAll() throws {
        let styles = try Self.theme("monochrome").resolve(depth: .twoFiftySix)
        #expect(styles.values.allSatisfy { $0.foreground == .default && $0.background == .default })
        #expect(styles[.selection]?.attributes.contains(.reverse) == true)
    }
}
