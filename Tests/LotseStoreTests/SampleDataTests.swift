import Foundation
import LotseDomain
import Testing
@testable import LotseStore

@Suite("Sample and demo data")
struct SampleDataTests {
    static let repositoryFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sample-data/musterstadt.json")

    @Test func bundledFileIsTheRepositoryFileNotALink() throws {
        let url = try SampleData.resourceURL()
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try Data(contentsOf: url) == Data(contentsOf: Self.repositoryFile))
    }

    @Test func sampleLoadsAndIsValid() throws {
        let sample = try SampleData.load()
        #expect(!sample.projects.isEmpty)
        #expect(!sample.reports.isEmpty)
        #expect(PortfolioValidator.problems(in: sample).isEmpty)
    }

    @Test(arguments: ["2031-05", "2019-01"])
    func demoEndsInTheGivenMonth(text: String) throws {
        let month = Fixture.month(text)
        let sample = try SampleData.load()
        let demo = try SampleData.demoPortfolio(currentMonth: month)
        #expect(demo.latestReportMonth == month)
        #expect(demo.reports.count == sample.reports.count)
        #expect(demo.projects.map(\.id) == sample.projects.map(\.id))
    }

    @Test func demoDatabaseIsPrivateFilledAndRemovable() throws {
        let month = Fixture.month("2030-02")
        let demo = try DemoDatabase.create(currentMonth: month)
        let (store, path) = (demo.store, demo.path)
        let folder = (path as NSString).deletingLastPathComponent
        #expect((folder as NSString).lastPathComponent.hasPrefix(DemoDatabase.folderPrefix))
        #expect(mode(folder) == 0o700)
        #expect(mode(path) == 0o600)
        #expect(try store.loadPortfolio() == SampleData.demoPortfolio(currentMonth: month).inStoreOrder())
        demo.remove()
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(throws: StoreError.self) { try store.loadPortfolio() }
    }

    /// The second demo of a month is a copy of the first one's template: the same data,
    /// its own private file; a broken template is ignored and made again.
    @Test func demoTemplateIsKeptCopiedAndRepaired() throws {
        let cache = try TemporaryFolder()
        defer { cache.remove() }
        let month = Fixture.month("2030-02")
        let expected = try SampleData.demoPortfolio(currentMonth: month).inStoreOrder()

        let first = try DemoDatabase.create(currentMonth: month, templates: cache.path)
        #expect(try first.store.loadPortfolio() == expected)
        first.remove()
        let templates = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(templates.count == 1 && templates[0].hasPrefix("demo-2030-02-"), "\(templates)")
        let template = cache.file(templates[0])
        #expect(mode(template) == 0o600)

        let second = try DemoDatabase.create(currentMonth: month, templates: cache.path)
        #expect(second.path != first.path)
        #expect(mode(second.path) == 0o600)
        #expect(try second.store.loadPortfolio() == expected)
        try second.store.submit(expected.reports[0], readings: [], expecting: try second.store.reportVersion(
            projectID: expected.reports[0].projectID, month: expected.reports[0].month), by: "demo")
        second.remove()
        let third = try DemoDatabase.create(currentMonth: month, templates: cache.path)
        #expect(try third.store.reportVersion(projectID: expected.reports[0].projectID,
                                              month: expected.reports[0].month)?.revision == 1,
                "what a demo changed never reaches the template")
        third.remove()

        try Data("not a database".utf8).write(to: URL(fileURLWithPath: template))
        let repaired = try DemoDatabase.create(currentMonth: month, templates: cache.path)
        #expect(try repaired.store.loadPortfolio() == expected)
        repaired.remove()
        #expect(FileManager.default.contents(atPath: template).map { $0.count > 4096 } == true, "made again")
    }

    @Test func removeRefusesOtherFolders() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: DemoDatabaseError.notADemoFolder(path: folder.path)) {
            try DemoDatabase.remove(path: folder.file("lotse.sqlite"))
        }
        #expect(FileManager.default.fileExists(atPath: folder.path))
    }
}
