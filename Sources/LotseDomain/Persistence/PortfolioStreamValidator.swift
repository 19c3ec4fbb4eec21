import Foundation

/// The checks of `PortfolioValidator`, fed one value at a time, so a document far larger
/// than memory can be checked while it is read. Memory grows with the identifiers and keys
/// (projects, KPIs, report and reading months), never with the texts.
///
/// Feed every value with the line it starts on, call `finished(_:)` when a section has been
/// read completely (so later references to it are checked at once instead of being kept
/// for the end), then take `problems()`: the same messages, in the same order, as
/// `PortfolioValidator.problems(in:)` gives for the whole portfolio, each prefixed with
/// `line N: `.
public struct PortfolioStreamValidator: Sendable {
    /// The kinds of values of a portfolio document, in the order of `PortfolioValidator`;
    /// the continuation reviews (which `PortfolioValidator` does not know) last.
    public enum Section: Int, CaseIterable, Sendable {
        case municipalities, projects, reports, kpis, readings, risks
        /// Every submitted revision of the projects' continuation reviews (an optional section).
        case reviews
    }

    /// How many problems are kept with their text; beyond that they are only counted.
    public static let keptProblems = 1_000

    public init() {}

    /// Identifiers a database already holds, for a merge: a file may then carry reports,
    /// KPIs and risks of projects it does not list itself.
    public struct Existing: Sendable, Equatable {
        public var municipalities: Set<String>
        public var projects: Set<String>
        public var kpis: Set<String>

        public init(municipalities: Set<String> = [], projects: Set<String> = [], kpis: Set<String> = []) {
            self.municipalities = municipalities
            self.projects = projects
            self.kpis = kpis
        }
    }

    /// What references may point at besides the file's own values (empty: the file stands alone).
    public var existing = Existing()

    // MARK: - State

    /// Where a problem goes in the validator's order: its group, the value's position in
    /// its section, and the check's position among the checks of that value.
    private struct Problem: Sendable {
        var group: Int
        var sequence: Int
        var check: Int
        var line: Int
        var kind: PortfolioProblem.Kind
    }

    /// Groups in the order `PortfolioValidator` reports them.
    private enum Group: Int {
        case duplicateMunicipality, duplicateProject, duplicateKPI, duplicateRisk, duplicateReport, duplicateReading
        case duplicateReview
        case municipality, project, report, kpi, reading, risk, review
    }

    /// A reference whose target section has not been read completely yet.
    private struct Pending: Sendable {
        var target: Section
        var id: String
        var problem: Problem
    }

    private var kept: [Problem] = []
    private var dropped = 0
    private var pending: [Pending] = []
    private var finishedSections = Set<Int>()
    private var abandoned = Set<Int>()
    private var counts = [Int](repeating: 0, count: Section.allCases.count)

    private var municipalityIDs = Set<String>()
    /// Project and KPI identifiers as small numbers, so composite keys are two integers.
    private var projectNumbers: [String: Int32] = [:]
    private var kpiNumbers: [String: Int32] = [:]
    private var definedProjects: [Bool] = []
    private var definedKPIs: [Bool] = []
    private var riskIDs = Set<String>()
    private var reportKeys = Set<UInt64>()
    private var readingKeys = Set<UInt64>()
    /// Continuation reviews by project number and revision.
    private var reviewKeys = Set<ReviewKey>()
    /// Duplicates already reported, per group, so each is named once.
    private var reportedDuplicates: [Int: Set<String>] = [:]

    // MARK: - Feeding

    public mutating func add(_ m: Municipality, line: Int) {
        let n = next(.municipalities)
        func s() -> PortfolioProblem.Subject { .municipality(PlausibleValues.visible(m.id)) }
        if !municipalityIDs.insert(m.id).inserted { duplicate(m.id, .municipality, .duplicateMunicipality, n, line) }
        if m.population < 0 { record(.municipality, n, 0, line, .negativePopulation(s())) }
        if let p = PlausibleValues.identifierProblem(m.id, .municipality) { record(.municipality, n, 1, line, p) }
        if let p = PlausibleValues.nameProblem(m.name, s()) { record(.municipality, n, 2, line, p) }
    }

