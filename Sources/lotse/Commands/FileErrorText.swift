import LotseDomain
import LotseStore
import LotseUI
import TermCanvas

/// A refused data file told in the user's language: portfolio problems by
/// `DataFileStrings`, the problems of TOML files (questionnaires, themes, answers) by
/// `TOMLProblemStrings` inside the same frame.
enum FileErrorText {
    static func report(of error: DescribedFileError, language: Language) -> FileErrorReport {
        guard let dataFile = error as? DataFileError else { return error.fileReport }
        let t = TOMLProblemStrings.forLanguage(language)
        return dataFile.fileReport(message: t.message, part: t.part, reason: t.reason)
    }

    /// The whole message, or nil for an error that is not about a data file.
    static func describe(_ error: Error, language: Language) -> String? {
        guard let described = error as? DescribedFileError else { return nil }
        return DataFileStrings.forLanguage(language).describe(report(of: described, language: language))
    }

    /// A theme's role or value problem as a kind, so that it is told in the user's language.
    static func kind(of problem: ThemeProblem) -> TOMLProblem {
        let word = ThemeDefinition.defaultColor
        switch problem.kind {
        case .unknownRole: return .themeUnknownRole(problem.role, roles: Role.allCases.map(\.rawValue))
        case .unknownKey: return .themeUnknownKey(problem.key ?? "", allowed: ThemeDefinition.keys)
        case .unknownAttribute(let name):
            return .themeUnknownAttribute(name, allowed: ThemeDefinition.attributeNames.map(\.name))
        case .notAColor(let text): return .themeNotAColor(text, defaultWord: word)
        case .colorOutOfRange(let number, let range):
            return .themeColorOutOfRange(number, key: problem.key, lower: range.lowerBound, upper: range.upperBound,
                                         defaultWord: word)
        }
    }
}
