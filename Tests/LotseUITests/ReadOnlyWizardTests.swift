import Foundation
import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

/// Read-only on the workshop screens: the set-up and the wizard open, nothing is written, and
/// the refusal is said. The same keys write on a writable database, so the test can fail.
@Suite struct ReadOnlyWizardTests {
    /// Set up a workshop, answer with quick entry, note, move on, finish: every kind of write.
    static let keys: [Key] = [.char("n"), .tab, .tab, .tab] + "Anna, Ben".map { .char($0) } + [.enter]
        + "4 5".map { .char($0) } + [.enter, .char("5"), .right, .char("3"), .char("e"), .char("y"), .enter]

    func run(readOnly: Bool) -> (writes: [Effect], notices: Set<String>, state: AppState) {
        var s = WizardTests().state()
        s.readOnly = readOnly
        var writes: [Effect] = [], notices = Set<String>()
        for key in Self.keys {
            writes += s.send(.key(key)).filter(\.writes)
            if let n = s.notice { notices.insert(n) }
        }
        return (writes, notices, s)
    }

    @Test func theWorkshopScreensRefuseEveryWriteWhenReadOnly() {
        let writable = run(readOnly: false)
        #expect(!writable.writes.isEmpty, "the script writes on a writable database")
        let readOnly = run(readOnly: true)
        #expect(readOnly.writes.isEmpty)
        #expect(readOnly.notices.contains(AccessStrings.german.readOnlyRefused))
        #expect(readOnly.state.assessment.current == nil, "no assessment was created")
        #expect(!readOnly.state.hasChanges)
    }
}
