import Foundation
import LotseDomain
import Testing
@testable import LotseUI

/// The texts of a database on a server and of `lotse migrate`: complete in both languages,
/// and never the same sentence twice.
@Suite struct ServerStringsTests {
    static func sample(_ key: String, _ l: Language) -> String? {
        let s = ServerStrings.forLanguage(l)
        return switch key {
        case "badURL": s.badURL("postgres://a@h/d", "x")
        case "reasonBadHost": s.reasonBadHost("[::1")
        case "reasonBadPort": s.reasonBadPort("99999")
        case "reasonBadSSLMode": s.reasonBadSSLMode("maybe")
        case "reasonBadEncoding": s.reasonBadEncoding("%zz")
        case "reasonUnknownParameter": s.reasonUnknownParameter("colour")
        case "cannotConnect": s.cannotConnect("postgres://a@h/d", "refused")
        case "fileOnly": s.fileOnly("import")
        case "writeRefused": s.writeRefused("Musterstadt")
        case "schemaReady": s.schemaReady("postgres://a@h/d")
        case "migrateTargetNotEmpty": s.migrateTargetNotEmpty("ziel")
        case "migrateSourceMissing": s.migrateSourceMissing("quelle")
        case "migrated": s.migrated(3, 40, 2, 1, "a", "b")
        case "migrateMismatch": s.migrateMismatch(12)
        default: nil
        }
    }

    @Test func everyTextExistsInBothLanguages() {
        let result = StringTableCheck.compare("ServerStrings", german: ServerStrings.german, english: ServerStrings.english,
                                              sample: Self.sample)
        #expect(result.checked == result.total && result.total == 18)
        #expect(result.same.isEmpty)
    }

    @Test func aRefusedWriteNamesTheMunicipalityWhenItIsKnown() {
        #expect(ServerStrings.german.writeRefused("Musterstadt").hasPrefix("Nur Lesen für Musterstadt:"))
        #expect(ServerStrings.german.writeRefused(nil).hasPrefix("Nur Lesen:"))
        #expect(ServerStrings.english.writeRefused("Musterstadt").hasPrefix("Read only for Musterstadt:"))
    }
}
