import Foundation
import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

/// The funding radar and its list: golden frames at two sizes and a tiny one, every size
/// from 30×6 to 120×20 painted completely and nothing outside its rect, and the undecided
/// projects of the next two quarters marked without colour.
@Suite struct FundingRadarViewTests {
    static var radar: FundingRadar {
        var request = ScreenDataRequest()
        request.radar = Sample.month
        return try! Sample.reader.answer(request).radar!
    }

    /// A radar built by hand: quarter 0 with two undecided of three, quarter 2 with one
    /// undecided, quarter 7 decided only; a list of 5 of 9 undecided.
    static var handmade: FundingRadar {
        let m = YearMonth(year: 2026, month: 11)!
        func bucket(_ left: Int, _ decisions: [ContinuationDecision: Int], stake: Int64) -> FundingRadar.Bucket {
            FundingRadar.Bucket(monthsLeft: left, projectCount: decisions.values.reduce(0, +), atStake: Money(euros: stake),
                                undecidedAtStake: Money(euros: stake / 2), planned: Money(euros: stake * 2),
                                decisions: decisions)
        }
        let entries = (1...5).map { i in
            FundingRadar.Entry(projectID: "P-\(i)", name: "Projekt Nummer \(i) mit längerem Namen",
                               fundingEnd: m.adding(months: i), planned: Money(euros: 100_000 * Int64(i)),
                               atStake: Money(euros: 40_000 * Int64(i)), continuation: .open)
        }
        return FundingRadar(month: m, buckets: [bucket(1, [.open: 2, .ownBudget: 1], stake: 900_000),
                                                bucket(7, [.open: 1], stake: 50_000),
                                                bucket(22, [.stop: 4], stake: 0)],
                            urgentUndecided: entries, urgentUndecidedCount: 9)
    }

    static func frame(_ radar: FundingRadar, _ size: Size, language: Language = .german, glyphs: Glyphs = .unicode,
                      list: Bool = false) -> Buffer {
        var buffer = Buffer(size: size, fill: marker)
        let s = Strings.forLanguage(language)
        if list {
            FundingRadarView.renderList(radar, in: buffer.area, into: &buffer, strings: s, glyphs: glyphs, selected: 0)
        } else {
            FundingRadarView.render(radar, in: buffer.area, into: &buffer, strings: s, glyphs: glyphs)
        }
        return buffer
    }

    @Test func snapshots() {
        assertSnapshot(Self.frame(Self.radar, Size(width: 120, height: 20)), named: "radar-120x20")
        assertSnapshot(Self.frame(Self.radar, Size(width: 64, height: 14)), named: "radar-64x14")
        assertSnapshot(Self.frame(Self.radar, Size(width: 30, height: 6)), named: "radar-30x6")
        assertSnapshot(Self.frame(Self.handmade, Size(width: 80, height: 16), language: .english, glyphs: .ascii),
                       named: "radar-handmade-en-ascii-80x16")
        assertSnapshot(Self.frame(Self.handmade, Size(width: 100, height: 10), list: true), named: "radar-list-100x10")
        assertSnapshot(Self.frame(Self.radar, Size(width: 60, height: 8), language: .english, list: true),
                       named: "radar-list-en-60x8")
    }

    /// Every size from 30×6 to 120×20 is painted completely; any size, tiny ones
    /// included, leaves every cell outside its rect alone.
    @Test(arguments: [false, true])
    func everySizeStaysInsideItsRect(list: Bool) {
        let s = Strings.german
        for radar in [Self.radar, Self.handmade, FundingRadar(portfolio: Portfolio(), month: Sample.month)] {
            for width in stride(from: 0, through: 120, by: 3) {
                for height in 0...20 {
                    var buffer = Buffer(size: Size(width: 126, height: 24), fill: marker)
                    let rect = Rect(x: 3, y: 2, width: width, height: height)
                    if list {
                        FundingRadarView.renderList(radar, in: rect, into: &buffer, strings: s, glyphs: .unicode)
                    } else {
                        FundingRadarView.render(radar, in: rect, into: &buffer, strings: s, glyphs: .unicode)
                    }
                    for y in 0..<buffer.size.height {
                        for x in 0..<buffer.size.width {
                            let inside = x >= rect.x && x < rect.maxX && y >= rect.y && y < rect.maxY
                            if !inside && buffer[x, y] != marker {
                                Issue.record("\(width)×\(height): painted outside at \(x),\(y)")
                                return
                            }
                            if inside && width >= 30 && height >= 6 && buffer[x, y] == marker {
                                Issue.record("\(width)×\(height): left \(x),\(y) unpainted")
                                return
                            }
                        }
                    }
                }
            }
        }
    }

