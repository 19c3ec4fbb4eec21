extension StoreSchema {
    // MARK: - v14-radar-in-status

    // Two questions of the overview's first frame read whole rows for a few columns:
    //
    // - The funding radar sums, over the projects whose funding ends within two years
    //   (a third of them), the planned budget less what was spent. It read each of those
    //   project rows and each status row (which carries the search text) in full. The
    //   status row now also keeps the project's planned budget and its office, and one
    //   index on the status rows holds every column the radar asks for the newest month.
    //   For an earlier month the index on the project's funding end holds the project's
    //   part of the question.
    // - "Red, or worse than the month before" scanned every status row. An index on the
    //   light, the newest report's month and the light before it finds the red projects
    //   and the yellow ones that were green before, each as one range of the index.
    static let v14RadarInStatus = """
        ALTER TABLE project_status ADD COLUMN budget_planned_cents INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE project_status ADD COLUMN owner TEXT NOT NULL DEFAULT '';
        UPDATE project_status SET (budget_planned_cents, owner) =
            (SELECT budget_planned_cents, owner FROM project WHERE id = project_status.project_id);
        CREATE INDEX project_status_by_funding_radar
            ON project_status(funding_end_month, continuation, budget_planned_cents, spent_cents, owner)
            WHERE funding_end_month IS NOT NULL;
        CREATE INDEX project_status_by_change ON project_status(light_rank, latest_month, previous_rank);
        DROP INDEX project_by_funding_end;
        CREATE INDEX project_by_funding_end
            ON project(funding_end_month, continuation, budget_planned_cents, owner, id)
            WHERE funding_end_month IS NOT NULL;
        """
}
