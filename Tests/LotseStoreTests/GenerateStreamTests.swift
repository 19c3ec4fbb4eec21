import Foundation
import LotseDomain
import Testing
@testable import LotseStore

@Suite("Generating a portfolio file value by value")
struct GenerateStreamTests {
    /// What the writer puts into a file.
    static func written(_ body: (PortfolioStreamWriter) throws -> Void) throws -> Data {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("out.json")
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        let writer = try PortfolioStreamWriter(descriptor: fd, temporaryDirectory: folder.path)
        try body(writer)
        close(fd)
        // The sections waited in files without names: nothing is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"])
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    static func written(_ p: Portfolio) throws -> Data {
        try written { w in
            for m in p.municipalities { try w.add(m) }
            for v in p.projects { try w.add(v) }
            for v in p.reports { try w.add(v) }
            for v in p.kpis { try w.add(v) }
            for v in p.readings { try w.add(v) }
            for v in p.risks { try w.add(v) }
            try w.finish()
        }
    }

    static func encoded(_ p: Portfolio) throws -> Data {
        try PortfolioCoding.encoder().encode(p) + Data("\n".utf8)
    }

    /// FNV-1a, 64 bits: a fingerprint of a file without a crypto library.
    static func fingerprint(_ data: Data) -> UInt64 {
        data.reduce(0xCBF2_9CE4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }

    @Test func writesExactlyWhatTheEncoderWrites() throws {
        var awkward = Fixture.portfolio()
        awkward.projects[0].name = "Tab\there, \"quotes\", back\\slash, a/b, bell \u{7}, \u{1F}, ✓ 🚲"
        awkward.risks[0].measure = "line\nbreak\r\u{8}\u{C}"
        #expect(try Self.written(awkward) == Self.encoded(awkward))
        #expect(try Self.written(Fixture.portfolio()) == Self.encoded(Fixture.portfolio()))
        #expect(try Self.written(Portfolio()) == Self.encoded(Portfolio()))
        let sample = try SampleData.load()
        #expect(try Self.written(sample) == Self.encoded(sample))
    }

    @Test(arguments: [(1, 1, 1, 3), (60, 7, 12, 9), (250, 30, 36, 1)])
    func generatorWritesWhatTheEncoderWritesOfTheWholePortfolio(projects: Int, municipalities: Int, months: Int,
                                                                seed: UInt64) throws {
        let end = YearMonth(year: 2026, month: 11)!
        let plan = SyntheticPortfolio.Plan(projects: projects, municipalities: municipalities, months: months,
                                           endingAt: end, seed: seed)
        let whole = SyntheticPortfolio.make(projects: projects, municipalities: municipalities, months: months,
                                            endingAt: end, seed: seed)
        #expect(try Self.written { try plan.write(to: $0) } == Self.encoded(whole))
    }

    /// Files written by `lotse generate` before it wrote project by project (same options,
    /// same bytes): size and fingerprint, so no later change shifts a single value. The risks'
    /// months came later: without them the file is byte for byte the earlier one.
    @Test(arguments: [
        (200, 20, 12, "2026-11", 1 as UInt64, 1_588_458, 0xA96F_5571_6A8C_1BA6 as UInt64),
        (40, 3, 5, "2025-02", 1, 159_549, 0xD209_B0B0_16B4_92EC),
        (19, 1, 3, "2026-11", 5, 58_274, 0x7FEC_79BB_8CC7_FEE5),
    ])
    func sameOptionsGiveTheSameFileAsBefore(projects: Int, municipalities: Int, months: Int, today: String,
                                            seed: UInt64, size: Int, fingerprint: UInt64) throws {
        let plan = SyntheticPortfolio.Plan(projects: projects, municipalities: municipalities, months: months,
                                           endingAt: YearMonth(today)!, seed: seed)
        let data = try Self.written { try plan.write(to: $0) }
        let text = String(decoding: data, as: UTF8.self)
        let withoutMonths = Data(text.replacing(#/"(raised|closed)" ?: ?"[0-9]{4}-[0-9]{2}",\s*/#, with: "").utf8)
        #expect(withoutMonths.count < data.count, "the risks have months")
        #expect(withoutMonths.count == size)
        #expect(Self.fingerprint(withoutMonths) == fingerprint)
        let current = Self.current[today + " \(projects) \(seed)"]
        #expect(current?.size == data.count && current?.fingerprint == Self.fingerprint(data),
                "now \(data.count) bytes, fingerprint \(String(Self.fingerprint(data), radix: 16))")
    }

    /// The same files with the risks' months, as written now.
    static let current: [String: (size: Int, fingerprint: UInt64)] = [
        "2026-11 200 1": (1_601_590, 0x5853_44F6_F183_2D7A),
        "2025-02 40 1": (161_789, 0xCB17_FA34_F145_126A),
        "2026-11 19 5": (59_366, 0x1150_DBA7_D38C_F888),
    ]

    @Test func makingProjectsAgainGivesTheSameProjects() {
        let plan = SyntheticPortfolio.Plan(projects: 30, municipalities: 4, months: 6,
                                           endingAt: YearMonth(year: 2026, month: 11)!, seed: 3)
        var first: [String] = [], second: [String] = []
        plan.forEachProject { first.append("\($0.project.id) \($0.reports.count) \($0.readings.count)") }
        plan.forEachProject { second.append("\($0.project.id) \($0.reports.count) \($0.readings.count)") }
        #expect(first == second)
        #expect(first.count == 30)
    }
}
