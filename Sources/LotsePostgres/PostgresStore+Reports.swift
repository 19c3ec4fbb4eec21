import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// Drafts saved as the user types; a submit that never overwrites a newer report.
extension PostgresStore: ReportStore {
    public func drafts(projectID: String, month: YearMonth) throws -> [AuthoredDraft] { throw notYet("drafts") }
    public func saveDraft(_ draft: ReportDraft, by author: Author) throws { throw notYet("saveDraft") }
    public func deleteDraft(projectID: String, month: YearMonth, by author: Author) throws { throw notYet("deleteDraft") }
    public func reportVersion(projectID: String, month: YearMonth) throws -> ReportVersion? { throw notYet("reportVersion") }
    public func submit(_ report: StatusReport, readings: [KPIReading], expecting: ReportVersion?, by author: Author) throws {
        throw notYet("submit")
    }
}
