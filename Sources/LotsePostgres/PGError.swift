import Foundation
import PostgresNIO

/// What went wrong talking to PostgreSQL, reduced to what a caller can act on: the
/// SQLSTATE and the server's message, or why no connection came about. Never carries a
/// password.
public struct PGError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// No connection: server not reachable, authentication failed, database missing.
        case connect
        /// The server refused the statement (see `sqlState`).
        case server
        /// The connection broke off while waiting.
        case connectionLost
        /// A value from the server could not be read into the expected type.
        case decoding
    }

    public var kind: Kind
    /// The five-character SQLSTATE for server errors (`42501` insufficient privilege, …).
    public var sqlState: String?
    /// The server's message, or the reason the connection failed.
    public var message: String
    /// The table the error concerns, when the server names one.
    public var table: String?

    public init(kind: Kind, sqlState: String? = nil, message: String, table: String? = nil) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.table = table
    }

    init(_ error: any Error, sql: String) {
        if let e = error as? PGError { self = e; return }
        if let e = error as? PSQLError {
            if let info = e.serverInfo {
                self.init(kind: .server, sqlState: info[.sqlState], message: info[.message] ?? "\(e.code)",
                          table: info[.tableName])
                return
            }
            switch e.code {
            case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
                self.init(kind: .connectionLost, message: Self.reason(e))
            default:
                self.init(kind: .server, message: Self.reason(e))
            }
            return
        }
        if error is PostgresDecodingError {
            self.init(kind: .decoding, message: "\(error)")
            return
        }
        self.init(kind: .connectionLost, message: "\(error)")
    }

    init(connect error: any Error) {
        if let e = error as? PSQLError {
            if let info = e.serverInfo {
                self.init(kind: .connect, sqlState: info[.sqlState], message: info[.message] ?? "\(e.code)")
            } else {
                self.init(kind: .connect, message: Self.reason(e))
            }
        } else {
            self.init(kind: .connect, message: "\(error)")
        }
    }

    private static func reason(_ error: PSQLError) -> String {
        if let underlying = error.underlying { return "\(underlying)" }
        return "\(error.code)"
    }

    /// The server refused for lack of privilege: a missing grant or a row-level security
    /// policy (both SQLSTATE 42501).
    public var isPermissionRefusal: Bool { sqlState == "42501" }
    /// A serializable transaction lost to a concurrent one (40001) or a deadlock (40P01).
    public var isSerializationFailure: Bool { sqlState == "40001" || sqlState == "40P01" }
    /// A CHECK, NOT NULL, UNIQUE or foreign key refused the row (class 23).
    public var isConstraintViolation: Bool { sqlState?.hasPrefix("23") == true }
    /// The database named in the URL does not exist (3D000).
    public var isMissingDatabase: Bool { sqlState == "3D000" }

    public var description: String {
        [sqlState.map { "[\($0)]" }, Optional(message)].compactMap { $0 }.joined(separator: " ")
    }
}