    @Test func undecidedProjectsOfTheNextTwoQuartersStandOutWithoutColour() {
        for glyphs in [Glyphs.unicode, .ascii] {
            let marks = FundingRadarView.Marks(glyphs)
            let buffer = Self.frame(Self.handmade, Size(width: 80, height: 16), glyphs: glyphs)
            let rows = (0..<buffer.size.height).map(buffer.line)
            // Quarter 0 (2 undecided, urgent): the mark before the row and undecided glyphs in red.
            #expect(rows[1].hasPrefix(glyphs.vertical + marks.urgent), "\(rows[1])")
            #expect(rows[1].contains(marks.undecided) && rows[1].contains(marks.decided))
            #expect(rows[1].contains("2/3"))
            let firstUndecided = rows[1].firstIndex(of: Character(marks.undecided))!
            let column = rows[1].distance(from: rows[1].startIndex, to: firstUndecided)
            #expect(buffer[column, 1].role == .lightRed)
            // Quarter 2 (undecided, later): undecided glyphs, no urgent mark, a warning only.
            #expect(!rows[3].hasPrefix(glyphs.vertical + marks.urgent) && rows[3].contains(marks.undecided))
            #expect(rows[3].contains("1/1"))
            // Quarter 7 (decided only): shaded, nothing undecided.
            #expect(rows[8].contains(marks.decided) && !rows[8].contains(marks.undecided), "\(rows[8])")
            // The heading counts all nine, the list shows the first and says how many more.
            #expect(rows.contains { $0.contains(": 9") && $0.contains("2 Quartale") })
            #expect(rows.contains { $0.contains("P-1") })
            #expect(rows.contains { $0.contains("+ ") && $0.contains("Enter") })
        }
    }

    @Test func theListShowsEveryHandedOverProjectAndSaysWhenCut() {
        let buffer = Self.frame(Self.handmade, Size(width: 110, height: 12), list: true)
        let text = buffer.textDump()
        for i in 1...5 { #expect(text.contains("P-\(i)")) }
        #expect(text.contains("5 von 9 gezeigt"))
        #expect(text.contains(Formats.german.moneyCompact(Money(euros: 200_000))), "at stake of P-5")
        #expect(text.contains("offen"))
    }

    @Test func anEmptyRadarSaysSo() {
        let empty = FundingRadar(portfolio: Portfolio(), month: Sample.month)
        #expect(Self.frame(empty, Size(width: 70, height: 8)).textDump().contains(RadarStrings.german.noFundingEnding))
        #expect(Self.frame(empty, Size(width: 90, height: 8), language: .english, list: true).textDump()
            .contains(RadarStrings.english.urgentNone))
    }

    // MARK: - The table of texts

    static func sample(_ key: String, _ l: Language) -> String? {
        let r = RadarStrings.forLanguage(l)
        switch key {
        case "title": return r.title(12)
        case "quarterRange": return r.quarterRange("11/2026", "01/2027")
        case "urgentHeading": return r.urgentHeading(3, "1,2 Mio €")
        case "moreUndecided": return r.moreUndecided(4)
        case "listTitle": return r.listTitle("04/2027", 7)
        case "listShown": return r.listShown(5, 9)
        case "monthsLeft": return [0, 1, 5].map(r.monthsLeft).joined(separator: "|")
        default: return nil
        }
    }

    @Test func everyTextInBothLanguages() {
        let result = StringTableCheck.compare("RadarStrings", german: RadarStrings.german, english: RadarStrings.english,
                                              sample: Self.sample)
        #expect(result.checked == result.total && result.total == Mirror(reflecting: RadarStrings.german).children.count - 1)
        #expect(Set(result.same).isSubset(of: ["colID", "quarterRange"]), "\(result.same)")
        #expect(Strings.german.radar.language == .german && Strings.english.radar.language == .english)
    }
}
