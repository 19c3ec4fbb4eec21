import Foundation
import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

/// Every text field edits with the same line editor: a cursor that moves, text inserted and
/// deleted where it stands, and the terminal's cursor shown in its place.
@Suite struct TextFieldTests {
    @Test func theSearchEditsInTheMiddleAndShowsTheCursor() {
        var s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        _ = s.send(.key(.char("/")))
        for c in "wasr" { _ = s.send(.key(.char(c))) }
        #expect(s.query.search == "wasr")
        #expect(s.send(.key(.left)).isEmpty, "moving the cursor asks the store nothing")
        _ = s.send(.key(.char("e")))
        #expect(s.query.search == "waser")
        _ = s.send(.key(.left)); _ = s.send(.key(.left))
        _ = s.send(.key(.char("s")))
        #expect(s.query.search == "wasser")
        let buffer = AppView.render(s)
        let cursor = buffer.cursor
        let line = buffer.line(38)
        #expect(line.contains("Suche: wasser"))
        // The cursor stands on the second "s" of "wasser", after the one just typed.
        let start = line.range(of: "wasser").map { line.distance(from: line.startIndex, to: $0.lowerBound) }
        #expect(cursor == start.map { Point(x: $0 + 3, y: 38) })
        _ = s.send(.key(.ctrl("w")))
        #expect(s.query.search == "ser")
        _ = s.send(.key(.enter))
        #expect(AppView.render(s).cursor == nil, "no cursor once the search is done")
    }

    @Test func theReportFormEditsInTheMiddleOfAText() throws {
        var s = ReportEditorTests().editor()
        while s.reportEditor?.focusedField != .achieved { _ = s.send(.key(.tab)) }
        for c in "Kurse gestartet" { _ = s.send(.key(.char(c))) }
        for _ in 0..<9 { _ = s.send(.key(.left)) }
        let effects = "vier ".flatMap { s.send(.key(.char($0))) }
        #expect(s.reportEditor?.draft.achieved == "Kurse vier gestartet")
        #expect(effects.last == .saveDraft(s.reportEditor!.draft), "every edit is saved as a draft")
        #expect(s.send(.key(.home)).isEmpty, "moving the cursor saves nothing")
        let buffer = AppView.render(s)
        let cursor = try #require(buffer.cursor)
        let row = buffer.line(cursor.y)
        #expect(row.contains("Kurse vier gestartet"))
        let column = row.range(of: "Kurse").map { row.distance(from: row.startIndex, to: $0.lowerBound) }
        #expect(cursor.x == column, "Home puts the cursor before the text")
        // The focus moves on: the next field gets its own cursor at the end of its text.
        _ = s.send(.key(.tab))
        #expect(s.reportEditor?.focusedEditor.cursor == s.reportEditor?.draft.nextSteps.count)
    }

    /// A new assessment's set-up dialog: the participants typed are visible, the hint line
    /// stays below the last field.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func theParticipantsTypedAreVisible(size: Size) {
        var s = WizardTests().state(size: size)
        _ = s.send(.key(.char("n")))
        _ = s.send(.key(.tab)); _ = s.send(.key(.tab)); _ = s.send(.key(.tab))
        for c in "Anna, Ben, Cem" { _ = s.send(.key(.char(c))) }
        let buffer = AppView.render(s)
        let text = buffer.textDump()
        #expect(text.contains("Anna, Ben, Cem"))
        let cursor = buffer.cursor
        #expect(cursor != nil)
        if let cursor { #expect(buffer.line(cursor.y).contains("Anna, Ben, Cem")) }
        let hint = s.strings.assess.setupHint
        let hintLine = (0..<size.height).first { buffer.line($0).contains(String(hint.prefix(12))) }
        let fieldLine = (0..<size.height).first { buffer.line($0).contains("Anna, Ben, Cem") }
        #expect(hintLine != nil && fieldLine != nil && hintLine! > fieldLine!)
    }
}
