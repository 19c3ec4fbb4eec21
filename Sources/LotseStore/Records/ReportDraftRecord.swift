import Foundation
import GRDB
import LotseDomain

/// A row of `report_draft`: one author's form of one project and month, as JSON of
/// `ReportDraft` in the `draft` column. `changed_by` is the author's account (see
/// `StoreSchema.v5`).
struct ReportDraftRecord {
    static let databaseTableName = "report_draft"

    var value: ReportDraft
    var audit: Audit
    /// The display name the author had at the last keystroke; empty for none.
    var authorName: String
    var startedAt: Date
    var changedAt: Date

    /// The draft with its author and times, as the domain sees it.
    var authored: AuthoredDraft {
        AuthoredDraft(draft: value, author: Author(account: audit.changedBy, name: authorName),
                      startedAt: startedAt, changedAt: changedAt)
    }

    /// The text of the `draft` column. Sorted keys, so equal drafts give equal text.
    static func json(of draft: ReportDraft) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(draft), as: UTF8.self)
    }
}

// In an extension, so the memberwise initialiser stays available.
extension ReportDraftRecord {
    /// Reads a row; JSON that does not decode, or that belongs to another project or month
    /// than the row's key, is a `StoreError.corruptValue` naming table, row and column.
    init(row: Row) throws {
        let r = RowReader(row, table: Self.databaseTableName, key: ["project_id", "month", "changed_by"])
        let projectID = try r.string("project_id")
        let month = try r.month("month")
        let text = try r.string("draft")
        func corrupt(_ reason: String) -> StoreError {
            .corruptValue(table: Self.databaseTableName, row: r.label, column: "draft", found: Self.excerpt(text),
                          expected: "a status report draft as JSON (\(reason))")
        }
        let draft: ReportDraft
        do {
            draft = try JSONDecoder().decode(ReportDraft.self, from: Data(text.utf8))
        } catch {
            throw corrupt(Self.reason(error))
        }
        guard draft.projectID == projectID, draft.month == month else {
            throw corrupt("it is the draft of \(draft.projectID) \(draft.month)")
        }
        value = draft
        audit = try Audit(r)
        authorName = try r.string("author_name")
        startedAt = try r.timestamp("started_at")
        changedAt = try r.timestamp("changed_at")
    }

    /// The start of a (possibly long) text, quoted, for an error message.
    private static func excerpt(_ text: String) -> String {
        let limit = 60
        return text.count <= limit ? "'\(text)'" : "'\(text.prefix(limit))…' (\(text.count) characters)"
    }

    /// What the decoder objected to, in words: `key 'progress' is missing`.
    private static func reason(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String { keys.map(\.stringValue).joined(separator: ".") }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context):
            return "key '\(path(context.codingPath + [key]))' is missing"
        case .valueNotFound(_, let context), .typeMismatch(_, let context):
            return context.codingPath.isEmpty ? "not a JSON object"
                : "key '\(path(context.codingPath))' has a value of the wrong kind"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON"
                : "key '\(path(context.codingPath))': \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}
