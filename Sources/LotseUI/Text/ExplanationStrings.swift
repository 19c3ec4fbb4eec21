import LotseDomain

/// The texts of a light's explanation (the `w` dialog and the monthly report's "why" lines),
/// of the monthly report's new sections, one table per language. Both tables list every
/// value, so the compiler holds each language complete.
public struct ExplanationStrings: Sendable {
    public var language: Language
    /// The dialog's title: `Warum? P-01 · Name`.
    public var title: @Sendable (_ id: String, _ name: String) -> String
    /// The line naming the report that counts and its overall light.
    public var reportOf: @Sendable (_ month: String) -> String
    /// When the month has no report and an earlier one counts.
    public var reportFromEarlier: @Sendable (_ month: String, _ reportMonth: String) -> String
    public var noReport: String
    /// The names of a report's four lights.
    public var aspect: @Sendable (LightExplanation.Aspect) -> String
    public var causesHeading: String
    public var noCauses: String
    public var causeMissing: @Sendable (_ month: String) -> String
    /// `Zeitplan rot (laut Bericht)`.
    public var causeReported: @Sendable (_ aspect: String, _ light: String) -> String
    public var causeOverrun: @Sendable (_ spent: String, _ planned: String, _ over: String) -> String
    public var causeBehind: @Sendable (_ progress: String, _ expected: String, _ points: Int) -> String
    /// A KPI off target: name, value with unit, the target with its direction.
    public var causeKPI: @Sendable (_ name: String, _ value: String, _ target: String, _ higherIsBetter: Bool) -> String
    /// The figures heading and lines below the causes.
    public var figuresHeading: String
    public var budgetLine: @Sendable (_ spent: String, _ planned: String) -> String
    public var scheduleLine: @Sendable (_ progress: String, _ expected: String) -> String
    public var scheduleNotChecked: String
    public var kpisMet: String
    /// How the Lotse rule and the thresholds work, in one sentence.
    public var ruleNote: String
    public var loading: String
    public var keyExplain: String
    public var footerExplain: String
    public var keyClose: String
    /// The monthly report's "why" line of a red project, and the count of causes left out.
    public var why: String
    public var moreCauses: @Sendable (_ count: Int) -> String
    /// The monthly report's section of projects whose light got worse.
    public var worseHeading: String
    public var noneWorse: String
    /// The monthly report's section of continuation decisions due.
    public var decisionsHeading: String
    public var noDecisions: String
    /// How many projects need attention (what `--exit-code` looks at).
    public var attention: @Sendable (_ count: Int) -> String
    /// `lotse report --month` given something that is not a month.
    public var badMonth: @Sendable (_ given: String) -> String

    public static func forLanguage(_ l: Language) -> ExplanationStrings { l == .german ? .german : .english }

    public static let german = ExplanationStrings(
        language: .german,
        title: { "Warum? \($0) · \($1)" },
        reportOf: { "Bericht \($0)" },
        reportFromEarlier: { "Kein Bericht für \($0); es gilt der von \($1)" },
        noReport: "Noch nie berichtet",
        aspect: { a in
            switch a {
            case .overall: "Gesamt"
            case .schedule: "Zeitplan"
            case .cost: "Kosten"
            case .results: "Ergebnisse"
            }
        },
        causesHeading: "Gründe, das Schwerste zuerst",
        noCauses: "Keine: alle Ampeln grün, Budget und Zeitplan im Rahmen, KPIs im Ziel.",
        causeMissing: { "Bericht für \($0) fehlt" },
        causeReported: { "\($0) \($1) (laut Bericht)" },
        causeOverrun: { spent, planned, over in "Budget überschritten: \(spent) von \(planned) ausgegeben (+\(over))" },
        causeBehind: { progress, expected, points in
            "Fortschritt \(progress) statt erwartet \(expected): \(points) Punkte zurück (Lotse-Regel)"
        },
        causeKPI: { name, value, target, higher in "KPI \(name): \(value), Ziel \(higher ? "≥" : "≤") \(target)" },
        figuresHeading: "Zahlen",
        budgetLine: { "Ausgegeben \($0) von \($1)" },
        scheduleLine: { "Fortschritt \($0), erwartet \($1)" },
        scheduleNotChecked: "Zeitplan nicht geprüft: kein Förderende",
        kpisMet: "Alle KPIs mit Messwert im Ziel",
        ruleNote: "Lotse-Regel: erwartet ist der verstrichene Anteil der Zeit von Start bis Förderende; ab 10 Punkten dahinter gelb, ab 25 rot. KPI mehr als ein Viertel neben dem Ziel: rot.",
        loading: "Lade Projekt …",
        keyExplain: "Warum diese Ampel? Erklärung des Projekts",
        footerExplain: "warum",
        keyClose: "Erklärung schließen",
        why: "Warum",
        moreCauses: { "+\($0) weitere" },
        worseHeading: "Verschlechtert gegenüber Vormonat",
        noneWorse: "Keine Ampel ist schlechter geworden.",
        decisionsHeading: "Entscheidungen fällig: Förderende in 12 Monaten, Verstetigung offen",
        noDecisions: "Keine Entscheidung fällig.",
        attention: { $0 == 0 ? "Handlungsbedarf: keiner" : $0 == 1 ? "Handlungsbedarf: 1 Projekt" : "Handlungsbedarf: \($0) Projekte" },
        badMonth: { "--month '\($0)' ist kein Monat der Form JJJJ-MM (z. B. 2026-11) und nicht 'last'." })