    public mutating func add(_ p: Project, line: Int) {
        let n = next(.projects)
        func s() -> PortfolioProblem.Subject { .project(PlausibleValues.visible(p.id)) }
        let number = Self.number(p.id, in: &projectNumbers, defined: &definedProjects)
        if definedProjects[number] { duplicate(p.id, .project, .duplicateProject, n, line) }
        definedProjects[number] = true
        func unknown() -> PortfolioProblem.Kind {
            .unknownMunicipality(s(), municipality: PlausibleValues.visible(p.municipalityID))
        }
        if abandoned.contains(Section.municipalities.rawValue) {
            // The municipalities could not be read: nothing to check against.
        } else if finishedSections.contains(Section.municipalities.rawValue) {
            if !isDefined(p.municipalityID, in: .municipalities) { record(.project, n, 0, line, unknown()) }
        } else {
            pending.append(Pending(target: .municipalities, id: p.municipalityID, problem: Problem(
                group: Group.project.rawValue, sequence: n, check: 0, line: line, kind: unknown())))
        }
        if p.budgetPlanned.cents < 0 { record(.project, n, 1, line, .negativeBudget(s())) }
        if let end = p.fundingEnd, end < p.start {
            record(.project, n, 2, line, .fundingEndBeforeStart(s(), end: end.description, start: p.start.description))
        }
        if p.name.trimmingCharacters(in: .whitespaces).isEmpty { record(.project, n, 3, line, .emptyName(s())) }
        if let m = PlausibleValues.moneyProblem(p.budgetPlanned, s(), spent: false) { record(.project, n, 4, line, m) }
        if let m = PlausibleValues.identifierProblem(p.id, .project) { record(.project, n, 5, line, m) }
        if let m = PlausibleValues.nameProblem(p.name, s()) { record(.project, n, 6, line, m) }
    }

    public mutating func add(_ r: StatusReport, line: Int) {
        let n = next(.reports)
        func s() -> PortfolioProblem.Subject {
            .report(project: PlausibleValues.visible(r.projectID), month: r.month.description)
        }
        let number = Self.number(r.projectID, in: &projectNumbers, defined: &definedProjects)
        if !reportKeys.insert(Self.key(number, r.month)).inserted {
            duplicate("\(r.projectID) \(r.month)", .report, .duplicateReport, n, line)
        }
        reference(.projects, number: number, id: r.projectID, .report, n, 0, line,
                  .unknownProject(s(), project: PlausibleValues.visible(r.projectID)))
        if !(0...100).contains(r.progress) { record(.report, n, 1, line, .progressOutOfRange(s(), r.progress)) }
        if r.spent.cents < 0 { record(.report, n, 2, line, .negativeSpent(s())) }
        if let m = PlausibleValues.moneyProblem(r.spent, s(), spent: true) { record(.report, n, 3, line, m) }
        for (check, (text, what)) in [(r.achieved, PortfolioProblem.ReportText.achieved), (r.nextSteps, .nextSteps),
                                      (r.risksAndMeasures, .risksAndMeasures)].enumerated() {
            if let m = PlausibleValues.textProblem(text, s(), what) { record(.report, n, 4 + check, line, m) }
        }
    }

    public mutating func add(_ k: KPI, line: Int) {
        let n = next(.kpis)
        func s() -> PortfolioProblem.Subject { .kpi(PlausibleValues.visible(k.id)) }
        let number = Self.number(k.id, in: &kpiNumbers, defined: &definedKPIs)
        if definedKPIs[number] { duplicate(k.id, .kpi, .duplicateKPI, n, line) }
        definedKPIs[number] = true
        if let m = PlausibleValues.identifierProblem(k.id, .kpi) { record(.kpi, n, 1, line, m) }
        let project = Self.number(k.projectID, in: &projectNumbers, defined: &definedProjects)
        reference(.projects, number: project, id: k.projectID, .kpi, n, 0, line,
                  .unknownProject(s(), project: PlausibleValues.visible(k.projectID)))
    }

