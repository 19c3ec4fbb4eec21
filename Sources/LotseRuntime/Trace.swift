import Foundation

/// Where the time of each event goes (update, effects, render, draw), one line per event,
/// appended to a file (the program passes `LOTSE_TRACE`); nothing without one.
struct Trace {
    private var file: FileHandle?
    private var line = ""
    private var last = DispatchTime.now().uptimeNanoseconds

    /// - Parameter path: the file to append to, created when missing; nil or empty: no trace.
    init(path: String?) {
        if let path, !path.isEmpty {
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            file = FileHandle(forWritingAtPath: path)
            _ = try? file?.seekToEnd()
        }
    }

    /// Begins a line; `since` (uptime in ns) counts its first phase from an earlier moment.
    mutating func start(_ what: @autoclosure () -> String, since: UInt64? = nil) {
        guard file != nil else { return }
        line = what()
        last = since ?? DispatchTime.now().uptimeNanoseconds
    }

    /// Adds the time since the last mark as `phase`; `at` (uptime in ns) for a moment
    /// already past, else now.
    mutating func mark(_ phase: String, at: UInt64? = nil) {
        guard file != nil else { return }
        let now = at ?? DispatchTime.now().uptimeNanoseconds
        line += String(format: " %@=%.2f", phase, Double(now &- last) / 1e6)
        last = now
    }

    mutating func flush() {
        guard let file, !line.isEmpty else { return }
        file.write(Data((line + "\n").utf8))
        line = ""
    }
}
