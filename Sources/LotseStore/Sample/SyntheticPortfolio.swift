import Foundation
import LotseDomain

/// A large, made-up portfolio of a county and its municipalities, for `lotse generate`,
/// tests and benchmarks. Deterministic: the same arguments give the same portfolio on every
/// machine and Swift version (its own random generator and arithmetic, no system randomness,
/// no clock, no `Calendar`).
///
/// What it holds: municipality 1 is the county (Landkreis), about a fifth of the others are
/// towns; projects spread over all of them (every municipality gets one while there are
/// enough), in all 19 fields, three phases and four kinds of solution. Monthly reports over
/// `months` months ending with `endingAt`, from each project's start; traffic lights that
/// mostly stay as they were last month; overall lights consistent with the part lights;
/// progress that never falls; some reports missing (more in the latest month); KPIs with
/// readings moving towards their targets; risks by challenge, some closed; ends of funding
/// spread from a year ago to four years ahead, decided more often the nearer they are.
/// Passes `PortfolioValidator`.
public enum SyntheticPortfolio {
    /// - Parameters:
    ///   - projects: number of projects (negative counts as 0).
    ///   - municipalities: number of municipalities, the county included (at least 1).
    ///   - months: months of reports (at least 1), ending with `endingAt`.
    ///   - seed: different seeds give different portfolios.
    public static func make(projects: Int, municipalities: Int, months: Int, endingAt: YearMonth,
                            seed: UInt64) -> Portfolio {
        let plan = Plan(projects: projects, municipalities: municipalities, months: months, endingAt: endingAt,
                        seed: seed)
        var out = Portfolio(municipalities: plan.municipalities)
        out.projects.reserveCapacity(plan.projectCount)
        out.reports.reserveCapacity(plan.projectCount * (plan.window.last.ordinal - plan.window.first.ordinal + 1))
        plan.forEachProject { made in
            out.projects.append(made.project)
            out.kpis += made.kpis
            out.reports += made.reports
            out.readings += made.readings
            out.risks += made.risks
        }
        return out
    }

    /// One project with everything that belongs to it.
    public struct MadeProject: Sendable {
        public var project: Project
        public var kpis: [KPI] = []
        public var reports: [StatusReport] = []
        public var readings: [KPIReading] = []
        public var risks: [Risk] = []
    }

    /// The portfolio before its projects are made: the municipalities and how many projects
    /// each gets. `forEachProject` makes the projects one at a time, in the order of
    /// `make`, so a portfolio of any size can be written with constant memory; running it
    /// again gives the same projects.
    public struct Plan: Sendable {
        public let municipalities: [Municipality]
        public let projectCount: Int
        let window: Window
        let seed: UInt64
        let places: [Place]
        let counts: [Int]

        /// The arguments of `make`.
        public init(projects: Int, municipalities: Int, months: Int, endingAt: YearMonth, seed: UInt64) {
            projectCount = max(0, projects)
            window = Window(first: endingAt.adding(months: -(max(1, months) - 1)), last: endingAt)
            self.seed = seed
            var rng = SplitMix64(seed: seed)
            places = makeMunicipalities(max(1, municipalities), &rng)
            counts = spread(projectCount, over: places, &rng)
            self.municipalities = places.map(\.municipality)
        }

        /// Writes the portfolio as JSON, byte for byte as `PortfolioCoding.encoder()` encodes
        /// `make(...)` with the same arguments (and a final newline), one project at a time.
        public func write(to writer: PortfolioStreamWriter) throws {
            for m in municipalities { try writer.add(m) }
            try forEachProject { made in
                try writer.add(made.project)
                for k in made.kpis { try writer.add(k) }
                for r in made.reports { try writer.add(r) }
                for r in made.readings { try writer.add(r) }
                for r in made.risks { try writer.add(r) }
            }
            try writer.finish()
        }

        /// Makes every project in turn and hands it to `body`.
        public func forEachProject(_ body: (MadeProject) throws -> Void) rethrows {
            var serial = 0
            for (place, count) in zip(places, counts) {
                guard count > 0 else { continue }
                let digits = max(3, String(count).count)
                for number in 1...count {
                    let id = place.code + "-" + zeroPadded(number, to: digits)
                    // Each project draws from its own stream, so one project's values do not
                    // shift when another one changes.
                    var maker = ProjectMaker(id: id, serial: serial, place: place, window: window,
                                             rng: SplitMix64(seed: seed ^ (UInt64(serial + 1) &* 0xD6E8_FEB8_6659_FD93)))
                    try body(maker.make())
                    serial += 1
                }
            }
        }
    }

