/// What the project portfolio shows about a municipality's phase, shown beside the
/// self-assessment: a team that rates itself higher than its portfolio shows sees the
/// difference. Computed from a portfolio and a month passed in, never from the clock.
public struct PortfolioEvidence: Hashable, Sendable {
    /// `part` of `whole` projects; no value when there is nothing to count.
    public struct Share: Hashable, Sendable {
        public var part: Int
        public var whole: Int

        public init(part: Int, whole: Int) {
            self.part = part
            self.whole = whole
        }

        /// 0 … 1, nil when `whole` is 0 (a share of nothing is unknown, not 0 %).
        public var value: Double? { whole > 0 ? Double(part) / Double(whole) : nil }
    }

    /// The indicators, in the order the result screen lists them.
    public enum Indicator: String, CaseIterable, Hashable, Sendable {
        case establishment = "regelbetrieb"
        case continuationDecided = "verstetigung_entschieden"
        case reportsOnTime = "berichte_puenktlich"
    }

    /// Below these shares the portfolio does not back a self-assessment in the given phase
    /// (see `contradictions(placedIn:)`). They are Lotse's own rule of thumb, not figures of
    /// the studies; screens and minutes label them "Lotse-Regel" / "Lotse rule".
    public static let decidedShareForTransfer = 0.5
    public static let decidedShareForEstablishment = 0.8
    public static let establishmentShareForEstablishment = 0.25
    public static let reportsShareForTransfer = 0.8

    public let month: YearMonth
    /// Nil when the whole portfolio was counted.
    public let municipalityID: String?
    public let projectCount: Int
    /// Projects in phase establishment (regular operation) among all projects.
    public let inEstablishment: Share
    /// Projects whose funding ends within `OverviewFigures.fundingHorizonMonths` (this month
    /// included) or has already ended, and of them those whose continuation is decided
    /// (anything but `.open`).
    public let continuationDecided: Share
    /// Projects that owed a report for `month`, and of them those that delivered it.
    public let reportsDelivered: Share
    /// Projects another municipality reuses (Nachnutzung).
    public let reusedByOthers: Int
    /// Projects proposed as basic components.
    public let basicComponentCandidates: Int

    /// The evidence as an engine counted it.
    public init(month: YearMonth, municipalityID: String?, projectCount: Int, inEstablishment: Share,
                continuationDecided: Share, reportsDelivered: Share, reusedByOthers: Int, basicComponentCandidates: Int) {
        self.month = month
        self.municipalityID = municipalityID
        self.projectCount = projectCount
        self.inEstablishment = inEstablishment
        self.continuationDecided = continuationDecided
        self.reportsDelivered = reportsDelivered
        self.reusedByOthers = reusedByOthers
        self.basicComponentCandidates = basicComponentCandidates
    }

    /// - Parameter municipalityID: count only this municipality's projects (a county
    ///   portfolio holds several); nil counts all.
    public init(portfolio: Portfolio, month: YearMonth, municipalityID: String? = nil) {
        self.init(index: PortfolioIndex(portfolio), month: month, municipalityID: municipalityID)
    }

    public init(index: PortfolioIndex, month: YearMonth, municipalityID: String? = nil) {
        self.month = month
        self.municipalityID = municipalityID
        let projects = index.portfolio.projects.filter { p in municipalityID.map { $0 == p.municipalityID } ?? true }
        projectCount = projects.count
        inEstablishment = Share(part: projects.filter { $0.phase == .establishment }.count, whole: projects.count)

        let horizon = month.adding(months: OverviewFigures.fundingHorizonMonths - 1)
        let ending = projects.filter { p in p.fundingEnd.map { $0 <= horizon } ?? false }
        continuationDecided = Share(part: ending.filter { $0.continuation != .open }.count, whole: ending.count)

        let owing = projects.filter { $0.expectsReport(in: month) }
        reportsDelivered = Share(part: owing.filter { index.report(of: $0.id, in: month) != nil }.count,
                                 whole: owing.count)

        reusedByOthers = projects.filter(\.reusedByOthers).count
        basicComponentCandidates = projects.filter(\.basicComponentCandidate).count
    }

    public func share(_ indicator: Indicator) -> Share {
        switch indicator {
        case .establishment: inEstablishment
        case .continuationDecided: continuationDecided
        case .reportsOnTime: reportsDelivered
        }
    }

    /// The indicators on which the portfolio falls short of the phase the self-assessment
    /// placed the municipality in. A deliberately simple rule, so it can be explained:
    /// - transfer or later needs continuation decided for at least half of the projects whose
    ///   funding ends (the transfer phase is where one decides what continues) and reports
    ///   delivered for at least 80 % (honest evaluation needs the figures);
    /// - establishment also needs 80 % of those continuation decisions and at least a quarter
    ///   of all projects in regular operation.
    /// An indicator without anything to count never contradicts.
    public func contradictions(placedIn phase: Phase) -> [Indicator] {
        var result: [Indicator] = []
        func below(_ share: Share, _ threshold: Double) -> Bool { share.value.map { $0 < threshold } ?? false }
        if phase == .establishment, below(inEstablishment, Self.establishmentShareForEstablishment) {
            result.append(.establishment)
        }
        if phase >= .transfer {
            let needed = phase == .establishment ? Self.decidedShareForEstablishment : Self.decidedShareForTransfer
            if below(continuationDecided, needed) { result.append(.continuationDecided) }
            if below(reportsDelivered, Self.reportsShareForTransfer) { result.append(.reportsOnTime) }
        }
        return result
    }
}
