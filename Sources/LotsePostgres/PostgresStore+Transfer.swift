import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

extension PostgresStore: ContinuationTransfer {
    public func restoreContinuations(_ reviews: [SubmittedContinuation]) throws {
        try perform {
            try session.transaction {
                for submitted in reviews {
                    let binds = Self.reviewBinds(submitted.review, revision: submitted.version.revision,
                                                 changedBy: submitted.version.changedBy,
                                                 changedAt: StoredText.timestamp(submitted.version.changedAt))
                    let stored = try session.query("""
                        INSERT INTO continuation_review (\(Self.reviewColumns))
                        SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18
                        WHERE EXISTS (SELECT 1 FROM project WHERE id = $1)
                        RETURNING 1
                        """, binds)
                    if stored.isEmpty { throw StoreError.unknownProject(submitted.review.projectID) }
                }
            }
        }
    }
}
