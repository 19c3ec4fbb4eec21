import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

extension PostgresStore: ContinuationTransfer {
    public func restoreContinuations(_ reviews: [SubmittedContinuation]) throws {
        try perform {
            try session.transaction {
                for submitted in reviews {
                    let review = submitted.review
                    let a = review.answers
                    var binds = PostgresBindings()
                    binds.append(review.projectID)
                    binds.append(submitted.version.revision)
                    for answer in [a.goal, a.reached, a.approach, a.planAndResources, a.ownBudget, a.againOrDifferently,
                                   a.reuse] {
                        binds.append(answer)
                    }
                    binds.append(review.decision.rawValue)
                    binds.append(review.followUpAmount?.cents)
                    binds.append(review.followUpSource)
                    binds.append(review.followUpFrom?.description)
                    binds.append(review.basicComponent)
                    binds.append(review.decidedBy)
                    binds.append(review.decidedOn.map(DayText.iso))
                    binds.append(submitted.version.changedBy)
                    binds.append(StoredText.timestamp(submitted.version.changedAt))
                    let stored = try session.query("""
                        INSERT INTO continuation_review (project_id, revision, goal, reached, approach,
                            plan_and_resources, own_budget, again_or_differently, reuse, decision, follow_up_cents,
                            follow_up_source, follow_up_from, basic_component, decided_by, decided_on, changed_by,
                            changed_at)
                        SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18
                        WHERE EXISTS (SELECT 1 FROM project WHERE id = $1)
                        RETURNING 1
                        """, binds)
                    if stored.isEmpty { throw StoreError.unknownProject(review.projectID) }
                }
            }
        }
    }
}
