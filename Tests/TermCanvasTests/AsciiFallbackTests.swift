import PropertyBased
import Testing
import TermCanvas

/// Terminals without UTF-8: how graphemes read in ASCII, and how a frame keeps its layout
/// when the readings are longer than the graphemes.
@Suite struct AsciiFallbackTests {
    // MARK: - One grapheme

    static let readings: [(String, String)] = [
        ("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss"),
        ("€", "EUR"), ("≤", "<="), ("≥", ">="), ("–", "-"), ("—", "-"), ("…", "..."),
        ("«", "\""), ("»", "\""), ("„", "\""), ("\"", "\""), ("“", "\""), ("”", "\""),
        ("‚", "'"), ("‘", "'"), ("’", "'"), ("×", "x"), ("·", "."), ("→", ">"), ("←", "<"),
        ("↑", "^"), ("↓", "v"), ("•", "*"), ("§", "S."), ("°", "deg"),
        // other Latin letters: by decomposition, by name, or by the table
        ("é", "e"), ("è", "e"), ("ç", "c"), ("ø", "o"), ("Ø", "O"), ("å", "a"), ("Å", "A"), ("ñ", "n"),
        ("ł", "l"), ("Ł", "L"), ("œ", "oe"), ("æ", "ae"), ("đ", "d"), ("š", "s"), ("Ž", "Z"),
        ("ő", "o"), ("ı", "i"), ("e\u{301}", "e"), ("u\u{308}", "ue"),
        // compatibility forms, spaces and other symbols the app meets
        ("Ａ", "A"), ("ﬁ", "fi"), ("₂", "2"), ("³", "3"), ("½", "1/2"), ("µ", "u"), ("\u{00A0}", " "),
        ("\u{202F}", " "), ("−", "-"), ("±", "+/-"), ("⚠", "!"), ("◀", "<"), ("│", "|"), ("┼", "+"),
        ("═", "-"), ("║", "|"), ("╭", "+"),
        // no ASCII reading: a visible question mark
        ("東", "?"), ("🚲", "?"), ("Ж", "?"), ("λ", "?"),
    ]

    @Test(arguments: readings)
    func reading(_ grapheme: String, _ expected: String) {
        #expect(AsciiFallback.ascii(for: grapheme) == expected)
    }

    @Test func capitalsReadAsCapitalsInAWordInCapitals() {
        #expect(AsciiFallback.transliterate("Ärger ÄRGER") == "Aerger AERGER")
        #expect(AsciiFallback.transliterate("Übersicht ÜBERSICHT") == "Uebersicht UEBERSICHT")
        #expect(AsciiFallback.transliterate("GRÜN, MÜ Ö") == "GRUEN, MUE Oe")
        #expect(AsciiFallback.transliterate("Straße STRAßE") == "Strasse STRASSE")
        #expect(AsciiFallback.transliterate("Ökologie Œuvre") == "Oekologie Oeuvre")
    }

