import Foundation

/// A status report as the project lead types it: every field is text until submitted,
/// so a half-typed value ("12.5", "gr") can be kept as a draft and checked later.
public struct ReportDraft: Hashable, Sendable, Codable {
    public var projectID: String
    public var month: YearMonth
    public var overall: Light?
    public var schedule: Light?
    public var cost: Light?
    public var results: Light?
    public var progress: String
    public var achieved: String
    public var nextSteps: String
    public var risksAndMeasures: String
    /// Euros spent in the month, as typed ("12.500", "12500,50").
    public var spent: String
    /// KPI id → the reading as typed.
    public var readings: [String: String]
    /// The revision of the stored report the draft started from (nil: there was none).
    /// A draft resumed after a crash is checked against it, so it cannot overwrite a
    /// report that somebody submitted in between.
    public var baseRevision: Int?

    public init(projectID: String, month: YearMonth, overall: Light? = nil, schedule: Light? = nil,
                cost: Light? = nil, results: Light? = nil, progress: String = "", achieved: String = "",
                nextSteps: String = "", risksAndMeasures: String = "", spent: String = "",
                readings: [String: String] = [:], baseRevision: Int? = nil) {
        self.projectID = projectID
        self.month = month
        self.overall = overall
        self.schedule = schedule
        self.cost = cost
        self.results = results
        self.progress = progress
        self.achieved = achieved
        self.nextSteps = nextSteps
        self.risksAndMeasures = risksAndMeasures
        self.spent = spent
        self.readings = readings
        self.baseRevision = baseRevision
    }

    /// A draft pre-filled from a stored report (to correct it) and its KPI readings.
    public init(report: StatusReport, readings: [KPIReading]) {
        self.init(projectID: report.projectID, month: report.month, overall: report.overall, schedule: report.schedule,
                  cost: report.cost, results: report.results, progress: String(report.progress),
                  achieved: report.achieved, nextSteps: report.nextSteps, risksAndMeasures: report.risksAndMeasures,
                  spent: MoneyText.format(report.spent),
                  readings: Dictionary(uniqueKeysWithValues: readings.map { ($0.kpiID, DecimalText.format($0.value)) }))
    }
}

/// Which version of a stored report an editor started from; the store refuses to
/// overwrite a report that changed since (two people never overwrite each other silently).
public struct ReportVersion: Hashable, Sendable {
    /// Raised by one on every write of the report.
    public var revision: Int
    public var changedBy: String
    public var changedAt: Date

    public init(revision: Int, changedBy: String, changedAt: Date) {
        self.revision = revision
        self.changedBy = changedBy
        self.changedAt = changedAt
    }
}

/// A field of the report form, in form order.
public enum ReportField: Hashable, Sendable {
    case overall, schedule, cost, results, progress, achieved, nextSteps, risksAndMeasures, spent
    case reading(String)
}

/// What is wrong with one field.
public enum ReportFieldProblem: Hashable, Sendable {
    case missing
    /// Not a whole number between 0 and 100.
    case progressOutOfRange
    /// Progress lower than last month's; allowed only with an explanation in the texts.
    case progressBelowPrevious(Int)
    /// Not an amount of euros (e.g. "12.500" or "12500,50").
    case notMoney
    case negative
    /// More than any municipal budget (`PlausibleValues.moneyLimit`).
    case beyondAnyBudget
    case notANumber
    case tooLong(Int)
}

/// Parsing of euros typed the German way: "12.500", "12500,5", "1.234,56", also "12500.50".
public enum MoneyText {
    public static func parse(_ text: String) -> Money? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("€") { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
        guard !t.isEmpty else { return nil }
        let negative = t.hasPrefix("-")
        if negative { t.removeFirst() }
        // A comma is the decimal mark; dots are thousands separators, unless the text has
        // no comma and exactly one dot followed by one or two digits ("12500.50").
        var euros = t, cents = ""
        if let comma = t.firstIndex(of: ",") {
            euros = String(t[..<comma])
            cents = String(t[t.index(after: comma)...])
        } else if let dot = t.lastIndex(of: "."), t.filter({ $0 == "." }).count == 1,
                  (1...2).contains(t.distance(from: dot, to: t.endIndex) - 1) {
            euros = String(t[..<dot])
            cents = String(t[t.index(after: dot)...])
        }
        let digits = euros.filter { $0 != "." && $0 != " " }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), cents.count <= 2, cents.allSatisfy(\.isASCIIDigit),
              digits.count <= 13 else { return nil }
        let whole = Int64(digits)!
        let fraction = cents.isEmpty ? 0 : Int64(cents.count == 1 ? cents + "0" : cents)!
        let value = whole * 100 + fraction
        return Money(cents: negative ? -value : value)
    }

    /// "12.500,50" — the form `parse` reads back.
    public static func format(_ money: Money) -> String {
        let euros = abs(money.cents) / 100, cents = abs(money.cents) % 100
        let sign = money.cents < 0 ? "-" : ""
        return sign + Money.group(euros) + (cents == 0 ? "" : "," + String(cents).leftPadded(to: 2))
    }
}

/// Decimal numbers typed with a comma or a dot: "87,5", "87.5".
public enum DecimalText {
    public static func parse(_ text: String) -> Decimal? {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !t.isEmpty, t.filter({ $0 == "." }).count <= 1,
              t.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" }),
              t.dropFirst().allSatisfy({ $0 != "-" }) else { return nil }
        return Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
    }

    public static func format(_ value: Decimal) -> String {
        "\(value)".replacingOccurrences(of: ".", with: ",")
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
