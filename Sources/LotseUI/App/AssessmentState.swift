import Foundation
import LotseDomain
import TermCanvas

/// State of the Selbsteinschätzung screen: the list of assessments, the set-up form,
/// the wizard and the result.
public struct AssessmentState: Sendable {
    /// What the tab shows (see `AppState.assessmentMode`).
    public enum Mode: Hashable, Sendable {
        case list
        case setup
        case wizard
        case result
    }

    public var assessments: [Assessment] = []
    /// The questionnaire new assessments are made with.
    public var newest: Questionnaire?
    /// Earlier shipped versions by `versionTag`, for assessments made with them.
    public var earlier: [String: Questionnaire] = [:]
    public var list = TableState()
    /// The assessment being run or shown (also kept in `assessments`).
    public var current: Assessment?
    public var showStatementHelp = true
    public var presenter = false
    /// Minutes per dimension for the quiet countdown; nil = no time box.
    public var timeBoxMinutes: Int?
    public var dimensionStartedAt: Date?
    public var resultScroll = 0

    public init() {}

    /// The questionnaire of the assessment being run or shown: the version it was made with
    /// when Lotse still has it, else the newest (see `isScoredWithOtherVersion`).
    public var questionnaire: Questionnaire? {
        guard let tag = current?.questionnaire, tag != newest?.versionTag, let kept = earlier[tag] else { return newest }
        return kept
    }

    /// The questionnaire `a` was made with when Lotse has it, else the newest.
    public func questionnaire(for a: Assessment) -> Questionnaire? {
        a.questionnaire == newest?.versionTag ? newest : earlier[a.questionnaire] ?? newest
    }

    /// Whether an assessment at hand was made with another version than the newest: only
    /// then are the earlier versions worth reading (see `earlier`).
    public var usesOtherVersions: Bool {
        guard let tag = newest?.versionTag else { return false }
        return assessments.contains { $0.questionnaire != tag } || (current.map { $0.questionnaire != tag } ?? false)
    }

    /// The assessment being shown was made with a questionnaire version Lotse no longer
    /// has, so it is scored with the newest; the result says so.
    public var isScoredWithOtherVersion: Bool {
        guard let current, let q = questionnaire else { return false }
        return current.questionnaire != q.versionTag
    }

    public var statements: [Questionnaire.Statement] { questionnaire?.statements ?? [] }

    public var currentStatement: Questionnaire.Statement? {
        guard let a = current, statements.indices.contains(a.position) else { return nil }
        return statements[a.position]
    }

    /// Workshop mode: more than one participant answers each statement.
    public var isWorkshop: Bool { (current?.participants.count ?? 0) > 1 }

    /// Assessments of the same municipality before `assessment`, newest first.
    public func previous(to assessment: Assessment) -> Assessment? {
        assessments
            .filter { $0.municipalityID == assessment.municipalityID && $0.id != assessment.id && $0.date < assessment.date }
            .max { $0.date < $1.date }
    }

    /// The newest finished assessment (the newest running one when none is finished), for
    /// the overview and the phase model.
    public var latest: Assessment? {
        let finished = assessments.filter(\.completed)
        return (finished.isEmpty ? assessments : finished).max { ($0.date, $0.id) < ($1.date, $1.id) }
    }
}

/// Parses quick numeric entry: "3 4 2 4", "3424", "3 ? 4 0" (0 and ? = weiß nicht).
public enum QuickEntry {
    public enum Problem: Error, Equatable, Sendable {
        case wrongCount(expected: Int, got: Int)
        case outOfScale(String)
    }

    public static func parse(_ text: String, participants: Int, scale: Questionnaire.Scale)
        -> Result<[Int?], Problem> {
        let compact = !text.contains(" ") && !text.contains(",")
        let tokens: [String] = compact
            ? text.map(String.init)
            : text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard tokens.count == participants else {
            return .failure(.wrongCount(expected: participants, got: tokens.count))
        }
        var out: [Int?] = []
        for t in tokens {
            if t == "?" || t == "0" { out.append(nil); continue }
            guard let v = Int(t), scale.contains(v) else { return .failure(.outOfScale(t)) }
            out.append(v)
        }
        return .success(out)
    }
}
