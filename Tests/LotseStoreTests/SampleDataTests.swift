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

    @Test func removeRefusesOtherFolders() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: DemoDatabaseError.notADemoFolder(path: folder.path)) {
            try DemoDatabase.remove(path: folder.file("lotse.sqlite"))
        }
        #expect(FileManager.default.fileExists(atPath: folder.path))
    }
}
