import Foundation // only for Unicode compatibility decomposition (NFKD) of rare letters

/// Makes a finished frame printable on a terminal without UTF-8: every cell becomes one
/// ASCII character, transliterated the way German readers expect (ä → ae, ß → ss,
/// € → EUR, ≤ → <=, „…“ → "...").
///
/// A transliteration is often longer than the grapheme it replaces, and a cell holds one
/// character, so a frame cannot be converted cell by cell. Instead each row is cut into
/// *runs* of cells with the same role (a table cell, a label, a box title, the border),
/// and each run into *fields*: words joined by single spaces. Two or more spaces, a role
/// change, or a word ending in the ASCII ellipsis ("~", where a view cut a column's text)
/// end a field. Every field keeps its start column and is written as follows:
///
/// 1. The full transliteration, if it fits: up to the next field, keeping one space;
///    the last field of a run up to the run's end and on into blank cells that start
///    the next run (again keeping one) or up to a frame's vertical line; a box title
///    into the horizontal line after it (keeping one line cell). A number may also grow
///    to the left into blanks before it, so a right-aligned amount keeps its right edge
///    ("72.800 €" → "72.800 EUR").
/// 2. A field that a view had already cut ("Digitaler Zwilling I~") is cut again, now
///    in full transliteration: "Förderende ≤ 12 Monate, ohne Entscheidu~" becomes
///    "Foerderende <= 12 Monate, ohne Entschei~".
/// 3. A complete text that does not fit keeps all of its characters: replacements are
///    written in full from left to right while room lasts, the rest in their one-cell
///    short form (ä → a, € → E, ≤ → <): "o grün" in a six-cell light column reads "o grun".
///
/// Text never moves into another field or over a non-blank cell of another run, so table
/// columns stay aligned, box borders and the right edge stay where they were drawn, and
/// each character keeps its role (blank cells that a longer text covers take its role).
/// A cursor on a field moves with its text. A character without an ASCII form (CJK,
/// emoji) becomes "?", one per character.
public enum AsciiFallback {
    /// How one grapheme reads in ASCII: `full` when there is room, `short` (at most as
    /// many characters as the grapheme had cells) when there is not.
    public struct Form: Hashable, Sendable {
        public var full: String
        public var short: String
        public init(_ full: String, short: String? = nil) {
            self.full = full
            self.short = short ?? String(full.prefix(1))
        }
    }

    // MARK: - One grapheme

    /// Capitals that read as two letters: "Ae" before lower case, "AE" in a word in capitals.
    private static let capitals: [Character: (mixed: String, upper: String)] = [
        "Ä": ("Ae", "AE"), "Ö": ("Oe", "OE"), "Ü": ("Ue", "UE"), "Æ": ("Ae", "AE"), "Œ": ("Oe", "OE"),
        "Þ": ("Th", "TH"), "ẞ": ("Ss", "SS"), "Ĳ": ("Ij", "IJ"),
    ]

    private static func f(_ full: String, _ short: String? = nil) -> Form { Form(full, short: short) }

