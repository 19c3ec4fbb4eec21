/// The funding radar of one month: the funded projects whose funding ends in the next 24
/// months (this month included), grouped by the months left until the end, with the money
/// at stake and the state of the continuation decision, so that projects still undecided
/// shortly before their funding ends stand out.
///
/// **Money at stake** of a project is its planned budget minus the money it spent up to and
/// including the radar's month, never below zero: what the grant was still meant to pay
/// for and what someone must pay for (or decide to stop) once it runs out. A project that
/// spent more than planned has nothing at stake. The planned budget is kept beside it.
///
/// Computed from a portfolio and a month passed in, never from the system clock.
public struct FundingRadar: Hashable, Sendable {
    /// The projects whose funding ends a given number of months after the radar's month.
    public struct Bucket: Hashable, Sendable {
        /// 0 for funding that ends in the radar's month itself, up to `horizonMonths - 1`.
        public var monthsLeft: Int
        public var projectCount: Int
        /// The sum of the projects' money at stake (see the type's description).
        public var atStake: Money
        /// The part of `atStake` that belongs to undecided projects.
        public var undecidedAtStake: Money
        /// The sum of the projects' planned budgets.
        public var planned: Money
        /// How many projects have each decision; `.open` counts the undecided ones.
        /// Decisions without a project are left out.
        public var decisions: [ContinuationDecision: Int]

        public init(monthsLeft: Int, projectCount: Int = 0, atStake: Money = .zero, undecidedAtStake: Money = .zero,
                    planned: Money = .zero, decisions: [ContinuationDecision: Int] = [:]) {
            self.monthsLeft = monthsLeft
            self.projectCount = projectCount
            self.atStake = atStake
            self.undecidedAtStake = undecidedAtStake
            self.planned = planned
            self.decisions = decisions
        }

        /// Projects whose continuation is still open.
        public var undecided: Int { count(of: .open) }
        public var decided: Int { projectCount - undecided }
        public func count(of decision: ContinuationDecision) -> Int { decisions[decision] ?? 0 }

        /// Adds one project to the bucket.
        mutating func add(planned budget: Money, atStake stake: Money, decision: ContinuationDecision) {
            projectCount += 1
            planned += budget
            atStake += stake
            if decision == .open { undecidedAtStake += stake }
            decisions[decision, default: 0] += 1
        }

        /// This bucket and `other` together (for quarters), keeping this one's `monthsLeft`.
        func merged(with other: Bucket) -> Bucket {
            Bucket(monthsLeft: monthsLeft, projectCount: projectCount + other.projectCount,
                   atStake: atStake + other.atStake, undecidedAtStake: undecidedAtStake + other.undecidedAtStake,
                   planned: planned + other.planned,
                   decisions: decisions.merging(other.decisions, uniquingKeysWith: +))
        }
    }

    /// One undecided project whose funding ends soon.
    public struct Entry: Hashable, Sendable {
        public var projectID: String
        public var name: String
        public var fundingEnd: YearMonth
        public var planned: Money
        /// Planned budget minus spent up to the radar's month, never below zero.
        public var atStake: Money
        public var continuation: ContinuationDecision

        public init(projectID: String, name: String, fundingEnd: YearMonth, planned: Money, atStake: Money,
                    continuation: ContinuationDecision) {
            self.projectID = projectID
            self.name = name
            self.fundingEnd = fundingEnd
            self.planned = planned
            self.atStake = atStake
            self.continuation = continuation
        }
    }

    /// How far the radar looks ahead, the radar's month included.
    public static let horizonMonths = 24
    /// The months of "the next two quarters", the radar's month included.
    public static let urgentMonths = 6
    public static let monthsPerQuarter = 3

    public let month: YearMonth
    /// Exactly `horizonMonths` buckets; bucket `i` holds funding ending in `month + i`.
    public let buckets: [Bucket]
    /// Undecided projects whose funding ends within `urgentMonths`, soonest first (then by
    /// id); the first `listLimit` of them when the request set one.
    public let urgentUndecided: [Entry]
    /// How many projects `urgentUndecided` would hold without a list limit.
    public let urgentUndecidedCount: Int

