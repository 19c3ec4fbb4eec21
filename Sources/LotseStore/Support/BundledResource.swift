import Foundation

/// Finds files of the LotseStore resource bundle (sample data, the shipped questionnaire).
///
/// Looks for the bundle next to the executable (also behind a symlinked executable)
/// instead of using `Bundle.module`, whose accessor stops the program when the bundle is
/// missing; callers turn a miss into their own typed error instead.
enum BundledResource {
    /// The readable file `name` in the bundle, or every bundle path looked at.
    static func locate(_ name: String) -> Result<URL, NotFound> {
        var folders: [URL] = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            folders.append(executable.deletingLastPathComponent())
            folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        if let resources = Bundle.main.resourceURL { folders.append(resources) }
        var searched: [String] = []
        for folder in folders {
            for bundleName in ["Lotse_LotseStore.resources", "Lotse_LotseStore.bundle"] {
                let bundle = folder.appendingPathComponent(bundleName)
                // `.bundle` on macOS keeps resources under Contents/Resources.
                for file in [bundle.appendingPathComponent(name),
                             bundle.appendingPathComponent("Contents/Resources/\(name)")] {
                    if FileManager.default.isReadableFile(atPath: file.path) { return .success(file) }
                }
                if !searched.contains(bundle.path) { searched.append(bundle.path) }
            }
        }
        return .failure(NotFound(searched: searched))
    }

    struct NotFound: Error {
        var searched: [String]
    }
}
