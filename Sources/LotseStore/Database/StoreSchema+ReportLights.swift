extension StoreSchema {
    // MARK: - v11-report-lights

    // The overview's list of projects red or worse than the month before asks, for every
    // project, for the light of its newest report up to that month; so do the table's
    // "previous light" and the trend strips. The (project_id, month) key alone sends each
    // such look-up on to the report's row with its long texts, a page of the file per
    // project (some 13 000 pages read by a new process's first screen at 10 000
    // projects). This index carries the light with the key, so the look-up ends in a
    // small index of about 1 500 pages.
    static let v11ReportLights = """
        CREATE INDEX status_report_lights ON status_report(project_id, month, overall);
        """
}
