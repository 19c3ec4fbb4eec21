import Foundation
import Testing

/// Golden files of reports and exports in a folder beside the tests (`Reports/`,
/// `Handouts/`, `Listings/`): compared byte for byte (a byte-order mark included), re-recorded
/// with LOTSE_RECORD_SNAPSHOTS=1. A run that records fails, so nothing is accepted unseen.
enum GoldenFile {
    static func check(_ actual: String, folder: String, named name: String, sourceLocation: SourceLocation) {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(folder)
        let file = directory.appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["LOTSE_RECORD_SNAPSHOTS"] == "1"
        guard !record, let data = try? Data(contentsOf: file) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: file)
            Issue.record("Recorded \(folder)/\(name); check it and run again.", sourceLocation: sourceLocation)
            return
        }
        guard Data(actual.utf8) != data else { return }
        let expected = String(decoding: data, as: UTF8.self)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        let got = first < a.count ? String(a[first]) : "<end>"
        let want = first < e.count ? String(e[first]) : "<end>"
        Issue.record("\(name) differs at line \(first + 1):\n  got:  \(got)\n  want: \(want)", sourceLocation: sourceLocation)
    }
}
