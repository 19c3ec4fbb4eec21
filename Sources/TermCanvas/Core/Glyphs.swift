/// The characters used for lines, charts and symbols. Unicode by default; ASCII when
/// the terminal has no UTF-8 locale.
public struct Glyphs: Sendable, Hashable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// Eight levels, lowest to highest, for sparklines.
    public var sparkLevels: [String]
    public var gaugeFull: String
    public var gaugeEmpty: String
    public var lightGreen: String
    public var lightYellow: String
    public var lightRed: String
    public var lightNone: String
    public var up: String
    public var down: String
    public var ellipsis: String
    public var selectionMark: String
    /// At the right end of a table's header when columns did not fit.
    public var moreColumns: String = "›"
    /// Marks the current item of a strip (the wizard's dimension), unlike any light.
    public var current: String = "◆"

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
        bottomRight: "┘", sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        gaugeFull: "█", gaugeEmpty: "░", lightGreen: "●", lightYellow: "▲", lightRed: "■",
        lightNone: "○", up: "↑", down: "↓", ellipsis: "…", selectionMark: "▶")

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
        bottomRight: "+", sparkLevels: ["_", ".", ",", "-", "~", "=", "*", "#"],
        gaugeFull: "#", gaugeEmpty: ".", lightGreen: "o", lightYellow: "!", lightRed: "X",
        lightNone: "-", up: "^", down: "v", ellipsis: "~", selectionMark: ">", moreColumns: ">", current: "*")
}
