import Foundation
import LotseDomain
@testable import LotseStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small portfolios with the awkward values a store must keep exactly.
enum Fixture {
    static func month(_ text: String) -> YearMonth { YearMonth(text)! }

    /// A fixed clock: 2025-10-09T08:53:20Z.
    static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_760_000_000) }

    static func portfolio() -> Portfolio {
        Portfolio(
            municipalities: [
                Municipality(id: "kreis", name: "Landkreis Südheide", kind: .county, population: 140_512),
                Municipality(id: "dorf", name: "Großenwörden", kind: .municipality, population: 0),
            ],
            projects: [
                Project(id: "P2", municipalityID: "kreis", name: "Bürger-App „Heide“", field: .administration,
                        solutionKind: .offerOrSolution, phase: .establishment, owner: "Hauptamt",
                        start: month("2022-01"), fundingEnd: nil, fundingSource: "Haushalt",
                        budgetPlanned: Money(cents: 99), basicComponentCandidate: false, reusedByOthers: true,
                        continuation: .ownBudget),
                Project(id: "P1", municipalityID: "dorf", name: "Pegelsensoren", field: .water,
                        solutionKind: .digitalInfrastructure, phase: .experimentation, owner: "Bauamt",
                        start: month("2024-11"), fundingEnd: month("2027-06"), fundingSource: "MPSC",
                        budgetPlanned: Money(cents: 123_456_789_01), basicComponentCandidate: true),
            ],
            reports: [
                report("P1", "2025-02", progress: 100, at: Date(timeIntervalSinceReferenceDate: 760_000_000.123456789)),
                report("P1", "2025-01", progress: 0, at: Date(timeIntervalSinceReferenceDate: 757_000_000)),
                report("P2", "2024-12", progress: 55, at: Date(timeIntervalSinceReferenceDate: -31_000_000.75)),
            ],
            kpis: [
                KPI(id: "K2", projectID: "P1", name: "Messpunkte", unit: "Stk.", target: Decimal(string: "0.1")!,
                    direction: .higherIsBetter),
                KPI(id: "K1", projectID: "P2", name: "Antragsdauer", unit: "Tage",
                    target: Decimal(string: "123456789.000000001")!, direction: .lowerIsBetter),
            ],
            readings: [
                KPIReading(kpiID: "K2", month: month("2025-02"), value: Decimal(string: "-3.14159")!),
                KPIReading(kpiID: "K2", month: month("2025-01"), value: 0),
                KPIReading(kpiID: "K1", month: month("2024-12"), value: Decimal(string: "1e-20")!),
            ],
            risks: [
                Risk(id: "R1", projectID: "P2", title: "Personal fehlt", challenge: .staff, probability: 5,
                     impact: 1, measure: "", owner: "HR", isOpen: false),
                Risk(id: "R0", projectID: "P1", title: "Vergabe", challenge: .procurement, probability: 1,
                     impact: 5, measure: "Markterkundung", owner: "Vergabestelle"),
            ])
    }

    static func report(_ project: String, _ month: String, progress: Int, at date: Date,
                       overall: Light = .yellow) -> StatusReport {
        StatusReport(projectID: project, month: self.month(month), overall: overall, schedule: .green,
                     cost: .red, results: .yellow, progress: progress, achieved: "Ä\nö 'quoted' \"x\"",
                     nextSteps: "—", risksAndMeasures: "", spent: Money(cents: 12_345), author: "mmüller",
                     submittedAt: date)
    }

    static func store() throws -> SQLiteStore { try SQLiteStore.inMemory(now: clock) }

    static func filledStore() throws -> SQLiteStore {
        let store = try store()
        try store.replaceAll(with: portfolio(), by: "tester")
        return store
    }
}

/// A fresh folder under the temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("lotse-store-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Permission bits of a file or folder (stat, not FileManager, to see exactly what is set).
func mode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
}
