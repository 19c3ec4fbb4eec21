import Foundation

/// The questions of the transfer phase a project answers before its funding ends:
/// reflect, evaluate honestly, look across the fence.
public enum ContinuationQuestion: String, CaseIterable, Hashable, Sendable, Codable {
    /// What had we set out to do?
    case goal
    /// What results did we reach?
    case reached
    /// How did we proceed?
    case approach
    /// How do the results compare with the plan and the resources used?
    case planAndResources
    /// Is it worth continuing from our own budget?
    case ownBudget
    /// What would we do again, or differently?
    case againOrDifferently
    /// What can others reuse from us?
    case reuse
}

/// The answers to the transfer-phase questions, one text each (empty: not answered yet).
public struct ContinuationAnswers: Hashable, Sendable, Codable {
    public var goal = ""
    public var reached = ""
    public var approach = ""
    public var planAndResources = ""
    public var ownBudget = ""
    public var againOrDifferently = ""
    public var reuse = ""

    public init() {}

    public subscript(question: ContinuationQuestion) -> String {
        get {
            switch question {
            case .goal: goal
            case .reached: reached
            case .approach: approach
            case .planAndResources: planAndResources
            case .ownBudget: ownBudget
            case .againOrDifferently: againOrDifferently
            case .reuse: reuse
            }
        }
        set {
            switch question {
            case .goal: goal = newValue
            case .reached: reached = newValue
            case .approach: approach = newValue
            case .planAndResources: planAndResources = newValue
            case .ownBudget: ownBudget = newValue
            case .againOrDifferently: againOrDifferently = newValue
            case .reuse: reuse = newValue
            }
        }
    }

    /// Every answer with outer blanks and blank lines trimmed.
    public var trimmed: ContinuationAnswers {
        var out = self
        for q in ContinuationQuestion.allCases {
            out[q] = self[q].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return out
    }
}

/// A submitted continuation review (Verstetigung) of one project: the reflection, the
/// decision, how it is paid for afterwards, and who decided when.
public struct ContinuationReview: Hashable, Sendable, Codable {
    public var projectID: String
    public var answers: ContinuationAnswers
    public var decision: ContinuationDecision
    /// Follow-up financing per year; nil when none is named.
    public var followUpAmount: Money?
    /// Where the follow-up money comes from ("Haushalt Amt 10", "EFRE").
    public var followUpSource: String
    /// The first month paid by the follow-up financing.
    public var followUpFrom: YearMonth?
    /// Proposed as a basic component of the municipality's basic supply.
    public var basicComponent: Bool
    /// Who decided (council, mayor, CDO); empty while the decision is open.
    public var decidedBy: String
    /// The day of the decision (midnight UTC); nil while the decision is open.
    public var decidedOn: Date?

    public init(projectID: String, answers: ContinuationAnswers = ContinuationAnswers(),
                decision: ContinuationDecision = .open, followUpAmount: Money? = nil, followUpSource: String = "",
                followUpFrom: YearMonth? = nil, basicComponent: Bool = false, decidedBy: String = "",
                decidedOn: Date? = nil) {
        self.projectID = projectID
        self.answers = answers
        self.decision = decision
        self.followUpAmount = followUpAmount
        self.followUpSource = followUpSource
        self.followUpFrom = followUpFrom
        self.basicComponent = basicComponent
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
    }
}

/// Which stored revision of a project's review an editor started from, and who wrote it.
public struct ContinuationVersion: Hashable, Sendable {
    /// 1 for the first submitted review of a project, +1 for every later one.
    public var revision: Int
    public var changedBy: String
    public var changedAt: Date

    public init(revision: Int, changedBy: String, changedAt: Date) {
        self.revision = revision
        self.changedBy = changedBy
        self.changedAt = changedAt
    }
}

/// One submitted review with its version: the current one, or an earlier one of the history.
public struct SubmittedContinuation: Hashable, Sendable {
    public var review: ContinuationReview
    public var version: ContinuationVersion

    public init(review: ContinuationReview, version: ContinuationVersion) {
        self.review = review
        self.version = version
    }
}

/// The review as it is typed: every value text until submitted, so a half-typed amount or
/// date can be kept as a draft and checked later.
public struct ContinuationDraft: Hashable, Sendable, Codable {
    public var projectID: String
    public var answers: ContinuationAnswers
    public var decision: ContinuationDecision
    /// Euros as typed ("120.000", "120000,50"); empty: no follow-up financing named.
    public var followUpAmount: String
    public var followUpSource: String
    /// As typed: "01/2027" or "2027-01".
    public var followUpFrom: String
    public var basicComponent: Bool
    public var decidedBy: String
    /// As typed: "30.11.2026" or "2026-11-30".
    public var decidedOn: String
    /// The revision of the stored review the draft started from (nil: there was none).
    public var baseRevision: Int?

