import Foundation

/// The texts the stores write for values that have no exact column type of their own, for
/// another engine that must store and read them exactly as SQLite does: timestamps
/// (`Timestamp`), the audit time (whole seconds) and exact decimals (`DecimalColumn`).
public enum StoredText {
    /// `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, reading back to the identical `Date`.
    public static func timestamp(_ date: Date) -> String { Timestamp.format(date) }

    /// The date `timestamp(_:)` wrote; nil for any other text.
    public static func date(_ text: String) -> Date? { Timestamp.parse(text) }

    /// The `changed_at` text of a write at `date` (whole seconds).
    public static func auditTime(_ date: Date) -> String { Timestamp.formatWholeSeconds(date) }

    /// The exact text of a decimal.
    public static func decimal(_ value: Decimal) -> String { DecimalColumn.format(value) }

    /// The decimal `decimal(_:)` wrote; nil for text that is not one number.
    public static func decimal(_ text: String) -> Decimal? { DecimalColumn.parse(text) }
}
