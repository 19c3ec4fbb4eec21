import Foundation
import LotseDomain
import Testing
@testable import LotseUI
import TermCanvas

/// `[` and `]` step the overview, the portfolio and the project view through months, never
/// past the newest; the tab bar says which month is shown.
@Suite struct MonthSteppingTests {
    static func sample(_ key: String, _ l: Language) -> String? {
        key == "atOldest" ? MonthStrings.forLanguage(l).atOldest("11/2016") : nil
    }

    @Test func everyTextExistsInBothLanguages() {
        let result = StringTableCheck.compare("MonthStrings", german: MonthStrings.german, english: MonthStrings.english,
                                              sample: Self.sample)
        #expect(result.checked == result.total && result.total == 5)
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
