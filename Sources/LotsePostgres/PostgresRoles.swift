import Foundation
import LotseStore
import PostgresNIO

/// What a database role may do in Lotse (see `PostgresSchema.v3Roles`).
public enum LotseAccess: Hashable, Sendable {
    /// Reads and writes every municipality's data.
    case county
    /// Reads everything, writes nothing.
    case viewer
    /// Writes the municipality `id`'s data; reads the others' too when `readsAll`.
    case municipality(id: String, readsAll: Bool)
}

/// One role with Lotse rights, as `PostgresStore.roleGrants()` lists it.
public struct RoleGrant: Hashable, Sendable {
    public var role: String
    public var access: LotseAccess
    /// Whether the role can log in (else it is a group other roles belong to).
    public var canLogin: Bool

    public init(role: String, access: LotseAccess, canLogin: Bool) {
        self.role = role
        self.access = access
        self.canLogin = canLogin
    }
}

/// Why a grant or revoke was refused; nothing was changed.
public enum RoleAdminError: Error, Hashable, Sendable {
    /// Role names are 1…63 bytes without control characters.
    case badRoleName(String)
    /// There is no municipality with this id in the database.
    case unknownMunicipality(String)
    /// Superusers and the tables' owner are not subject to row-level security: a grant
    /// would promise a limit the server does not keep.
    case unrestrictable(String)
    /// The role is one of Lotse's own group roles.
    case groupRole(String)
    /// Only the tables' owner (who ran the migrations; CREATEROLE to make new roles) can
    /// grant and revoke: (the connection's role).
    case notAdministrator(String)
}

extension PostgresStore {
    /// The group role of `kind` in this database (`lotse_county_<db>`, …).
    public func groupRole(_ kind: PostgresSchema.RoleKind) throws -> String {
        try perform {
            var binds = PostgresBindings()
            binds.append(kind.rawValue)
            guard let row = try session.query("SELECT role_name FROM role_group WHERE kind = $1", binds).first else {
                throw StoreError.database(path: location.description, message: "no group role for \(kind.rawValue)")
            }
            return try row.decode(String.self)
        }
    }

    /// Gives `role` the rights of `access` in this database, replacing any Lotse rights it
    /// had. Makes `role` a LOGIN role when there is none of that name (with `password`, or
    /// without one when the server authenticates otherwise). All or nothing.
    public func grant(_ access: LotseAccess, to role: String, password: String? = nil) throws {
        try checkRoleName(role)
        try administer {
            try session.transaction {
                let exists = try refuseUnrestrictable(role)
                if case .municipality(let id, _) = access {
                    var binds = PostgresBindings()
                    binds.append(id)
                    if try session.query("SELECT 1 FROM municipality WHERE id = $1", binds).isEmpty {
                        throw RoleAdminError.unknownMunicipality(id)
                    }
                }
                if !exists {
                    var binds = PostgresBindings()
                    binds.append(role)
                    binds.append(password)
                    let statement = try session.query("""
                        SELECT CASE WHEN $2::text IS NULL THEN format('CREATE ROLE %I LOGIN', $1::text)
                                    ELSE format('CREATE ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) END
                        """, binds)[0].decode(String.self)
                    try session.query(statement)
                }
                _ = try removeAccess(role)
                let kind: PostgresSchema.RoleKind = switch access {
                case .county: .county
                case .viewer: .viewer
                case .municipality: .municipality
                }
                let group = try quoted(groupRoleName(kind)), member = try quoted(role)
                try session.query("GRANT \(group) TO \(member)")
                if case .municipality(let id, let readsAll) = access {
                    var binds = PostgresBindings()
                    binds.append(role)
                    binds.append(id)
                    binds.append(readsAll)
                    try session.query("INSERT INTO member (role_name, municipality_id, reads_all) VALUES ($1, $2, $3)", binds)
                }
            }
        }
    }

    /// Takes every Lotse right from `role` (the role itself stays: it may be used elsewhere).
    /// Returns whether it had any.
    @discardableResult
    public func revoke(_ role: String) throws -> Bool {
        try checkRoleName(role)
        return try administer {
            try session.transaction { try removeAccess(role) }
        }
    }

