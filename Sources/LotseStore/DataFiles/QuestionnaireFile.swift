import Foundation
import LotseDomain
import TOMLKit

/// Reads a questionnaire from its TOML file (schema in `questionnaires/README.md`) and
/// validates it. Loading never half-succeeds: it returns a complete, valid questionnaire
/// or throws a `DataFileError` listing every problem with file and line.
///
/// Three stages, each stopping the load: TOML syntax (line and column from the parser),
/// structure (missing, unknown or mistyped keys; all of them at once) and the rules of
/// `QuestionnaireValidator` (all of them at once). Lines of parsed values come from
/// `TOMLSourceMap`, which scans the text for the table headers and keys.
public enum QuestionnaireFile {
    /// The questionnaire shipped with Lotse, in the LotseStore resource bundle.
    public static let builtinFile = "phasenmodell-v1.toml"

    /// Earlier versions of the shipped questionnaire, kept so that an assessment made with
    /// one is placed as it was on the day (`shipped(versionTag:)`).
    public static let archivedFiles = ["archive/phasenmodell-1.0.0.toml"]

    /// The shipped questionnaire whose `versionTag` is `tag`: the current one or an earlier
    /// version kept in the archive; nil when Lotse never shipped that version.
    public static func shipped(versionTag tag: String) throws -> Questionnaire? {
        let current = try builtin()
        if current.versionTag == tag { return current }
        return try archived().first { $0.versionTag == tag }
    }

    /// The earlier shipped versions that are installed, oldest first.
    public static func archived() throws -> [Questionnaire] {
        try archivedFiles.compactMap { name in
            guard case .success(let url) = BundledResource.locate(name) else { return nil }
            return try load(path: url.path)
        }
    }

    /// Loads and validates the questionnaire at `path`.
    public static func load(path: String) throws -> Questionnaire {
        try parse(try readText(path: path), file: path)
    }

    /// The shipped questionnaire.
    public static func builtin() throws -> Questionnaire {
        let url = try builtinURL()
        return try load(path: url.path)
    }

    /// Where the shipped questionnaire is installed.
    public static func builtinURL() throws -> URL {
        switch BundledResource.locate(builtinFile) {
        case .success(let url): return url
        case .failure(let miss): throw DataFileError.notInstalled(file: builtinFile, searched: miss.searched)
        }
    }

    /// Parses and validates questionnaire TOML; `file` names the source in messages.
    public static func parse(_ text: String, file: String) throws -> Questionnaire {
        let root = try TOMLReading.parse(text, file: file)
        let reading = TOMLReading(file: file, text: text)
        let document = TOMLNode(table: root, path: "", reading: reading)
        let decoded = decode(document)
        guard let questionnaire = decoded, reading.problems.isEmpty else {
            throw DataFileError.structure(FileProblem.inFileOrder(reading.problems))
        }
        let problems = QuestionnaireValidator.problems(in: questionnaire)
        guard problems.isEmpty else {
            throw DataFileError.invalid(FileProblem.inFileOrder(problems.map { locate($0, file: file, map: reading.map) }))
        }
        return questionnaire
    }

