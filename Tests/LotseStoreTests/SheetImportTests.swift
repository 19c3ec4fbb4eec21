import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// `lotse import FILE.csv` on the store: projects merged by id, all or nothing.
@Suite("Sheet import")
struct SheetImportTests {
    private func sheet(_ text: String) throws -> PortfolioSheet { try PortfolioSheet.read(Array(text.utf8)) }

    @Test func addsNewChangesGivenColumnsAndKeepsTheRest() throws {
        let store = try Fixture.filledStore()
        let before = try store.loadPortfolio()
        let outcome = try store.apply(sheet("""
            ID;Projekt;Kommune;Handlungsfeld;Lösungsart;Phase;Amt;Start;Budget (€)
            P1;;;;;;;;2.500,00
            P2;Bürger-App „Heide“;;;;;;;
            P9;Neue Ladesäulen;Großenwörden;Energie;Digitale Infrastruktur;1;Bauamt;2026-09;10.000

            """), by: "anna")
        #expect(outcome == SheetOutcome(added: ["P9"], changed: ["P1"], unchanged: 1))
        let after = try store.loadPortfolio()
        let p1 = try #require(after.projects.first { $0.id == "P1" })
        var expected = try #require(before.projects.first { $0.id == "P1" })
        expected.budgetPlanned = Money(euros: 2500)
        #expect(p1 == expected, "only the budget changed")
        let p9 = try #require(after.projects.first { $0.id == "P9" })
        #expect(p9.municipalityID == "dorf" && p9.field == .energy && p9.continuation == .open && p9.fundingEnd == nil)
        #expect(after.reports == before.reports, "reports stay")
        #expect(after.projects.count == before.projects.count + 1)
    }

    @Test func aDryRunSaysTheSameAndChangesNothing() throws {
        let store = try Fixture.filledStore()
        let before = try store.loadPortfolio()
        let text = "ID;Projekt;Budget\nP1;Umbenannt;1\n"
        let dry = try store.apply(sheet(text), by: "anna", dryRun: true)
        #expect(try store.loadPortfolio() == before)
        let real = try store.apply(sheet(text), by: "anna")
        #expect(dry == real)
        #expect(dry.changed == ["P1"])
        #expect(try store.loadPortfolio() != before)
    }

    @Test func anUnknownMunicipalityOrAnIncompleteNewProjectChangesNothing() throws {
        let store = try Fixture.filledStore()
        let before = try store.loadPortfolio()
        let error = try #require(throws: PortfolioSheet.Refusal.self) {
            try store.apply(sheet("ID;Projekt;Kommune\nP1;Umbenannt;dorf\nP2;x;Atlantis\nP7;Neu;kreis\n"), by: "anna")
        }
        #expect(error.problems.map(\.kind) == [
            .unknownMunicipality(found: "Atlantis"),
            .missingForNewProject([.field, .solutionKind, .phase, .owner, .start, .budget]),
        ])
        #expect(error.problems.map(\.line) == [3, 4])
        #expect(try store.loadPortfolio() == before, "P1's valid change was not written either")
    }

    @Test func aMunicipalityByNameAndAFundingEndThatWouldPrecedeTheStart() throws {
        let store = try Fixture.filledStore()
        let p1 = try #require(try store.loadPortfolio().projects.first { $0.id == "P1" })
        _ = try store.apply(sheet("ID;Kommune\nP1;landkreis südheide\n"), by: "anna")
        #expect(try store.loadPortfolio().projects.first { $0.id == "P1" }?.municipalityID == "kreis")
        // The sheet gives only the end; the start in the database is later.
        let before = p1.start.adding(months: -1)
        let error = try #require(throws: PortfolioSheet.Refusal.self) {
            try store.apply(sheet("ID;Förderende\nP1;\(before)\n"), by: "anna")
        }
        #expect(error.problems.map(\.kind) == [.fundingEndBeforeStart(start: p1.start, end: before)])
    }
}
