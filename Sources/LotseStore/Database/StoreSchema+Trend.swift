import GRDB

extension StoreSchema {
    // MARK: - v8-search-spellings

    // The search text now holds each project's text a second time with umlauts and ß
    // spelled out ("buerger" finds "Bürger"): the stored texts and their trigram index are
    // made again from the projects. No table changes; the rows' trends are read through
    // the existing (project_id, month) index of `status_report`.
    static func v8SearchSpellings(_ db: Database) throws {
        try DerivedData.rebuildAll(db)
    }
}
