import Foundation

/// What the status-report editor needs from a storage engine: drafts saved as the user
/// types, and a submit that never overwrites somebody else's newer report silently.
public protocol ReportStore: Sendable {
    /// The draft of a project's report for a month, if one was saved.
    func draft(projectID: String, month: YearMonth) throws -> ReportDraft?
    /// Stores the draft (replacing the previous one of the same project and month).
    func saveDraft(_ draft: ReportDraft, by user: String) throws
    func deleteDraft(projectID: String, month: YearMonth) throws
    /// The version of the stored report of a project and month; nil when there is none.
    func reportVersion(projectID: String, month: YearMonth) throws -> ReportVersion?
    /// Saves the report and its KPI readings in one transaction and removes the draft.
    /// Throws `ReportConflict` (and changes nothing) when the stored report is not at
    /// `expecting` — nil means "there must be no report yet".
    func submit(_ report: StatusReport, readings: [KPIReading], expecting: ReportVersion?, by user: String) throws
}

/// The report was changed by someone else since the editor opened it.
public struct ReportConflict: Error, Hashable, Sendable, CustomStringConvertible {
    public var projectID: String
    public var month: YearMonth
    /// The version now stored; nil when the report was deleted meanwhile.
    public var current: ReportVersion?

    public init(projectID: String, month: YearMonth, current: ReportVersion?) {
        self.projectID = projectID
        self.month = month
        self.current = current
    }

    public var description: String {
        guard let c = current else { return "report \(projectID) \(month) was removed meanwhile; nothing was saved" }
        return "report \(projectID) \(month) was changed by \(c.changedBy) meanwhile (revision \(c.revision)); nothing was saved"
    }
}
