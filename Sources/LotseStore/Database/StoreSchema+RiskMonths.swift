extension StoreSchema {
    // MARK: - v10-risk-months

    // The month a risk was recorded (`raised_month`) and the month it was closed
    // (`closed_month`, only for closed risks). Both are NULL for risks stored before months
    // were kept, so existing databases stay readable and nothing is invented for them.
    // Whether a closed month belongs to a closed risk and lies not before the raised month is
    // checked when data comes in (the validators), like the other rules between columns.
    static let v10RiskMonths = """
        ALTER TABLE risk ADD COLUMN raised_month TEXT
            CHECK (raised_month IS NULL OR (\(monthCheck("raised_month"))));
        ALTER TABLE risk ADD COLUMN closed_month TEXT
            CHECK (closed_month IS NULL OR (\(monthCheck("closed_month"))));
        """
}
