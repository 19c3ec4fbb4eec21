import Foundation

/// A PostgreSQL database named by a URL: `postgres://user@host:port/dbname?sslmode=require`
/// (also `postgresql://`). The password comes from the URL, else `PGPASSWORD`, else
/// `~/.pgpass` (or `PGPASSFILE`), as libpq finds it; `description` never shows it.
public struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
    public var user: String
    /// A host name, an address, or (starting with `/`) the folder of the server's socket.
    public var host: String
    public var port: Int
    public var database: String
    public var password: String?
    public var sslMode: SSLMode

    public enum SSLMode: String, Hashable, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"

        var wantsTLS: Bool { self != .disable && self != .allow }
        var requires: Bool { self == .require || self == .verifyCA || self == .verifyFull }
        var verifies: Bool { self == .verifyCA || self == .verifyFull }
    }

    public init(user: String, host: String = "127.0.0.1", port: Int = 5432, database: String,
                password: String? = nil, sslMode: SSLMode = .prefer) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.password = password
        self.sslMode = sslMode
    }

    /// Whether `text` names a PostgreSQL server rather than a file.
    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Reads a URL; the password is looked up in `environment` and the password file when
    /// the URL has none. `account` is the user when the URL names none (as libpq does).
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                account: String) throws {
        guard Self.isURL(text) else { throw PostgresLocationError.notAURL }
        let rest = text[text.range(of: "://")!.upperBound...]
        let (authority, pathAndQuery) = rest.firstIndex(of: "/").map { (rest[..<$0], rest[rest.index(after: $0)...]) }
            ?? (rest, Substring(""))
        let (path, query) = pathAndQuery.firstIndex(of: "?").map {
            (pathAndQuery[..<$0], pathAndQuery[pathAndQuery.index(after: $0)...])
        } ?? (pathAndQuery, Substring(""))

        var user = account
        var password: String?
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                user = try Self.decode(credentials[..<colon])
                password = try Self.decode(credentials[credentials.index(after: colon)...])
            } else {
                user = try Self.decode(credentials)
            }
        }
        guard !user.isEmpty else { throw PostgresLocationError.noUser }

        var host = "127.0.0.1"
        var port = 5432
        if hostPort.hasPrefix("[") {  // [::1]:5432
            guard let close = hostPort.firstIndex(of: "]") else { throw PostgresLocationError.badHost(String(hostPort)) }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { port = try Self.port(after.dropFirst()) } else if !after.isEmpty {
                throw PostgresLocationError.badHost(String(hostPort))
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = try Self.decode(hostPort[..<colon])
            port = try Self.port(hostPort[hostPort.index(after: colon)...])
        } else if !hostPort.isEmpty {
            host = try Self.decode(hostPort)
        }
        if host.isEmpty { host = "127.0.0.1" }

        var database = try Self.decode(path)
        var sslMode = SSLMode.prefer
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try Self.decode(parts[0])
            let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
            switch key {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else { throw PostgresLocationError.badSSLMode(value) }
                sslMode = mode
            case "host": host = value  // a socket folder: ?host=/var/run/postgresql
            case "port": port = try Self.port(Substring(value))
            case "dbname": database = value
            case "user": user = value
            case "application_name", "connect_timeout": break
            default: throw PostgresLocationError.unknownParameter(key)
            }
        }
        if database.isEmpty { database = user }
        if password == nil {
            password = environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
                ?? PasswordFile.lookup(host: host, port: port, database: database, user: user, environment: environment)
        }
        self.init(user: user, host: host, port: port, database: database, password: password, sslMode: sslMode)
    }

    /// The URL without the password: safe for messages, logs and the status line.
    public var description: String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        let socket = host.hasPrefix("/")
        var text = "postgres://\(Self.encode(user))@\(socket ? "" : hostText + ":\(port)")/\(Self.encode(database))"
        var query: [String] = []
        if socket { query.append("host=\(Self.encode(host))&port=\(port)") }
        if sslMode != .prefer { query.append("sslmode=\(sslMode.rawValue)") }
        if !query.isEmpty { text += "?" + query.joined(separator: "&") }
        return text
    }

    /// `text` (a URL as the user wrote it) with any password replaced by `***`, for messages
    /// about a URL that could not be read.
    public static func redacted(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@"),
              let colon = rest[..<at].firstIndex(of: ":") else { return text }
        return String(text[..<rest.index(after: colon)]) + "***" + String(text[at...])
    }

    private static func port(_ text: Substring) throws -> Int {
        guard let port = Int(text), (1...65_535).contains(port) else { throw PostgresLocationError.badPort(String(text)) }
        return port
    }

    private static func decode(_ text: Substring) throws -> String {
        guard let decoded = String(text).removingPercentEncoding else {
            throw PostgresLocationError.badEncoding(String(text))
        }
        return decoded
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/?#"))) ?? text
    }
}

/// Why a database URL cannot be used; never carries the password.
public enum PostgresLocationError: Error, Hashable, Sendable {
    case notAURL
    case noUser
    case badHost(String)
    case badPort(String)
    case badSSLMode(String)
    case badEncoding(String)
    case unknownParameter(String)
}

/// `~/.pgpass` (or `PGPASSFILE`): lines `host:port:database:user:password`, `*` matching
/// anything, `\:` and `\\` escaped, `#` comments. Like libpq, a file readable by others is
/// ignored.
enum PasswordFile {
    static func lookup(host: String, port: Int, database: String, user: String,
                       environment: [String: String]) -> String? {
        let path = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.pgpass" }
        guard let path else { return nil }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return lookup(in: text, host: host, port: port, database: database, user: user)
    }

    static func lookup(in text: String, host: String, port: Int, database: String, user: String) -> String? {
        // libpq matches a socket connection against "localhost".
        let hostKey = host.hasPrefix("/") ? "localhost" : host
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(line)
            guard fields.count == 5 else { continue }
            let wanted = [hostKey, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    private static func split(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for c in line {
            if escaped { current.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == ":" {
                fields.append(current); current = ""
            } else { current.append(c) }
        }
        fields.append(current)
        return fields
    }
}
