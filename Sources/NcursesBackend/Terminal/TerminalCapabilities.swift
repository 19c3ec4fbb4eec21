import TermCanvas

/// Decisions about what the terminal can show, taken from plain facts so they can be
/// tested without a terminal.
public enum TerminalCapabilities {
    /// The colour depth to draw with: none when `NO_COLOR` is set to anything non-empty
    /// (https://no-color.org) or the terminal has no colours, 256 when it has at least
    /// 256, otherwise 8 (a terminal with fewer gets the colours it lacks clamped away by
    /// `ColorPairTable.clamp`).
    public static func colorDepth(noColor: String?, hasColors: Bool, colors: Int) -> ColorDepth {
        guard allowsColor(noColor: noColor, hasColors: hasColors), colors > 0 else { return .none }
        return colors >= 256 ? .twoFiftySix : .eight
    }

    /// Whether to use colour at all. Decided before `start_color`, which would otherwise
    /// make the default pair white on black even for a program that draws without colour.
    public static func allowsColor(noColor: String?, hasColors: Bool) -> Bool {
        if let noColor, !noColor.isEmpty { return false }
        return hasColors
    }

    /// Whether a locale codeset (`nl_langinfo(CODESET)`) is UTF-8.
    public static func isUTF8(codeset: String) -> Bool {
        let normalized = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "utf8"
    }
}
