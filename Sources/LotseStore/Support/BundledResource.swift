import Foundation

/// Finds files of a target's resource bundle (LotseStore: sample data and questionnaire;
/// the executable: themes).
///
/// Looks for the bundle next to the executable (also behind a symlinked executable)
/// instead of using `Bundle.module`, whose accessor stops the program when the bundle is
/// missing; callers turn a miss into their own typed error instead.
public enum BundledResource {
    /// The readable file `name` in the resource bundle of `target`, or every bundle path
    /// looked at.
    public static func locate(_ name: String, target: String = "LotseStore") -> Result<URL, NotFound> {
        var folders: [URL] = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            folders.append(executable.deletingLastPathComponent())
            folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        if let resources = Bundle.main.resourceURL { folders.append(resources) }
        var searched: [String] = []
        for folder in folders {
            for bundleName in ["Lotse_\(target).resources", "Lotse_\(target).bundle"] {
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

    public struct NotFound: Error {
        public var searched: [String]
    }
}
