import Foundation
import LotseDomain
import TermCanvas

/// Everything that can happen to the app: input from the terminal and results of effects.
public enum Message: Sendable {
    case key(Key)
    case mouse(MouseClick)
    case resize(Size)
    /// Time passes; carries the clock's reading so `update` never reads the clock itself.
    case tick(Date)
    /// The process was asked to end (SIGTERM, SIGHUP, SIGINT).
    case terminate
    /// The store's answer to a `.load` effect.
    case dataLoaded(ScreenData)
    /// The data in the store changed: by another process or user (`byOthers`), or by this
    /// one in bulk (sample data). What the screens show is asked for again.
    case dataChanged(byOthers: Bool)
    case questionnaireLoaded(Questionnaire)
    /// Earlier shipped versions of the questionnaire, for assessments made with them.
    case earlierQuestionnairesLoaded([Questionnaire])
    /// What the store holds for a report editor: a saved draft and the stored version.
    /// `project` is the project with its history (nil when it no longer exists).
    case reportEditorLoaded(projectID: String, month: YearMonth, draft: ReportDraft?, version: ReportVersion?,
                            project: Portfolio?)
    /// Other authors' drafts of the report just opened (after `.reportEditorLoaded`).
    case otherDrafts([AuthoredDraft])
    case reportSubmitted(projectID: String, month: YearMonth)
    /// Someone else changed the report since the form opened; nothing was saved.
    case reportConflict(ReportConflict)
    /// What the store holds for a continuation form (after `.openContinuationForm`).
    case continuationLoaded(ContinuationLoad)
    case continuationSubmitted(projectID: String, decision: ContinuationDecision)
    /// Someone else submitted a continuation review since the form opened; nothing was saved.
    case continuationConflict(ContinuationConflict)
    case assessmentsLoaded([Assessment])
    /// A load, save or import failed; the text says why.
    case failed(String)
    /// A `.writeFile` effect wrote its file at this full path.
    case fileWritten(path: String)
}

/// Work the runtime performs for the app; results come back as messages.
public enum Effect: Equatable, Sendable {
    /// Ask the store what a screen needs; the answer comes back as `.dataLoaded`.
    case load(ScreenDataRequest)
    /// Fill the (empty) database with the sample municipality, then load it.
    case loadSampleData
    case loadAssessments
    case createAssessment(Assessment)
    /// One participant's answer; nil = "weiß nicht".
    case saveResponse(assessmentID: String, statementID: String, participant: String, value: Int?)
    case saveConsensus(assessmentID: String, statementID: String, value: Int?)
    case saveNote(assessmentID: String, statementID: String, note: String)
    case savePosition(assessmentID: String, position: Int, completed: Bool)
    /// Where the group stands on one tension field (an empty stance removes it).
    case saveStance(assessmentID: String, tensionID: String, stance: TensionStance)
    /// Write `contents` to a new file `name` in the export folder (the folder the dashboard
    /// was started in), complete or not at all; `.fileWritten` or `.failed` comes back.
    case writeFile(name: String, contents: String)
    /// Write the portfolio table as the screen shows it (every row of `rows.query` as of
    /// `rows.month`, not only the loaded window) as CSV into the export folder.
    case exportView(RowRequest)
    case openReportEditor(projectID: String, month: YearMonth)
    case saveDraft(ReportDraft)
    case discardDraft(projectID: String, month: YearMonth)
    case submitReport(StatusReport, readings: [KPIReading], expecting: ReportVersion?)
    case openContinuationForm(projectID: String)
    case saveContinuationDraft(ContinuationDraft)
    case discardContinuationDraft(projectID: String)
    /// `expecting`: the revision the form started from (nil: there was none).
    case submitContinuation(ContinuationReview, expecting: Int?)
    case quit
}

extension Effect {
    /// Whether the effect changes what the store holds.
    var writes: Bool {
        switch self {
        case .load, .loadAssessments, .openReportEditor, .openContinuationForm, .writeFile, .exportView, .quit: false
        case .loadSampleData, .createAssessment, .saveResponse, .saveConsensus, .saveNote, .savePosition, .saveStance,
             .saveDraft, .discardDraft, .submitReport, .saveContinuationDraft, .discardContinuationDraft,
             .submitContinuation: true
        }
    }
}
