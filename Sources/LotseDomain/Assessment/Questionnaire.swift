/// A text in German and English; German is the product's first language.
public struct LocalizedText: Hashable, Sendable, Codable {
    public var de: String
    public var en: String

    public init(de: String, en: String) {
        self.de = de
        self.en = en
    }

    public func text(english: Bool) -> String { english && !en.isEmpty ? en : de }
}

/// The questionnaire of the self-assessment: data, not code. Loaded from a versioned
/// file and validated before use (see `QuestionnaireValidator`).
public struct Questionnaire: Hashable, Sendable, Codable {
    public var id: String
    public var version: String
    public var title: LocalizedText
    public var description: LocalizedText
    public var scale: Scale
    public var dimensions: [Dimension]
    public var statements: [Statement]
    public var gates: [Gate]
    public var recommendations: [Recommendation]
    /// The tension fields of the experimentation phase the workshop talks about; optional,
    /// so questionnaires written before they existed stay valid.
    public var tensions: [Tension]

    public init(id: String, version: String, title: LocalizedText, description: LocalizedText, scale: Scale,
                dimensions: [Dimension], statements: [Statement], gates: [Gate],
                recommendations: [Recommendation], tensions: [Tension] = []) {
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.scale = scale
        self.dimensions = dimensions
        self.statements = statements
        self.gates = gates
        self.recommendations = recommendations
        self.tensions = tensions
    }

    /// "phasenmodell 1.1.0", stored with every assessment.
    public var versionTag: String { "\(id) \(version)" }

    public func statement(_ id: String) -> Statement? { statements.first { $0.id == id } }
    public func dimension(_ id: String) -> Dimension? { dimensions.first { $0.id == id } }
    public func statements(in dimension: String) -> [Statement] { statements.filter { $0.dimension == dimension } }
    public func recommendation(dimension: String, phase: Phase) -> Recommendation? {
        recommendations.first { $0.dimension == dimension && $0.phase == phase }
    }

    /// A Likert scale with an explicit "don't know" that counts as missing.
    public struct Scale: Hashable, Sendable, Codable {
        public var min: Int
        public var max: Int
        public var labels: Labels
        public var dontKnow: LocalizedText

        public struct Labels: Hashable, Sendable, Codable {
            public var de: [String]
            public var en: [String]
            public init(de: [String], en: [String]) {
                self.de = de
                self.en = en
            }
        }

        public init(min: Int, max: Int, labels: Labels, dontKnow: LocalizedText) {
            self.min = min
            self.max = max
            self.labels = labels
            self.dontKnow = dontKnow
        }

        public func contains(_ value: Int) -> Bool { (min...max).contains(value) }

        /// `value` mapped to 0 … 1.
        public func normalized(_ value: Int) -> Double {
            max > min ? Double(value - min) / Double(max - min) : 0
        }

        public func label(_ value: Int, english: Bool) -> String {
            let list = english ? labels.en : labels.de
            let i = value - min
            return list.indices.contains(i) ? list[i] : "\(value)"
        }
    }

    public struct Dimension: Hashable, Sendable, Codable, Identifiable {
        public var id: String
        public var name: LocalizedText
        public var description: LocalizedText
        public init(id: String, name: LocalizedText, description: LocalizedText) {
            self.id = id
            self.name = name
            self.description = description
        }
    }

    public struct Statement: Hashable, Sendable, Codable, Identifiable {
        public var id: String
        public var dimension: String
        /// The phase this statement is evidence for.
        public var phase: Phase
        /// 1 … 3; 3 marks what the sources call central for the phase.
        public var weight: Int
        public var text: LocalizedText
        public var help: LocalizedText
        public var source: String

        public init(id: String, dimension: String, phase: Phase, weight: Int, text: LocalizedText,
                    help: LocalizedText, source: String) {
            self.id = id
            self.dimension = dimension
            self.phase = phase
            self.weight = weight
            self.text = text
            self.help = help
            self.source = source
        }
    }

    /// A knock-out criterion: to enter `phase`, each listed statement must reach `minimum`.
    public struct Gate: Hashable, Sendable, Codable, Identifiable {
        public var id: String
        public var phase: Phase
        public var statements: [String]
        public var minimum: Int
        public var text: LocalizedText

        public init(id: String, phase: Phase, statements: [String], minimum: Int, text: LocalizedText) {
            self.id = id
            self.phase = phase
            self.statements = statements
            self.minimum = minimum
            self.text = text
        }
    }

    public struct Recommendation: Hashable, Sendable, Codable {
        public var dimension: String
        public var phase: Phase
        public var text: LocalizedText

        public init(dimension: String, phase: Phase, text: LocalizedText) {
            self.dimension = dimension
            self.phase = phase
            self.text = text
        }
    }

    /// A tension field (Spannungsfeld): two poles a municipality moves between, what the
    /// source says about it (in our words), where it says so, and the statements and
    /// recommendations that touch it.
    public struct Tension: Hashable, Sendable, Codable, Identifiable {
        public var id: String
        public var name: LocalizedText
        public var poleA: LocalizedText
        public var poleB: LocalizedText
        public var summary: LocalizedText
        public var source: String
        public var statements: [String]
        public var recommendations: [RecommendationRef]

        public init(id: String, name: LocalizedText, poleA: LocalizedText, poleB: LocalizedText,
                    summary: LocalizedText, source: String, statements: [String],
                    recommendations: [RecommendationRef]) {
            self.id = id
            self.name = name
            self.poleA = poleA
            self.poleB = poleB
            self.summary = summary
            self.source = source
            self.statements = statements
            self.recommendations = recommendations
        }
    }

    /// Names one recommendation by its dimension and phase.
    public struct RecommendationRef: Hashable, Sendable, Codable {
        public var dimension: String
        public var phase: Phase
        public init(dimension: String, phase: Phase) {
            self.dimension = dimension
            self.phase = phase
        }
    }
}
