import Testing
@testable import LotseDomain

@Suite struct PortfolioEvidenceTests {
    /// The figures of `Fixture.portfolio` in 2026-11, worked out on paper.
    @Test func sharesOfTheFixturePortfolio() {
        let e = PortfolioEvidence(portfolio: Fixture.portfolio, month: Fixture.now)
        #expect(e.projectCount == 5)
        // C runs in regular operation.
        #expect(e.inEstablishment == .init(part: 1, whole: 5))
        // Funding ends by 2027-10 or has ended: A, B, D, E; only E (stopped) is decided.
        #expect(e.continuationDecided == .init(part: 1, whole: 4))
        // A, B and C owe a report for 2026-11 (D starts later, E is stopped); C has none.
        #expect(e.reportsDelivered == .init(part: 2, whole: 3))
        #expect(e.reusedByOthers == 0 && e.basicComponentCandidates == 0)
        #expect(e.reportsDelivered.value == 2.0 / 3)
    }

    @Test func fundingEndingAfterTheHorizonIsNotCounted() {
        var p = Fixture.portfolio
        p.projects = [Fixture.project("X", end: "2027-11"), Fixture.project("Y", end: "2027-10", continuation: .ownBudget)]
        let e = PortfolioEvidence(portfolio: p, month: Fixture.now)
        #expect(e.continuationDecided == .init(part: 1, whole: 1))
    }

    @Test func countsOnlyTheGivenMunicipality() {
        var p = Fixture.portfolio
        var other = Fixture.project("Z", phase: .establishment)
        other.municipalityID = "n"
        other.reusedByOthers = true
        other.basicComponentCandidate = true
        p.projects.append(other)
        let all = PortfolioEvidence(portfolio: p, month: Fixture.now)
        #expect(all.projectCount == 6 && all.reusedByOthers == 1 && all.basicComponentCandidates == 1)
        let m = PortfolioEvidence(portfolio: p, month: Fixture.now, municipalityID: "m")
        #expect(m.projectCount == 5 && m.reusedByOthers == 0)
        let n = PortfolioEvidence(portfolio: p, month: Fixture.now, municipalityID: "n")
        #expect(n.inEstablishment == .init(part: 1, whole: 1))
    }

    @Test func anEmptyPortfolioHasNoSharesAndContradictsNothing() {
        let e = PortfolioEvidence(portfolio: Portfolio(), month: Fixture.now)
        #expect(e.inEstablishment.value == nil)
        #expect(e.contradictions(placedIn: .establishment) == [])
    }

    @Test func contradictionsGrowWithThePlacedPhase() {
        let e = PortfolioEvidence(portfolio: Fixture.portfolio, month: Fixture.now)
        #expect(e.contradictions(placedIn: .experimentation) == [])
        #expect(e.contradictions(placedIn: .transfer) == [.continuationDecided, .reportsOnTime])
        #expect(e.contradictions(placedIn: .establishment) == [.establishment, .continuationDecided, .reportsOnTime])
    }
}
