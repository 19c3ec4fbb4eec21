/// Text from the data made safe for a terminal, a mail or a Markdown renderer.
///
/// Names, ids, report texts and questionnaire texts come from files anyone may write. Put
/// on a terminal unchanged, an ESC starts a control sequence (clear the screen, set the
/// title, write the clipboard with OSC 52), a BEL rings, a C1 character such as U+009B is
/// a control sequence introducer on many terminals, and bidi overrides reorder what the
/// reader sees. Here every such character becomes something visible and inert:
///
/// - C0 controls (U+0000–U+001F) as their control pictures: ESC as `␛`, BEL as `␇`;
///   `\n` and `\t` stay where a text may have lines, a CRLF becomes `\n`;
/// - DEL as `␡`;
/// - C1 controls (U+0080–U+009F) and bidi controls (U+202A–U+202E, U+2066–U+2069) as `�`.
///
/// The dashboard needs none of this: its buffer drops characters of width zero.
public enum SafeText {
    /// What stands for C1 and bidi controls.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// A text of several lines (a report, a note, a whole message): keeps `\n` and `\t`.
    public static func forTerminal(_ text: String) -> String {
        render(text, lines: true)
    }

    /// A text that must stay on one line (a name, an id, a table cell): line breaks and
    /// tabs become a space, so a name cannot fake a line of its own.
    public static func forTerminalLine(_ text: String) -> String {
        render(text, lines: false)
    }

    /// Whether `text` holds nothing `forTerminal` would change.
    public static func isSafe(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == "\n" || $0 == "\t" || !isDangerous($0) }
    }

    /// Characters that must not reach a terminal as they are.
    public static func isDangerous(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0..<0x20, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func render(_ text: String, lines: Bool) -> String {
        guard !text.unicodeScalars.allSatisfy({ !isDangerous($0) }) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            i += 1
            switch c.value {
            case 0x0A, 0x09:
                out.append(lines ? c : " ")
            case 0x0D where i < scalars.count && scalars[i] == "\n":
                continue  // CRLF: the LF follows
            case 0..<0x20:
                out.append(Unicode.Scalar(0x2400 + c.value) ?? replacement)
            case 0x7F:
                out.append("\u{2421}")
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                out.append(replacement)
            default:
                out.append(c)
            }
        }
        return String(out)
    }

    /// JSON text with every dangerous character that is still raw written as a `\uXXXX`
    /// escape: the same data for a JSON reader, nothing for a terminal to act on.
    /// (JSONEncoder escapes C0 itself, but leaves DEL, C1 and bidi controls raw.)
    public static func json(_ text: String) -> String {
        guard !isSafe(text) else { return text }
        var out = ""
        for c in text.unicodeScalars {
            if c != "\n" && c != "\t" && isDangerous(c) {
                let digits = String(c.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    // MARK: - Markdown

    /// A text from the data inside a Markdown line (a heading, a list item, a table cell):
    /// first made safe for the terminal on one line, then every character Markdown would
    /// read as markup is escaped with a backslash: `\` `` ` `` `*` `_` `[` `]` `<` `>` `|`
    /// anywhere, and at its start what would begin a heading, quote or list (`#`, `+`, `-`,
    /// `=`, `1.`, `1)`). So `# Heading` stays text, `<script>` is no tag, `[x](javascript:…)`
    /// no link, and a line break cannot start a heading or list of its own.
    public static func markdown(_ text: String) -> String {
        let line = forTerminalLine(text)
        var out = ""
        out.reserveCapacity(line.utf8.count)
        for c in line {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|":
                out.append("\\")
            default:
                break
            }
            out.append(c)
        }
        // Markers that only count at the start of a line; the text may be placed there.
        let trimmed = out.drop { $0 == " " }
        if let first = trimmed.first {
            let start = trimmed.startIndex
            if first == "#" || first == "+" || first == "-" || first == "=" {
                out.insert("\\", at: start)
            } else if first.isASCII, first.isNumber {
                let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
                if let after = trimmed.dropFirst(digits.count).first, after == "." || after == ")" {
                    out.insert("\\", at: trimmed.index(start, offsetBy: digits.count))
                }
            }
        }
        return out
    }
}
