import Foundation

/// Everything Lotse knows about one portfolio, as plain values. This is also the
/// document format of `lotse export --format json` and of the sample data.
public struct Portfolio: Hashable, Sendable, Codable {
    /// Version of the document format; raised when fields change meaning.
    public static let formatVersion = 1

    public var formatVersion: Int
    public var municipalities: [Municipality]
    public var projects: [Project]
    public var reports: [StatusReport]
    public var kpis: [KPI]
    public var readings: [KPIReading]
    public var risks: [Risk]

    public init(
        municipalities: [Municipality] = [], projects: [Project] = [],
        reports: [StatusReport] = [], kpis: [KPI] = [], readings: [KPIReading] = [],
        risks: [Risk] = []
    ) {
        self.formatVersion = Portfolio.formatVersion
        self.municipalities = municipalities
        self.projects = projects
        self.reports = reports
        self.kpis = kpis
        self.readings = readings
        self.risks = risks
    }

    public var isEmpty: Bool { projects.isEmpty && municipalities.isEmpty }

    /// The latest month for which any report exists.
    public var latestReportMonth: YearMonth? { reports.map(\.month).max() }

    /// The same portfolio with every month moved by `months` (reports, readings, starts,
    /// ends of funding). The demo uses it so that the sample's latest month is "now".
    public func shifted(byMonths months: Int) -> Portfolio {
        guard months != 0 else { return self }
        var copy = self
        copy.projects = projects.map { p in
            var p = p
            p.start = p.start.adding(months: months)
            p.fundingEnd = p.fundingEnd?.adding(months: months)
            return p
        }
        copy.reports = reports.map { r in
            var r = r
            r.month = r.month.adding(months: months)
            r.submittedAt = r.submittedAt.addingTimeInterval(Double(months) * 30.44 * 86_400)
            return r
        }
        copy.readings = readings.map { r in
            var r = r
            r.month = r.month.adding(months: months)
            return r
        }
        return copy
    }
}
