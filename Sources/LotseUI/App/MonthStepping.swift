import LotseDomain

/// Stepping the overview, the portfolio and the project view through months.
extension AppState {
    /// How far `[` goes back from the newest month: ten years of monthly reports.
    static let monthsBack = 120

    /// Shows the month `delta` months from the one shown, never past `newestMonth` and
    /// never more than `monthsBack` before it; everything shown is asked for again.
    mutating func stepMonth(by delta: Int) -> [Effect] {
        let texts = MonthStrings.forLanguage(strings.language)
        let oldest = newestMonth.adding(months: -Self.monthsBack)
        let target = month.adding(months: delta)
        guard target <= newestMonth else {
            notice = texts.atNewest
            return []
        }
        guard target >= oldest else {
            notice = texts.atOldest(strings.formats.month(oldest))
            return []
        }
        month = target
        notice = nil
        // Rows and phase samples of the old month are asked for again when next shown.
        if screen != .portfolio { rowsStale = true }
        phaseSamples = nil
        return [.load(fullRequest())]
    }

    /// An earlier month than the newest is shown.
    public var showsEarlierMonth: Bool { month < newestMonth }
}
