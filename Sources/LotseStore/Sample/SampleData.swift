import Foundation
import LotseDomain

/// The sample municipality shipped with Lotse (`sample-data/musterstadt.json`, copied into
/// the LotseStore resource bundle at build time).
public enum SampleData {
    /// Name of the file inside the resource bundle.
    public static let resourceFile = "musterstadt.json"

    /// The sample portfolio, decoded and validated.
    public static func load() throws -> Portfolio {
        let url = try resourceURL()
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SampleDataError.unreadable(path: url.path, reason: "\(error.localizedDescription)")
        }
        return try PortfolioCoding.decode(data, source: url.path)
    }

    /// The sample moved in time so that its latest report month is `currentMonth`: the demo
    /// always looks current.
    public static func demoPortfolio(currentMonth: YearMonth) throws -> Portfolio {
        let sample = try load()
        guard let latest = sample.latestReportMonth else { return sample }
        return sample.shifted(byMonths: latest.months(to: currentMonth))
    }

    /// Where the sample file is. Looks for the resource bundle next to the executable
    /// (also behind a symlinked executable) instead of using `Bundle.module`, whose
    /// accessor stops the program when the bundle is missing; this throws instead.
    public static func resourceURL() throws -> URL {
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
                for file in [bundle.appendingPathComponent(resourceFile),
                             bundle.appendingPathComponent("Contents/Resources/\(resourceFile)")] {
                    if FileManager.default.isReadableFile(atPath: file.path) { return file }
                }
                if !searched.contains(bundle.path) { searched.append(bundle.path) }
            }
        }
        throw SampleDataError.missing(searched: searched)
    }
}
