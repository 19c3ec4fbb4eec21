import LotseDomain

/// The texts of a workshop at full size: the participant limit, the question before
/// finishing, reopening a finished assessment, and statements the group did not reach.
/// German first; both tables list every value.
public struct WorkshopStrings: Sendable {
    public var language: Language

    /// The set-up refuses more participants than the wizard can show: (limit, given).
    public var tooManyParticipants: @Sendable (_ limit: Int, _ given: Int) -> String
    /// Asked before `e` finishes: (statements answered, statements in all).
    public var finishQuestion: @Sendable (_ answered: Int, _ total: Int) -> String
    /// Asked before a finished assessment is opened again.
    public var reopenQuestion: String
    /// The help line of the reopen key.
    public var keyReopen: String
    /// Told when the chosen assessment is not finished, so there is nothing to reopen.
    public var notFinished: String
    /// Told after reopening.
    public var reopenedNotice: String
    /// One recorded reopening: (who, date).
    public var reopenedBy: @Sendable (_ who: String, _ date: String) -> String
    /// A statement the group did not reach (no answer at all), unlike "weiß nicht".
    public var notAnswered: String
    /// How many statements were not reached, in the result and the minutes.
    public var notAnsweredCount: @Sendable (_ count: Int) -> String
    /// The assessment was made with a questionnaire version Lotse no longer has: (made
    /// with, scored with).
    public var scoredWithOther: @Sendable (_ madeWith: String, _ scoredWith: String) -> String

    public static func forLanguage(_ l: Language) -> WorkshopStrings {
        switch l {
        case .german: .german
        case .english: .english
        }
    }

    public static let german = WorkshopStrings(
        language: .german,
        tooManyParticipants: { "Höchstens \($0) Teilnehmende, \($1) eingetragen – bitte kürzen; nichts wurde angelegt." },
        finishQuestion: { answered, total in
            let open = total - answered
            let rest = open == 0 ? "alle beantwortet" : open == 1 ? "1 Aussage nicht beantwortet" : "\(open) Aussagen nicht beantwortet"
            return "Selbsteinschätzung abschließen? \(answered) von \(total) Aussagen mit Konsens, \(rest). "
                + "Danach wird das Ergebnis gezeigt; wieder öffnen geht mit w."
        },
        reopenQuestion: "Abgeschlossene Selbsteinschätzung wieder öffnen? Die Wiederöffnung wird mit Name und Zeit vermerkt.",
        keyReopen: "abgeschlossene Selbsteinschätzung wieder öffnen",
        notFinished: "Diese Selbsteinschätzung ist nicht abgeschlossen – sie ist schon offen.",
        reopenedNotice: "Wieder geöffnet und vermerkt.",
        reopenedBy: { "wieder geöffnet von \($0) am \($1)" },
        notAnswered: "nicht beantwortet",
        notAnsweredCount: { $0 == 1 ? "1 Aussage nicht beantwortet" : "\($0) Aussagen nicht beantwortet" },
        scoredWithOther: { "Erhoben mit „\($0)“, den Lotse nicht mehr kennt; ausgewertet mit „\($1)“ – Werte können abweichen." })

    public static let english = WorkshopStrings(
        language: .english,
        tooManyParticipants: { "At most \($0) participants, \($1) entered – please shorten the list; nothing was created." },
        finishQuestion: { answered, total in
            let open = total - answered
            let rest = open == 0 ? "all answered" : open == 1 ? "1 statement not answered" : "\(open) statements not answered"
            return "Finish the self-assessment? \(answered) of \(total) statements with a consensus, \(rest). "
                + "The result is shown next; w reopens it."
        },
        reopenQuestion: "Reopen the finished self-assessment? The reopening is recorded with name and time.",
        keyReopen: "reopen a finished self-assessment",
        notFinished: "This self-assessment is not finished – it is open already.",
        reopenedNotice: "Reopened and recorded.",
        reopenedBy: { "reopened by \($0) on \($1)" },
        notAnswered: "not answered",
        notAnsweredCount: { $0 == 1 ? "1 statement not answered" : "\($0) statements not answered" },
        scoredWithOther: { "Made with '\($0)', which Lotse no longer has; scored with '\($1)' – figures may differ." })
}
