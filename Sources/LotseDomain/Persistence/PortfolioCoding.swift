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
public enum PortfolioFileError: Error, Equatable, CustomStringConvertible, DescribedFileError {
    case malformed(source: String, detail: String)
    case unsupportedVersion(source: String, found: Int, supported: Int)
    case invalid(source: String, problems: [String])
    /// Every problem found, in file order, at most `listedProblems`; `omitted` more were
    /// found but not listed. `stopped`: reading stopped at the last problem (a syntax error),
    /// so the rest of the file was not checked.
    case rejected(source: String, problems: [PortfolioProblem], omitted: Int, stopped: Bool)

    /// How many problems a message lists.
    public static let listedProblems = 50

    /// `problems` in file order (by line and column, problems without a place last), cut to
    /// `listedProblems`; `omitted` counts the rest.
    public static func rejected(source: String, all problems: [PortfolioProblem], omitted: Int = 0,
                                stopped: Bool) -> PortfolioFileError {
        let sorted = problems.enumerated().sorted {
            ($0.element.line ?? .max, $0.element.column ?? 0, $0.offset)
                < ($1.element.line ?? .max, $1.element.column ?? 0, $1.offset)
        }.map(\.element)
        let listed = Array(sorted.prefix(listedProblems))
        return .rejected(source: source, problems: listed, omitted: omitted + sorted.count - listed.count,
                         stopped: stopped)
    }

    public var description: String {
        switch self {
        case .malformed(let source, let detail):
            "\(source): not a Lotse portfolio file: \(detail)"
        case .unsupportedVersion(let source, let found, let supported):
            "\(source): format version \(found) is newer than this Lotse understands (\(supported))"
        case .invalid(let source, let problems):
            "\(source): \(problems.count) problem(s):\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        case .rejected(let source, let problems, let omitted, let stopped):
            "\(source): \(problems.count + omitted) problem(s)"
                + (stopped ? " (reading stopped at the last one)" : "") + ":\n"
                + problems.map { "  - \($0)" }.joined(separator: "\n")
                + (omitted > 0 ? "\n  … and \(omitted) more" : "")
        }
    }

    public var fileReport: FileErrorReport {
        switch self {
        case .malformed(let source, let detail):
            let item: FileErrorReport.Item = detail == PortfolioProblem.Kind.fileChanged.description
                ? .portfolio(PortfolioProblem(line: nil, kind: .fileChanged))
                : .text(line: nil, column: nil, item: "", message: detail)
            return FileErrorReport(file: source, headline: .refused, items: [item])
        case .unsupportedVersion(let source, let found, let supported):
            return FileErrorReport(file: source, headline: .refused, items: [
                .portfolio(PortfolioProblem(line: nil, path: "formatVersion",
                                            kind: .newerVersion(found: found, supported: supported)))])
        case .invalid(let source, let problems):
            return FileErrorReport(file: source, headline: .refused,
                                   items: problems.map { .text(line: nil, column: nil, item: "", message: $0) })
        case .rejected(let source, let problems, let omitted, let stopped):
            return FileErrorReport(file: source, headline: stopped ? .refusedStopped : .refused,
                                   items: problems.map { .portfolio($0) }, omitted: omitted)
        }
    }
}
