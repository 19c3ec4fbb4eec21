import Foundation
import LotseDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a portfolio document value by value, byte for byte as `PortfolioCoding.encoder()`
/// encodes the whole `Portfolio` (pretty printed, keys sorted, ISO 8601 dates, no escaped
/// slashes), followed by a newline — in constant memory, whatever the number of values.
///
/// Values may be added in any order of kinds; within a kind they keep the order they are
/// added in. The document lists the kinds in the order of their keys, so every kind is
/// collected in an anonymous temporary file until `finish()`.
///
/// With `continuationReviews` the document begins with the section `continuationReviews`
/// (every submitted revision of the projects' continuation reviews; written even when it is
/// empty, so that an import can tell "no reviews" from an older file without the section).
/// Without it the document is exactly the encoder's of `Portfolio`.
public final class PortfolioStreamWriter {
    /// The document's sections in the order of their keys.
    private enum Section: Int, CaseIterable {
        case continuationReviews, kpis, municipalities, projects, readings, reports, risks

        var key: String {
            switch self {
            case .continuationReviews: "continuationReviews"
            case .kpis: "kpis"
            case .municipalities: "municipalities"
            case .projects: "projects"
            case .readings: "readings"
            case .reports: "reports"
            case .risks: "risks"
            }
        }
    }

    /// Thrown when writing fails (disk full, closed pipe, …).
    public struct WriteError: Error, CustomStringConvertible {
        public var reason: String
        public init(reason: String) { self.reason = reason }
        public var description: String { reason }
    }

    private let output: Int32
    private let withReviews: Bool
    private var spools: [Spool]
    /// What goes straight into the document.
    private let document: Spool
    private var finished = false

    /// Writes to the open file descriptor `output` (not closed by the writer).
    /// - Parameter temporaryDirectory: where the sections wait (default: `$TMPDIR`, else
    ///   `/tmp`); their files have no name, so nothing is left behind.
    /// - Parameter continuationReviews: whether the document has the section of continuation
    ///   reviews (`lotse export`); without it, adding a review is a programming error.
    public init(descriptor output: Int32, temporaryDirectory: String? = nil, continuationReviews: Bool = false) throws {
        self.output = output
        withReviews = continuationReviews
        document = Spool(descriptor: output)
        spools = []
        let directory = temporaryDirectory
            ?? ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        do {
            for section in Section.allCases {
                // Every section waits in a temporary file (a section left out gets none).
                let wanted = section != .continuationReviews || continuationReviews
                spools.append(Spool(descriptor: wanted ? try Self.temporaryFile(in: directory) : -1))
            }
        } catch {
            for spool in spools where spool.descriptor >= 0 { close(spool.descriptor) }
            throw error
        }
    }

    deinit {
        for spool in spools where spool.descriptor >= 0 { close(spool.descriptor) }
    }

    // MARK: - Values

    public func add(_ m: Municipality) throws {
        try element(.municipalities) { o in
            o.field("id", string: m.id)
            o.field("kind", string: m.kind.rawValue)
            o.field("name", string: m.name)
            o.field("population", raw: String(m.population))
        }
    }

    public func add(_ p: Project) throws {
        try element(.projects) { o in
            o.field("basicComponentCandidate", raw: p.basicComponentCandidate ? "true" : "false")
            o.field("budgetPlanned", raw: String(p.budgetPlanned.cents))
            o.field("continuation", string: p.continuation.rawValue)
            o.field("field", string: p.field.rawValue)
            if let end = p.fundingEnd { o.field("fundingEnd", string: end.description) }
            o.field("fundingSource", string: p.fundingSource)
            o.field("id", string: p.id)
            o.field("municipalityID", string: p.municipalityID)
            o.field("name", string: p.name)
            o.field("owner", string: p.owner)
            o.field("phase", string: p.phase.rawValue)
            o.field("reusedByOthers", raw: p.reusedByOthers ? "true" : "false")
            o.field("solutionKind", string: p.solutionKind.rawValue)
            o.field("start", string: p.start.description)
        }
    }

