import LotseDomain

/// Texts about who may read and write the database: read-only use, the checks of the
/// database file and its folder, `lotse init`, and drafts of several authors. German is the
/// product's first language; both tables list every value.
public struct AccessStrings: Sendable {
    public var language: Language

    // MARK: Read-only

    /// Beside the database's path in the status line.
    public var readOnlyMarker: String
    /// A change was refused in the dashboard.
    public var readOnlyRefused: String
    /// A subcommand that writes was started on a database open for reading only.
    public var writeRefused: @Sendable (_ path: String) -> String
    /// `<path>` is opened for reading only, because …
    public var openedReadOnly: @Sendable (_ path: String, _ reason: String) -> String
    public var reasonFileNotWritable: String
    public var reasonFolderNotWritable: String
    /// The read-only file had to be opened as a snapshot.
    public var snapshotNote: String
    public var needsMigration: @Sendable (_ path: String) -> String

    // MARK: Where the database is

    public var unsupportedURL: @Sendable (_ scheme: String) -> String
    public var missing: @Sendable (_ path: String) -> String
    public var ownedByOther: @Sendable (_ path: String, _ owner: String) -> String
    public var writableByGroup: @Sendable (_ path: String) -> String
    public var writableByEverybody: @Sendable (_ path: String) -> String
    public var fileNotReadable: @Sendable (_ path: String) -> String
    public var readableByOthers: @Sendable (_ path: String) -> String
    /// The file at the path is no longer the one that was opened.
    public var databaseSwapped: @Sendable (_ path: String) -> String

    // MARK: init

    public var initCreated: @Sendable (_ path: String) -> String
    public var initExists: @Sendable (_ path: String) -> String

    // MARK: Drafts of several authors

    /// `<who>` has been editing this report since `<when>`.
    public var othersEditing: @Sendable (_ who: String, _ since: String) -> String
    /// Shown while another author's draft is on the form.
    public var viewingDraftOf: @Sendable (_ who: String) -> String
    /// Back on one's own draft.
    public var viewingOwnDraft: String
    /// A key was typed while another author's draft is shown.
    public var othersDraftReadOnly: String
    /// Label of the key that shows the other author's draft.
    public var showOthersDraftKey: String

    public static func forLanguage(_ l: Language) -> AccessStrings { l == .german ? .german : .english }

    public static let german = AccessStrings(
        language: .german,
        readOnlyMarker: "nur Lesen",
        readOnlyRefused: "Nur Lesen: nichts wurde gespeichert.",
        writeRefused: { "\($0) ist nur zum Lesen geöffnet; nichts wurde geändert." },
        openedReadOnly: { "Hinweis: \($0) wird nur zum Lesen geöffnet (\($1))." },
        reasonFileNotWritable: "die Datei ist für Sie nicht beschreibbar",
        reasonFolderNotWritable: "der Ordner ist für Sie nicht beschreibbar",
        snapshotNote: "Stand beim Öffnen; Änderungen anderer erscheinen erst beim nächsten Start.",
        needsMigration: { "\($0) muss erst aktualisiert werden; das kann nur ein Konto mit Schreibrecht (einmal lotse starten)." },
        unsupportedURL: { "\($0)://… ist eine Serveradresse, keine Datei: PostgreSQL wird noch nicht unterstützt. --db erwartet den Pfad einer SQLite-Datei." },
        missing: { "Die Datenbank \($0) gibt es nicht (Tippfehler?). Eine neue legt an: lotse init \($0)" },
        ownedByOther: { "\($0) gehört \($1), nicht Ihnen. Eine von einer Gruppe geteilte Datenbank braucht --shared (siehe README)." },
        writableByGroup: { "\($0) ist für die Gruppe beschreibbar. Eine von einer Gruppe geteilte Datenbank braucht --shared (siehe README)." },
        writableByEverybody: { "\($0) ist für alle beschreibbar; so eine Datenbank benutzt Lotse nicht (chmod o-w \($0))." },
        fileNotReadable: { "Die Datenbank \($0) ist für Sie nicht lesbar." },
        readableByOthers: { "Warnung: \($0) ist für andere lesbar (chmod 600 \($0) macht sie privat)." },
        databaseSwapped: { "Datenbank ersetzt oder gelöscht, nichts wird mehr gespeichert – bitte Lotse neu starten: \($0)" },
        initCreated: { "Neue Datenbank angelegt: \($0)" },
        initExists: { "\($0) gibt es schon; nichts wurde verändert." },
        othersEditing: { "\($0) bearbeitet diesen Bericht seit \($1)." },
        viewingDraftOf: { "Entwurf von \($0) – nur Lesen. F3: zurück zum eigenen Entwurf." },
        viewingOwnDraft: "Ihr eigener Entwurf.",
        othersDraftReadOnly: "Fremder Entwurf – nur Lesen. F3: zurück zum eigenen Entwurf.",
        showOthersDraftKey: "anderer Entwurf")

    public static let english = AccessStrings(
        language: .english,
        readOnlyMarker: "read-only",
        readOnlyRefused: "Read-only: nothing was saved.",
        writeRefused: { "\($0) is open for reading only; nothing was changed." },
        openedReadOnly: { "Note: \($0) is opened for reading only (\($1))." },
        reasonFileNotWritable: "the file is not writable for you",
        reasonFolderNotWritable: "the folder is not writable for you",
        snapshotNote: "As of opening; changes by others show at the next start.",
        needsMigration: { "\($0) needs an update first, which only an account with write access can make (start lotse once)." },
        unsupportedURL: { "\($0)://… is a server address, not a file: PostgreSQL is not supported yet. --db expects the path of an SQLite file." },
        missing: { "There is no database \($0) (a typo?). To create a new one: lotse init \($0)" },
        ownedByOther: { "\($0) belongs to \($1), not to you. A database shared by a group needs --shared (see README)." },
        writableByGroup: { "\($0) is writable by its group. A database shared by a group needs --shared (see README)." },
        writableByEverybody: { "\($0) is writable by everybody; Lotse does not use such a database (chmod o-w \($0))." },
        fileNotReadable: { "The database \($0) is not readable for you." },
        readableByOthers: { "Warning: \($0) is readable by others (chmod 600 \($0) makes it private)." },
        databaseSwapped: { "Database replaced or deleted, nothing is saved any more – please restart Lotse: \($0)" },
        initCreated: { "New database created: \($0)" },
        initExists: { "\($0) exists already; nothing was changed." },
        othersEditing: { "\($0) has been editing this report since \($1)." },
        viewingDraftOf: { "Draft of \($0) – read-only. F3: back to your own draft." },
        viewingOwnDraft: "Your own draft.",
        othersDraftReadOnly: "Someone else's draft – read-only. F3: back to your own draft.",
        showOthersDraftKey: "other draft")
}
