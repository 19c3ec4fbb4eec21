import Foundation
import Testing
import TermCanvas

/// Compares a rendered buffer (text plus a layer of roles) with a golden file in
/// `Snapshots/`. With LOTSE_RECORD_SNAPSHOTS=1, or when the file is missing, the file is
/// written and the test fails, so nothing is accepted without a look.
func assertSnapshot(_ buffer: Buffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent("\(name).txt")
    // The terminal's cursor, where a text field is being typed, is part of what a user sees.
    let cursor = buffer.cursor.map { "cursor \($0.x),\($0.y)\n" } ?? ""
    let actual = "size \(buffer.size)\n" + cursor + buffer.textDump() + "\n--- roles ---\n" + buffer.roleDump() + "\n"
    let record = ProcessInfo.processInfo.environment["LOTSE_RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("Recorded snapshot \(name).txt; check it and run again.", sourceLocation: sourceLocation)
        return
    }
    if actual != expected {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDiff = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        let got = firstDiff < a.count ? String(a[firstDiff]) : "<end>"
        let want = firstDiff < e.count ? String(e[firstDiff]) : "<end>"
        Issue.record("Snapshot \(name) differs at line \(firstDiff + 1):\n  got:  \(got)\n  want: \(want)",
                     sourceLocation: sourceLocation)
    }
}

/// The marker that fills the buffer before drawing; no screen may leave one behind.
let marker = Cell("¤", role: .warning)

func unpaintedCells(_ buffer: Buffer) -> Int {
    buffer.cells.filter { $0 == marker }.count
}
