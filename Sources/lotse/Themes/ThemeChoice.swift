import Foundation
import LotseDomain
import LotseStore
import LotseUI
import TermCanvas

/// The colour themes: the files shipped with Lotse (`Themes/` in the repository, copied into
/// the executable's resource bundle) and the user's own files.
///
/// Reading is split along the module boundaries: LotseStore reads the TOML into plain text
/// values with their lines (`ThemeFile`), TermCanvas checks them and builds the `Theme`
/// (`ThemeDefinition`); this file joins the two and turns problems into `file:line`.
enum ThemeChoice {
    /// Used when neither `--theme` nor `LOTSE_THEME` chooses one.
    static let defaultName = "dark"
    static let environmentKey = "LOTSE_THEME"
    /// How `lotse themes` orders the shipped themes; others follow alphabetically.
    static let preferredOrder = ["dark", "light", "high-contrast", "monochrome"]

    struct Loaded {
        var theme: Theme
        var content: ThemeFileContent
    }

    /// The theme of `--theme`, else of `LOTSE_THEME`, else dark: a shipped theme's name or
    /// the path of a theme file. Problems throw before the screen starts.
    static func choose(_ option: String?, environment: [String: String], strings: CLIStrings) throws -> Theme {
        let fromEnvironment = environment[environmentKey].flatMap { $0.isEmpty ? nil : $0 }
        // Nothing chosen: the built-in dark theme, which a test holds equal to the shipped
        // dark.toml, so the start need not read and check that file.
        guard let chosen = option ?? fromEnvironment else { return .dark }
        return try resolve(chosen, strings: strings)
    }

    /// The theme of a shipped theme's name or of a file's path. The built-in dark theme
    /// stands in for `dark` when the shipped files are not installed, so the dashboard
    /// always starts.
    static func resolve(_ nameOrPath: String, strings: CLIStrings) throws -> Theme {
        guard let file = try file(of: nameOrPath, strings: strings) else { return .dark }
        return try load(path: file).theme
    }

    /// The file of a shipped theme's name, else `nameOrPath` as a path (always when it
    /// has a `/` or ends in `.toml`); nil for `dark` when the shipped files are missing.
    static func file(of nameOrPath: String, strings: CLIStrings) throws -> String? {
        guard !nameOrPath.contains("/"), !nameOrPath.hasSuffix(".toml") else { return nameOrPath }
        switch Shipped.locate() {
        case .success(let folder):
            let file = folder.appendingPathComponent("\(nameOrPath).toml")
            if FileManager.default.isReadableFile(atPath: file.path) { return file.path }
        case .failure:
            if nameOrPath == defaultName { return nil }
        }
        if FileManager.default.fileExists(atPath: nameOrPath) { return nameOrPath }
        let names = (try? Shipped.names()) ?? []
        throw CLIError(strings.noSuchTheme(nameOrPath, names))
    }

    /// Reads and checks the theme file at `path`; every problem is thrown at once with its line.
    static func load(path: String) throws -> Loaded {
        let content = try ThemeFile.load(path: path)
        let definition = ThemeDefinition(name: content.name, roles: content.roles)
        let problems = definition.problems
        guard problems.isEmpty else {
            throw DataFileError.invalid(problems.map {
                content.problem(role: $0.role, key: $0.key, item: $0.item, kind: FileErrorText.kind(of: $0))
            }.sorted { ($0.line ?? .max) < ($1.line ?? .max) })
        }
        return Loaded(theme: try definition.theme(), content: content)
    }

    /// What keeps a loaded theme from being complete, each with its line where it has one.
    static func shortcomings(of loaded: Loaded, strings: CLIStrings) -> [FileProblem] {
        loaded.theme.shortcomings.map { shortcoming in
            switch shortcoming {
            case .missingRole(let role):
                return FileProblem(file: loaded.content.file, line: nil, item: role.rawValue,
                                   message: strings.themeRoleLeftOut)
            case .notReversedWithoutColor(let role):
                return loaded.content.problem(role: role.rawValue, key: "mono", item: "\(role.rawValue).mono",
                                              message: strings.themeBarNotReversed)
            }
        }
    }

    /// The themes in the executable's resource bundle.
    enum Shipped {
        /// The folder holding the shipped `*.toml` files, or every place looked at.
        static func locate() -> Result<URL, DataFileError> {
            BundledResource.locate("\(defaultName).toml", target: "lotse")
                .map { $0.deletingLastPathComponent() }
                .mapError { .notInstalled(file: "\(defaultName).toml", searched: $0.searched) }
        }

        /// The names of the shipped themes, the well-known ones first.
        static func names() throws -> [String] {
            let folder = try locate().get()
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            let names = files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(".toml".count)) }
            return preferredOrder.filter(names.contains) + names.filter { !preferredOrder.contains($0) }.sorted()
        }

        static func path(of name: String) throws -> String {
            try locate().get().appendingPathComponent("\(name).toml").path
        }
    }
}
