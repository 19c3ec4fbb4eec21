import LotseDomain

/// The texts of the self-assessment and phase-model screens, in one language.
public struct AssessmentStrings: Sendable {
    public var title: String
    public var phaseModelTitle: String
    public var noQuestionnaire: String
    public var outOfScale: @Sendable (Int, Int) -> String
    public var wrongCount: @Sendable (Int, Int) -> String
    public var badValue: @Sendable (String, Int, Int) -> String
    public var badDate: @Sendable (String) -> String
    public var municipalityMissing: String
    // Keys
    public var keyNewAssessment: String
    public var keyOpenAssessment: String
    public var keyShowResult: String
    public var keyAnswer: String
    public var keyDontKnow: String
    public var keyConsensus: String
    public var keyNextStatement: String
    public var keyPreviousStatement: String
    public var keySkip: String
    public var keyNote: String
    public var keyStatementHelp: String
    public var keyPresenter: String
    public var keyTimeBox: String
    public var keyFinish: String
    public var keyScroll: String
    // List and set-up
    public var listTitle: String
    public var noAssessments: String
    public var colDate: String
    public var colMunicipality: String
    public var colFacilitator: String
    public var colParticipants: String
    public var colProgress: String
    public var colResult: String
    public var inProgress: String
    public var setupTitle: String
    public var setupLabels: [String]
    public var setupHint: String
    // Wizard
    public var statementOf: @Sendable (Int, Int) -> String
    public var dontKnow: String
    /// A statement nobody answered yet (unlike "weiß nicht").
    public var unanswered: String
    public var evidenceInOperation: String
    public var evidenceContinuation: String
    public var evidenceReports: String
    public var evidenceBelow: String
    public var evidenceReuse: @Sendable (_ reused: Int, _ candidates: Int) -> String
    /// The phase model's own words on each phase.
    public var phaseExplanation: @Sendable (Phase) -> String
    public var responsesPrompt: @Sendable ([String]) -> String
    public var consensusPrompt: String
    public var notePrompt: String
    public var median: String
    public var spread: String
    public var dissent: String
    public var consensus: String
    public var note: String
    public var phaseEvidence: @Sendable (String) -> String
    public var timeLeft: @Sendable (Int, Int) -> String
    public var timeUp: String
    public var wizardHint: String
    // Result
    public var notDeterminable: @Sendable (_ percent: String) -> String
    public var fulfilled: @Sendable (_ phase: String, _ percent: String) -> String
    public var nextBegun: @Sendable (_ phase: String, _ percent: String) -> String
    public var nextNotBegun: @Sendable (String) -> String
    public var scoresTitle: String
    public var dimensionsTitle: String
    public var carryingTitle: String
    public var blockingTitle: String
    public var recommendationsTitle: String
    public var dissentTitle: String
    public var evidenceTitle: String
    public var comparedTo: @Sendable (String) -> String
    public var noPrevious: String
    public var noAssessmentYet: String
    public var projectsInPhase: String

