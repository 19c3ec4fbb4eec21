import Foundation

/// One self-assessment of a municipality: who took part, what each participant answered,
/// what the group agreed on, and where the facilitator stopped. Every answer is saved at
/// once, so an interrupted workshop resumes from this value.
public struct Assessment: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var municipalityID: String
    /// `Questionnaire.versionTag` of the questionnaire used.
    public var questionnaire: String
    public var date: Date
    public var facilitator: String
    public var participants: [String]
    /// statement id → participant → value; a missing entry or nil means "weiß nicht".
    public var responses: [String: [String: Int?]]
    /// statement id → the value the group agreed on (nil = "weiß nicht").
    public var consensus: [String: Int?]
    public var notes: [String: String]
    /// Index of the statement the wizard shows; resumes here.
    public var position: Int
    public var completed: Bool
    /// Each time the finished assessment was opened again for changes, oldest first.
    public var reopenings: [Reopening]
    /// tension field id → where the group places the municipality between its two poles.
    public var stances: [String: TensionStance]

    public init(id: String, municipalityID: String, questionnaire: String, date: Date, facilitator: String,
                participants: [String], responses: [String: [String: Int?]] = [:],
                consensus: [String: Int?] = [:], notes: [String: String] = [:], position: Int = 0,
                completed: Bool = false, reopenings: [Reopening] = [], stances: [String: TensionStance] = [:]) {
        self.id = id
        self.municipalityID = municipalityID
        self.questionnaire = questionnaire
        self.date = date
        self.facilitator = facilitator
        self.participants = participants
        self.responses = responses
        self.consensus = consensus
        self.notes = notes
        self.position = position
        self.completed = completed
        self.reopenings = reopenings
        self.stances = stances
    }

    /// The statements of `statementIDs` the group has not reached: no consensus at all.
    /// Distinct from "weiß nicht", which is an answer (a consensus of nil).
    public func notAnswered(_ statementIDs: [String]) -> [String] {
        statementIDs.filter { consensus[$0] == nil }
    }

    /// The answers that count for scoring: the consensus where one was set, dropping
    /// "weiß nicht".
    public var scoringAnswers: [String: Int] {
        consensus.compactMapValues { $0 }
    }
}

/// A finished assessment opened again for changes: who did it and when.
public struct Reopening: Hashable, Sendable, Codable {
    public var by: String
    public var at: Date

    public init(by: String, at: Date) {
        self.by = by
        self.at = at
    }
}

/// Median and spread of the participants' answers to one statement.
public struct ResponseStats: Hashable, Sendable {
    /// Spread (highest minus lowest answer) from which a statement is flagged for discussion.
    public static let dissentSpread = 2

    public var values: [Int]
    public var dontKnow: Int

    public init(_ answers: [Int?]) {
        values = answers.compactMap { $0 }.sorted()
        dontKnow = answers.count - values.count
    }

    public var median: Double? {
        guard !values.isEmpty else { return nil }
        let n = values.count
        return n % 2 == 1 ? Double(values[n / 2]) : Double(values[n / 2 - 1] + values[n / 2]) / 2
    }

    public var spread: Int { (values.last ?? 0) - (values.first ?? 0) }
    public var isDissent: Bool { values.count >= 2 && spread >= ResponseStats.dissentSpread }

    /// The value proposed as consensus: the median, halves rounded towards the middle of
    /// the group (down), so a split group is not rated better than its lower half.
    public var proposedConsensus: Int? {
        guard !values.isEmpty else { return nil }
        let n = values.count
        return n % 2 == 1 ? values[n / 2] : values[n / 2 - 1]
    }
}
