import Foundation
import LotseDomain
import Testing
@testable import LotseUI
import TermCanvas

/// `[` and `]` step the overview, the portfolio and the project view through months, never
/// past the newest; the tab bar says which month is shown.
@Suite struct MonthSteppingTests {
    static func sample(_ key: String, _ l: Language) -> String? {
        switch key {
        case "atOldest": MonthStrings.forLanguage(l).atOldest("11/2016")
        case "badDueDay": MonthStrings.forLanguage(l).badDueDay(31)
        default: nil
        }
    }

    @Test func everyTextExistsInBothLanguages() {
        let result = StringTableCheck.compare("MonthStrings", german: MonthStrings.german, english: MonthStrings.english,
                                              sample: Self.sample)
        #expect(result.checked == result.total && result.total == 6)
        #expect(result.same.isEmpty)
    }

    @Test func bracketsStepBackAndForwardButNeverPastTheNewest() throws {
        var s = Sample.state(Size(width: 80, height: 24))
        let newest = s.month
        let effects = s.update(.key(.char("[")))
        #expect(s.month == newest.previous)
        guard case .load(let request)? = effects.first else {
            Issue.record("nothing asked for: \(effects)")
            return
        }
        #expect(request.overview == newest.previous, "the overview of the month shown")
        _ = s.update(.dataLoaded(try Sample.reader.answer(request)))
        #expect(s.figures?.month == newest.previous)
        #expect(AppView.render(s).textDump().contains("Stand \(s.strings.formats.month(newest.previous)) (zurückgeblättert)"))
        _ = s.send(.key(.char("]")))
        #expect(s.month == newest && !s.showsEarlierMonth)
        #expect(s.send(.key(.char("]"))) == [])
        #expect(s.month == newest && s.notice == MonthStrings.german.atNewest)
        #expect(!AppView.render(s).textDump().contains("zurückgeblättert"))
    }

    @Test func thePortfolioAsksForTheRowsOfTheMonthShown() throws {
        var s = Sample.state(Size(width: 80, height: 24))
        _ = s.send(.key(.char("2")))
        let effects = s.update(.key(.char("[")))
        guard case .load(let request)? = effects.first else {
            Issue.record("nothing asked for: \(effects)")
            return
        }
        #expect(request.rows?.month == s.newestMonth.previous)
    }

    @Test func stepsOnlyWhereAMonthIsShownAndNotTooFarBack() {
        var s = Sample.state(Size(width: 80, height: 24))
        _ = s.send(.key(.char("4")))
        #expect(s.send(.key(.char("["))) == [] && s.month == s.newestMonth, "the phase model has no month to step")
        _ = s.send(.key(.char("1")))
        for _ in 0..<AppState.monthsBack { _ = s.send(.key(.char("["))) }
        #expect(s.month == s.newestMonth.adding(months: -AppState.monthsBack))
        #expect(s.send(.key(.char("["))) == [])
        #expect(s.notice == MonthStrings.german.atOldest(s.strings.formats.month(s.month)))
    }
}

/// A report is missing only after its due day: the screens pass the clock's day.
@Suite struct ReportDueWiringTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Date {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c.date(from: DateComponents(year: y, month: m, day: d, hour: 12))!
    }

    @Test func theDueRuleFollowsTheClocksDayInTheCurrentMonthOnly() {
        let utc = TimeZone(identifier: "UTC")!
        let nov = YearMonth(year: 2026, month: 11)!
        let due = ReportDue.current(clock: Self.day(2026, 11, 30), currentMonth: nov, dueDay: 12, timeZone: utc)
        #expect(due?.today == CalendarDay(year: 2026, month: 11, day: 30) && due?.dueDay == 12)
        #expect(due?.isOverdue(nov) == false, "November's reports are due on 12 December")
        #expect(due?.isOverdue(nov.previous) == true)
        #expect(ReportDue.current(clock: Self.day(2026, 12, 3), currentMonth: nov, timeZone: utc) == nil,
                "another month named as now: the day is unknown")
    }

    @Test func theOverviewAndTheTableAskWithTheDueRule() throws {
        var s = Sample.state(Size(width: 80, height: 24))
        s.now = Self.day(s.newestMonth.year, s.newestMonth.month, 5)
        s.dueDay = 10
        let request = s.fullRequest()
        #expect(request.reportDue?.dueDay == 10)
        #expect(request.radar == s.month)
        _ = s.update(.dataLoaded(try Sample.reader.answer(request)))
        let figures = try #require(s.figures)
        #expect(figures.reportsMissingCount == 0, "nothing of this month is due yet")
        #expect(figures.reportsNotYetDue > 0)
        _ = s.send(.key(.char("2")))
        #expect(s.rowRequest(keepingSelection: false).due?.dueDay == 10)
        #expect(s.radar != nil)
    }
}
