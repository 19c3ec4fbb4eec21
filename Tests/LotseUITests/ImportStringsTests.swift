import Foundation
import Testing
import LotseDomain
@testable import LotseUI

/// `ImportStrings` has every text in both languages, each one non-empty and translated.
@Suite struct ImportStringsTests {
    static let date = Date(timeIntervalSince1970: 1_794_470_400)  // 2026-11-12T08:00:00Z

    /// Every entry that takes values, called with sample values; nil for an entry without
    /// a sample here, which fails the test.
    static func sample(_ key: String, _ l: Language) -> String? {
        let t = ImportStrings.forLanguage(l)
        switch key {
        case "merged": return t.merged("p.json", "lotse.sqlite")
        case "dryRunMerge": return t.dryRunMerge("p.json", "lotse.sqlite")
        case "replaced": return t.replaced("p.json", "lotse.sqlite", 30, 720)
        case "dryRunReplace": return t.dryRunReplace("p.json", "lotse.sqlite", 30, 720)
        case "counts": return [t.counts("X", 3, 2, 715, 1), t.counts("X", 0, 0, 0, 0)].joined(separator: "|")
        case "written": return t.written("X", 1_178)
        case "drafts": return t.drafts(2, 3)
        case "forceHint": return [true, false].map(t.forceHint).joined()
        case "conflictsKept": return [1, 4].flatMap { n in [true, false].map { t.conflictsKept(n, $0) } }.joined()
        case "conflictsForced": return [1, 4].flatMap { n in [true, false].map { t.conflictsForced(n, $0) } }.joined()
        case "conflict":
            return t.conflict("MS-01", YearMonth("2026-11")!, date, "anna", date.addingTimeInterval(-86_400 * 9))
                + t.conflict("MS-01", YearMonth("2026-11")!, date, "anna", date.addingTimeInterval(-60))
        case "moreConflicts": return t.moreConflicts(5)
        case "backupWritten": return t.backupWritten("lotse.sqlite.bak-20261130-120000")
        case "backupWouldBeWritten": return t.backupWouldBeWritten("lotse.sqlite.bak-20261130-120000")
        case "backupFailed": return t.backupFailed("lotse.sqlite.bak-20261130-120000", "Permission denied")
        case "refused": return t.refused("p.json", 12, t.report, "P1 2026-03", t.reasonOther)
        case "reasonValueNotAllowed": return t.reasonValueNotAllowed("progress") + t.reasonValueNotAllowed(nil)
        case "reasonDuplicate": return t.reasonDuplicate(["projectID", "month"])
        case "reasonMissingValue": return t.reasonMissingValue("name") + t.reasonMissingValue(nil)
        default: return nil
        }
    }

    @Test func everyKeyHasATextInBothLanguages() {
        let r = StringTableCheck.compare("ImportStrings", german: ImportStrings.german, english: ImportStrings.english,
                                         sample: Self.sample)
        #expect(r.checked == r.total && r.checked > 30)
        #expect(r.same.isEmpty, Comment(rawValue: "not translated: " + r.same.joined(separator: ", ")))
    }

    @Test func aConflictNamesWhoAndWhenTheGermanWay() {
        let line = ImportStrings.german.conflict("MS-01", YearMonth("2026-11")!, Self.date, "anna",
                                                 Self.date.addingTimeInterval(-86_400 * 9))
        #expect(line.contains("MS-01 11/2026: in der Datenbank neuer: eingereicht 12.11.2026 von anna"))
        #expect(line.contains("03.11.2026"))
        // Two submissions of the same day are told apart by the time.
        let sameDay = ImportStrings.english.conflict("MS-01", YearMonth("2026-11")!, Self.date, "anna",
                                                     Self.date.addingTimeInterval(-60))
        #expect(sameDay.contains("08:00:00 UTC") && sameDay.contains("07:59:00 UTC"))
    }
}
