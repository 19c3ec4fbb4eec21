import Foundation
import LotseDomain
import LotseStore
import Testing
@testable import LotsePostgres

/// Who may do what on a shared database, enforced by the server: a municipality's role
/// changes only its own rows (row-level security), a viewer nothing, the county everything.
@Suite("PostgreSQL roles and row-level security")
struct RowSecurityTests {
    /// Runs `sql` as `session`; the server's refusal, or nil when it went through.
    static func refusal(_ sql: String, _ session: PGSession) -> PGError? {
        do {
            try session.query(sql)
            return nil
        } catch let error as PGError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func aMunicipalityCannotWriteAnotherMunicipalitysRowsWithHandWrittenSQL() throws {
        let f = try RowSecurityFixture()
        defer { f.close() }
        let anna = try f.session(as: f.anna)
        defer { anna.close() }
        let before = try f.contents()
        let writes = RowSecurityFixture.writes(municipality: "nachbarort", n: 2)
        for sql in writes {
            let error = Self.refusal(sql, anna)
            #expect(error?.isPermissionRefusal == true, "went through or failed otherwise: \(sql) → \(String(describing: error))")
        }
        // Taking another's project over, or giving one's own away, is refused too.
        #expect(Self.refusal("UPDATE project SET municipality_id = 'musterstadt' WHERE id = 'p2'", anna)?
            .isPermissionRefusal == true)
        #expect(Self.refusal("UPDATE project SET municipality_id = 'nachbarort' WHERE id = 'p1'", anna)?
            .isPermissionRefusal == true)
        #expect(try f.contents() == before)
        // A refusal of a foreign row names the municipality it belongs to.
        let named = Self.refusal("DELETE FROM risk WHERE id = 'r2'", anna)
        #expect(named?.refusedMunicipality == "nachbarort")
    }

    @Test func aMunicipalityChangesItsOwnRows() throws {
        let f = try RowSecurityFixture()
        defer { f.close() }
        let anna = try f.session(as: f.anna)
        defer { anna.close() }
        // Everything but the municipality table itself, which only the county writes.
        let own = RowSecurityFixture.writes(municipality: "musterstadt", n: 1).filter { !$0.contains("municipality (id") && !$0.contains("UPDATE municipality") && !$0.contains("DELETE FROM municipality") }
        for sql in own {
            let before = try f.contents()
            #expect(Self.refusal(sql, anna) == nil, "refused: \(sql)")
            #expect(try f.contents() != before, "changed nothing: \(sql)")
        }
        #expect(Self.refusal("UPDATE municipality SET population = 2 WHERE id = 'musterstadt'", anna)?
            .isPermissionRefusal == true)
    }

    @Test func aMunicipalityThatReadsOnlyItsOwnDoesNotSeeTheOthers() throws {
        let f = try RowSecurityFixture()
        defer { f.close() }
        let bert = try f.session(as: f.bert)
        let anna = try f.session(as: f.anna)
        defer { bert.close(); anna.close() }
        for table in RowSecurityFixture.tables {
            let all = try RowSecurityFixture.count(table, f.owner)
            #expect(all == 2 && all > 0, "\(table)")
            #expect(try RowSecurityFixture.count(table, bert) == 1, "\(table)")
            #expect(try RowSecurityFixture.count(table, anna) == all, "\(table)")
        }
        #expect(try bert.query("SELECT DISTINCT municipality_id FROM project")[0].decode(String.self) == "musterstadt")
        // What it cannot see, it cannot change either: nothing happens.
        let before = try f.contents()
        _ = Self.refusal("UPDATE project SET name = 'x' WHERE id = 'p2'", bert)
        _ = Self.refusal("DELETE FROM status_report WHERE project_id = 'p2'", bert)
        #expect(Self.refusal("INSERT INTO kpi_reading VALUES ('k2', '2026-03', '1', 'x', '2026-01-01T00:00:00Z')", bert)?
            .isPermissionRefusal == true)
        #expect(try f.contents() == before)
        // The store's portfolio holds its own municipality only.
        let store = try f.store(as: f.bert)
        defer { store.close() }
        let portfolio = try store.loadPortfolio()
        #expect(portfolio.projects.map(\.id) == ["p1"])
        #expect(portfolio.municipalities.map(\.id) == ["musterstadt"])
    }

    @Test func aViewerReadsEverythingAndWritesNothing() throws {
        let f = try RowSecurityFixture()
        defer { f.close() }
        let vera = try f.session(as: f.vera)
        defer { vera.close() }
        for table in RowSecurityFixture.tables {
            #expect(try RowSecurityFixture.count(table, vera) == RowSecurityFixture.count(table, f.owner), "\(table)")
        }
        let before = try f.contents()
        for sql in RowSecurityFixture.writes(municipality: "musterstadt", n: 1)
            + RowSecurityFixture.writes(municipality: "nachbarort", n: 2) {
            #expect(Self.refusal(sql, vera)?.isPermissionRefusal == true, "\(sql)")
        }
        #expect(Self.refusal("TRUNCATE project CASCADE", vera)?.isPermissionRefusal == true)
        #expect(try f.contents() == before)
    }

    @Test func theCountyWritesEverything() throws {
        let f = try RowSecurityFixture()
        defer { f.close() }
        let kurt = try f.session(as: f.kurt)
        defer { kurt.close() }
        for sql in RowSecurityFixture.writes(municipality: "nachbarort", n: 2) {
            let before = try f.contents()
            #expect(Self.refusal(sql, kurt) == nil, "refused: \(sql)")
            #expect(try f.contents() != before, "changed nothing: \(sql)")
        }
    }

    @Test func revokingTakesTheRightsAway() throws {
        let f = try RowSecurityFixture()
        defer { f.close() }
        #expect(try f.ownerStore.revoke(f.anna))
        #expect(try !f.ownerStore.revoke(f.anna))
        let anna = try f.session(as: f.anna)
        defer { anna.close() }
        // Without the schema's USAGE the search path skips it: name the tables in full.
        let read = Self.refusal("SELECT * FROM lotse.project", anna)
        #expect(read?.isPermissionRefusal == true, "\(String(describing: read))")
        let write = Self.refusal("UPDATE lotse.project SET name = 'x' WHERE id = 'p1'", anna)
        #expect(write?.isPermissionRefusal == true, "\(String(describing: write))")
        #expect(try !f.ownerStore.roleGrants().contains { $0.role == f.anna })
    }

    @Test func theStoreTellsARefusedWriteAndWhatTheRoleMayWrite() throws {
        let f = try RowSecurityFixture()
        defer { f.close() }
        let report = StatusReport(projectID: "p2", month: YearMonth(year: 2026, month: 3)!, overall: .red, schedule: .red,
                                  cost: .red, results: .red, progress: 5, spent: Money(cents: 1), author: "anna",
                                  submittedAt: Date(timeIntervalSince1970: 1_770_000_000))
        let before = try f.contents()

        let anna = try f.store(as: f.anna)
        defer { anna.close() }
        #expect(try anna.writableMunicipalities() == .some(["musterstadt"]))
        #expect(throws: StoreError.writeRefused(path: anna.location.description, municipality: "nachbarort")) {
            try anna.save(report: report, by: "anna")
        }
        #expect(throws: StoreError.writeRefused(path: anna.location.description, municipality: "nachbarort")) {
            try anna.saveDraft(ReportDraft(projectID: "p2", month: report.month), by: Author(account: "anna"))
        }
        // Its own project takes the report.
        var own = report
        own.projectID = "p1"
        try anna.save(report: own, by: "anna")

        let vera = try f.store(as: f.vera)
        defer { vera.close() }
        #expect(try vera.writableMunicipalities() == WriteScope.none)
        own.month = YearMonth(year: 2026, month: 4)!
        #expect(throws: StoreError.writeRefused(path: vera.location.description, municipality: nil)) {
            try vera.save(report: own, by: "vera")
        }
        let kurt = try f.store(as: f.kurt)
        defer { kurt.close() }
        #expect(try kurt.writableMunicipalities() == .all)
        #expect(try f.ownerStore.writableMunicipalities() == .all)
        try kurt.save(report: report, by: "kurt")

        let after = try f.contents()
        #expect(after["status_report"] != before["status_report"])
        #expect(try f.owner.query("SELECT project_id, month FROM status_report WHERE changed_by <> 'fixture' ORDER BY 1")
            .map { try $0.decode((String, String).self) }.map { "\($0.0) \($0.1)" } == ["p1 2026-03", "p2 2026-03"])
        #expect(after["report_draft"] == before["report_draft"])
    }

    @Test func grantsAreListedAndBadGrantsChangeNothing() throws {
        let f = try RowSecurityFixture()
        defer { f.close() }
        let grants = try f.ownerStore.roleGrants()
        #expect(grants.filter { $0.role.hasSuffix(f.suffix) } == [
            RoleGrant(role: f.kurt, access: .county, canLogin: true),
            RoleGrant(role: f.anna, access: .municipality(id: "musterstadt", readsAll: true), canLogin: true),
            RoleGrant(role: f.bert, access: .municipality(id: "musterstadt", readsAll: false), canLogin: true),
            RoleGrant(role: f.vera, access: .viewer, canLogin: true),
        ])
        #expect(throws: RoleAdminError.unknownMunicipality("gibtsnicht")) {
            try f.ownerStore.grant(.municipality(id: "gibtsnicht", readsAll: true), to: f.anna)
        }
        #expect(throws: RoleAdminError.unrestrictable(f.location.user)) {
            try f.ownerStore.grant(.viewer, to: f.location.user)
        }
        let group = try f.ownerStore.groupRole(.county)
        #expect(throws: RoleAdminError.groupRole(group)) { try f.ownerStore.grant(.viewer, to: group) }
        #expect(throws: RoleAdminError.badRoleName("")) { try f.ownerStore.grant(.viewer, to: "") }
        // A municipality's role may not hand out rights.
        let anna = try f.store(as: f.anna)
        defer { anna.close() }
        #expect(throws: RoleAdminError.notAdministrator(f.anna)) { try anna.grant(.county, to: f.anna) }
        #expect(try f.ownerStore.roleGrants() == grants)
        // Changing a role's rights replaces the old ones.
        try f.ownerStore.grant(.viewer, to: f.anna)
        #expect(try f.ownerStore.roleGrants().first { $0.role == f.anna }?.access == .viewer)
        let annaNow = try f.session(as: f.anna)
        defer { annaNow.close() }
        #expect(Self.refusal("UPDATE project SET name = 'x' WHERE id = 'p1'", annaNow)?.isPermissionRefusal == true)
    }
}