    public static let german = AssessmentStrings(
        title: "Selbsteinschätzung", phaseModelTitle: "Phasenmodell",
        noQuestionnaire: "Kein Fragebogen geladen.",
        outOfScale: { "Skala \($0) bis \($1); 0 = weiß nicht" },
        wrongCount: { "\($0) Antworten erwartet, \($1) eingegeben" },
        badValue: { "„\($0)“ liegt nicht auf der Skala \($1)–\($2) (0 oder ? = weiß nicht)" },
        badDate: { "„\($0)“ ist kein Datum (TT.MM.JJJJ)" },
        municipalityMissing: "Bitte eine Kommune angeben.",
        keyNewAssessment: "neue Selbsteinschätzung", keyOpenAssessment: "fortsetzen oder Ergebnis",
        keyShowResult: "Ergebnis zeigen", keyAnswer: "Antwort (Workshop: alle Teilnehmenden)",
        keyDontKnow: "weiß nicht", keyConsensus: "Konsens festlegen", keyNextStatement: "nächste Aussage",
        keyPreviousStatement: "vorige Aussage", keySkip: "überspringen", keyNote: "Notiz",
        keyStatementHelp: "Erläuterung ein/aus", keyPresenter: "Präsentationsansicht",
        keyTimeBox: "Zeitbox je Dimension ein/aus", keyFinish: "abschließen und Ergebnis", keyScroll: "blättern",
        listTitle: "Selbsteinschätzungen", noAssessments: "Noch keine Selbsteinschätzung. n beginnt eine.",
        colDate: "Datum", colMunicipality: "Kommune", colFacilitator: "Moderation", colParticipants: "Teilnehmende",
        colProgress: "Stand", colResult: "Ergebnis", inProgress: "läuft",
        setupTitle: "Neue Selbsteinschätzung",
        setupLabels: ["Kommune", "Datum", "Moderation", "Teilnehmende (mit Komma getrennt, leer = Team antwortet gemeinsam)"],
        setupHint: "Tab/↓ nächstes Feld · Enter im letzten Feld startet · Esc bricht ab",
        statementOf: { "Aussage \($0) von \($1)" }, dontKnow: "weiß nicht", unanswered: "nicht beantwortet",
        evidenceInOperation: "Projekte im Regelbetrieb",
        evidenceContinuation: "Verstetigung entschieden (Förderende ≤ 12 Monate oder vorbei)",
        evidenceReports: "Berichte dieses Monats geliefert", evidenceBelow: "← unter der Lotse-Regel für die Phase",
        evidenceReuse: { "\($0) von anderen nachgenutzt, \($1) Kandidaten für Basiskomponenten" },
        phaseExplanation: { p in
            switch p {
            case .experimentation:
                "Förderung gibt den Anstoß: Einzelne Engagierte probieren Lösungen, Arbeitsformen und Projekte aus, oft befristet und als Insel. Ziel ist Klarheit über Rollen, Aufgaben und Nutzen – verbunden mit einer Strategie. Die Phase endet mit der Frage, was sich bewährt hat."
            case .transfer:
                "Bewährtes wird gefestigt und verbreitet, der Rest beendet. Netzwerke, Strukturen, Standards und Basiskomponenten entstehen. Dafür braucht es ehrliche Auswertung, Austausch, Hilfe von Bund und Ländern und Haushaltsmittel. Am Ende ist Smart City in der Fläche ausgerollt und akzeptiert."
            case .establishment:
                "Digitale Lösungen laufen im Regelbetrieb, als normales Werkzeug jedes Fachbereichs. Gefragt wird nur noch wo und wie, nicht ob. Die Basiskomponenten sind Grundversorgung aus dem regulären Haushalt; oft heißt es nicht mehr „Smart City“."
            }
        },
        responsesPrompt: { "Antworten von \($0.joined(separator: ", ")): " },
        consensusPrompt: "Konsens (Enter übernimmt): ", notePrompt: "Notiz: ",
        median: "Median", spread: "Spanne", dissent: "Dissens – bitte besprechen", consensus: "Konsens",
        note: "Notiz", phaseEvidence: { "Hinweis auf Phase: \($0)" },
        timeLeft: { "noch \($0):\(String(format: "%02d", $1))" }, timeUp: "Zeit um",
        wizardHint: "1–5 antworten · 0 weiß nicht · ←/→ blättern · n Notiz · p Präsentation · e abschließen",
        notDeterminable: { "Nicht bestimmbar: nur \($0) der Aussagen beantwortet" },
        fulfilled: { "\($0), \($1) erfüllt" },
        nextBegun: { "\($0) begonnen (\($1))" },
        nextNotBegun: { "\($0) noch nicht begonnen" },
        scoresTitle: "Erfüllung je Phase", dimensionsTitle: "Dimensionen",
        carryingTitle: "Was das Ergebnis trägt", blockingTitle: "Was die nächste Phase aufhält",
        recommendationsTitle: "Empfehlungen", dissentTitle: "Größter Dissens", evidenceTitle: "Belege aus dem Portfolio",
        comparedTo: { "ggü. \($0)" }, noPrevious: "keine frühere Einschätzung",
        noAssessmentYet: "Noch keine Selbsteinschätzung – Ansicht 3 beginnt eine.",
        projectsInPhase: "Projekte in dieser Phase")

