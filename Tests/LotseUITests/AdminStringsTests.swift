import Foundation
import Testing
import LotseDomain
@testable import LotseUI

/// The texts of `lotse admin` and of a write the database refused.
@Suite struct AdminStringsTests {
    @Test func theTableOfAdminTextsIsCompleteInBothLanguages() throws {
        let r = StringTableCheck.compare("AdminStrings", german: AdminStrings.german, english: AdminStrings.english,
                                         sample: Self.sample)
        #expect(r.checked == r.total && r.total > 20)
        #expect(r.same.isEmpty, Comment(rawValue: "not translated: " + r.same.joined(separator: ", ")))
    }

    @Test func eachLanguageHasItsTable() {
        #expect(AdminStrings.german.accessMunicipality("musterstadt", false).contains("nur die eigenen"))
        #expect(AdminStrings.english.accessMunicipality("musterstadt", true).contains("read all"))
        #expect(AdminStrings.forLanguage(.german).language == .german)
        #expect(AdminStrings.forLanguage(.english).language == .english)
    }

    /// Every entry that takes values, called with sample values; nil fails the test.
    static func sample(_ key: String, _ l: Language) -> String? {
        let a = AdminStrings.forLanguage(l)
        switch key {
        case "needsServer": return a.needsServer("/srv/lotse.sqlite")
        case "badRoleName": return a.badRoleName("")
        case "unknownMunicipality": return a.unknownMunicipality("gibtsnicht")
        case "unrestrictable": return a.unrestrictable("postgres")
        case "groupRole": return a.groupRole("lotse_county_lotse")
        case "notAdministrator": return a.notAdministrator("anna")
        case "granted": return a.granted("anna", a.accessCounty)
        case "revoked": return a.revoked("anna")
        case "hadNothing": return a.hadNothing("anna")
        case "accessMunicipality": return a.accessMunicipality("musterstadt", false) + a.accessMunicipality("musterstadt", true)
        default: return nil
        }
    }
}