    public func add(_ r: StatusReport) throws {
        try element(.reports) { o in
            o.field("achieved", string: r.achieved)
            o.field("author", string: r.author)
            o.field("cost", string: r.cost.rawValue)
            o.field("month", string: r.month.description)
            o.field("nextSteps", string: r.nextSteps)
            o.field("overall", string: r.overall.rawValue)
            o.field("progress", raw: String(r.progress))
            o.field("projectID", string: r.projectID)
            o.field("results", string: r.results.rawValue)
            o.field("risksAndMeasures", string: r.risksAndMeasures)
            o.field("schedule", string: r.schedule.rawValue)
            o.field("spent", raw: String(r.spent.cents))
            o.field("submittedAt", string: Self.iso8601(r.submittedAt))
        }
    }

    public func add(_ k: KPI) throws {
        try element(.kpis) { o in
            o.field("direction", string: k.direction.rawValue)
            o.field("id", string: k.id)
            o.field("name", string: k.name)
            o.field("projectID", string: k.projectID)
            o.field("target", raw: k.target.description)
            o.field("unit", string: k.unit)
        }
    }

    public func add(_ r: KPIReading) throws {
        try element(.readings) { o in
            o.field("kpiID", string: r.kpiID)
            o.field("month", string: r.month.description)
            o.field("value", raw: r.value.description)
        }
    }

    public func add(_ r: Risk) throws {
        try element(.risks) { o in
            o.field("challenge", string: r.challenge.rawValue)
            if let closed = r.closed { o.field("closed", string: closed.description) }
            o.field("id", string: r.id)
            o.field("impact", raw: String(r.impact))
            o.field("isOpen", raw: r.isOpen ? "true" : "false")
            o.field("measure", string: r.measure)
            o.field("owner", string: r.owner)
            o.field("probability", raw: String(r.probability))
            o.field("projectID", string: r.projectID)
            if let raised = r.raised { o.field("raised", string: raised.description) }
            o.field("title", string: r.title)
        }
    }

    /// One submitted revision of a continuation review: the review's values with the answers
    /// flat beside them, and the version (`revision`, `changedBy`, `changedAt` with every digit
    /// of the fraction the database keeps). Add them in a stable order (by project, then
    /// revision) so that two exports of the same data are the same bytes.
    public func add(_ s: SubmittedContinuation) throws {
        precondition(withReviews, "a continuation review added to a writer without the section")
        let r = s.review
        try element(.continuationReviews) { o in
            o.field("againOrDifferently", string: r.answers.againOrDifferently)
            o.field("approach", string: r.answers.approach)
            o.field("basicComponent", raw: r.basicComponent ? "true" : "false")
            o.field("changedAt", string: Timestamp.format(s.version.changedAt))
            o.field("changedBy", string: s.version.changedBy)
            o.field("decidedBy", string: r.decidedBy)
            if let day = r.decidedOn { o.field("decidedOn", string: DayText.iso(day)) }
            o.field("decision", string: r.decision.rawValue)
            if let amount = r.followUpAmount { o.field("followUpAmount", raw: String(amount.cents)) }
            if let from = r.followUpFrom { o.field("followUpFrom", string: from.description) }
            o.field("followUpSource", string: r.followUpSource)
            o.field("goal", string: r.answers.goal)
            o.field("ownBudget", string: r.answers.ownBudget)
            o.field("planAndResources", string: r.answers.planAndResources)
            o.field("projectID", string: r.projectID)
            o.field("reached", string: r.answers.reached)
            o.field("revision", raw: String(s.version.revision))
            o.field("reuse", string: r.answers.reuse)
        }
    }