    public static let english = ExplanationStrings(
        language: .english,
        title: { "Why? \($0) · \($1)" },
        reportOf: { "Report \($0)" },
        reportFromEarlier: { "No report for \($0); the one of \($1) counts" },
        noReport: "Never reported",
        aspect: { a in
            switch a {
            case .overall: "Overall"
            case .schedule: "Schedule"
            case .cost: "Cost"
            case .results: "Results"
            }
        },
        causesHeading: "Causes, the heaviest first",
        noCauses: "None: every light green, budget and schedule on track, KPIs on target.",
        causeMissing: { "Report for \($0) missing" },
        causeReported: { "\($0) \($1) (as reported)" },
        causeOverrun: { spent, planned, over in "Budget overrun: \(spent) of \(planned) spent (+\(over))" },
        causeBehind: { progress, expected, points in
            "Progress \(progress) instead of the expected \(expected): \(points) points behind (Lotse rule)"
        },
        causeKPI: { name, value, target, higher in "KPI \(name): \(value), target \(higher ? "≥" : "≤") \(target)" },
        figuresHeading: "Figures",
        budgetLine: { "Spent \($0) of \($1)" },
        scheduleLine: { "Progress \($0), expected \($1)" },
        scheduleNotChecked: "Schedule not checked: no end of funding",
        kpisMet: "Every KPI with a reading is on target",
        ruleNote: "Lotse rule: expected is the share of time elapsed from start to end of funding; 10 points behind is yellow, 25 red. A KPI off its target by more than a quarter: red.",
        loading: "Loading project …",
        keyExplain: "Why this light? Explain the project",
        footerExplain: "why",
        keyClose: "Close the explanation",
        why: "Why",
        moreCauses: { "+\($0) more" },
        worseHeading: "Worse than last month",
        noneWorse: "No light got worse.",
        decisionsHeading: "Decisions due: funding ends within 12 months, continuation open",
        noDecisions: "No decision due.",
        attention: { $0 == 0 ? "Needs attention: nothing" : $0 == 1 ? "Needs attention: 1 project" : "Needs attention: \($0) projects" },
        badMonth: { "--month '\($0)' is not a month in the form YYYY-MM (e.g. 2026-11), nor 'last'." })

    /// One cause in words.
    public func cause(_ c: LightExplanation.Cause, month: YearMonth, strings s: Strings) -> String {
        let f = s.formats
        switch c {
        case .reportMissing: return causeMissing(f.month(month))
        case .reported(let aspect, let light): return causeReported(self.aspect(aspect), s.light(light))
        case .budgetOverrun(let spent, let planned):
            return causeOverrun(f.money(spent), f.money(planned), f.money(spent - planned))
        case .behindSchedule(let check):
            return causeBehind(f.percent(check.progress), f.percent(check.expected), check.behind)
        case .kpiOffTarget(let gap):
            let unit = gap.unit.isEmpty ? "" : " " + gap.unit
            return causeKPI(gap.name, f.decimal(gap.value) + unit, f.decimal(gap.target) + unit,
                            gap.direction == .higherIsBetter)
        }
    }

    /// The causes on one line, at most `limit` of them: the monthly report's "why".
    public func summary(_ e: LightExplanation, strings s: Strings, limit: Int = 2) -> String {
        guard !e.causes.isEmpty else { return noCauses }
        var parts = e.causes.prefix(limit).map { cause($0, month: e.month, strings: s) }
        if e.causes.count > limit { parts.append(moreCauses(e.causes.count - limit)) }
        return parts.joined(separator: "; ")
    }
}

extension Strings {
    /// The texts of the light's explanation.
    public var explanation: ExplanationStrings { .forLanguage(language) }
}
