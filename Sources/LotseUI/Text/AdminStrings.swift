import LotseDomain

/// The texts of `lotse admin` (who may do what on a shared PostgreSQL database). German
/// first; both tables list every value. A write the database refused is told by
/// `ServerStrings.writeRefused`.
public struct AdminStrings: Sendable {
    public var language: Language

    /// `lotse admin` works on a server only: (what --db / LOTSE_DB named).
    public var needsServer: @Sendable (_ given: String) -> String
    /// Exactly one of --county, --viewer, --municipality.
    public var chooseOneAccess: String
    /// --reads-own-only goes with --municipality only.
    public var readsOwnOnlyNeedsMunicipality: String
    /// --password-stdin read nothing.
    public var emptyPassword: String
    /// (role)
    public var badRoleName: @Sendable (_ role: String) -> String
    /// (municipality id)
    public var unknownMunicipality: @Sendable (_ id: String) -> String
    /// (role)
    public var unrestrictable: @Sendable (_ role: String) -> String
    /// (role)
    public var groupRole: @Sendable (_ role: String) -> String
    /// (the connection's role)
    public var notAdministrator: @Sendable (_ role: String) -> String

    /// Done: (role, what it may now).
    public var granted: @Sendable (_ role: String, _ access: String) -> String
    /// (role)
    public var revoked: @Sendable (_ role: String) -> String
    /// (role)
    public var hadNothing: @Sendable (_ role: String) -> String
    /// `lotse admin list` with nobody.
    public var nobody: String

    /// What a role may: the county.
    public var accessCounty: String
    /// What a role may: a viewer.
    public var accessViewer: String
    /// What a role may: a municipality (id, reads all?).
    public var accessMunicipality: @Sendable (_ id: String, _ readsAll: Bool) -> String
    /// Column headings of `lotse admin list`.
    public var colRole: String
    public var colAccess: String
    public var colLogin: String
    public var yes: String
    public var no: String

    public static func forLanguage(_ l: Language) -> AdminStrings {
        switch l {
        case .german: .german
        case .english: .english
        }
    }

    public static let german = AdminStrings(
        language: .german,
        needsServer: { "„lotse admin“ verwaltet Rollen auf einem PostgreSQL-Server; „\($0)“ ist keine postgres://-Adresse (--db oder LOTSE_DB)." },
        chooseOneAccess: "Bitte genau eines angeben: --county, --viewer oder --municipality ID.",
        readsOwnOnlyNeedsMunicipality: "--reads-own-only gilt nur zusammen mit --municipality ID.",
        emptyPassword: "--password-stdin: auf der Standardeingabe kam kein Passwort an; nichts wurde geändert.",
        badRoleName: { "„\($0)“ ist kein Rollenname (1–63 Bytes, keine Steuerzeichen)." },
        unknownMunicipality: { "Eine Kommune „\($0)“ gibt es in dieser Datenbank nicht; nichts wurde geändert." },
        unrestrictable: { "Die Rolle „\($0)“ ist Superuser oder Eigentümerin der Tabellen; für sie gelten keine Zeilenrechte. Bitte eine eigene Rolle anlegen; nichts wurde geändert." },
        groupRole: { "„\($0)“ ist eine Gruppenrolle von Lotse selbst; Rechte bekommen Anmelderollen. Nichts wurde geändert." },
        notAdministrator: { "Die Rolle „\($0)“ darf keine Rechte vergeben: das darf die Eigentümerin der Datenbanktabellen (mit CREATEROLE für neue Rollen). Nichts wurde geändert." },
        granted: { "„\($0)“ darf jetzt: \($1)." },
        revoked: { "„\($0)“ hat keine Rechte in Lotse mehr (die Rolle selbst bleibt bestehen)." },
        hadNothing: { "„\($0)“ hatte keine Rechte in Lotse; nichts wurde geändert." },
        nobody: "Noch hat keine Rolle Rechte in Lotse (außer der Eigentümerin der Tabellen).",
        accessCounty: "alles lesen und ändern (Landkreis)",
        accessViewer: "alles lesen, nichts ändern",
        accessMunicipality: { "die Daten von \($0) ändern, " + ($1 ? "alle Kommunen lesen" : "nur die eigenen lesen") },
        colRole: "Rolle",
        colAccess: "Rechte",
        colLogin: "Anmeldung",
        yes: "ja",
        no: "nein")

    public static let english = AdminStrings(
        language: .english,
        needsServer: { "'lotse admin' manages roles on a PostgreSQL server; '\($0)' is not a postgres:// address (--db or LOTSE_DB)." },
        chooseOneAccess: "Please give exactly one of --county, --viewer or --municipality ID.",
        readsOwnOnlyNeedsMunicipality: "--reads-own-only goes with --municipality ID only.",
        emptyPassword: "--password-stdin: no password arrived on standard input; nothing was changed.",
        badRoleName: { "'\($0)' is not a role name (1–63 bytes, no control characters)." },
        unknownMunicipality: { "There is no municipality '\($0)' in this database; nothing was changed." },
        unrestrictable: { "The role '\($0)' is a superuser or owns the tables; row-level rights do not apply to it. Please make a role of its own; nothing was changed." },
        groupRole: { "'\($0)' is one of Lotse's own group roles; rights go to login roles. Nothing was changed." },
        notAdministrator: { "The role '\($0)' may not grant rights: the owner of the database tables may (with CREATEROLE for new roles). Nothing was changed." },
        granted: { "'\($0)' may now: \($1)." },
        revoked: { "'\($0)' has no rights in Lotse any more (the role itself remains)." },
        hadNothing: { "'\($0)' had no rights in Lotse; nothing was changed." },
        nobody: "No role has rights in Lotse yet (besides the owner of the tables).",
        accessCounty: "read and change everything (county)",
        accessViewer: "read everything, change nothing",
        accessMunicipality: { "change the data of \($0), " + ($1 ? "read all municipalities" : "read only its own") },
        colRole: "Role",
        colAccess: "Rights",
        colLogin: "Login",
        yes: "yes",
        no: "no")
}