    /// Closes every section and writes the waiting ones into the document, in order.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        let document = self.document
        document.bytes.append(contentsOf: "{\n".utf8)
        for section in Section.allCases {
            let spool = spools[section.rawValue]
            guard spool.descriptor >= 0 else { continue }
            if section == .kpis {
                document.bytes.append(contentsOf: "  \"formatVersion\" : \(Portfolio.formatVersion),\n".utf8)
            }
            document.bytes.append(contentsOf: "  \"\(section.key)\" : [".utf8)
            try document.flush()
            try spool.flush()
            try copy(from: spool.descriptor, to: output)
            document.bytes.append(contentsOf: (spool.isEmpty ? "\n\n  ]" : "\n  ]").utf8)
            if section != .risks { document.bytes.append(contentsOf: ",\n".utf8) }
        }
        document.bytes.append(contentsOf: "\n}\n".utf8)
        try document.flush()
    }

    // MARK: - Writing

    private func element(_ section: Section, _ body: (inout ObjectText) -> Void) throws {
        precondition(!finished, "values added after finish()")
        let spool = spools[section.rawValue]
        spool.bytes.append(contentsOf: (spool.isEmpty ? "\n    {\n" : ",\n    {\n").utf8)
        spool.isEmpty = false
        var object = ObjectText(bytes: spool.bytes)
        spool.bytes = []  // the object holds the only reference while it appends
        body(&object)
        spool.bytes = object.bytes
        spool.bytes.append(contentsOf: "\n    }".utf8)
        if spool.bytes.count >= Spool.flushSize { try spool.flush() }
    }

    /// The members of one object at the depth of the document's values.
    private struct ObjectText {
        var bytes: [UInt8]
        var first = true

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func field(_ key: StaticString, raw: String) {
            start(key)
            bytes.append(contentsOf: raw.utf8)
        }

        mutating func field(_ key: StaticString, string: String) {
            start(key)
            PortfolioStreamWriter.appendQuoted(string, to: &bytes)
        }

        private mutating func start(_ key: StaticString) {
            if !first { bytes.append(contentsOf: ",\n".utf8) }
            first = false
            bytes.append(contentsOf: "      \"".utf8)
            bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
            bytes.append(contentsOf: "\" : ".utf8)
        }
    }

    /// `text` as a JSON string the way `JSONEncoder` writes it (slashes unescaped).
    static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case 0x0A: bytes.append(contentsOf: "\\n".utf8)
            case 0x0D: bytes.append(contentsOf: "\\r".utf8)
            case 0x09: bytes.append(contentsOf: "\\t".utf8)
            case 0x08: bytes.append(contentsOf: "\\b".utf8)
            case 0x0C: bytes.append(contentsOf: "\\f".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hex[Int(b >> 4)])
                bytes.append(hex[Int(b & 0xF)])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A date as the `.iso8601` strategy writes it: whole seconds, UTC.
    static func iso8601(_ date: Date) -> String {
        Timestamp.formatWholeSeconds(date)
    }

    // MARK: - Files

    /// Bytes of one section, collected and written out in large pieces.
    private final class Spool {
        static let flushSize = 1 << 16

        let descriptor: Int32
        var bytes: [UInt8] = []
        var isEmpty = true

        init(descriptor: Int32) {
            self.descriptor = descriptor
            bytes.reserveCapacity(Self.flushSize + 4096)
        }

        func flush() throws {
            try bytes.withUnsafeBytes { try PortfolioStreamWriter.writeAll($0, to: descriptor) }
            bytes.removeAll(keepingCapacity: true)
        }
    }

    private static func temporaryFile(in directory: String) throws -> Int32 {
        var template = Array("\(directory)/lotse-section-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw WriteError(reason: "cannot create a temporary file in \(directory) (\(String(cString: strerror(errno))))") }
        // Nameless from the start: nothing is left behind, whatever happens.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return fd
    }

    /// `AtomicFile.writeAll`, with this writer's error.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        do {
            try AtomicFile.writeAll(bytes, to: descriptor)
        } catch let failed as AtomicFile.WriteError {
            throw WriteError(reason: failed.reason)
        }
    }

    /// Copies the whole temporary file `from` to the end of `to`.
    private func copy(from source: Int32, to target: Int32) throws {
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var position: off_t = 0
        while true {
            let n = chunk.withUnsafeMutableBytes { pread(source, $0.baseAddress, $0.count, position) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError(reason: String(cString: strerror(errno)))
            }
            if n == 0 { return }
            try chunk.withUnsafeBytes { try Self.writeAll(UnsafeRawBufferPointer(rebasing: $0[0..<n]), to: target) }
            position += off_t(n)
        }
    }
}