    public mutating func add(_ r: KPIReading, line: Int) {
        let n = next(.readings)
        func s() -> PortfolioProblem.Subject { .reading(kpi: PlausibleValues.visible(r.kpiID), month: r.month.description) }
        let number = Self.number(r.kpiID, in: &kpiNumbers, defined: &definedKPIs)
        if !readingKeys.insert(Self.key(number, r.month)).inserted {
            duplicate("\(r.kpiID) \(r.month)", .reading, .duplicateReading, n, line)
        }
        reference(.kpis, number: number, id: r.kpiID, .reading, n, 0, line, .unknownKPI(s()))
    }

    public mutating func add(_ r: Risk, line: Int) {
        let n = next(.risks)
        func s() -> PortfolioProblem.Subject { .risk(PlausibleValues.visible(r.id)) }
        if !riskIDs.insert(r.id).inserted { duplicate(r.id, .risk, .duplicateRisk, n, line) }
        if let m = PlausibleValues.identifierProblem(r.id, .risk) { record(.risk, n, 3, line, m) }
        let project = Self.number(r.projectID, in: &projectNumbers, defined: &definedProjects)
        reference(.projects, number: project, id: r.projectID, .risk, n, 0, line,
                  .unknownProject(s(), project: PlausibleValues.visible(r.projectID)))
        if !(1...5).contains(r.probability) { record(.risk, n, 1, line, .probabilityOutOfRange(s(), r.probability)) }
        if !(1...5).contains(r.impact) { record(.risk, n, 2, line, .impactOutOfRange(s(), r.impact)) }
        if let closed = r.closed, r.isOpen {
            record(.risk, n, 4, line, .riskClosedWhileOpen(s(), closed: closed.description))
        }
        if let closed = r.closed, let raised = r.raised, closed < raised {
            record(.risk, n, 5, line,
                   .riskClosedBeforeRaised(s(), closed: closed.description, raised: raised.description))
        }
    }

    /// One submitted revision of a project's continuation review: its project must exist, its
    /// revision be 1 or more and unique within the project, its follow-up financing not negative.
    public mutating func add(_ r: SubmittedContinuation, line: Int) {
        let n = next(.reviews)
        let revision = r.version.revision
        func s() -> PortfolioProblem.Subject {
            .review(project: PlausibleValues.visible(r.review.projectID), revision: revision)
        }
        let project = Self.number(r.review.projectID, in: &projectNumbers, defined: &definedProjects)
        if !reviewKeys.insert(ReviewKey(project: Int32(project), revision: revision)).inserted {
            duplicate("\(r.review.projectID) \(revision)", .review, .duplicateReview, n, line)
        }
        reference(.projects, number: project, id: r.review.projectID, .review, n, 0, line,
                  .unknownProject(s(), project: PlausibleValues.visible(r.review.projectID)))
        if revision < 1 { record(.review, n, 1, line, .revisionBelowOne(s(), revision)) }
        if let amount = r.review.followUpAmount, amount.cents < 0 { record(.review, n, 2, line, .negativeFollowUp(s())) }
    }

    private struct ReviewKey: Hashable, Sendable {
        var project: Int32
        var revision: Int
    }

    /// A value that could not be read completely (its problems are the reader's): only its
    /// identifier is noted, so that references to it are not reported as unknown as well.
    public mutating func addIncomplete(_ section: Section, id: String?, line: Int) {
        _ = next(section)
        guard let id, !id.isEmpty else { return }
        switch section {
        case .municipalities: municipalityIDs.insert(id)
        case .projects: definedProjects[Self.number(id, in: &projectNumbers, defined: &definedProjects)] = true
        case .kpis: definedKPIs[Self.number(id, in: &kpiNumbers, defined: &definedKPIs)] = true
        case .reports, .readings, .risks, .reviews: break
        }
    }

    /// Says that `section` could not be read: references to it are not checked at all.
    public mutating func abandon(_ section: Section) {
        abandoned.insert(section.rawValue)
        pending.removeAll { $0.target == section }
    }

    /// Says that every value of `section` has been added: references to it are checked at once from now on.
    public mutating func finished(_ section: Section) {
        guard finishedSections.insert(section.rawValue).inserted else { return }
        var still: [Pending] = []
        for p in pending {
            if p.target == section {
                if !isDefined(p.id, in: section) { keep(p.problem) }
            } else {
                still.append(p)
            }
        }
        pending = still
    }