    public init(projectID: String, answers: ContinuationAnswers = ContinuationAnswers(),
                decision: ContinuationDecision = .open, followUpAmount: String = "", followUpSource: String = "",
                followUpFrom: String = "", basicComponent: Bool = false, decidedBy: String = "",
                decidedOn: String = "", baseRevision: Int? = nil) {
        self.projectID = projectID
        self.answers = answers
        self.decision = decision
        self.followUpAmount = followUpAmount
        self.followUpSource = followUpSource
        self.followUpFrom = followUpFrom
        self.basicComponent = basicComponent
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.baseRevision = baseRevision
    }

    /// A draft pre-filled from a submitted review, to revise it.
    public init(_ submitted: SubmittedContinuation) {
        let r = submitted.review
        self.init(projectID: r.projectID, answers: r.answers, decision: r.decision,
                  followUpAmount: r.followUpAmount.map(MoneyText.format) ?? "", followUpSource: r.followUpSource,
                  followUpFrom: r.followUpFrom.map(MonthText.format) ?? "", basicComponent: r.basicComponent,
                  decidedBy: r.decidedBy, decidedOn: r.decidedOn.map(DayText.format) ?? "",
                  baseRevision: submitted.version.revision)
    }
}

/// Somebody's draft of a review, with who writes it and since when.
public struct AuthoredContinuationDraft: Hashable, Sendable {
    public var draft: ContinuationDraft
    public var author: Author
    public var startedAt: Date
    public var changedAt: Date

    public init(draft: ContinuationDraft, author: Author, startedAt: Date, changedAt: Date) {
        self.draft = draft
        self.author = author
        self.startedAt = startedAt
        self.changedAt = changedAt
    }
}

/// Months typed as `MM/YYYY` (as the screens show them), `M/YYYY` or ISO `YYYY-MM`.
public enum MonthText {
    public static func parse(_ text: String) -> YearMonth? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let iso = YearMonth(t) { return iso }
        let parts = t.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 4,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let m = Int(parts[0]), let y = Int(parts[1]) else { return nil }
        return YearMonth(year: y, month: m)
    }

    /// `01/2027`, the form the screens show and `parse` reads back.
    public static func format(_ month: YearMonth) -> String {
        (month.month < 10 ? "0" : "") + "\(month.month)/\(month.year)"
    }
}

/// Days typed as `30.11.2026` (also `1.3.2026`) or ISO `2026-11-30`; a day is midnight UTC.
public enum DayText {
    private static var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }

    public static func parse(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        var y = 0, m = 0, d = 0
        let dotted = t.split(separator: ".", omittingEmptySubsequences: false)
        let dashed = t.split(separator: "-", omittingEmptySubsequences: false)
        func digits(_ s: Substring, _ lengths: ClosedRange<Int>) -> Int? {
            guard lengths.contains(s.count), s.allSatisfy(\.isASCIIDigit) else { return nil }
            return Int(s)
        }
        if dotted.count == 3, let dd = digits(dotted[0], 1...2), let mm = digits(dotted[1], 1...2),
           let yy = digits(dotted[2], 4...4) {
            (y, m, d) = (yy, mm, dd)
        } else if dashed.count == 3, let yy = digits(dashed[0], 4...4), let mm = digits(dashed[1], 2...2),
                  let dd = digits(dashed[2], 2...2) {
            (y, m, d) = (yy, mm, dd)
        } else {
            return nil
        }
        guard (1...9999).contains(y), (1...12).contains(m), (1...31).contains(d),
              let date = calendar.date(from: DateComponents(year: y, month: m, day: d)) else { return nil }
        // A day the month does not have (31.02.) rolls over; refuse it.
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == y, back.month == m, back.day == d else { return nil }
        return date
    }

    /// `30.11.2026`, the form `parse` reads back.
    public static func format(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        let d = c.day ?? 1, m = c.month ?? 1
        return (d < 10 ? "0" : "") + "\(d)." + (m < 10 ? "0" : "") + "\(m).\(c.year ?? 1970)"
    }

    /// `2026-11-30`, as the database stores days.
    public static func iso(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        let y = String(c.year ?? 1970).leftPadded(to: 4)
        return y + "-" + String(c.month ?? 1).leftPadded(to: 2) + "-" + String(c.day ?? 1).leftPadded(to: 2)
    }

    /// The day `date` falls on, as midnight UTC.
    public static func day(of date: Date) -> Date {
        calendar.startOfDay(for: date)
    }
}