    /// The radar as an engine computed it. `buckets` is padded or cut to `horizonMonths`.
    public init(month: YearMonth, buckets: [Bucket], urgentUndecided: [Entry], urgentUndecidedCount: Int) {
        self.month = month
        var full = (0..<Self.horizonMonths).map { Bucket(monthsLeft: $0) }
        for bucket in buckets where full.indices.contains(bucket.monthsLeft) { full[bucket.monthsLeft] = bucket }
        self.buckets = full
        self.urgentUndecided = urgentUndecided
        self.urgentUndecidedCount = urgentUndecidedCount
    }

    /// The last month the radar covers.
    public var lastMonth: YearMonth { month.adding(months: Self.horizonMonths - 1) }
    /// The last month of "the next two quarters".
    public var lastUrgentMonth: YearMonth { month.adding(months: Self.urgentMonths - 1) }

    /// The buckets three months at a time: quarter `q` holds funding ending in
    /// `month + 3q … month + 3q + 2` (quarters counted from the radar's month, not the calendar's).
    public var quarters: [Bucket] {
        stride(from: 0, to: buckets.count, by: Self.monthsPerQuarter).map { start in
            buckets[start..<min(buckets.count, start + Self.monthsPerQuarter)].dropFirst()
                .reduce(buckets[start]) { $0.merged(with: $1) }
        }
    }

    /// Whether quarter `q` lies within the next two quarters.
    public static func isUrgent(quarter q: Int) -> Bool { (q + 1) * monthsPerQuarter <= urgentMonths }

    /// All projects on the radar, the undecided, and the money at stake.
    public var projectCount: Int { buckets.reduce(0) { $0 + $1.projectCount } }
    public var undecidedCount: Int { buckets.reduce(0) { $0 + $1.undecided } }
    public var atStake: Money { buckets.reduce(.zero) { $0 + $1.atStake } }
    /// Money at stake of the undecided projects ending within the next two quarters.
    public var urgentUndecidedAtStake: Money {
        buckets.prefix(Self.urgentMonths).reduce(.zero) { $0 + $1.undecidedAtStake }
    }

    /// Money at stake: `planned - spent`, never below zero.
    public static func atStake(planned: Money, spent: Money) -> Money {
        max(.zero, planned - spent)
    }

    public init(portfolio: Portfolio, month: YearMonth) {
        self.init(index: PortfolioIndex(portfolio), month: month)
    }

    /// The reference computation: one pass over the projects.
    public init(index: PortfolioIndex, month: YearMonth) {
        var buckets = (0..<Self.horizonMonths).map { Bucket(monthsLeft: $0) }
        var urgent: [Entry] = []
        for project in index.portfolio.projects {
            guard let end = project.fundingEnd else { continue }
            let left = month.months(to: end)
            guard buckets.indices.contains(left) else { continue }
            let stake = Self.atStake(planned: project.budgetPlanned, spent: index.spent(by: project.id, upTo: month))
            buckets[left].add(planned: project.budgetPlanned, atStake: stake, decision: project.continuation)
            if project.continuation == .open, left < Self.urgentMonths {
                urgent.append(Entry(projectID: project.id, name: project.name, fundingEnd: end,
                                    planned: project.budgetPlanned, atStake: stake, continuation: project.continuation))
            }
        }
        urgent.sort { ($0.fundingEnd, $0.projectID) < ($1.fundingEnd, $1.projectID) }
        self.init(month: month, buckets: buckets, urgentUndecided: urgent, urgentUndecidedCount: urgent.count)
    }

    /// The same radar with at most `limit` projects in its list (the counts stay).
    public func limitingList(to limit: Int?) -> FundingRadar {
        guard let limit else { return self }
        return FundingRadar(month: month, buckets: buckets, urgentUndecided: Array(urgentUndecided.prefix(max(0, limit))),
                            urgentUndecidedCount: urgentUndecidedCount)
    }
}