    @Test func wholeTexts() {
        #expect(AsciiFallback.transliterate("Förderende ≤ 12 Monate – „weiß nicht“ · 8.877,1 Mio €")
            == "Foerderende <= 12 Monate - \"weiss nicht\" . 8.877,1 Mio EUR")
        #expect(AsciiFallback.transliterate("Feinstaub 25 µg/m³, CO₂ ½ × so viel, 20 °C, § 3")
            == "Feinstaub 25 ug/m3, CO2 1/2 x so viel, 20 degC, S. 3")
        #expect(AsciiFallback.transliterate("José Ñandú, Łódź, Smørrebrød, Æsir") == "Jose Nandu, Lodz, Smorrebrod, Aesir")
    }

    /// The short forms, written where a full one has no room, are one cell each.
    @Test func shortForms() {
        let short = ["ä": "a", "Ü": "U", "ß": "s", "€": "E", "≤": "<", "≥": ">", "…": "~", "°": "o", "§": "S", "±": "~"]
        for (grapheme, expected) in short {
            #expect(AsciiFallback.form(for: Character(grapheme)).short == expected, "\(grapheme)")
        }
    }

    /// Each Unicode glyph reads, in one cell, as its counterpart in the ASCII set.
    @Test func unicodeGlyphsReadAsTheASCIIGlyphs() {
        let u = Glyphs.unicode, a = Glyphs.ascii
        let pairs: [(String, String)] = [
            (u.horizontal, a.horizontal), (u.vertical, a.vertical), (u.topLeft, a.topLeft), (u.topRight, a.topRight),
            (u.bottomLeft, a.bottomLeft), (u.bottomRight, a.bottomRight), (u.gaugeFull, a.gaugeFull),
            (u.gaugeEmpty, a.gaugeEmpty), (u.lightGreen, a.lightGreen), (u.lightYellow, a.lightYellow),
            (u.lightRed, a.lightRed), (u.lightNone, a.lightNone), (u.up, a.up), (u.down, a.down),
            (u.ellipsis, a.ellipsis), (u.selectionMark, a.selectionMark), (u.moreColumns, a.moreColumns),
            (u.current, a.current),
        ] + zip(u.sparkLevels, a.sparkLevels).map { ($0, $1) }
        for (unicode, ascii) in pairs {
            #expect(AsciiFallback.form(for: Character(unicode)).short == ascii, "\(unicode)")
            #expect(ascii.unicodeScalars.count == 1 && ascii.unicodeScalars.allSatisfy(\.isASCII), "\(ascii)")
        }
    }

    /// The marks and symbols that LotseUI writes as literals all have an ASCII reading.
    @Test func markersOfTheViewsHaveAReading() {
        let literals = ["◆", "›", "▶", "◀", "●", "▲", "■", "○", "↑", "↓", "←", "→", "…", "·", "–", "—", "−", "±",
                        "€", "≤", "≥", "×", "„", "“", "”", "│", "⚠", "⌫", "▏", "▇", "░"]
        for literal in literals {
            let reading = AsciiFallback.ascii(for: literal)
            #expect(reading != "?" && !reading.isEmpty && reading.unicodeScalars.allSatisfy(\.isASCII), "\(literal)")
        }
    }

    // MARK: - A frame

    static func row(_ text: String, width: Int, role: Role = .normal) -> Buffer {
        var b = Buffer(size: Size(width: width, height: 1))
        b.put(text, x: 0, y: 0, role: role)
        return b
    }

    static let words: [(String, String)] = [
        ("Übersicht", "Uebersicht"), ("Bürgerbus", "Buergerbus"), ("Förderende", "Foerderende"),
        ("Straße", "Strasse"), ("8.877,1 Mio €", "8.877,1 Mio EUR"), ("≤ 12 Monate", "<= 12 Monate"),
        ("„weiß nicht“ – 3 × ↑", "\"weiss nicht\" - 3 x ^"),
    ]

    @Test(arguments: words)
    func wordsWithRoomReadInFull(_ text: String, _ expected: String) {
        let a = AsciiFallback.apply(to: Self.row(text, width: 24))
        #expect(a.line(0) == expected.padding(toLength: 24, withPad: " ", startingAt: 0))
    }

    /// A table row: ID | name | light | right-aligned amount, each a run of its own role.
    /// Every run keeps its start and width; the name grows into its column's padding, the
    /// amount into the spaces before it, and the light, without room, keeps every letter.
    @Test func tableRowKeepsItsColumns() {
        var b = Buffer(size: Size(width: 46, height: 2))
        for y in 0..<2 {
            b.put("|", x: 0, y: y, role: .border)
            b.put("|", x: 45, y: y, role: .border)
        }
        func cells(_ y: Int, id: String, name: String, light: String, lightRole: Role, amount: String) {
            b.put(line: id, in: Rect(x: 1, y: y, width: 5, height: 1), role: .muted)
            b.put(line: name, in: Rect(x: 7, y: y, width: 20, height: 1), ellipsis: "~")
            b.put(line: light, in: Rect(x: 28, y: y, width: 6, height: 1), role: lightRole)
            b.put(line: amount, in: Rect(x: 35, y: y, width: 10, height: 1), alignment: .right, ellipsis: "~")
        }
        cells(0, id: "LN-02", name: "Bürgerbus auf Abruf", light: "o grün", lightRole: .lightGreen, amount: "72.800 €")
        cells(1, id: "LN-03", name: "Funk-Wasserzähler Lotsenau", light: "! gelb", lightRole: .lightYellow,
              amount: "1.400 €")
        #expect(b.line(0) == "|LN-02 Bürgerbus auf Abruf  o grün   72.800 €|")
        #expect(b.line(1) == "|LN-03 Funk-Wasserzähler L~ ! gelb    1.400 €|")
        let a = AsciiFallback.apply(to: b)
        #expect(a.line(0) == "|LN-02 Buergerbus auf Abruf o grun 72.800 EUR|")
        #expect(a.line(1) == "|LN-03 Funk-Wasserzaehler ~ ! gelb  1.400 EUR|")
        // Same roles in the same cells: every run keeps its start column and width.
        #expect(a.roleDump() == b.roleDump())
        let runs = "b" + String(repeating: "m", count: 5) + String(repeating: ".", count: 22)
            + String(repeating: "G", count: 6) + String(repeating: ".", count: 11) + "b"
        #expect(a.roleDump().split(separator: "\n").first.map(String.init) == runs)
        #expect(a.textDump().unicodeScalars.allSatisfy { $0.isASCII })
    }

    /// Fields end at two spaces: a longer word takes the gap after it, the next field stays.
    @Test func fieldsKeepTheirColumns() {
        var b = Buffer(size: Size(width: 40, height: 1))
        b.put("3 Selbsteinschätzung   4 Phasenmodell", x: 0, y: 0, role: .tabInactive)
        let a = AsciiFallback.apply(to: b)
        #expect(b.line(0) == "3 Selbsteinschätzung   4 Phasenmodell   ")
        #expect(a.line(0) == "3 Selbsteinschaetzung  4 Phasenmodell   ")
    }

    /// A label takes blank cells of the next run; the cells it covers take its role.
    @Test func aLabelTakesBlanksAfterIt() {
        var b = Buffer(size: Size(width: 24, height: 1))
        b.put("Größter Dissens", x: 0, y: 0, role: .header)
        let a = AsciiFallback.apply(to: b)
        #expect(a.line(0) == "Groesster Dissens       ")
        #expect(a.roleDump() == String(repeating: "h", count: 17) + String(repeating: ".", count: 7))
    }

    /// Without room, a text a view had cut is cut again; a complete one keeps every letter.
    @Test func withoutRoom() {
        var b = Buffer(size: Size(width: 44, height: 3))
        Box(title: "Förderende ≤ 12 Monate, ohne Entscheidung").render(in: b.area, on: &b, glyphs: .ascii)
        #expect(b.line(0) == "+ Förderende ≤ 12 Monate, ohne Entscheidu~ +")
        #expect(AsciiFallback.apply(to: b).line(0) == "+ Foerderende <= 12 Monate, ohne Entschei~ +")

        var c = Buffer(size: Size(width: 30, height: 1))
        c.put("Risiken/Maßnahmen: ", x: 0, y: 0, role: .muted)
        c.put("Förderende naht", x: 19, y: 0)
        #expect(AsciiFallback.apply(to: c).line(0) == "Risiken/Masnahmen: Foerderende")
        #expect(AsciiFallback.apply(to: c).roleDump() == c.roleDump())
    }

    /// Text may grow up to a frame's vertical line, as views draw it; not up to a corner.
    @Test func textMayTouchAFrame() {
        var b = Buffer(size: Size(width: 26, height: 3))
        let inner = Box(role: .accent).render(in: b.area, on: &b, glyphs: .ascii) // an overlay's frame
        b.put("heißt es gar nicht mehr", x: inner.x, y: inner.y)
        let a = AsciiFallback.apply(to: b)
        #expect(b.line(1) == "|heißt es gar nicht mehr |")
        #expect(a.line(1) == "|heisst es gar nicht mehr|")
        #expect(a.roleDump() == b.roleDump())
    }

    /// A box title may take cells of the line after it; the corner stays.
    @Test func boxTitleTakesLineCells() {
        var b = Buffer(size: Size(width: 30, height: 4))
        Box(title: "MS-02 · Bürgerbus").render(in: b.area, on: &b, glyphs: .ascii)
        b.put("Höhe ", x: 1, y: 2, role: .muted) // before a sparkline, not a title's line
        b.put("-----", x: 6, y: 2, role: .accent)
        #expect(b.line(0) == "+ MS-02 · Bürgerbus ---------+")
        let a = AsciiFallback.apply(to: b)
        #expect(a.line(0) == "+ MS-02 . Buergerbus --------+")
        let roles = "b" + String(repeating: "t", count: 20) + String(repeating: "b", count: 9)
        #expect(a.roleDump().split(separator: "\n").first.map(String.init) == roles)
        #expect(a.line(2) == "|Hohe -----" + String(repeating: " ", count: 18) + "|")
    }

    /// Wide characters become one "?" each (or their ASCII form); the row keeps its width.
    @Test func wideCharactersNeverBreakTheRow() {
        let a = AsciiFallback.apply(to: Self.row("東京 Büro 🚲 Ａ", width: 16))
        #expect(a.line(0) == "?? Buero ? A    ")
        let tight = AsciiFallback.apply(to: Self.row("東京東京東京東京", width: 16))
        #expect(tight.line(0) == "????????        ")
        var b = Buffer(size: Size(width: 9, height: 1))
        b.put("東京", x: 0, y: 0, role: .accent)
        b.put("Büro", x: 4, y: 0)
        let c = AsciiFallback.apply(to: b)
        #expect(c.line(0) == "??  Buero")
        #expect(c.roleDump() == "aaaa.....")
        var orphan = Self.row("ab", width: 3)
        orphan[0, 0] = Cell("", role: .normal) // a continuation whose wide character was overwritten
        #expect(AsciiFallback.apply(to: orphan).line(0) == " b ")
    }

    /// A text being typed: the terminal's cursor stays behind the same character.
    @Test func cursorFollowsItsText() {
        var b = Self.row("für Ärger", width: 20)
        b.cursor = Point(x: 9, y: 0) // after "Ärger"
        #expect(AsciiFallback.apply(to: b).cursor == Point(x: 11, y: 0))
        b.cursor = Point(x: 4, y: 0) // on "Ä"
        #expect(AsciiFallback.apply(to: b).cursor == Point(x: 5, y: 0))
    }

    @Test func asciiRowsStayAsDrawn() {
        var b = Buffer(size: Size(width: 12, height: 2))
        b.put("plain ~ text", x: 0, y: 0, role: .header)
        b.put("Über", x: 0, y: 1)
        let a = AsciiFallback.apply(to: b)
        #expect(a.line(0) == b.line(0))
        #expect(a.line(1) == "Ueber       ")
    }

    /// Whatever is drawn, each cell ends up one printable ASCII character, with its role.
    @Test func everyCellIsASCIIAndKeepsItsRole() async {
        let pieces = ["Übersicht", "Straße", "8.877,1 Mio €", "≤", "…", "東京", "🚲", "ÄRGER", "a", "  ", "~",
                      "Lo~", "ø", "½", "e\u{301}", "· ", "„x“", "─", "Ａ", "x y", "Bürgerbus auf Abruf",
                      "|", "│", "-----+", "──┐", "+--"]
        let roles: [Role] = [.normal, .muted, .header, .lightGreen, .selection, .title, .border, .accent]
        let draw = PropertyBased.zip(Gen.element(of: pieces).map { $0! }, Gen.int(in: -2...24), Gen.int(in: 0...2),
                                      Gen.element(of: roles).map { $0! }).array(of: 0...12)
        await propertyCheck(count: 300, input: Gen.int(in: 0...24), draw) { width, draws in
            var b = Buffer(size: Size(width: width, height: 3))
            for (text, x, y, role) in draws { b.put(text, x: x, y: y, role: role) }
            let a = AsciiFallback.apply(to: b)
            #expect(a.size == b.size)
            #expect(a.cells.allSatisfy { $0.text.utf8.count == 1 && $0.text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } })
            // A cell's role changes only where a longer text covers a blank or a title's line.
            for (before, after) in zip(b.cells, a.cells) where before.role != after.role {
                #expect([" ", "", "-", "─"].contains(before.text), "\(before) became \(after)")
            }
            // A frame's line (a cell of its own role between others) stays where it was drawn.
            for y in 0..<b.size.height {
                for x in 0..<b.size.width where ["|", "│"].contains(b[x, y].text) {
                    let alone = (x == 0 || b[x - 1, y].role != b[x, y].role)
                        && (x + 1 == b.size.width || b[x + 1, y].role != b[x, y].role)
                    if alone { #expect(a[x, y].text == "|") }
                }
            }
        }
    }
}

@Suite struct AsciiTableTests {
    /// A table drawn with ASCII glyphs spells each cell out within its own column, so a
    /// longer spelling never pushes the next column to the right.
    @Test func aSpelledOutCellStaysInItsColumn() {
        let table = Table(columns: [TableColumn("Name", width: 12), TableColumn("Phase", width: 8)],
                          rows: [[[Span("Wasserzähler")], [Span("3 Etabl.")]], [[Span("Dorf")], [Span("2 Trans.")]]])
        var buffer = Buffer(size: Size(width: 21, height: 3))
        table.render(in: buffer.area, on: &buffer, glyphs: .ascii)
        let out = AsciiFallback.apply(to: buffer)
        #expect(out.line(1) == "Wasserzaehl~ 3 Etabl.")
        #expect(out.line(2) == "Dorf         2 Trans.")
        #expect(out.line(1).firstIndex(of: "3") == out.line(2).firstIndex(of: "2"))
    }
}
