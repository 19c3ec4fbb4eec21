import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL cluster of its own in a temporary folder, for tests and benchmarks: made
/// with `initdb`, listening on a free port of 127.0.0.1 with trust authentication, and
/// removed again by `stop()`. As root (initdb refuses root) the server runs as the
/// `postgres` system account through `runuser`.
public final class ThrowawayCluster: @unchecked Sendable {
    public let folder: String
    public let port: Int
    /// The superuser every database of the cluster belongs to.
    public let superuser = "lotse_admin"
    private let binaries: String
    private let runAs: String?
    private let lock = NSLock()
    private var stopped = false

    /// Why a cluster could not be started; `description` says what to install or check.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Makes and starts a cluster. `durable: false` (tests) turns off fsync and
    /// synchronous commits, which a throw-away cluster does not need.
    public init(durable: Bool = false) throws {
        guard let binaries = Self.findBinaries() else {
            throw StartError(description: "PostgreSQL server programs (initdb, pg_ctl) not found in PATH or "
                             + "/usr/lib/postgresql/*/bin; install them: apt-get install postgresql")
        }
        self.binaries = binaries
        runAs = geteuid() == 0 ? "postgres" : nil
        var template = Array("/tmp/lotse-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw StartError(description: "cannot make a temporary folder: \(String(cString: strerror(errno)))")
        }
        folder = String(cString: made)
        port = Self.freePort()
        do {
            if let runAs {
                guard let account = getpwnam(runAs) else {
                    throw StartError(description: "running as root, but there is no '\(runAs)' account to run the server")
                }
                guard chown(folder, account.pointee.pw_uid, account.pointee.pw_gid) == 0 else {
                    throw StartError(description: "cannot hand \(folder) to \(runAs): \(String(cString: strerror(errno)))")
                }
            }
            try run("initdb", ["-D", folder + "/data", "-U", superuser, "--auth=trust", "--encoding=UTF8",
                               "--locale=C", "--no-sync"])
            var options = "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c max_connections=200"
            if !durable { options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" }
            try run("pg_ctl", ["-D", folder + "/data", "-o", options, "-l", folder + "/server.log", "-w", "-t", "60",
                               "start"])
        } catch {
            let log = (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(atPath: folder)
            if let e = error as? StartError, !log.isEmpty {
                throw StartError(description: e.description + "\nserver log:\n" + log)
            }
            throw error
        }
    }

    deinit { stop() }

    /// The URL of database `database` as `user` (the superuser by default).
    public func location(database: String = "postgres", user: String? = nil) -> PostgresLocation {
        PostgresLocation(user: user ?? superuser, host: "127.0.0.1", port: port, database: database, sslMode: .disable)
    }

    /// A new, empty database named `name`.
    public func createDatabase(_ name: String) throws {
        let admin = try PGSession(location())
        defer { admin.close() }
        try admin.execute("CREATE DATABASE \"\(name)\"")
    }

    /// Drops `name`, ending its connections.
    public func dropDatabase(_ name: String) {
        guard let admin = try? PGSession(location()) else { return }
        defer { admin.close() }
        try? admin.execute("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
    }

    /// Stops the server at once and removes its folder.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        try? run("pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs `program` and waits for it, its output into a file of the folder. posix_spawn and
    /// waitpid rather than Foundation's `Process`: the server that pg_ctl leaves running would
    /// inherit what `Process` watches to learn that its child ended, and the wait would last
    /// as long as the server.
    private func run(_ program: String, _ arguments: [String]) throws {
        let path = binaries + "/" + program
        let argv = runAs.map { ["/usr/sbin/runuser", "-u", $0, "--", path] } ?? [path]
        let outputPath = folder + "/\(program).out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let all = argv + arguments
        var cArguments = all.map { strdup($0) } + [nil]
        defer { for a in cArguments { free(a) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ)
        guard spawned == 0 else {
            throw StartError(description: "cannot run \(program): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            throw StartError(description: "\(program) failed (status \(status)): \(text)")
        }
    }

    /// The folder with `initdb` and `pg_ctl`: the PATH's, else Debian's newest version.
    static func findBinaries() -> String? {
        let fm = FileManager.default
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) {
            let initdb = folder + "/initdb"
            if fm.isExecutableFile(atPath: initdb), fm.isExecutableFile(atPath: folder + "/pg_ctl") {
                // Debian links /usr/local/bin/initdb → /usr/lib/postgresql/N/bin/initdb: use the real folder,
                // where the server binary lives too.
                let real = (try? fm.destinationOfSymbolicLink(atPath: initdb)).map {
                    $0.hasPrefix("/") ? $0 : folder + "/" + $0
                } ?? initdb
                return (real as NSString).deletingLastPathComponent
            }
        }
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >)
        for version in versions {
            let folder = "/usr/lib/postgresql/\(version)/bin"
            if fm.isExecutableFile(atPath: folder + "/initdb") { return folder }
        }
        return nil
    }

    /// A port nobody listens on now: the kernel's choice for a socket bound to port 0.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { return 54_320 + Int(getpid() % 500) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

extension ThrowawayCluster {
    private static let sharedCluster: Result<ThrowawayCluster, any Error> = {
        let result = Result { try ThrowawayCluster() }
        if case .success = result { atexit { ThrowawayCluster.stopShared() } }
        return result
    }()

    /// One cluster for the whole process, started at first use and stopped when the process
    /// ends (tests of several targets share it). Throws the reason it could not start.
    public static func shared() throws -> ThrowawayCluster {
        try sharedCluster.get()
    }

    private static func stopShared() {
        if case .success(let cluster) = sharedCluster { cluster.stop() }
    }

    /// A new, empty database of the shared cluster and a way to drop it again.
    public static func freshDatabase() throws -> (location: PostgresLocation, drop: @Sendable () -> Void) {
        let cluster = try shared()
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try cluster.createDatabase(name)
        return (cluster.location(database: name), { cluster.dropDatabase(name) })
    }
}
