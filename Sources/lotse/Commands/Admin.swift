import ArgumentParser
import Foundation
import LotseDomain
import LotsePostgres
import LotseStore
import LotseUI

/// `lotse admin grant|revoke|list`: who may do what on a shared PostgreSQL database
/// (`--db postgres://…`). The server enforces it (roles, row-level security); see
/// docs/POSTGRES.md for the same in SQL.
struct Admin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Roles on a PostgreSQL database: who may read and change which municipality's data.",
        subcommands: [Grant.self, Revoke.self, ListRoles.self])

    struct Grant: ParsableCommand, HasGlobalOptions {
        static let configuration = CommandConfiguration(
            commandName: "grant",
            abstract: "Give a database role the rights of the county, a viewer or one municipality.",
            discussion: "A role that does not exist is made as a LOGIN role, without a password unless "
                + "--password-stdin gives one. The role's earlier Lotse rights are replaced.")

        @Argument(help: "The database role (login name).")
        var role: String

        @Flag(help: "Read and change everything.")
        var county = false

        @Flag(help: "Read everything, change nothing.")
        var viewer = false

        @Option(help: ArgumentHelp("Change only this municipality's data.", valueName: "id"))
        var municipality: String?

        @Flag(help: "With --municipality: read only its own data, not the other municipalities'.")
        var readsOwnOnly = false

        @Flag(help: "Read the password of a new role from standard input (one line).")
        var passwordStdin = false

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let texts = AdminStrings.forLanguage(language)
            let chosen = [county, viewer, municipality != nil].filter { $0 }.count
            guard chosen == 1 else { throw CLIError(texts.chooseOneAccess) }
            if readsOwnOnly && municipality == nil { throw CLIError(texts.readsOwnOnlyNeedsMunicipality) }
            let access: LotseAccess = county ? .county : viewer ? .viewer
                : .municipality(id: municipality!, readsAll: !readsOwnOnly)
            var password: String?
            if passwordStdin {
                password = readLine(strippingNewline: true)
                guard let given = password, !given.isEmpty else { throw CLIError(texts.emptyPassword) }
            }
            let store = try Admin.open(global, texts)
            defer { store.close() }
            try Admin.refusing(texts) { try store.grant(access, to: role, password: password) }
            print(texts.granted(role, Admin.describe(access, texts)))
        }
    }

    struct Revoke: ParsableCommand, HasGlobalOptions {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Take every Lotse right from a database role.")

        @Argument(help: "The database role.")
        var role: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let texts = AdminStrings.forLanguage(language)
            let store = try Admin.open(global, texts)
            defer { store.close() }
            let had = try Admin.refusing(texts) { try store.revoke(role) }
            print(had ? texts.revoked(role) : texts.hadNothing(role))
        }
    }

    struct ListRoles: ParsableCommand, HasGlobalOptions {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every role with Lotse rights.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let texts = AdminStrings.forLanguage(language)
            let store = try Admin.open(global, texts)
            defer { store.close() }
            let grants = try store.roleGrants()
            guard !grants.isEmpty else { print(texts.nobody); return }
            let rows = grants.map {
                [SafeText.forTerminal($0.role), Admin.describe($0.access, texts), $0.canLogin ? texts.yes : texts.no]
            }
            print(Admin.table(header: [texts.colRole, texts.colAccess, texts.colLogin], rows: rows))
        }
    }

    /// Opens the server `--db` or `LOTSE_DB` names (migrating it, as every command does).
    static func open(_ global: GlobalOptions, _ texts: AdminStrings) throws -> PostgresStore {
        let named = (global.db ?? "").isEmpty ? global.environment["LOTSE_DB"] ?? "" : global.db ?? ""
        guard try global.serverLocation() != nil,
              let store = try global.openStore(forWriting: true, quiet: true).engine as? PostgresStore else {
            throw CLIError(texts.needsServer(named))
        }
        return store
    }

    /// Runs `body`, telling a refusal in the command's language.
    static func refusing<T>(_ texts: AdminStrings, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RoleAdminError {
            switch error {
            case .badRoleName(let r): throw CLIError(texts.badRoleName(r))
            case .unknownMunicipality(let id): throw CLIError(texts.unknownMunicipality(id))
            case .unrestrictable(let r): throw CLIError(texts.unrestrictable(r))
            case .groupRole(let r): throw CLIError(texts.groupRole(r))
            case .notAdministrator(let r): throw CLIError(texts.notAdministrator(r))
            }
        }
    }

    static func describe(_ access: LotseAccess, _ texts: AdminStrings) -> String {
        switch access {
        case .county: texts.accessCounty
        case .viewer: texts.accessViewer
        case .municipality(let id, let readsAll): texts.accessMunicipality(SafeText.forTerminal(id), readsAll)
        }
    }

    /// Columns padded to their widest cell (display width: umlauts are one column).
    static func table(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
