import LotseDomain

/// The texts of a database on a PostgreSQL server (`--db postgres://…`) and of moving a
/// portfolio between engines (`lotse migrate`). German first; both tables list every value.
/// A URL shown here never carries a password.
public struct ServerStrings: Sendable {
    public var language: Language

    /// The URL cannot be used: (url without password, reason).
    public var badURL: @Sendable (_ url: String, _ reason: String) -> String
    public var reasonNoUser: String
    public var reasonBadHost: @Sendable (String) -> String
    public var reasonBadPort: @Sendable (String) -> String
    public var reasonBadSSLMode: @Sendable (String) -> String
    public var reasonBadEncoding: @Sendable (String) -> String
    public var reasonUnknownParameter: @Sendable (String) -> String
    /// No connection: (url, the server's or the network's reason).
    public var cannotConnect: @Sendable (_ url: String, _ reason: String) -> String
    /// `--shared` is about files and folders; a server has its own rights.
    public var sharedIsForFiles: String
    /// A command that works on a database file only: (command).
    public var fileOnly: @Sendable (_ command: String) -> String
    /// `lotse init` on a server: the schema is made or already current: (url).
    public var schemaReady: @Sendable (_ url: String) -> String
    /// The server refused a write for lack of rights: (the municipality's name, when known).
    public var writeRefused: @Sendable (_ municipality: String?) -> String

    // MARK: lotse migrate

    /// Both sides are the same database.
    public var migrateSameDatabase: String
    /// The target already holds data: (target).
    public var migrateTargetNotEmpty: @Sendable (_ target: String) -> String
    /// The source does not exist: (source).
    public var migrateSourceMissing: @Sendable (_ source: String) -> String
    /// Done: (projects, reports, reviews, assessments, source, target).
    public var migrated: @Sendable (_ projects: Int, _ reports: Int, _ reviews: Int, _ assessments: Int,
                                    _ source: String, _ target: String) -> String
    /// The check after copying: both exports are identical.
    public var migrateVerified: String
    /// The check failed: (first differing line of the two exports). The target was emptied again.
    public var migrateMismatch: @Sendable (_ line: Int) -> String

    public static func forLanguage(_ l: Language) -> ServerStrings {
        switch l {
        case .german: .german
        case .english: .english
        }
    }

    public static let german = ServerStrings(
        language: .german,
        badURL: { "Die Datenbank-Adresse \($0) ist nicht verwendbar: \($1)." },
        reasonNoUser: "sie nennt keinen Benutzer",
        reasonBadHost: { "der Rechnername „\($0)“ ist unvollständig" },
        reasonBadPort: { "„\($0)“ ist kein Port (1–65535)" },
        reasonBadSSLMode: { "sslmode=\($0) gibt es nicht (disable, allow, prefer, require, verify-ca, verify-full)" },
        reasonBadEncoding: { "„\($0)“ ist falsch mit % kodiert" },
        reasonUnknownParameter: { "den Parameter „\($0)“ kennt Lotse nicht (sslmode, host, port, dbname, user)" },
        cannotConnect: { "Keine Verbindung zur Datenbank \($0): \($1)" },
        sharedIsForFiles: "--shared gilt für Datenbankdateien; auf einem Server regeln Rollen, wer was darf (siehe docs/POSTGRES.md).",
        fileOnly: { "„lotse \($0)“ arbeitet mit einer Datenbankdatei. Für einen Server: erst mit „lotse migrate“ in eine Datei holen, dort ändern und zurückbringen, oder „lotse export“ nutzen." },
        schemaReady: { "Die Datenbank \($0) ist für Lotse eingerichtet (Schema auf dem neuesten Stand)." },
        writeRefused: { name in
            "Nur Lesen" + (name.map { " für \($0)" } ?? "") + ": Ihre Datenbankrolle darf das nicht ändern; nichts wurde gespeichert."
        },
        migrateSameDatabase: "Quelle und Ziel sind dieselbe Datenbank.",
        migrateTargetNotEmpty: { "Das Ziel \($0) enthält schon Daten; Lotse überschreibt sie nicht. Bitte eine leere Datenbank angeben." },
        migrateSourceMissing: { "Die Quelle \($0) gibt es nicht." },
        migrated: { "\($0) Projekte, \($1) Berichte, \($2) Fortführungsprüfungen und \($3) Selbsteinschätzungen von \($4) nach \($5) übertragen." },
        migrateVerified: "Geprüft: der Export beider Datenbanken ist Byte für Byte gleich.",
        migrateMismatch: { "Die Exporte beider Datenbanken unterscheiden sich ab Zeile \($0); das Ziel wurde wieder geleert, die Quelle ist unverändert." })

    public static let english = ServerStrings(
        language: .english,
        badURL: { "The database address \($0) cannot be used: \($1)." },
        reasonNoUser: "it names no user",
        reasonBadHost: { "the host name '\($0)' is incomplete" },
        reasonBadPort: { "'\($0)' is not a port (1–65535)" },
        reasonBadSSLMode: { "there is no sslmode=\($0) (disable, allow, prefer, require, verify-ca, verify-full)" },
        reasonBadEncoding: { "'\($0)' is wrongly %-encoded" },
        reasonUnknownParameter: { "Lotse does not know the parameter '\($0)' (sslmode, host, port, dbname, user)" },
        cannotConnect: { "No connection to the database \($0): \($1)" },
        sharedIsForFiles: "--shared is about database files; on a server, roles decide who may do what (see docs/POSTGRES.md).",
        fileOnly: { "'lotse \($0)' works on a database file. For a server: fetch it into a file with 'lotse migrate', change it there and bring it back, or use 'lotse export'." },
        schemaReady: { "The database \($0) is set up for Lotse (schema up to date)." },
        writeRefused: { name in
            "Read only" + (name.map { " for \($0)" } ?? "") + ": your database role may not change this; nothing was saved."
        },
        migrateSameDatabase: "Source and target are the same database.",
        migrateTargetNotEmpty: { "The target \($0) already holds data; Lotse does not overwrite it. Please name an empty database." },
        migrateSourceMissing: { "The source \($0) does not exist." },
        migrated: { "Copied \($0) projects, \($1) reports, \($2) continuation reviews and \($3) self-assessments from \($4) to \($5)." },
        migrateVerified: "Checked: the exports of both databases are identical byte for byte.",
        migrateMismatch: { "The exports of the two databases differ from line \($0) on; the target was emptied again, the source is unchanged." })
}
