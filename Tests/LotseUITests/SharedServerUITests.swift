import Foundation
import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

/// Read-only use of the dashboard, and the report form beside other authors' drafts.
@Suite struct SharedServerUITests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    func editor(readOnly: Bool = false, draft: ReportDraft? = nil) -> AppState {
        var s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        s.user = "Paula Leitung (pleitung)"
        s.readOnly = readOnly
        _ = s.send(.tick(Self.now))
        _ = s.send(.key(.char("/")))
        for c in "MS-12" { _ = s.send(.key(.char(c))) }
        _ = s.send(.key(.enter))
        #expect(s.send(.key(.char("r"))) == [.openReportEditor(projectID: "MS-12", month: Sample.month)])
        _ = s.send(.reportEditorLoaded(projectID: "MS-12", month: Sample.month, draft: draft, version: nil,
                                       project: Sample.project("MS-12")))
        return s
    }

    @Test func readOnlyOpensTheFormButRefusesEveryChangeWithAMessage() throws {
        var s = editor(readOnly: true)
        let opened = try #require(s.reportEditor)
        // (Ctrl-S on this empty form only names its problems: no write is asked for.)
        for key: Key in [.char("2"), .ctrl("d")] {
            #expect(s.send(.key(key)) == [], "\(key)")
            #expect(s.notice == AccessStrings.german.readOnlyRefused)
            #expect(s.reportEditor == opened, "nothing changes on \(key)")
        }
        #expect(s.hasChanges == false)
        // Moving between fields changes nothing stored and is allowed.
        _ = s.send(.key(.tab))
        #expect(s.reportEditor?.focus == 1)
        // The same keys write when the database is writable.
        var w = editor()
        #expect(w.send(.key(.char("2"))) == [.saveDraft(w.reportEditor!.draft)])
    }

    @Test func anotherAuthorsDraftIsNamedAndCanBeReadButNotChanged() throws {
        var s = editor(draft: ReportDraft(projectID: "MS-12", month: Sample.month, achieved: "meins"))
        var theirs = ReportDraft(projectID: "MS-12", month: Sample.month, achieved: "von Anna")
        theirs.overall = .red
        let anna = AuthoredDraft(draft: theirs, author: Author(account: "aschmidt", name: "Anna Schmidt"),
                                 startedAt: Date(timeIntervalSince1970: 1_794_999_000),
                                 changedAt: Date(timeIntervalSince1970: 1_794_999_900))
        #expect(s.send(.otherDrafts([anna])) == [])
        let notice = try #require(s.notice)
        #expect(notice.contains("Anna Schmidt (aschmidt)"))
        #expect(notice.contains(s.moment(anna.startedAt)))
        #expect(s.moment(anna.startedAt).hasSuffix("UTC"))

        // F3 shows Anna's draft; typing into it is refused and writes nothing.
        #expect(s.send(.key(.function(3))) == [])
        #expect(s.reportEditor?.draft == theirs)
        #expect(s.notice == AccessStrings.german.viewingDraftOf("Anna Schmidt (aschmidt)"))
        for key: Key in [.char("1"), .ctrl("s"), .ctrl("d")] {
            #expect(s.send(.key(key)) == [], "\(key)")
            #expect(s.reportEditor?.draft == theirs)
            #expect(s.notice == AccessStrings.german.othersDraftReadOnly)
        }
        _ = s.send(.key(.tab)); _ = s.send(.key(.tab)); _ = s.send(.key(.tab)); _ = s.send(.key(.tab))
        #expect(s.send(.key(.char("x"))) == [])
        #expect(s.reportEditor?.draft == theirs)

        // F3 again: the own draft is back, and typing saves it as the own draft.
        #expect(s.send(.key(.function(3))) == [])
        #expect(s.reportEditor?.draft.achieved == "meins")
        let typed = s.send(.key(.char("7")))
        #expect(typed == [.saveDraft(s.reportEditor!.draft)])
        #expect(s.reportEditor?.draft.achieved == "meins")
    }

    @Test func theTableOfAccessTextsIsCompleteInBothLanguages() throws {
        let r = StringTableCheck.compare("AccessStrings", german: AccessStrings.german, english: AccessStrings.english,
                                         sample: Self.sample)
        #expect(r.checked == r.total)
        #expect(r.same.isEmpty, Comment(rawValue: "not translated: " + r.same.joined(separator: ", ")))
    }

    /// Every entry that takes values, called with sample values; nil fails the test.
    static func sample(_ key: String, _ l: Language) -> String? {
        let a = AccessStrings.forLanguage(l)
        switch key {
        case "writeRefused": return a.writeRefused("/srv/lotse.sqlite")
        case "openedReadOnly": return a.openedReadOnly("/srv/lotse.sqlite", a.reasonFileNotWritable)
        case "needsMigration": return a.needsMigration("/srv/lotse.sqlite")
        case "unsupportedURL": return a.unsupportedURL("postgres")
        case "missing": return a.missing("/srv/lotse.sqlite")
        case "ownedByOther": return a.ownedByOther("/srv/lotse.sqlite", "anna")
        case "writableByGroup": return a.writableByGroup("/srv/lotse.sqlite")
        case "writableByEverybody": return a.writableByEverybody("/srv/lotse.sqlite")
        case "fileNotReadable": return a.fileNotReadable("/srv/lotse.sqlite")
        case "readableByOthers": return a.readableByOthers("/srv/lotse.sqlite")
        case "databaseSwapped": return a.databaseSwapped("/srv/lotse.sqlite")
        case "initCreated": return a.initCreated("/srv/lotse.sqlite")
        case "initExists": return a.initExists("/srv/lotse.sqlite")
        case "othersEditing": return a.othersEditing("Anna Schmidt (aschmidt)", "30.11.2026 14:05 UTC")
        case "viewingDraftOf": return a.viewingDraftOf("Anna Schmidt (aschmidt)")
        default: return nil
        }
    }
}
