/// The characters ncurses gets for one cell: a spacing character, the combining marks that
/// belong to it, and the spaces to add when the terminal draws it narrower than the
/// buffer reserved. Pure; the column width of a scalar is passed in (`wcwidth` of the
/// process locale in the real terminal), so disagreements can be tested.
public struct CellGlyph: Equatable, Sendable {
    /// The spacing character first, then up to four zero-width marks (`CCHARW_MAX` is 5).
    public var scalars: [UInt32]
    /// Spaces to write after the character so every reserved column is painted.
    public var padding: Int

    public init(scalars: [UInt32], padding: Int = 0) {
        self.scalars = scalars
        self.padding = padding
    }

    static let space: UInt32 = 0x20
    static let replacement: UInt32 = 0x3F // "?", printable in every locale
    static let maxScalars = 5

    /// The glyph for a cell's `text` that the buffer gives `columns` cells (1, or 2 for a
    /// double-width character followed by its continuation).
    ///
    /// - Control characters and empty text become a space (a tab would move the cursor).
    /// - A character the locale cannot print (width -1, e.g. "ä" without a UTF-8 locale)
    ///   becomes "?"; so does one the terminal draws wider than the columns it has,
    ///   which would otherwise push the rest of the row or wrap.
    /// - A character the terminal draws narrower than reserved gets padding.
    public static func make(text: String, columns: Int, columnWidth: (UInt32) -> Int) -> CellGlyph {
        let columns = max(1, columns)
        var iterator = text.unicodeScalars.makeIterator()
        guard let first = iterator.next(), !isControl(first.value) else {
            return CellGlyph(scalars: [space], padding: columns - 1)
        }
        let width = columnWidth(first.value)
        if width <= 0 {
            return CellGlyph(scalars: [width == 0 ? space : replacement], padding: columns - 1)
        }
        if width > columns {
            return CellGlyph(scalars: [replacement], padding: columns - 1)
        }
        var scalars = [first.value]
        while scalars.count < maxScalars, let next = iterator.next(),
              !isControl(next.value), columnWidth(next.value) == 0 {
            scalars.append(next.value)
        }
        return CellGlyph(scalars: scalars, padding: columns - width)
    }

    private static func isControl(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F..<0xA0).contains(v)
    }
}
