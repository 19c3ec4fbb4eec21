extension StoreSchema {
    // MARK: - v12-overview-tallies

    // The overview's first frame counts every project (by phase, with its budget and
    // whether it owes a report in a month) and every open risk (by challenge and score).
    // Even over covering indexes that is one evaluated row per project and per risk, some
    // 20 ms at 10 000 projects and 16 000 risks, paid by every new process. Both counts
    // depend on a few columns with few distinct values, so they are kept here, grouped:
    //
    // - `project_tally`: projects and planned budget per phase, first month and, for a
    //   project whose funding stops, the month it ends (`stop_month`, '' for the others):
    //   all the overview needs to count who owes a report in any month. A few hundred rows.
    // - `open_risk_tally`: open risks per challenge and score (probability × impact), at
    //   most 10 × 25 rows.
    //
    // Triggers keep them in the same statement as every write to `project` and `risk`,
    // whoever writes; a group is removed when its count reaches zero. The months a risk
    // was raised or closed get indexes, so the month's new and closed risks are two
    // ranges of an index instead of a pass over every risk.
    //
    // The value 'beenden' is `ContinuationDecision.stop` spelled out, as released
    // migrations never follow an enum.
    /// SQL: a project row's stop month (`row` is `NEW` or `OLD`).
    private static func stopMonth(_ row: String) -> String {
        "CASE WHEN \(row).continuation = 'beenden' AND \(row).funding_end_month IS NOT NULL"
            + " THEN \(row).funding_end_month ELSE '' END"
    }

    private static let addProject = """
        INSERT INTO project_tally (phase, start_month, stop_month, projects, budget_planned_cents)
            VALUES (NEW.phase, NEW.start_month, \(stopMonth("NEW")), 1, NEW.budget_planned_cents)
            ON CONFLICT (phase, start_month, stop_month) DO UPDATE
            SET projects = projects + 1, budget_planned_cents = budget_planned_cents + excluded.budget_planned_cents;
        """
    private static let removeProject = """
        UPDATE project_tally SET projects = projects - 1, budget_planned_cents = budget_planned_cents - OLD.budget_planned_cents
            WHERE phase = OLD.phase AND start_month = OLD.start_month AND stop_month = \(stopMonth("OLD"));
        DELETE FROM project_tally
            WHERE projects = 0 AND phase = OLD.phase AND start_month = OLD.start_month AND stop_month = \(stopMonth("OLD"));
        """
    private static let addRisk = """
        INSERT INTO open_risk_tally (challenge, score, risks)
            SELECT NEW.challenge, NEW.probability * NEW.impact, 1 WHERE NEW.is_open = 1
            ON CONFLICT (challenge, score) DO UPDATE SET risks = risks + 1;
        """
    private static let removeRisk = """
        UPDATE open_risk_tally SET risks = risks - 1
            WHERE OLD.is_open = 1 AND challenge = OLD.challenge AND score = OLD.probability * OLD.impact;
        DELETE FROM open_risk_tally
            WHERE risks = 0 AND challenge = OLD.challenge AND score = OLD.probability * OLD.impact;
        """

    static let v12OverviewTallies = """
        CREATE TABLE project_tally (
            phase TEXT NOT NULL,
            start_month TEXT NOT NULL,
            stop_month TEXT NOT NULL,
            projects INTEGER NOT NULL,
            budget_planned_cents INTEGER NOT NULL,
            PRIMARY KEY (phase, start_month, stop_month)
        ) WITHOUT ROWID;
        CREATE TABLE open_risk_tally (
            challenge TEXT NOT NULL,
            score INTEGER NOT NULL,
            risks INTEGER NOT NULL,
            PRIMARY KEY (challenge, score)
        ) WITHOUT ROWID;

        CREATE TRIGGER project_tally_insert AFTER INSERT ON project BEGIN
            \(addProject)
        END;
        CREATE TRIGGER project_tally_delete AFTER DELETE ON project BEGIN
            \(removeProject)
        END;
        CREATE TRIGGER project_tally_update
            AFTER UPDATE OF phase, start_month, continuation, funding_end_month, budget_planned_cents ON project BEGIN
            \(removeProject)
            \(addProject)
        END;
        CREATE TRIGGER open_risk_tally_insert AFTER INSERT ON risk BEGIN
            \(addRisk)
        END;
        CREATE TRIGGER open_risk_tally_delete AFTER DELETE ON risk BEGIN
            \(removeRisk)
        END;
        CREATE TRIGGER open_risk_tally_update AFTER UPDATE OF challenge, probability, impact, is_open ON risk BEGIN
            \(removeRisk)
            \(addRisk)
        END;

        \(rebuildTallies)

        CREATE INDEX risk_by_raised_month ON risk(raised_month) WHERE raised_month IS NOT NULL;
        CREATE INDEX risk_closed_by_month ON risk(closed_month) WHERE is_open = 0 AND closed_month IS NOT NULL;
        """

    /// Counts both tallies afresh from `project` and `risk`.
    static let rebuildTallies = """
        DELETE FROM project_tally;
        INSERT INTO project_tally (phase, start_month, stop_month, projects, budget_planned_cents)
            SELECT phase, start_month, CASE WHEN continuation = 'beenden' AND funding_end_month IS NOT NULL
                                            THEN funding_end_month ELSE '' END AS stop,
                   count(*), sum(budget_planned_cents)
            FROM project GROUP BY phase, start_month, stop;
        DELETE FROM open_risk_tally;
        INSERT INTO open_risk_tally (challenge, score, risks)
            SELECT challenge, probability * impact AS score, count(*) FROM risk WHERE is_open = 1
            GROUP BY challenge, score;
        """
}
