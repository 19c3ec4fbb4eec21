import ArgumentParser
import Foundation
import LotseDomain
import LotseStore
import LotseUI
import TermCanvas

/// `lotse themes`: the shipped colour themes, and a check for theme files.
struct ThemesCommand: ParsableCommand, SpeaksLanguage {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the shipped colour themes, or check theme files.",
        discussion: """
        Choose a theme with lotse --theme NAME or --theme FILE, or with LOTSE_THEME; the \
        default is dark. To make your own, copy a shipped file (the last line of the list \
        says where they are) and edit it; the format is in Themes/README.md. \
        --check loads each theme as --theme would and reports, with file and line, every \
        problem, a role left out and a bar (selection, tabActive, key, statusBar) without \
        reverse in mono, which would vanish on a terminal without colour.
        """)

    @Flag(name: .long, help: "Check the themes named (default: all shipped) instead of listing them.")
    var check = false

    @Argument(help: ArgumentHelp("With --check: shipped theme names or theme files.", valueName: "name|file"))
    var themes: [String] = []

    @Option(name: .long, help: "Language of the descriptions: de or en (default: from the locale).")
    var lang: Language?

    func validate() throws {
        if !check && !themes.isEmpty {
            throw ValidationError(strings.themesCheckUsage(themes.joined(separator: " ")))
        }
    }

    func run() throws {
        if check { try runCheck() } else { try list() }
    }

    var language: Language { lang ?? Language.from(environment: ProcessInfo.processInfo.environment) }

    private func list() throws {
        let folder = try ThemeChoice.Shipped.locate().get()
        let loaded = try ThemeChoice.Shipped.names().map { name in
            (name, try ThemeChoice.load(path: try ThemeChoice.Shipped.path(of: name)))
        }
        let width = loaded.map { DisplayWidth.of($0.0) }.max() ?? 0
        for (name, theme) in loaded {
            let text = theme.content.description.map { language == .english ? $0.en : $0.de } ?? ""
            // A theme file is anybody's text: shown inert, on one line.
            print(SafeText.forTerminalLine(DisplayWidth.pad(name, to: width) + "  " + text))
        }
        print()
        print(strings.themesHowToChoose(folder.path))
    }

    private func runCheck() throws {
        let targets = themes.isEmpty ? try ThemeChoice.Shipped.names() : themes
        var failed = false
        for target in targets {
            do {
                guard let path = try ThemeChoice.file(of: target, strings: strings) else {
                    // `dark` while the shipped files are not installed: say where they were looked for.
                    if case .failure(let missing) = ThemeChoice.Shipped.locate() { throw missing }
                    continue
                }
                let isShipped = path == (try? ThemeChoice.Shipped.path(of: target))
                let loaded = try ThemeChoice.load(path: path)
                var problems = ThemeChoice.shortcomings(of: loaded, strings: strings)
                // The built-in dark theme stands in when the files are not installed; it
                // must look like the shipped one.
                if isShipped && target == ThemeChoice.defaultName && loaded.theme != .dark {
                    let differing = Role.allCases.filter { loaded.theme.styles[$0] != Theme.dark.styles[$0] }
                    problems += differing.map {
                        loaded.content.problem(role: $0.rawValue, key: nil, item: $0.rawValue,
                                               message: strings.themeDiffersFromBuiltIn)
                    }
                }
                if problems.isEmpty {
                    print(strings.themeCheckOK(path))
                } else {
                    failed = true
                    printError(problems.map(\.description).joined(separator: "\n"))
                }
            } catch {
                failed = true
                printError(FileErrorText.describe(error, language: language) ?? String(describing: error))
            }
        }
        if failed { throw ExitCode.failure }
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((SafeText.forTerminal(text) + "\n").utf8))
    }
}
