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
    /// The kinds of values of a portfolio document, in the order of `PortfolioValidator`.
    public enum Section: Int, CaseIterable, Sendable {
        case municipalities, projects, reports, kpis, readings, risks
    }

    /// How many problems are kept with their text; beyond that they are only counted.
    public static let keptProblems = 1_000

    public init() {}

    // MARK: - State

    /// Where a problem goes in the validator's order: its group, the value's position in
    /// its section, and the check's position among the checks of that value.
    private struct Problem: Sendable {
        var group: Int
        var sequence: Int
        var check: Int
        var line: Int
        var text: String
    }

    /// Groups in the order `PortfolioValidator` reports them.
    private enum Group: Int {
        case duplicateMunicipality, duplicateProject, duplicateKPI, duplicateRisk, duplicateReport, duplicateReading
        case municipality, project, report, kpi, reading, risk
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
    /// Duplicates already reported, per group, so each is named once.
    private var reportedDuplicates: [Int: Set<String>] = [:]

    // MARK: - Feeding

    public mutating func add(_ m: Municipality, line: Int) {
        let n = next(.municipalities)
        if !municipalityIDs.insert(m.id).inserted { duplicate(m.id, .duplicateMunicipality, "municipality id", n, line) }
        if m.population < 0 {
            record(.municipality, n, 0, line, "municipality \(m.id): population must not be negative")
        }
        if let p = PlausibleValues.identifier(m.id, "municipality") { record(.municipality, n, 1, line, p) }
        if let p = PlausibleValues.name(m.name, "municipality \(m.id): name") { record(.municipality, n, 2, line, p) }
    }

    public mutating func add(_ p: Project, line: Int) {
        let n = next(.projects)
        let number = Self.number(p.id, in: &projectNumbers, defined: &definedProjects)
        if definedProjects[number] { duplicate(p.id, .duplicateProject, "project id", n, line) }
        definedProjects[number] = true
        if finishedSections.contains(Section.municipalities.rawValue) {
            if !municipalityIDs.contains(p.municipalityID) {
                record(.project, n, 0, line, "project \(p.id): unknown municipality '\(p.municipalityID)'")
            }
        } else {
            pending.append(Pending(target: .municipalities, id: p.municipalityID, problem: Problem(
                group: Group.project.rawValue, sequence: n, check: 0, line: line,
                text: "project \(p.id): unknown municipality '\(p.municipalityID)'")))
        }
        if p.budgetPlanned.cents < 0 { record(.project, n, 1, line, "project \(p.id): budget must not be negative") }
        if let end = p.fundingEnd, end < p.start {
            record(.project, n, 2, line, "project \(p.id): end of funding \(end) lies before the start \(p.start)")
        }
        if p.name.trimmingCharacters(in: .whitespaces).isEmpty {
            record(.project, n, 3, line, "project \(p.id): name is empty")
        }
        if let m = PlausibleValues.money(p.budgetPlanned, "project \(p.id): budget") { record(.project, n, 4, line, m) }
        if let m = PlausibleValues.identifier(p.id, "project") { record(.project, n, 5, line, m) }
        if let m = PlausibleValues.name(p.name, "project \(p.id): name") { record(.project, n, 6, line, m) }
    }

    public mutating func add(_ r: StatusReport, line: Int) {
        let n = next(.reports)
        let number = Self.number(r.projectID, in: &projectNumbers, defined: &definedProjects)
        if !reportKeys.insert(Self.key(number, r.month)).inserted {
            duplicate("\(r.projectID) \(r.month)", .duplicateReport, "report (project, month)", n, line)
        }
        func id() -> String { "report \(r.projectID) \(r.month)" }  // only for messages
        reference(.projects, number: number, id: r.projectID, .report, n, 0, line) { "\(id()): unknown project" }
        if !(0...100).contains(r.progress) {
            record(.report, n, 1, line, "\(id()): progress \(r.progress) is not within 0…100")
        }
        if r.spent.cents < 0 { record(.report, n, 2, line, "\(id()): money spent must not be negative") }
        if let m = PlausibleValues.money(r.spent, "\(id()): money spent") { record(.report, n, 3, line, m) }
        for (check, (text, what)) in [(r.achieved, "achieved"), (r.nextSteps, "next steps"),
                                      (r.risksAndMeasures, "risks and measures")].enumerated() {
            if let m = PlausibleValues.text(text, "\(id()): \(what)") { record(.report, n, 4 + check, line, m) }
        }
    }

    public mutating func add(_ k: KPI, line: Int) {
        let n = next(.kpis)
        let number = Self.number(k.id, in: &kpiNumbers, defined: &definedKPIs)
        if definedKPIs[number] { duplicate(k.id, .duplicateKPI, "KPI id", n, line) }
        definedKPIs[number] = true
        if let m = PlausibleValues.identifier(k.id, "KPI") { record(.kpi, n, 1, line, m) }
        let project = Self.number(k.projectID, in: &projectNumbers, defined: &definedProjects)
        reference(.projects, number: project, id: k.projectID, .kpi, n, 0, line) {
            "KPI \(k.id): unknown project '\(k.projectID)'"
        }
    }

    public mutating func add(_ r: KPIReading, line: Int) {
        let n = next(.readings)
        let number = Self.number(r.kpiID, in: &kpiNumbers, defined: &definedKPIs)
        if !readingKeys.insert(Self.key(number, r.month)).inserted {
            duplicate("\(r.kpiID) \(r.month)", .duplicateReading, "KPI reading (KPI, month)", n, line)
        }
        reference(.kpis, number: number, id: r.kpiID, .reading, n, 0, line) {
            "KPI reading \(r.kpiID) \(r.month): unknown KPI"
        }
    }

    public mutating func add(_ r: Risk, line: Int) {
        let n = next(.risks)
        if !riskIDs.insert(r.id).inserted { duplicate(r.id, .duplicateRisk, "risk id", n, line) }
        if let m = PlausibleValues.identifier(r.id, "risk") { record(.risk, n, 3, line, m) }
        let project = Self.number(r.projectID, in: &projectNumbers, defined: &definedProjects)
        reference(.projects, number: project, id: r.projectID, .risk, n, 0, line) {
            "risk \(r.id): unknown project '\(r.projectID)'"
        }
        if !(1...5).contains(r.probability) {
            record(.risk, n, 1, line, "risk \(r.id): probability \(r.probability) is not within 1…5")
        }
        if !(1...5).contains(r.impact) { record(.risk, n, 2, line, "risk \(r.id): impact \(r.impact) is not within 1…5") }
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
        for section in Section.allCases { finished(section) }
        let sorted = kept.sorted { ($0.group, $0.sequence, $0.check) < ($1.group, $1.sequence, $1.check) }
        var out = sorted.map { "line \($0.line): \($0.text)" }
        if dropped > 0 { out.append("… and \(dropped) more problem(s)") }
        return out
    }

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
        case .municipalities: municipalityIDs.contains(id)
        case .projects: projectNumbers[id].map { definedProjects[Int($0)] } ?? false
        case .kpis: kpiNumbers[id].map { definedKPIs[Int($0)] } ?? false
        case .reports, .readings, .risks: false
        }
    }

    /// Checks a reference now if its target section is complete, else keeps it for later.
    private mutating func reference(_ target: Section, number: Int, id: String, _ group: Group, _ sequence: Int,
                                    _ check: Int, _ line: Int, _ text: () -> String) {
        if finishedSections.contains(target.rawValue) {
            let defined = target == .kpis ? definedKPIs[number] : definedProjects[number]
            if !defined { record(group, sequence, check, line, text()) }
        } else {
            pending.append(Pending(target: target, id: id, problem: Problem(
                group: group.rawValue, sequence: sequence, check: check, line: line, text: text())))
        }
    }

    private mutating func duplicate(_ id: String, _ group: Group, _ what: String, _ sequence: Int, _ line: Int) {
        guard reportedDuplicates[group.rawValue, default: []].insert(id).inserted else { return }
        record(group, sequence, 0, line, "duplicate \(what) '\(id)'")
    }

    private mutating func record(_ group: Group, _ sequence: Int, _ check: Int, _ line: Int, _ text: String) {
        keep(Problem(group: group.rawValue, sequence: sequence, check: check, line: line, text: text))
    }

    private mutating func keep(_ problem: Problem) {
        if kept.count < Self.keptProblems { kept.append(problem) } else { dropped += 1 }
    }
}