    /// Every problem found, in `PortfolioValidator`'s order, each as `line N: message`; an empty
    /// list means valid. Sections never marked finished count as finished now.
    public mutating func problems() -> [String] {
        var out = issues().map { "line \($0.line ?? 0): \($0.message)" }
        if dropped > 0 { out.append("… and \(dropped) more problem(s)") }
        return out
    }

    /// Every problem found, in `PortfolioValidator`'s order, with its line. Sections never
    /// marked finished count as finished now.
    public mutating func issues() -> [PortfolioProblem] {
        for section in Section.allCases { finished(section) }
        return issuesSoFar()
    }

    /// The problems found so far, without the references still waiting for their section:
    /// for a file whose reading stopped early.
    public func issuesSoFar() -> [PortfolioProblem] {
        kept.sorted { ($0.group, $0.sequence, $0.check) < ($1.group, $1.sequence, $1.check) }
            .map { PortfolioProblem(line: $0.line, kind: $0.kind) }
    }

    /// How many problems were found beyond those kept (`keptProblems`).
    public var droppedProblems: Int { dropped }

    /// How many values of each section have been added.
    public func count(_ section: Section) -> Int { counts[section.rawValue] }

    // MARK: - Helpers

    private mutating func next(_ section: Section) -> Int {
        defer { counts[section.rawValue] += 1 }
        return counts[section.rawValue]
    }

    private static func number(_ id: String, in numbers: inout [String: Int32], defined: inout [Bool]) -> Int {
        if let n = numbers[id] { return Int(n) }
        let n = Int32(defined.count)
        numbers[id] = n
        defined.append(false)
        return Int(n)
    }

    private static func key(_ number: Int, _ month: YearMonth) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: number)) << 32 | UInt64(UInt32(truncatingIfNeeded: month.ordinal))
    }

    private func isDefined(_ id: String, in section: Section) -> Bool {
        switch section {
        case .municipalities where existing.municipalities.contains(id): return true
        case .projects where existing.projects.contains(id): return true
        case .kpis where existing.kpis.contains(id): return true
        default: break
        }
        return switch section {
        case .municipalities: municipalityIDs.contains(id)
        case .projects: projectNumbers[id].map { definedProjects[Int($0)] } ?? false
        case .kpis: kpiNumbers[id].map { definedKPIs[Int($0)] } ?? false
        case .reports, .readings, .risks, .reviews: false
        }
    }

    /// Checks a reference now if its target section is complete, else keeps it for later.
    private mutating func reference(_ target: Section, number: Int, id: String, _ group: Group, _ sequence: Int,
                                    _ check: Int, _ line: Int, _ kind: @autoclosure () -> PortfolioProblem.Kind) {
        guard !abandoned.contains(target.rawValue) else { return }
        if finishedSections.contains(target.rawValue) {
            let defined = target == .kpis ? definedKPIs[number] : definedProjects[number]
            if !defined && !isDefined(id, in: target) { record(group, sequence, check, line, kind()) }
        } else {
            pending.append(Pending(target: target, id: id, problem: Problem(
                group: group.rawValue, sequence: sequence, check: check, line: line, kind: kind())))
        }
    }

    private mutating func duplicate(_ id: String, _ identity: PortfolioProblem.Identity, _ group: Group,
                                    _ sequence: Int, _ line: Int) {
        guard reportedDuplicates[group.rawValue, default: []].insert(id).inserted else { return }
        record(group, sequence, 0, line, .duplicate(identity, id: PlausibleValues.visible(id)))
    }

    private mutating func record(_ group: Group, _ sequence: Int, _ check: Int, _ line: Int,
                                 _ kind: PortfolioProblem.Kind) {
        keep(Problem(group: group.rawValue, sequence: sequence, check: check, line: line, kind: kind))
    }

    private mutating func keep(_ problem: Problem) {
        if kept.count < Self.keptProblems { kept.append(problem) } else { dropped += 1 }
    }
}
