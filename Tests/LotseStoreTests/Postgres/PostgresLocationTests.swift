import Foundation
import Testing
@testable import LotsePostgres

@Suite("A PostgreSQL URL")
struct PostgresLocationTests {
    let none: [String: String] = [:]

    @Test func readsEveryPart() throws {
        let l = try PostgresLocation(url: "postgres://anna@db.example.org:6543/lotse?sslmode=require",
                                     environment: none, account: "x")
        #expect(l.user == "anna" && l.host == "db.example.org" && l.port == 6543 && l.database == "lotse")
        #expect(l.sslMode == .require && l.password == nil)
    }

    @Test func fillsTheDefaultsAsLibpqDoes() throws {
        let l = try PostgresLocation(url: "postgresql://", environment: none, account: "aschmidt")
        #expect(l.user == "aschmidt" && l.host == "127.0.0.1" && l.port == 5432 && l.database == "aschmidt")
        #expect(l.sslMode == .prefer)
    }

    @Test func neverShowsThePassword() throws {
        let l = try PostgresLocation(url: "postgres://anna:geheim%21@localhost/lotse", environment: none, account: "x")
        #expect(l.password == "geheim!")
        #expect(!l.description.contains("geheim"))
        #expect(l.description == "postgres://anna@localhost:5432/lotse")
        #expect(!"\(l)".contains("geheim") && !String(reflecting: PostgresLocationError.badPort("1")).contains("geheim"))
    }

    @Test func takesThePasswordFromTheEnvironmentThenThePasswordFile() throws {
        let env = ["PGPASSWORD": "aus-env"]
        #expect(try PostgresLocation(url: "postgres://a@h/d", environment: env, account: "x").password == "aus-env")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/pgpass"
        try "# comment\nother:5432:d:a:falsch\nh:5432:*:a:rich\\:tig\n".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        #expect(try PostgresLocation(url: "postgres://a@h/d", environment: ["PGPASSFILE": file], account: "x")
            .password == "rich:tig")
        // A password file others can read is ignored, as libpq ignores it.
        chmod(file, 0o644)
        #expect(try PostgresLocation(url: "postgres://a@h/d", environment: ["PGPASSFILE": file], account: "x")
            .password == nil)
    }

    @Test func refusesWhatItCannotUse() {
        #expect(throws: PostgresLocationError.badPort("99999")) {
            try PostgresLocation(url: "postgres://a@h:99999/d", environment: none, account: "x")
        }
        #expect(throws: PostgresLocationError.badSSLMode("maybe")) {
            try PostgresLocation(url: "postgres://a@h/d?sslmode=maybe", environment: none, account: "x")
        }
        #expect(throws: PostgresLocationError.unknownParameter("colour")) {
            try PostgresLocation(url: "postgres://a@h/d?colour=blue", environment: none, account: "x")
        }
        #expect(throws: PostgresLocationError.notAURL) {
            try PostgresLocation(url: "/var/lib/lotse.sqlite", environment: none, account: "x")
        }
        #expect(!PostgresLocation.isURL("postgres.sqlite") && PostgresLocation.isURL("PostgreSQL://h/d"))
    }

    @Test func readsASocketFolderAndAnIPv6Address() throws {
        let socket = try PostgresLocation(url: "postgres://a@/d?host=/var/run/postgresql", environment: none, account: "x")
        #expect(socket.host == "/var/run/postgresql")
        #expect(socket.description == "postgres://a@/d?host=%2Fvar%2Frun%2Fpostgresql&port=5432")
        let v6 = try PostgresLocation(url: "postgres://a@[::1]:5433/d", environment: none, account: "x")
        #expect(v6.host == "::1" && v6.port == 5433)
    }
}
