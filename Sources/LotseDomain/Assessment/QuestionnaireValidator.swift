/// One thing wrong with a questionnaire: which part (`item`), which key of it (`field`,
/// when one is to blame) and what is wrong, as a kind naming the allowed values.
public struct QuestionnaireProblem: Hashable, Sendable, CustomStringConvertible {
    /// The part of the questionnaire a problem is about. Parts in lists carry their index
    /// (0-based, in file order) as well as their id, so a loader can find the line even
    /// when two parts share an id.
    public enum Item: Hashable, Sendable, CustomStringConvertible {
        /// The top level: id, version, title, description.
        case questionnaire
        case scale
        case dimension(index: Int, id: String)
        case statement(index: Int, id: String)
        case gate(index: Int, id: String)
        case recommendation(index: Int, dimension: String, phase: Phase)
        case tension(index: Int, id: String)
        /// A phase as a whole (e.g. one without statements).
        case phase(Phase)

        public var description: String {
            switch self {
            case .questionnaire: "questionnaire"
            case .scale: "scale"
            case .dimension(_, let id): "dimension \(id.isEmpty ? "(no id)" : id)"
            case .statement(_, let id): "statement \(id.isEmpty ? "(no id)" : id)"
            case .gate(_, let id): "gate \(id.isEmpty ? "(no id)" : id)"
            case .recommendation(_, let dimension, let phase): "recommendation \(dimension)/\(phase.rawValue)"
            case .tension(_, let id): "tension \(id.isEmpty ? "(no id)" : id)"
            case .phase(let phase): "phase \(phase.rawValue)"
            }
        }
    }

    public var item: Item
    /// The key within the item that is wrong (`weight`, `text.en`, …), nil for the item as a whole.
    public var field: String?
    public var kind: TOMLProblem

    public init(_ item: Item, field: String? = nil, _ kind: TOMLProblem) {
        self.item = item
        self.field = field
        self.kind = kind
    }

    /// The English sentence.
    public var message: String { kind.description }

    public var description: String {
        "\(item)" + (field.map { " (\($0))" } ?? "") + ": \(message)"
    }
}

/// Checks a questionnaire before it is used, so that placement never meets a statement
/// without a dimension or a gate it cannot evaluate. Pure; returns every problem found, in
/// file order (top level, scale, dimensions, statements, phases, gates, recommendations).
///
/// Rules (also in `questionnaires/README.md`): ids present and unique; texts present in
/// German and English; a scale with min < max, both within -100…100, and one label per value in both languages;
/// every statement in an existing dimension with weight 1…3; every dimension with statements
/// for at least two phases; every phase with at least one statement; gates guarding
/// transfer or establishment, naming existing statements, with a minimum on the scale;
/// exactly one recommendation per dimension and phase, each for an existing dimension;
/// tension fields (optional) with unique ids, a name, both poles, a summary and a source in
/// both languages, naming only existing statements and recommendations.
public enum QuestionnaireValidator {
    public static let weights = 1...3
    /// Where a scale's min and max may lie: a scale has one label per value, so anything
    /// wider is no questionnaire, and arithmetic on the bounds can never overflow.
    public static let scaleBounds = -100...100