    /// Letters and symbols with a known ASCII reading. Other accented Latin letters are
    /// found by decomposition (é → e, ç → c, å → a, ñ → n) or by their Unicode name
    /// (ø → o, ł → l, đ → d).
    private static let table: [Character: Form] = [
        // German and other letters without a decomposition to an ASCII base
        "ä": f("ae"), "ö": f("oe"), "ü": f("ue"), "ß": f("ss"), "æ": f("ae"), "œ": f("oe"),
        "ø": f("o"), "Ø": f("O"), "ł": f("l"), "Ł": f("L"), "đ": f("d"), "Đ": f("D"), "ð": f("d"),
        "Ð": f("D"), "þ": f("th"), "ı": f("i"), "ĳ": f("ij"), "µ": f("u"), "μ": f("u"),
        // money and mathematics
        "€": f("EUR"), "£": f("GBP"), "¥": f("JPY", "Y"), "¢": f("c"), "≤": f("<="), "≥": f(">="),
        "≠": f("!=", "#"), "≈": f("~"), "±": f("+/-", "~"), "−": f("-"), "×": f("x"), "÷": f("/"),
        "‰": f("o/oo", "%"), "∞": f("oo", "8"), "√": f("v"), "∑": f("S"), "∆": f("D"), "Δ": f("D"),
        // punctuation
        "–": f("-"), "—": f("-"), "‐": f("-"), "‑": f("-"), "‒": f("-"), "―": f("-"), "\u{00AD}": f("-"),
        "…": f("...", "~"), "·": f("."), "•": f("*"), "‣": f("*"), "∙": f("."), "◦": f("o"),
        "«": f("\""), "»": f("\""), "„": f("\""), "“": f("\""), "”": f("\""), "″": f("\""),
        "‚": f("'"), "‘": f("'"), "’": f("'"), "′": f("'"), "‹": f("<"), "›": f(">"),
        "§": f("S.", "S"), "¶": f("P"), "°": f("deg", "o"), "©": f("(c)", "c"), "®": f("(R)", "R"),
        "™": f("TM", "T"), "¡": f("!"), "¿": f("?"), "¦": f("|"), "¬": f("!"),
        // arrows, marks and symbols that views use
        "→": f(">"), "←": f("<"), "↑": f("^"), "↓": f("v"), "↔": f("<>", "-"), "⇒": f("=>", ">"),
        "⇐": f("<=", "<"), "↵": f("<"), "⏎": f("<"), "⌫": f("Bksp", "<"), "⚠": f("!"),
        "✓": f("v"), "✔": f("v"), "✗": f("x"), "✘": f("x"), "★": f("*"), "☆": f("*"), "♦": f("*"),
        "●": f("o"), "○": f("-"), "◉": f("o"), "◎": f("o"), "▲": f("!"), "△": f("^"), "■": f("X"),
        "□": f("o"), "▪": f("*"), "▫": f("o"), "◆": f("*"), "◇": f("o"), "▶": f(">"), "▷": f(">"),
        "▸": f(">"), "►": f(">"), "◀": f("<"), "◁": f("<"), "◂": f("<"), "◄": f("<"), "▼": f("v"),
        "▽": f("v"), "▾": f("v"), "▴": f("^"),
        // blocks: the levels of Glyphs.ascii's sparklines and gauge; "▏" was a typing cursor
        "▁": f("_"), "▂": f("."), "▃": f(","), "▄": f("-"), "▅": f("~"), "▆": f("="), "▇": f("*"),
        "█": f("#"), "░": f("."), "▒": f(":"), "▓": f("#"), "▀": f("\""), "▏": f("|"), "▎": f("|"),
        "▕": f("|"),
    ]

    private static let unknown = Form("?")

    /// The ASCII form of one grapheme. `before` and `after` are its neighbours: a capital
    /// umlaut inside a word in capitals reads "AE", elsewhere "Ae".
    public static func form(for ch: Character, before: Character? = nil, after: Character? = nil) -> Form {
        if ch.isASCII { return Form(String(ch)) }
        if let pair = capitals[ch] {
            let inCapitals = (after?.isUppercase ?? false)
                || (!(after?.isLetter ?? false) && (before?.isUppercase ?? false))
            return Form(inCapitals ? pair.upper : pair.mixed)
        }
        if ch == "ß", before?.isUppercase ?? false, after.map({ $0.isUppercase || !$0.isLetter }) ?? true {
            return Form("SS")
        }
        if let known = table[ch] { return known }
        let scalars = Array(ch.unicodeScalars)
        if scalars.count == 1, let line = boxDrawing(scalars[0]) { return Form(line) }
        if let decomposed = decompose(ch) {
            let cells = DisplayWidth.of(ch)
            return Form(decomposed, short: String(decomposed.prefix(max(1, cells))))
        }
        return unknown
    }

    /// The full ASCII stand-in for one grapheme, without context ("?" when none is known,
    /// a space for wide characters' continuation cells).
    public static func ascii(for text: String) -> String {
        text.isEmpty ? " " : transliterate(text)
    }

    /// A whole text in ASCII, full forms throughout: "Straße 8.877,1 Mio €" → "Strasse 8.877,1 Mio EUR".
    public static func transliterate(_ text: String) -> String {
        forms(of: Array(text)).map(\.full).joined()
    }

    private static func forms(of chars: [Character]) -> [Form] {
        chars.indices.map { i in
            form(for: chars[i], before: i > 0 ? chars[i - 1] : nil, after: i + 1 < chars.count ? chars[i + 1] : nil)
        }
    }