    /// Every role with Lotse rights in this database, by access (county, municipality,
    /// viewer) and name.
    public func roleGrants() throws -> [RoleGrant] {
        try perform {
            try session.query("""
                SELECT r.rolname::text, g.kind, m.municipality_id, coalesce(m.reads_all, true), r.rolcanlogin
                FROM role_group g
                JOIN pg_catalog.pg_roles gr ON gr.rolname = g.role_name
                JOIN pg_catalog.pg_auth_members am ON am.roleid = gr.oid
                JOIN pg_catalog.pg_roles r ON r.oid = am.member
                LEFT JOIN member m ON m.role_name = r.rolname
                ORDER BY array_position(ARRAY['county', 'municipality', 'viewer'], g.kind), r.rolname
                """).compactMap { row -> RoleGrant? in
                let (role, kind, municipality, readsAll, canLogin) = try row.decode((String, String, String?, Bool, Bool).self)
                let access: LotseAccess
                switch kind {
                case "county": access = .county
                case "viewer": access = .viewer
                default:
                    // A member of the group without a row in `member` may read nothing and write nothing.
                    guard let municipality else { return nil }
                    access = .municipality(id: municipality, readsAll: readsAll)
                }
                return RoleGrant(role: role, access: access, canLogin: canLogin)
            }
        }
    }

    // MARK: Parts

    /// Runs an administration step; a missing privilege becomes `notAdministrator`.
    private func administer<T>(_ body: () throws -> T) throws -> T {
        do {
            return try perform(body)
        } catch StoreError.writeRefused {
            throw RoleAdminError.notAdministrator(location.user)
        } catch let StoreError.database(_, message) where message.hasPrefix("[42501]") {
            throw RoleAdminError.notAdministrator(location.user)
        }
    }

    private func checkRoleName(_ role: String) throws {
        guard !role.isEmpty, role.utf8.count <= 63, !role.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw RoleAdminError.badRoleName(role) }
    }

    /// Refuses superusers, the tables' owner and Lotse's group roles; returns whether `role` exists.
    private func refuseUnrestrictable(_ role: String) throws -> Bool {
        var binds = PostgresBindings()
        binds.append(role)
        let rows = try session.query("""
            SELECT r.rolsuper OR r.oid = (SELECT relowner FROM pg_catalog.pg_class WHERE oid = 'project'::regclass),
                   EXISTS (SELECT 1 FROM role_group WHERE role_name = r.rolname)
            FROM pg_catalog.pg_roles r WHERE r.rolname = $1
            """, binds)
        guard let row = rows.first else { return false }
        let (unrestricted, isGroup) = try row.decode((Bool, Bool).self)
        if isGroup { throw RoleAdminError.groupRole(role) }
        if unrestricted { throw RoleAdminError.unrestrictable(role) }
        return true
    }

    /// Revokes the three groups from `role` and forgets its municipality; whether it had any.
    private func removeAccess(_ role: String) throws -> Bool {
        var binds = PostgresBindings()
        binds.append(role)
        let groups = try session.query("""
            SELECT g.role_name FROM role_group g
            JOIN pg_catalog.pg_roles gr ON gr.rolname = g.role_name
            JOIN pg_catalog.pg_auth_members am ON am.roleid = gr.oid
            JOIN pg_catalog.pg_roles r ON r.oid = am.member AND r.rolname = $1
            """, binds).map { try $0.decode(String.self) }
        for group in groups {
            let (groupName, member) = (try quoted(group), try quoted(role))
            try session.query("REVOKE \(groupName) FROM \(member)")
        }
        let forgotten = try session.query("DELETE FROM member WHERE role_name = $1 RETURNING 1", binds)
        return !groups.isEmpty || !forgotten.isEmpty
    }

    private func groupRoleName(_ kind: PostgresSchema.RoleKind) throws -> String {
        var binds = PostgresBindings()
        binds.append(kind.rawValue)
        return try session.query("SELECT role_name FROM role_group WHERE kind = $1", binds)[0].decode(String.self)
    }

    /// `name` as an SQL identifier, quoted by the server.
    private func quoted(_ name: String) throws -> String {
        var binds = PostgresBindings()
        binds.append(name)
        return try session.query("SELECT quote_ident($1)", binds)[0].decode(String.self)
    }
}
