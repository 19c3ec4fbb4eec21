import Foundation
import GRDB

/// Who changed a row last, and when (ISO 8601 UTC). Written with every row.
struct Audit: Hashable, Sendable {
    var changedBy: String
    var changedAt: String

    init(user: String, at date: Date) {
        changedBy = user
        changedAt = Timestamp.formatWholeSeconds(date)
    }

    init(_ reader: RowReader) throws {
        changedBy = try reader.string("changed_by")
        changedAt = try reader.string("changed_at")
    }

    func encode(to container: inout PersistenceContainer) {
        encodeColumns { container[$0] = $1 }
    }

    func encodeColumns(_ column: (String, (any DatabaseValueConvertible)?) -> Void) {
        column("changed_by", changedBy)
        column("changed_at", changedAt)
    }
}
