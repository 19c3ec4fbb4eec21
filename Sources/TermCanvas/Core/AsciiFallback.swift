/// Makes a buffer printable on a terminal without UTF-8: every cell becomes one ASCII
/// character, so the layout stays as drawn.
public enum AsciiFallback {
    private static let table: [Character: Character] = [
        "ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U", "ß": "s", "é": "e", "è": "e",
        "€": "E", "·": ".", "–": "-", "—": "-", "−": "-", "±": "~", "≤": "<", "≥": ">", "…": "~",
        "×": "x", "→": ">", "←": "<", "↑": "^", "↓": "v", "▶": ">", "●": "o", "▲": "!", "■": "X",
        "○": "-", "│": "|", "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+", "█": "#", "░": ".",
        "„": "\"", "“": "\"", "”": "\"", "‚": "'", "‘": "'", "’": "'", "§": "S", "°": "o",
    ]

    /// The ASCII stand-in for one grapheme ("?" when none is known, a space for wide
    /// characters' continuation cells).
    public static func ascii(for text: String) -> String {
        guard let ch = text.first else { return " " }
        if ch.isASCII { return text }
        if let mapped = table[ch] { return String(mapped) }
        if let base = ch.unicodeScalars.first, base.isASCII { return String(base) }
        return "?"
    }

    public static func apply(to buffer: Buffer) -> Buffer {
        var out = buffer
        for y in 0..<buffer.size.height {
            for x in 0..<buffer.size.width {
                let cell = buffer[x, y]
                if cell.text.count == 1, cell.text.first!.isASCII { continue }
                out[x, y] = Cell(ascii(for: cell.text), role: cell.role)
            }
        }
        return out
    }
}
