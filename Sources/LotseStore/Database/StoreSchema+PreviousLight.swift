extension StoreSchema {
    // MARK: - v13-previous-light

    // "Red, or worse than the month before" asks, for every yellow project, for the light
    // of its newest report before the month: one look-up in the reports per project, some
    // 2 400 of them at 10 000 projects, paid by the overview's first frame. The status row
    // now keeps the light of the report before the newest (`previous_rank`, as
    // `light_rank` counts, NULL without one), so for the newest month the answer is in
    // the row. `DerivedData` keeps it with the rest of the row.
    static let v13PreviousLight = """
        ALTER TABLE project_status ADD COLUMN previous_rank INTEGER;
        UPDATE project_status SET previous_rank = (
            SELECT CASE overall WHEN 'rot' THEN 2 WHEN 'gelb' THEN 1 WHEN 'gruen' THEN 0 END
            FROM status_report
            WHERE project_id = project_status.project_id AND month < project_status.latest_month
            ORDER BY month DESC LIMIT 1);
        """
}