    // MARK: - Municipalities

    struct Place: Sendable {
        var municipality: Municipality
        /// Two or three capital letters that start the ids of its projects.
        var code: String
        var weight: Int
    }

    static func makeMunicipalities(_ count: Int, _ rng: inout SplitMix64) -> [Place] {
        var names = Set<String>(), codes = Set<String>(), places: [Place] = []
        for i in 0..<count {
            var base = ""
            for attempt in 0..<50 {
                base = Vocabulary.placeName(&rng)
                if attempt == 49 { base += " \(i + 1)" }
                if names.insert(base).inserted { break }
            }
            let kind: MunicipalityKind = i == 0 ? .county : (rng.chance(20) ? .city : .municipality)
            let population: Int
            let weight: Int
            switch kind {
            case .county: population = rng.int(90_000...320_000); weight = 40
            case .city: population = rng.int(12_000...95_000); weight = 20
            case .municipality: population = rng.int(1_200...14_000); weight = rng.int(5...15)
            }
            let name = kind == .county ? "Landkreis " + base : base
            let code = kind == .county ? uniqueCode(["L", "K"] + letters(of: base), taken: &codes)
                                       : uniqueCode(letters(of: base), taken: &codes)
            places.append(Place(municipality: Municipality(id: slug(name), name: name, kind: kind, population: population),
                                code: code, weight: weight))
        }
        return places
    }

    /// How many projects each place gets: one each while there are enough, the rest by weight.
    static func spread(_ projects: Int, over places: [Place], _ rng: inout SplitMix64) -> [Int] {
        var counts = places.map { _ in 0 }
        let total = places.reduce(0) { $0 + $1.weight }
        for i in 0..<projects {
            if i < places.count { counts[i] += 1; continue }
            var pick = rng.int(0...(total - 1))
            for (j, place) in places.enumerated() {
                if pick < place.weight { counts[j] += 1; break }
                pick -= place.weight
            }
        }
        return counts
    }

    static func letters(of name: String) -> [Character] {
        fold(name).uppercased().filter { $0.isASCII && $0.isLetter }.map { $0 }
    }

    /// The first free code: two letters of the name, else any two letters, else three.
    static func uniqueCode(_ letters: [Character], taken: inout Set<String>) -> String {
        var candidates: [String] = []
        if let first = letters.first {
            candidates += letters.dropFirst().map { String([first, $0]) }
        }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        candidates += alphabet.flatMap { a in alphabet.map { String([a, $0]) } }
        for c in candidates where taken.insert(c).inserted { return c }
        for a in alphabet { for b in alphabet { for c in alphabet where taken.insert(String([a, b, c])).inserted {
            return String([a, b, c])
        } } }
        return "X\(taken.count)"
    }

    static func zeroPadded(_ n: Int, to width: Int) -> String {
        let text = String(n)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// `Landkreis Groß Lindau` → `landkreis-gross-lindau`.
    static func slug(_ name: String) -> String {
        String(fold(name).lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }

    static func fold(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "Ä": out += "Ae"
            case "Ö": out += "Oe"
            case "Ü": out += "Ue"
            case "ß": out += "ss"
            default: out.append(ch)
            }
        }
        return out
    }

    // MARK: - Calendar

    struct Window: Sendable {
        var first: YearMonth
        var last: YearMonth
    }

    /// Seconds since 1970 of a day in UTC (days-from-civil), so no `Calendar` is needed.
    static func date(_ month: YearMonth, day: Int, minute: Int) -> Date {
        let y = month.month <= 2 ? month.year - 1 : month.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Date(timeIntervalSince1970: Double(days * 86_400 + minute * 60))
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): small, fast and the same everywhere. Ranges are
/// reduced with a multiply-shift, not with the standard library, whose algorithm may change.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator seeded from this one.
    mutating func split() -> SplitMix64 { SplitMix64(seed: next()) }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    /// True with `percent` per cent probability.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// An index into `weights`, each chosen in proportion to its weight.
    mutating func weighted(_ weights: [Int]) -> Int {
        var pick = int(0...(weights.reduce(0, +) - 1))
        for (i, w) in weights.enumerated() {
            if pick < w { return i }
            pick -= w
        }
        return weights.count - 1
    }
}
