/// How many projects show which overall light in one month.
public struct LightCounts: Hashable, Sendable {
    public var green = 0
    public var yellow = 0
    public var red = 0
    /// Projects that owed a report for the month and have none past its due day.
    public var missing = 0
    /// Projects that owe a report for the month and have none, its due day not yet passed:
    /// neither missing nor reported.
    public var notYetDue = 0

    public init(green: Int = 0, yellow: Int = 0, red: Int = 0, missing: Int = 0, notYetDue: Int = 0) {
        self.green = green
        self.yellow = yellow
        self.red = red
        self.missing = missing
        self.notYetDue = notYetDue
    }

    public subscript(light: Light) -> Int {
        switch light {
        case .green: green
        case .yellow: yellow
        case .red: red
        }
    }

    public var reported: Int { green + yellow + red }

    /// Counts the overall lights of the reports of `month` among projects that owe one.
    public static func count(in month: YearMonth, index: PortfolioIndex) -> LightCounts {
        var c = LightCounts()
        for project in index.portfolio.projects where project.expectsReport(in: month) {
            c.add(index.report(of: project.id, in: month)?.overall)
        }
        return c
    }

    /// Counts one project that owes a report: its overall light, or nil when it has none
    /// (missing when `overdue`, else not yet due).
    mutating func add(_ light: Light?, overdue: Bool = true) {
        switch light {
        case .green: green += 1
        case .yellow: yellow += 1
        case .red: red += 1
        case nil: if overdue { missing += 1 } else { notYetDue += 1 }
        }
    }

    /// Portfolio health of a month, 0 … 100: green counts fully, yellow half, red not at
    /// all; nil when nobody reported.
    public var health: Double? {
        guard reported > 0 else { return nil }
        return (Double(green) * 100 + Double(yellow) * 50) / Double(reported)
    }
}
