extension SafeText {
    /// A text from the data inside HTML (element content or a quoted attribute value): first
    /// made inert for a terminal on one line (a file may be shown with `cat`), then `&`, `<`,
    /// `>`, `"` and `'` as character references. So `<script>` is text, a name cannot close
    /// an attribute, and an ESC shows as `␛`.
    public static func html(_ text: String) -> String {
        let line = forTerminalLine(text)
        var out = ""
        out.reserveCapacity(line.utf8.count)
        for c in line.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
