import Foundation

/// The `lotse` executable of the same build as the tests: SwiftPM puts every product of a
/// build in one folder, so it lies beside the test bundle (on macOS a few folders up from
/// the bundle's executable).
enum LotseBinary {
    /// Its path, or the places looked at.
    static func locate() -> Result<String, NotFound> {
        var searched: [String] = []
        for start in startingPoints() {
            var folder = URL(fileURLWithPath: start).deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("lotse").path
                if !searched.contains(candidate) { searched.append(candidate) }
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate) {
                    return .success(candidate)
                }
                folder.deleteLastPathComponent()
            }
        }
        return .failure(NotFound(searched: searched))
    }

    struct NotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String {
            "The lotse executable was not found beside the tests (looked at: \(searched.joined(separator: ", "))). "
                + "Build every product before running the tests: swift build --build-tests "
                + "(a plain swift test builds it too)."
        }
    }

    /// The running test executable, as the system and as the command line name it.
    private static func startingPoints() -> [String] {
        var points: [String] = []
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            points.append(link)
        }
        if let main = Bundle.main.executablePath { points.append(main) }
        if let first = CommandLine.arguments.first, first.contains("/") {
            points.append(URL(fileURLWithPath: first).standardizedFileURL.path)
        }
        return points
    }
}
