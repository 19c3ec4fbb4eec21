import Foundation

/// Who makes a change: the operating-system account running Lotse, and the name the
/// person chose to be shown with (`LOTSE_NAME`). The account identifies; the name only
/// labels, so a wrong or missing name never gives anyone another person's drafts.
public struct Author: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The login name of the account (from the password database, not from `$USER`).
    public var account: String
    /// The display name, without control characters; nil when none was configured.
    public var name: String?

    public init(account: String, name: String? = nil) {
        self.account = account
        let cleaned = name.map(Self.clean) ?? ""
        self.name = cleaned.isEmpty || cleaned == account ? nil : cleaned
    }

    /// An author known only by the account (tests, tools).
    public init(stringLiteral account: String) { self.init(account: account) }

    /// "Anna Schmidt (aschmidt)", or "aschmidt" without a name: what the database records
    /// as `changed_by` and the screens show.
    public var label: String { name.map { "\($0) (\(account))" } ?? account }

    /// The longest display name kept; a name is a label, not a text.
    public static let maxNameLength = 80

    /// Control characters and line breaks removed, outer blanks trimmed, length bounded.
    static func clean(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }
        let trimmed = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
        return String(trimmed.prefix(maxNameLength))
    }
}

/// Somebody's draft of a report, with who writes it and since when (for "X is editing").
public struct AuthoredDraft: Hashable, Sendable {
    public var draft: ReportDraft
    public var author: Author
    /// When this author began the draft.
    public var startedAt: Date
    /// The draft's last keystroke.
    public var changedAt: Date

    public init(draft: ReportDraft, author: Author, startedAt: Date, changedAt: Date) {
        self.draft = draft
        self.author = author
        self.startedAt = startedAt
        self.changedAt = changedAt
    }
}
