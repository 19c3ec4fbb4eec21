import Foundation

/// What the status-report editor needs from a storage engine: drafts saved as the user
/// types, and a submit that never overwrites somebody else's newer report silently.
public protocol ReportStore: Sendable {
    /// Every author's draft of a project's report for a month, the longest-running first.
    /// Each person has their own draft; nobody writes another's.
    func drafts(projectID: String, month: YearMonth) throws -> [AuthoredDraft]
    /// Stores `author`'s draft (replacing their previous one of the same project and month).
    func saveDraft(_ draft: ReportDraft, by author: Author) throws
    /// Deletes `author`'s draft only.
    func deleteDraft(projectID: String, month: YearMonth, by author: Author) throws
    /// The version of the stored report of a project and month; nil when there is none.
    func reportVersion(projectID: String, month: YearMonth) throws -> ReportVersion?
    /// Saves the report and its KPI readings in one transaction and removes `author`'s
    /// draft. Throws `ReportConflict` (and changes nothing, the draft included) when the
    /// stored report is not at `expecting` — nil means "there must be no report yet".
    func submit(_ report: StatusReport, readings: [KPIReading], expecting: ReportVersion?, by author: Author) throws
}

extension ReportStore {
    /// `author`'s own draft, if they saved one.
    public func draft(projectID: String, month: YearMonth, by author: Author) throws -> ReportDraft? {
        try drafts(projectID: projectID, month: month).first { $0.author.account == author.account }?.draft
    }
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
