extension PostgresSchema {
    /// Migrations for who may do what (roles, grants, row-level security).
    static var roleMigrations: [(identifier: String, sql: String)] { [] }
}