    /// Lines and corners of box drawing (U+2500–U+257F), by the directions in their names.
    private static func boxDrawing(_ s: Unicode.Scalar) -> String? {
        guard (0x2500...0x257F).contains(s.value) else { return nil }
        switch s.value {
        case 0x2571: return "/"
        case 0x2572: return "\\"
        case 0x2573: return "X"
        default: break
        }
        let words = Set((s.properties.name ?? "").split(separator: " "))
        let across = !words.isDisjoint(with: ["LEFT", "RIGHT", "HORIZONTAL"])
        let upright = !words.isDisjoint(with: ["UP", "DOWN", "VERTICAL"])
        return across == upright ? "+" : across ? "-" : "|"
    }

    /// A letter with marks, a ligature, a full-width form or a super/subscript digit, by
    /// compatibility decomposition (é → e, ﬁ → fi, Ａ → A, ₂ → 2, ½ → 1/2), and letters
    /// that have none by their Unicode name (ø → o, ł → l). Nil when any part stays non-ASCII.
    private static func decompose(_ ch: Character) -> String? {
        var out = ""
        for scalar in String(ch).decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            if scalar.isASCII {
                guard scalar.value >= 0x20, scalar.value != 0x7F else { return nil }
                out.unicodeScalars.append(scalar)
            } else if let known = table[Character(scalar)], known.full.allSatisfy(\.isASCII) {
                out += known.full
            } else if scalar == "\u{2044}" || scalar == "\u{2215}" {
                out += "/" // fraction slash, division slash
            } else if let letter = latinLetter(scalar) {
                out += letter
            } else {
                return nil
            }
        }
        return out.isEmpty ? nil : out
    }

    /// "LATIN SMALL LETTER O WITH STROKE" → "o", "LATIN CAPITAL LETTER AE" → "AE".
    private static func latinLetter(_ scalar: Unicode.Scalar) -> String? {
        guard let name = scalar.properties.name else { return nil }
        let words = name.split(separator: " ")
        guard words.count >= 4, words[0] == "LATIN", words[1] == "SMALL" || words[1] == "CAPITAL",
              words[2] == "LETTER" || words[2] == "LIGATURE" else { return nil }
        let letter = words[3]
        guard letter.count == 1 || ["AE", "OE", "IJ"].contains(letter),
              words.count == 4 || words[4] == "WITH" else { return nil }
        return words[1] == "SMALL" ? letter.lowercased() : String(letter)
    }

    // MARK: - A frame

    /// The frame in ASCII, laid out as described above. `ellipsis` is the mark with which
    /// views cut text (Glyphs.ascii's).
    public static func apply(to buffer: Buffer, ellipsis: Character = Character(Glyphs.ascii.ellipsis)) -> Buffer {
        var out = buffer
        for y in 0..<buffer.size.height {
            if (0..<buffer.size.width).allSatisfy({ isPlainASCII(buffer[$0, y].text) }) { continue }
            var row = Row(buffer: buffer, y: y, ellipsis: ellipsis)
            row.layOut()
            for x in 0..<buffer.size.width where out[x, y] != row.cells[x] { out[x, y] = row.cells[x] }
            if let cursor = buffer.cursor, cursor.y == y, cursor.x >= 0, cursor.x < row.columnMap.count {
                out.cursor = Point(x: min(row.columnMap[cursor.x], max(0, buffer.size.width - 1)), y: y)
            }
        }
        return out
    }

    /// One grapheme of a row: its first column, its cells, its role.
    private struct Unit {
        var x: Int
        var width: Int
        var text: String
        var role: Role
        /// A space, or a continuation cell that lost its wide character.
        var isSpace: Bool { text == " " || text.isEmpty }
        var isPlainASCII: Bool { width == 1 && AsciiFallback.isPlainASCII(text) }
    }

    /// One printable ASCII character: a cell that stays as it is.
    private static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.count == 1 && (0x20..<0x7F).contains(text.utf8.first!)
    }

    private struct Row {
        let width: Int
        let ellipsis: Character
        let units: [Unit]
        /// What the row shows, filled in by `layOut`.
        var cells: [Cell]
        /// For each column (and one past the end) where a cursor there goes.
        var columnMap: [Int]

        init(buffer: Buffer, y: Int, ellipsis: Character) {
            width = buffer.size.width
            self.ellipsis = ellipsis
            var units: [Unit] = []
            var x = 0
            while x < width {
                let cell = buffer[x, y]
                var w = 1
                if cell.isContinuation {
                    // A continuation without its wide character: an empty cell.
                    units.append(Unit(x: x, width: 1, text: "", role: cell.role))
                } else {
                    while x + w < width, buffer[x + w, y].isContinuation { w += 1 }
                    units.append(Unit(x: x, width: w, text: cell.text, role: cell.role))
                }
                x += w
            }
            self.units = units
            cells = (0..<width).map { buffer[$0, y] }
            columnMap = Array(0...width)
        }

        /// Column ranges of runs: units with the same role.
        private func runs() -> [Range<Int>] {
            var out: [Range<Int>] = []
            var start = 0
            for i in units.indices where i > 0 && units[i].role != units[i - 1].role {
                out.append(start..<i)
                start = i
            }
            if !units.isEmpty { out.append(start..<units.count) }
            return out
        }

        mutating func layOut() {
            let runs = runs()
            var taken = 0 // leading cells of this run that the previous run's last field took
            for (r, run) in runs.enumerated() {
                let skip = taken
                taken = 0
                guard !units[run].allSatisfy(\.isPlainASCII) else { continue }
                let runStart = units[run.lowerBound].x + skip
                let runEnd = units[run.upperBound - 1].x + units[run.upperBound - 1].width
                let next = r + 1 < runs.count ? runs[r + 1] : nil
                var fields = fields(in: run)
                if skip > 0, let first = fields.first {
                    // Line cells that a box title took are gone from the line.
                    let rest = first.drop(while: { units[$0].x < runStart })
                    if rest.isEmpty { fields.removeFirst() } else { fields[0] = rest }
                }
                // The run's cells start blank (a wide character's continuation becomes a space).
                for x in runStart..<runEnd { cells[x] = Cell(" ", role: cells[x].role) }
                var previousEnd: Int? = nil
                for (k, field) in fields.enumerated() {
                    let s = units[field.lowerBound].x
                    let e = units[field.upperBound - 1].x + units[field.upperBound - 1].width
                    let gapEnd = k + 1 < fields.count ? units[fields[k + 1].lowerBound].x : runEnd
                    // The room on the right: up to the next field keeping a space; for the
                    // run's last field to the run's end and on into the next run's leading
                    // blanks (keeping one), or for a box title into the line after it.
                    var hi: Int
                    var intoLine = false
                    if k + 1 < fields.count {
                        hi = gapEnd - 1
                    } else if runEnd >= width {
                        hi = runEnd
                    } else if cells[runEnd].text == " " {
                        let blanks = next.map { leading(in: $0) { $0.isSpace } - numberGrowth(in: $0) } ?? 0
                        hi = runEnd + max(0, blanks - 1)
                    } else if let next, e < runEnd, topLine(next) >= 2 {
                        hi = runEnd - 1 + topLine(next) - 1
                        intoLine = true
                    } else if isFrame(cells[runEnd]) {
                        hi = runEnd // text may touch a frame, as views draw it
                    } else {
                        hi = e < runEnd ? runEnd - 1 : runEnd
                    }
                    // The room on the left: after the previous field or text keeping a space.
                    let lo: Int
                    if let previousEnd {
                        lo = previousEnd + 1
                    } else if runStart == 0 || cells[runStart - 1].text == " " || isFrame(cells[runStart - 1]) {
                        lo = runStart
                    } else {
                        lo = s > runStart ? runStart + 1 : runStart
                    }
                    let placed = place(field, s: s, e: e, lo: lo, hi: hi)
                    let role = units[field.lowerBound].role
                    for (i, c) in placed.text.enumerated() {
                        let x = placed.start + i
                        cells[x] = Cell(String(c), role: x < runEnd ? cells[x].role : role)
                    }
                    let end = placed.start + placed.text.count
                    if end > runEnd || (intoLine && end == runEnd) {
                        taken = end - runEnd
                        if intoLine {
                            // Into the line after a title: a space, then the rest of the line.
                            cells[end] = Cell(" ", role: role)
                            taken += 1
                        }
                    }
                    // A cursor in the spaces after the field keeps its distance to the text.
                    for x in e..<max(e + 1, gapEnd) { columnMap[x] = min(end + x - e, width) }
                    previousEnd = end
                }
            }
        }

        /// How many units at the start of a run are of a kind.
        private func leading(in run: Range<Int>, _ kind: (Unit) -> Bool) -> Int {
            var n = 0
            for i in run {
                guard kind(units[i]) else { break }
                n += units[i].width
            }
            return n
        }

        /// How much the first field of a run grows when it is a number: the blanks before
        /// it are its own, for a right-aligned amount.
        private func numberGrowth(in run: Range<Int>) -> Int {
            guard let field = fields(in: run).first else { return 0 }
            let forms = forms(of: field)
            guard forms.contains(where: { $0.full.contains(where: \.isNumber) }) else { return 0 }
            let drawn = field.reduce(0) { $0 + units[$1].width }
            return max(0, forms.reduce(0) { $0 + $1.full.count } - drawn)
        }

        /// A frame's vertical line, which text may touch (not a corner, not a title's line).
        private func isFrame(_ cell: Cell) -> Bool {
            ["|", "│", "┃", "║"].contains(cell.text)
        }

        /// How many cells of a box's top line start a run: dashes up to a corner, as after
        /// a box's title (0 for anything else, such as a sparkline).
        private func topLine(_ run: Range<Int>) -> Int {
            let dashes = leading(in: run) { ["-", "─", "━", "═"].contains($0.text) }
            let after = run.lowerBound + dashes
            guard after < run.upperBound, ["+", "┐", "┬", "╮", "╗", "┓", "┤"].contains(units[after].text) else { return 0 }
            return dashes
        }

        /// Unit ranges of the fields of a run: words joined by single spaces, ended by
        /// more spaces or by a word ending in the ellipsis.
        private func fields(in run: Range<Int>) -> [Range<Int>] {
            var out: [Range<Int>] = []
            var i = run.lowerBound
            while i < run.upperBound {
                if units[i].isSpace { i += 1; continue }
                let start = i
                var end = i
                while true {
                    while end < run.upperBound, !units[end].isSpace { end += 1 }
                    // One space and another word, unless the word was cut with the ellipsis.
                    if end + 1 < run.upperBound, units[end].isSpace, !units[end + 1].isSpace,
                       units[end - 1].text.last != ellipsis {
                        end += 1
                    } else {
                        break
                    }
                }
                out.append(start..<end)
                i = end
            }
            return out
        }

        /// Lays out one field between `lo` and `hi` (it was drawn in `s..<e`); fills in the
        /// cursor map and returns the text and its first column.
        private mutating func place(_ field: Range<Int>, s: Int, e: Int, lo: Int, hi: Int) -> (text: String, start: Int) {
            let forms = forms(of: field)
            var chosen = forms.map(\.full)
            var length = chosen.reduce(0) { $0 + $1.count }
            var start = s
            var cutAt: Int? = nil
            if length <= hi - s {
                start = s
            } else if units[field.upperBound - 1].text.last == ellipsis {
                // Cut by a view already: cut again, in full forms, in place.
                let kept = String(chosen.dropLast().joined().prefix(max(0, hi - s - 1)))
                cutAt = kept.count
                chosen = [kept + String(ellipsis)]
                length = kept.count + 1
            } else if length <= hi - lo, forms.contains(where: { $0.full.contains(where: \.isNumber) }) {
                start = hi - length // into the spaces before it: a right-aligned number keeps its right edge
            } else {
                // All characters stay: full forms from the left while the room lasts.
                let lo = forms.contains(where: { $0.full.contains(where: \.isNumber) }) ? lo : s
                var budget = (hi - lo) - forms.reduce(0) { $0 + $1.short.count }
                for i in forms.indices {
                    let extra = forms[i].full.count - forms[i].short.count
                    if extra <= budget {
                        budget -= extra
                    } else {
                        chosen[i] = forms[i].short
                    }
                }
                length = chosen.reduce(0) { $0 + $1.count }
                start = length <= hi - s ? s : hi - length
            }
            // Where a cursor on the field's characters goes.
            var offset = 0
            for (i, u) in field.enumerated() {
                let at = cutAt.map { min(offset, max(0, $0 - 1)) } ?? offset
                for dx in 0..<units[u].width { columnMap[units[u].x + dx] = start + at }
                offset += cutAt == nil ? chosen[i].count : forms[i].full.count
            }
            return (chosen.joined(), start)
        }

        /// The forms of a field's units, each seeing its neighbours.
        private func forms(of field: Range<Int>) -> [Form] {
            field.map { u in
                let chars = Array(units[u].text)
                let before = u > field.lowerBound ? units[u - 1].text.last : nil
                let after = u + 1 < field.upperBound ? units[u + 1].text.first : nil
                let parts = chars.indices.map { i in
                    AsciiFallback.form(for: chars[i], before: i > 0 ? chars[i - 1] : before,
                                       after: i + 1 < chars.count ? chars[i + 1] : after)
                }
                if parts.count == 1 { return parts[0] }
                return Form(parts.map(\.full).joined(), short: String(parts.map(\.short).joined().prefix(units[u].width)))
            }
        }
    }
}
