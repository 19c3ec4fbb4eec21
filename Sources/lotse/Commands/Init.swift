import ArgumentParser
import Foundation
import LotseDomain
import LotseStore
import LotseUI

/// `lotse init [PATH]`: creates a new, empty database — the only way besides the default
/// location's first run, so that a mistyped `--db` never makes one.
struct Init: ParsableCommand, HasGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, empty database (folder 0700, file 0600; with --shared 2770 and 0660).")

    @Argument(help: ArgumentHelp("Where to create it (default: --db, $LOTSE_DB, else the default location).",
                                 valueName: "path"))
    var path: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let access = AccessStrings.forLanguage(language)
        // A server's database exists already (made by its administrator): init makes the schema.
        var options = global
        if let path { options.db = path }
        if let server = try options.serverLocation() {
            _ = try options.openStore(forWriting: true, quiet: true)  // connecting migrates
            print(ServerStrings.forLanguage(language).schemaReady(server.description))
            return
        }
        let target: String
        do {
            target = try DatabaseLocation.resolve(explicit: path ?? global.db, environment: global.environment)
        } catch let error as DatabaseLocationError {
            throw CLIError(GlobalOptions.describe(error, access))
        }
        guard !FileManager.default.fileExists(atPath: target) else { throw CLIError(access.initExists(target)) }
        do {
            _ = try DatabaseLocation.prepare(path: target, shared: global.shared)
            _ = try DatabaseLocation.check(path: target, mayCreate: false, readOnly: false, shared: global.shared)
        } catch let error as DatabaseLocationError {
            throw CLIError(GlobalOptions.describe(error, access))
        }
        try SQLiteStore(path: target).close()  // the schema
        print(access.initCreated(target))
    }
}
