import GRDB
import LotseDomain

extension SQLiteStore: ContinuationTransfer {
    public func restoreContinuations(_ reviews: [SubmittedContinuation]) throws {
        try perform {
            try writer.write { db in
                let insert = try db.cachedStatement(sql: Self.insertContinuationSQL)
                for review in reviews {
                    guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM project WHERE id = ?)",
                                            arguments: [review.review.projectID]) == true else {
                        throw StoreError.unknownProject(review.review.projectID)
                    }
                    try SQLiteBinding.run(insert, Self.continuationValues(review), db)
                }
            }
        }
    }
}
