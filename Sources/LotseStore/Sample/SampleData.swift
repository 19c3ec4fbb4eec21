import Foundation
import LotseDomain

/// The sample municipality shipped with Lotse (`sample-data/musterstadt.json`, copied into
/// the LotseStore resource bundle at build time).
public enum SampleData {
    /// Name of the file inside the resource bundle.
    public static let resourceFile = "musterstadt.json"

    /// The sample portfolio, decoded and validated.
    public static func load() throws -> Portfolio {
        try decode(loadData())
    }

    /// The sample file's bytes.
    static func loadData() throws -> Data {
        let url = try resourceURL()
        do {
            return try Data(contentsOf: url)
        } catch {
            throw SampleDataError.unreadable(path: url.path, reason: "\(error.localizedDescription)")
        }
    }

    private static func decode(_ data: Data) throws -> Portfolio {
        try PortfolioCoding.decode(data, source: (try? resourceURL().path) ?? resourceFile)
    }

    /// The sample moved in time so that its latest report month is `currentMonth`: the demo
    /// always looks current.
    public static func demoPortfolio(currentMonth: YearMonth) throws -> Portfolio {
        try demoPortfolio(from: loadData(), currentMonth: currentMonth)
    }

    static func demoPortfolio(from data: Data, currentMonth: YearMonth) throws -> Portfolio {
        let sample = try decode(data)
        guard let latest = sample.latestReportMonth else { return sample }
        return sample.shifted(byMonths: latest.months(to: currentMonth))
    }

    /// Where the sample file is (see `BundledResource`); throws instead of stopping the
    /// program when the resource bundle is missing.
    public static func resourceURL() throws -> URL {
        switch BundledResource.locate(resourceFile) {
        case .success(let url): return url
        case .failure(let miss): throw SampleDataError.missing(searched: miss.searched)
        }
    }
}