    public static let english = AssessmentStrings(
        title: "Self-assessment", phaseModelTitle: "Phase model",
        noQuestionnaire: "No questionnaire loaded.",
        outOfScale: { "Scale \($0) to \($1); 0 = don't know" },
        wrongCount: { "\($0) answers expected, \($1) given" },
        badValue: { "“\($0)” is not on the scale \($1)–\($2) (0 or ? = don't know)" },
        badDate: { "“\($0)” is not a date (e.g. 30 Nov 2026)" },
        municipalityMissing: "Please name a municipality.",
        keyNewAssessment: "new self-assessment", keyOpenAssessment: "resume or show result",
        keyShowResult: "show result", keyAnswer: "answer (workshop: every participant)",
        keyDontKnow: "don't know", keyConsensus: "set consensus", keyNextStatement: "next statement",
        keyPreviousStatement: "previous statement", keySkip: "skip", keyNote: "note",
        keyStatementHelp: "explanation on/off", keyPresenter: "presenter layout",
        keyTimeBox: "time box per dimension on/off", keyFinish: "finish and show result", keyScroll: "scroll",
        listTitle: "Self-assessments", noAssessments: "No self-assessment yet. n starts one.",
        colDate: "Date", colMunicipality: "Municipality", colFacilitator: "Facilitator", colParticipants: "Participants",
        colProgress: "Progress", colResult: "Result", inProgress: "running",
        setupTitle: "New self-assessment",
        setupLabels: ["Municipality", "Date", "Facilitator", "Participants (comma separated, empty = team answers together)"],
        setupHint: "Tab/↓ next field · Enter in the last field starts · Esc cancels",
        statementOf: { "Statement \($0) of \($1)" }, dontKnow: "don't know", unanswered: "not answered",
        evidenceInOperation: "projects in regular operation",
        evidenceContinuation: "continuation decided (funding ends ≤ 12 months or ended)",
        evidenceReports: "reports delivered this month", evidenceBelow: "← below the Lotse rule for the phase",
        evidenceReuse: { "\($0) reused by others, \($1) basic-component candidates" },
        phaseExplanation: { p in
            switch p {
            case .experimentation:
                "Funding gives the push: committed individuals try solutions, ways of working and projects, often temporary and isolated. The aim is clarity on roles, tasks and value, tied to a strategy. The phase ends by asking what proved itself."
            case .transfer:
                "What proved itself is consolidated and spread, the rest stopped. Networks, structures, standards and basic components emerge. This needs honest evaluation, exchange, federal and state support and budget funds. At the end smart city is rolled out broadly and accepted."
            case .establishment:
                "Digital solutions run in regular operation as a normal tool of every department. The question is only where and how, no longer whether. The basic components are basic supply paid from the regular budget; often it is no longer called “smart city”."
            }
        },
        responsesPrompt: { "Answers of \($0.joined(separator: ", ")): " },
        consensusPrompt: "Consensus (Enter accepts): ", notePrompt: "Note: ",
        median: "median", spread: "spread", dissent: "dissent – please discuss", consensus: "consensus",
        note: "note", phaseEvidence: { "evidence for phase: \($0)" },
        timeLeft: { "\($0):\(String(format: "%02d", $1)) left" }, timeUp: "time is up",
        wizardHint: "1–5 answer · 0 don't know · ←/→ move · n note · p presenter · e finish",
        notDeterminable: { "Not determinable: only \($0) of the statements answered" },
        fulfilled: { "\($0), \($1) fulfilled" },
        nextBegun: { "\($0) begun (\($1))" },
        nextNotBegun: { "\($0) not begun yet" },
        scoresTitle: "Fulfilment per phase", dimensionsTitle: "Dimensions",
        carryingTitle: "What carries the result", blockingTitle: "What holds back the next phase",
        recommendationsTitle: "Recommendations", dissentTitle: "Most dissent", evidenceTitle: "Evidence from the portfolio",
        comparedTo: { "vs. \($0)" }, noPrevious: "no earlier assessment",
        noAssessmentYet: "No self-assessment yet – screen 3 starts one.",
        projectsInPhase: "Projects in this phase")
}

extension Strings {
    public var assess: AssessmentStrings { language == .german ? .german : .english }
}
