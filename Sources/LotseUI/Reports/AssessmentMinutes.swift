import Foundation
import LotseDomain

/// The minutes of a self-assessment workshop: who took part, per statement the individual
/// answers with median, spread, dissent, consensus and note, and then the result (the same
/// `AssessmentResult` the screen shows). Pure; rendered as Markdown or JSON.
public struct AssessmentMinutes: Hashable, Sendable, Encodable {
    public enum Format: String, CaseIterable, Sendable {
        case markdown, json
    }

    /// One participant's answer; `value` nil is "weiß nicht" (JSON null).
    public struct Answer: Hashable, Sendable, Encodable {
        public var participant: String
        public var value: Int?

        enum CodingKeys: String, CodingKey { case participant, value }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(participant, forKey: .participant)
            try c.encode(value, forKey: .value)
        }
    }

    /// One reopening of the finished assessment.
    public struct Reopened: Hashable, Sendable, Encodable {
        public var by: String
        public var day: String
    }

    /// A statement the workshop dealt with.
    public struct Item: Hashable, Sendable, Encodable {
        public var id: String
        public var dimension: String
        public var phase: String
        public var text: String
        /// In the order of the participants; those who have not answered are left out.
        public var answers: [Answer]
        public var median: Double?
        /// Highest minus lowest answer; nil with fewer than one answer on the scale.
        public var spread: Int?
        public var dissent: Bool
        /// Whether the group set a consensus; `consensus` nil then means "weiß nicht".
        public var consensusSet: Bool
        public var consensus: Int?
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case id, dimension, phase, text, answers, median, spread, dissent, consensusSet, consensus, note
        }

        // Spelled out so that "weiß nicht" and missing values appear as null instead of
        // being left out.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(dimension, forKey: .dimension)
            try c.encode(phase, forKey: .phase)
            try c.encode(text, forKey: .text)
            try c.encode(answers, forKey: .answers)
            try c.encode(median, forKey: .median)
            try c.encode(spread, forKey: .spread)
            try c.encode(dissent, forKey: .dissent)
            try c.encode(consensusSet, forKey: .consensusSet)
            try c.encode(consensus, forKey: .consensus)
            try c.encode(note, forKey: .note)
        }
    }

    /// One tension field with the group's point between its poles (1…5, nil = open).
    public struct Stance: Encodable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var poleA: String
        public var poleB: String
        public var position: Int?
        public var note: String

        enum CodingKeys: String, CodingKey { case id, name, poleA = "pole_a", poleB = "pole_b", position, note }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(poleA, forKey: .poleA)
            try c.encode(poleB, forKey: .poleB)
            try c.encode(position, forKey: .position)
            try c.encode(note, forKey: .note)
        }
    }

    public var language: String
    public var id: String
    public var municipalityID: String
    public var municipality: String
    /// `YYYY-MM-DD` (UTC, as the wizard enters it).
    public var date: String
    public var facilitator: String
    public var participants: [String]
    public var questionnaire: String
    public var completed: Bool
    /// Each time the finished assessment was opened again: who, and the day (`YYYY-MM-DD`).
    public var reopenings: [Reopened]
    public var statements: [Item]
    /// Ids of the statements nobody answered yet, in questionnaire order.
    public var untouched: [String]
    /// Where the group placed the municipality on the tension fields, in questionnaire order
    /// (only the fields with a position or a note).
    public var stances: [Stance]
    public var result: AssessmentResult

    /// - Parameters:
    ///   - municipalityName: shown instead of the id when known.
    ///   - evidence: the portfolio's figures for the municipality, shown with the result.
    public init(assessment a: Assessment, questionnaire q: Questionnaire, municipalityName: String? = nil,
                evidence: PortfolioEvidence? = nil, language lang: Language) {
        language = lang.rawValue
        id = a.id
        municipalityID = a.municipalityID
        municipality = municipalityName ?? a.municipalityID
        date = Self.day(a.date)
        facilitator = a.facilitator
        participants = a.participants
        questionnaire = a.questionnaire
        completed = a.completed
        reopenings = a.reopenings.map { Reopened(by: $0.by, day: Self.day($0.at)) }
        var items: [Item] = []
        var untouched: [String] = []
        for s in q.statements {
            let given = a.responses[s.id] ?? [:]
            // Listed participants first, in their order; answers of others (renamed or
            // removed later) after them, so nothing recorded is dropped.
            let names = a.participants.filter { given.keys.contains($0) } + given.keys.filter { !a.participants.contains($0) }.sorted()
            let answers = names.map { Answer(participant: $0, value: given[$0] ?? nil) }
            let consensusSet = a.consensus.keys.contains(s.id)
            guard !answers.isEmpty || consensusSet || a.notes[s.id] != nil else {
                untouched.append(s.id)
                continue
            }
            let stats = ResponseStats(answers.map(\.value))
            items.append(Item(id: s.id, dimension: s.dimension, phase: s.phase.rawValue, text: s.text.text(lang),
                              answers: answers, median: stats.median, spread: stats.values.isEmpty ? nil : stats.spread,
                              dissent: stats.isDissent, consensusSet: consensusSet,
                              consensus: a.consensus[s.id] ?? nil, note: a.notes[s.id]))
        }
        statements = items
        self.untouched = untouched
        stances = q.tensions.compactMap { t in
            guard let stance = a.stances[t.id], !stance.isEmpty else { return nil }
            return Stance(id: t.id, name: t.name.text(lang), poleA: t.poleA.text(lang),
                          poleB: t.poleB.text(lang), position: stance.position, note: stance.note)
        }
        result = AssessmentResult(questionnaire: q, answers: a.consensus, municipality: municipality, evidence: evidence,
                                  language: lang)
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .markdown: markdown()
        case .json: AssessmentResult.encodeJSON(self)
        }
    }

    public func markdown() -> String {
        let strings = Strings.forLanguage(Language(rawValue: language) ?? .german)
        let t = strings.result, f = strings.formats
        func value(_ v: Int?) -> String { v.map(String.init) ?? t.dontKnow }
        func number(_ d: Double) -> String { f.decimal(d, maxDigits: 1) }
        // Names, ids, texts and notes come from the data.
        func user(_ text: String) -> String { SafeText.markdown(text) }
        var out: [String] = []
        out.append("# " + t.minutesTitle + " – " + user(municipality))
        out.append("")
        out.append("- " + t.date + ": \(date)")
        out.append("- " + t.facilitator + ": " + user(facilitator))
        out.append("- " + t.participants + ": "
                   + (participants.isEmpty ? t.teamTogether : participants.map(user).joined(separator: ", ")))
        out.append("- " + t.questionnaire + ": " + user(questionnaire))
        out.append("- " + t.status + ": " + (completed ? t.completed : t.inProgress) + " "
                   + t.dealtWith(statements.count, statements.count + untouched.count))
        let w = WorkshopStrings.forLanguage(strings.language)
        for r in reopenings {
            out.append("- " + w.reopenedBy(user(r.by), r.day))
        }
        out.append("")
        out.append("## " + t.statements)
        for s in statements {
            out.append("")
            out.append("### \(user(s.id)) · \(user(s.text))" + (s.dissent ? " " + t.dissent : ""))
            out.append("")
            if !s.answers.isEmpty {
                out.append("- " + t.answers + ": " + s.answers.map { "\(user($0.participant)) \(value($0.value))" }.joined(separator: ", "))
                out.append("- " + t.median + " " + (s.median.map(number) ?? "–") + ", " + t.spread + " "
                           + (s.spread.map(String.init) ?? "–"))
            }
            out.append("- " + t.consensus + ": " + (s.consensusSet ? value(s.consensus) : w.notAnswered))
            if let note = s.note {
                out.append("- " + t.note + ": " + user(note))
            }
        }
        if !untouched.isEmpty {
            out.append("")
            out.append(w.notAnsweredCount(untouched.count) + ": " + untouched.map(user).joined(separator: ", "))
        }
        if !stances.isEmpty {
            let st = StanceStrings.forLanguage(strings.language)
            out.append("")
            out.append("## " + st.sectionTitle)
            out.append("")
            for s in stances {
                out.append("- " + user(st.summary(s.name, s.poleA, s.poleB, s.position))
                           + (s.note.isEmpty ? "" : " – " + user(s.note)))
            }
        }
        out.append("")
        // The result one heading level down.
        let result = self.result.text(markdown: true).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("#") ? "#" + $0 : String($0) }
        out += result
        return SafeText.forTerminal(out.joined(separator: "\n"))
    }

    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ v: Int?) -> String { String(format: "%02d", v ?? 0) }
        return String(format: "%04d", c.year ?? 0) + "-" + two(c.month) + "-" + two(c.day)
    }
}
