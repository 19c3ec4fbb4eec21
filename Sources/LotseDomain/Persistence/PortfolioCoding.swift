import Foundation

/// The JSON form of a `Portfolio` (export, import, sample data): ISO 8601 dates,
/// sorted keys so exports diff well.
public enum PortfolioCoding {
    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = ISOTimestamp.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                    "'\(text)' is not an existing time in ISO 8601 form such as 2025-03-04T16:40:12Z"))
            }
            return date
        }
        return d
    }

    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// Decodes and validates a portfolio document; errors name the place in the file.
    public static func decode(_ data: Data, source: String) throws -> Portfolio {
        let portfolio: Portfolio
        do {
            portfolio = try decoder().decode(Portfolio.self, from: data)
        } catch let error as DecodingError {
            throw PortfolioFileError.malformed(source: source, detail: describe(error))
        }
        guard portfolio.formatVersion <= Portfolio.formatVersion else {
            throw PortfolioFileError.unsupportedVersion(source: source, found: portfolio.formatVersion,
                                                        supported: Portfolio.formatVersion)
        }
        let problems = PortfolioValidator.problems(in: portfolio)
        if !problems.isEmpty { throw PortfolioFileError.invalid(source: source, problems: problems) }
        return portfolio
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ ctx: DecodingError.Context) -> String {
            let p = ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.isEmpty ? "(top level)" : String(p.drop(while: { $0 == "." }))
        }
        switch error {
        case .dataCorrupted(let ctx):
            return "\(path(ctx)): \(ctx.debugDescription)"
        case .keyNotFound(let key, let ctx):
            return "\(path(ctx)): missing field '\(key.stringValue)'"
        case .typeMismatch(let type, let ctx):
            return "\(path(ctx)): expected \(type) — \(ctx.debugDescription)"
        case .valueNotFound(let type, let ctx):
            return "\(path(ctx)): missing value of type \(type)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// A portfolio file that cannot be used. Carries what the user needs to fix it.
public enum PortfolioFileError: Error, Equatable, CustomStringConvertible {
    case malformed(source: String, detail: String)
    case unsupportedVersion(source: String, found: Int, supported: Int)
    case invalid(source: String, problems: [String])

    public var description: String {
        switch self {
        case .malformed(let source, let detail):
            "\(source): not a Lotse portfolio file: \(detail)"
        case .unsupportedVersion(let source, let found, let supported):
            "\(source): format version \(found) is newer than this Lotse understands (\(supported))"
        case .invalid(let source, let problems):
            "\(source): \(problems.count) problem(s):\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }
}