    public static func problems(in q: Questionnaire) -> [QuestionnaireProblem] {
        var problems: [QuestionnaireProblem] = []
        func add(_ item: QuestionnaireProblem.Item, _ field: String?, _ kind: TOMLProblem) {
            problems.append(QuestionnaireProblem(item, field: field, kind))
        }
        func requireText(_ text: LocalizedText, _ item: QuestionnaireProblem.Item, _ field: String) {
            if text.de.isBlank { add(item, "\(field).de", .germanTextEmpty) }
            if text.en.isBlank { add(item, "\(field).en", .englishTextEmpty) }
        }
        func requireID(_ id: String, _ item: QuestionnaireProblem.Item) {
            if id.isBlank {
                add(item, "id", .idEmpty)
            } else if id.contains(where: \.isWhitespace) {
                add(item, "id", .idContainsWhiteSpace(id))
            }
        }
        /// A present id not used before by a part of the same kind.
        func requireUniqueID(_ id: String, _ item: QuestionnaireProblem.Item, _ kind: TOMLProblem.PartKind, seen: inout Set<String>) {
            requireID(id, item)
            if !id.isEmpty, !seen.insert(id).inserted { add(item, "id", .idUsedTwice(kind, id)) }
        }

        // Top level
        requireID(q.id, .questionnaire)
        if q.version.isBlank { add(.questionnaire, "version", .versionEmpty) }
        if q.version.contains(where: \.isWhitespace) {
            add(.questionnaire, "version", .versionContainsWhiteSpace(q.version))
        }
        requireText(q.title, .questionnaire, "title")
        requireText(q.description, .questionnaire, "description")

        // Scale
        let scale = q.scale
        let scaleUsable = scaleBounds.contains(scale.min) && scaleBounds.contains(scale.max) && scale.min < scale.max
        if !scaleBounds.contains(scale.min) {
            add(.scale, "min", .scaleBoundOutside(max: false, value: scale.min, lower: scaleBounds.lowerBound, upper: scaleBounds.upperBound))
        }
        if !scaleBounds.contains(scale.max) {
            add(.scale, "max", .scaleBoundOutside(max: true, value: scale.max, lower: scaleBounds.lowerBound, upper: scaleBounds.upperBound))
        }
        if scale.min >= scale.max {
            add(.scale, "max", .maxNotAboveMin(max: scale.max, min: scale.min))
        } else if scaleUsable {
            let needed = scale.max - scale.min + 1
            for (language, labels) in [("de", scale.labels.de), ("en", scale.labels.en)] where labels.count != needed {
                add(.scale, "labels.\(language)",
                    .labelCount(labels.count, min: scale.min, max: scale.max, needed: needed))
            }
        }
        for (language, labels) in [("de", scale.labels.de), ("en", scale.labels.en)]
        where labels.contains(where: { $0.isBlank }) {
            add(.scale, "labels.\(language)", .labelEmpty)
        }
        requireText(scale.dontKnow, .scale, "dont_know")

        // Dimensions
        let dimensionIDs = q.dimensions.map(\.id)
        var seenDimensions: Set<String> = []
        for (i, d) in q.dimensions.enumerated() {
            let item = QuestionnaireProblem.Item.dimension(index: i, id: d.id)
            requireUniqueID(d.id, item, .dimension, seen: &seenDimensions)
            requireText(d.name, item, "name")
            requireText(d.description, item, "description")
        }
        if q.dimensions.isEmpty { add(.questionnaire, "dimensions", .noDimensions) }

        // Statements
        var seenStatements: Set<String> = []
        let allowedDimensions = dimensionIDs
        for (i, s) in q.statements.enumerated() {
            let item = QuestionnaireProblem.Item.statement(index: i, id: s.id)
            requireUniqueID(s.id, item, .statement, seen: &seenStatements)
            if !seenDimensions.contains(s.dimension) {
                add(item, "dimension", .unknownDimension(s.dimension, allowed: allowedDimensions))
            }
            if !weights.contains(s.weight) {
                add(item, "weight", .weightNotAllowed(s.weight))
            }
            requireText(s.text, item, "text")
            requireText(s.help, item, "help")
            if s.source.isBlank { add(item, "source", .sourceEmpty) }
        }
        for (i, d) in q.dimensions.enumerated() where !d.id.isEmpty {
            let phases = Set(q.statements(in: d.id).map(\.phase))
            if phases.count < 2 {
                add(.dimension(index: i, id: d.id), nil,
                    phases.isEmpty ? .dimensionWithoutStatements : .dimensionWithOnePhase)
            }
        }
        for phase in Phase.allCases where !q.statements.contains(where: { $0.phase == phase }) {
            add(.phase(phase), nil, .phaseWithoutStatement)
        }

        // Gates
        var seenGates: Set<String> = []
        for (i, g) in q.gates.enumerated() {
            let item = QuestionnaireProblem.Item.gate(index: i, id: g.id)
            requireUniqueID(g.id, item, .gate, seen: &seenGates)
            if g.phase == .experimentation {
                add(item, "phase", .gateGuardsExperimentation)
            }
            if g.statements.isEmpty { add(item, "statements", .gateNamesNoStatement) }
            for id in g.statements where !seenStatements.contains(id) {
                add(item, "statements", .unknownStatement(id))
            }
            if scaleUsable, !scale.contains(g.minimum) {
                add(item, "minimum", .gateMinimumOffScale(g.minimum, min: scale.min, max: scale.max))
            }
            requireText(g.text, item, "text")
        }

        // Recommendations
        var seenPairs: Set<String> = []
        for (i, r) in q.recommendations.enumerated() {
            let item = QuestionnaireProblem.Item.recommendation(index: i, dimension: r.dimension, phase: r.phase)
            if !seenDimensions.contains(r.dimension) {
                add(item, "dimension", .unknownDimension(r.dimension, allowed: allowedDimensions))
            } else if !seenPairs.insert("\(r.dimension)/\(r.phase.rawValue)").inserted {
                add(item, nil, .secondRecommendation(dimension: r.dimension, phase: r.phase))
            }
            requireText(r.text, item, "text")
        }
        for (i, d) in q.dimensions.enumerated() where !d.id.isEmpty {
            let missing = Phase.allCases.filter { !seenPairs.contains("\(d.id)/\($0.rawValue)") }
            if !missing.isEmpty {
                add(.dimension(index: i, id: d.id), nil,
                    .missingRecommendations(missing))
            }
        }

        // Tension fields
        var seenTensions: Set<String> = []
        for (i, t) in q.tensions.enumerated() {
            let item = QuestionnaireProblem.Item.tension(index: i, id: t.id)
            requireUniqueID(t.id, item, .tension, seen: &seenTensions)
            requireText(t.name, item, "name")
            requireText(t.poleA, item, "pole_a")
            requireText(t.poleB, item, "pole_b")
            requireText(t.summary, item, "summary")
            if t.source.isBlank { add(item, "source", .tensionSourceEmpty) }
            if t.statements.isEmpty && t.recommendations.isEmpty {
                add(item, "statements", .tensionNamesNothing)
            }
            for id in t.statements where !seenStatements.contains(id) {
                add(item, "statements", .unknownStatement(id))
            }
            for r in t.recommendations where !seenPairs.contains("\(r.dimension)/\(r.phase.rawValue)") {
                add(item, "recommendations", .tensionUnknownRecommendation(dimension: r.dimension, phase: r.phase))
            }
        }
        return problems
    }
}

private extension String {
    /// Whether the text has nothing but white space (Foundation-free, as LotseDomain is pure).
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
