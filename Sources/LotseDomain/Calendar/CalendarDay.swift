import Foundation

/// A day of the calendar such as 2026-12-10, for rules that depend on the day within a
/// month (when a report is due). Passed in by the caller, never read from the clock here.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1 ... 12
    public let month: Int
    /// 1 ... the last day of the month
    public let day: Int

    /// Creates a day; nil for a month or day that does not exist (30 February).
    public init?(year: Int, month: Int, day: Int) {
        guard let m = YearMonth(year: year, month: month), (1...m.dayCount).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The `day`-th day of `month`, clamped to the month's days (the 31st of a month of 30
    /// days is its 30th).
    public init(_ month: YearMonth, day: Int) {
        year = month.year
        self.month = month.month
        self.day = min(max(1, day), month.dayCount)
    }

    public var yearMonth: YearMonth { YearMonth(year: year, month: month)! }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// ISO form `YYYY-MM-DD`.
    public var description: String {
        "\(yearMonth.description)-\(day < 10 ? "0" : "")\(day)"
    }
}

extension YearMonth {
    /// How many days the month has (Gregorian calendar).
    public var dayCount: Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// When the monthly report falls due: the report of month M is due on the `dueDay`-th day
/// of month M + 1, and counts as missing only once that day has passed `today`. Before, a
/// project without its report is "not yet due", neither missing nor reported.
public struct ReportDue: Hashable, Sendable {
    public static let defaultDueDay = 10

    public var today: CalendarDay
    /// 1 ... 31; a day past the end of the month means its last day.
    public var dueDay: Int

    public init(today: CalendarDay, dueDay: Int = ReportDue.defaultDueDay) {
        self.today = today
        self.dueDay = min(max(1, dueDay), 31)
    }

    /// The last day on which the report of `month` is on time.
    public func dueDate(of month: YearMonth) -> CalendarDay { CalendarDay(month.next, day: dueDay) }

    /// Whether a report of `month` that has not come in counts as missing `today`.
    public func isOverdue(_ month: YearMonth) -> Bool { today > dueDate(of: month) }
}

extension Optional where Wrapped == ReportDue {
    /// Without a due rule a report is missing as soon as its month is shown.
    public func isOverdue(_ month: YearMonth) -> Bool { self?.isOverdue(month) ?? true }
}

extension ReportDue {
    /// The due rule for a dashboard or report treating `currentMonth` as now, on the clock's
    /// day `clock` (local time). When the clock is in another month (`--today` named one,
    /// or a test runs at another time), the day within the month is unknown and nil is
    /// returned: then a report is missing as soon as its month is shown.
    public static func current(clock: Date, currentMonth: YearMonth, dueDay: Int = ReportDue.defaultDueDay,
                               timeZone: TimeZone = .current) -> ReportDue? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: clock)
        guard let y = c.year, let m = c.month, let d = c.day, let day = CalendarDay(year: y, month: m, day: d),
              day.yearMonth == currentMonth else { return nil }
        return ReportDue(today: day, dueDay: dueDay)
    }
}