    static func readText(path: String) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? error.localizedDescription : DataFileError.noSuchFile
            throw DataFileError.unreadable(file: path, reason: reason)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileError.unreadable(file: path, reason: DataFileError.notUTF8)
        }
        return text
    }

    // MARK: - Structure

    private static func decode(_ doc: TOMLNode) -> Questionnaire? {
        doc.rejectUnknownKeys(allowed: ["id", "version", "title", "description", "scale", "dimensions",
                                        "statements", "gates", "recommendations", "tensions"])
        let id = doc.string("id"), version = doc.string("version")
        let title = doc.text("title"), description = doc.text("description")
        let scale = doc.table("scale").flatMap(decodeScale)
        let dimensions = doc.tables("dimensions")?.map { node -> Questionnaire.Dimension? in
            node.rejectUnknownKeys(allowed: ["id", "name", "description"])
            let id = node.string("id"), name = node.text("name"), description = node.text("description")
            guard let id, let name, let description else { return nil }
            return .init(id: id, name: name, description: description)
        }
        let statements = doc.tables("statements")?.map { node -> Questionnaire.Statement? in
            node.rejectUnknownKeys(allowed: ["id", "dimension", "phase", "weight", "text", "help", "source"])
            let id = node.string("id"), dimension = node.string("dimension"), phase = node.phase("phase")
            let weight = node.int("weight"), text = node.text("text"), help = node.text("help")
            let source = node.string("source")
            guard let id, let dimension, let phase, let weight, let text, let help, let source else { return nil }
            return .init(id: id, dimension: dimension, phase: phase, weight: weight, text: text, help: help,
                         source: source)
        }
        let gates = doc.tables("gates")?.map { node -> Questionnaire.Gate? in
            node.rejectUnknownKeys(allowed: ["id", "phase", "statements", "minimum", "text"])
            let id = node.string("id"), phase = node.phase("phase"), statements = node.strings("statements")
            let minimum = node.int("minimum"), text = node.text("text")
            guard let id, let phase, let statements, let minimum, let text else { return nil }
            return .init(id: id, phase: phase, statements: statements, minimum: minimum, text: text)
        }
        let recommendations = doc.tables("recommendations")?.map { node -> Questionnaire.Recommendation? in
            node.rejectUnknownKeys(allowed: ["dimension", "phase", "text"])
            let dimension = node.string("dimension"), phase = node.phase("phase"), text = node.text("text")
            guard let dimension, let phase, let text else { return nil }
            return .init(dimension: dimension, phase: phase, text: text)
        }
        // Optional: questionnaires written before tension fields existed have none.
        let tensions: [Questionnaire.Tension?]? = doc.table["tensions"] != nil ? doc.tables("tensions")?.map(decodeTension) : []
        guard let id, let version, let title, let description, let scale,
              let dimensions = complete(dimensions), let statements = complete(statements),
              let gates = complete(gates), let recommendations = complete(recommendations),
              let tensions = complete(tensions)
        else { return nil }
        return Questionnaire(id: id, version: version, title: title, description: description, scale: scale,
                             dimensions: dimensions, statements: statements, gates: gates,
                             recommendations: recommendations, tensions: tensions)
    }

    private static func decodeTension(_ node: TOMLNode) -> Questionnaire.Tension? {
        node.rejectUnknownKeys(allowed: ["id", "name", "pole_a", "pole_b", "summary", "source", "statements",
                                         "recommendations"])
        let id = node.string("id"), name = node.text("name"), poleA = node.text("pole_a"), poleB = node.text("pole_b")
        let summary = node.text("summary"), source = node.string("source"), statements = node.strings("statements")
        let refs = node.tables("recommendations")?.map { ref -> Questionnaire.RecommendationRef? in
            ref.rejectUnknownKeys(allowed: ["dimension", "phase"])
            let dimension = ref.string("dimension"), phase = ref.phase("phase")
            guard let dimension, let phase else { return nil }
            return .init(dimension: dimension, phase: phase)
        }
        guard let id, let name, let poleA, let poleB, let summary, let source, let statements,
              let recommendations = complete(refs)
        else { return nil }
        return .init(id: id, name: name, poleA: poleA, poleB: poleB, summary: summary, source: source,
                     statements: statements, recommendations: recommendations)
    }

    private static func decodeScale(_ node: TOMLNode) -> Questionnaire.Scale? {
        node.rejectUnknownKeys(allowed: ["min", "max", "labels", "dont_know"])
        let min = node.int("min"), max = node.int("max"), dontKnow = node.text("dont_know")
        var labels: Questionnaire.Scale.Labels?
        if let table = node.table("labels") {
            table.rejectUnknownKeys(allowed: ["de", "en"])
            let de = table.strings("de"), en = table.strings("en")
            if let de, let en { labels = .init(de: de, en: en) }
        }
        guard let min, let max, let labels, let dontKnow else { return nil }
        return .init(min: min, max: max, labels: labels, dontKnow: dontKnow)
    }

    /// All elements, or nil when the list or any element could not be read.
    private static func complete<T>(_ list: [T?]?) -> [T]? {
        guard let list else { return nil }
        let values = list.compactMap { $0 }
        return values.count == list.count ? values : nil
    }

    // MARK: - Rules

    /// The validator's problem with the line of the key it blames.
    static func locate(_ problem: QuestionnaireProblem, file: String, map: TOMLSourceMap) -> FileProblem {
        let table: String?, id: String?
        switch problem.item {
        case .questionnaire: (table, id) = ("", nil)
        case .scale: (table, id) = ("scale", nil)
        case .dimension(let i, let d): (table, id) = ("dimensions[\(i)]", d)
        case .statement(let i, let s): (table, id) = ("statements[\(i)]", s)
        case .gate(let i, let g): (table, id) = ("gates[\(i)]", g)
        case .recommendation(let i, _, _): (table, id) = ("recommendations[\(i)]", nil)
        case .tension(let i, let t): (table, id) = ("tensions[\(i)]", t)
        case .phase: (table, id) = (nil, nil)
        }
        var line: Int?
        if let table {
            let path = [table, problem.field ?? ""].filter { !$0.isEmpty }.joined(separator: ".")
            line = path.isEmpty ? nil : map.line(of: path)
        }
        if line == nil, let id, !id.isEmpty { line = map.line(ofID: id) }
        let item = "\(problem.item)" + (problem.field.map { " (\($0))" } ?? "")
        return FileProblem(file: file, line: line, item: item, kind: problem.kind, part: problem.item, field: problem.field)
    }
}
