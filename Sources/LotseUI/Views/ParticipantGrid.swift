import TermCanvas

/// Where the participants' answers go under a statement: on one line beside median, spread
/// and dissent while they fit, else in a grid of rows below them. Names are shortened only as
/// far as they stay distinct; no participant and no figure is ever cut off.
enum ParticipantGrid {
    /// The most participants a workshop takes: twelve fit in two grid rows at 80 columns.
    static let maxParticipants = 12

    struct Layout: Equatable {
        /// The name shown for each participant, in participant order.
        var labels: [String]
        /// Participants per row; all of them when `inline`.
        var columns: Int
        /// On the figures' line (true) or in rows below it.
        var inline: Bool

        var rows: Int { labels.isEmpty ? 0 : (labels.count + columns - 1) / columns }
    }

    /// Width of one cell: the name, a space, the one-character answer, two spaces.
    static func cellWidth(_ labels: [String]) -> Int {
        (labels.map { DisplayWidth.of($0) }.max() ?? 0) + 4
    }

    /// The names cut to `length` characters (whole when nil), or nil when two would read the same.
    static func abbreviated(_ names: [String], to length: Int?) -> [String]? {
        let short = names.map { name in length.map { String(name.prefix($0)) } ?? name }
        return Set(short).count == short.count ? short : nil
    }

    /// The layout for `names` in `width` columns, `beside` of them taken by the figures
    /// when the answers share their line.
    static func layout(_ names: [String], width: Int, beside: Int) -> Layout {
        guard !names.isEmpty else { return Layout(labels: [], columns: 1, inline: true) }
        for length in [nil, 6, 4, 3, 2] as [Int?] {
            guard let labels = abbreviated(names, to: length) else { continue }
            let used = labels.reduce(0) { $0 + DisplayWidth.of($1) + 4 }
            if beside + used <= width { return Layout(labels: labels, columns: labels.count, inline: true) }
        }
        // Whole names in up to two rows where they fit; else shorter names, more rows.
        for length in [nil, 12, 10, 8] as [Int?] {
            guard let labels = abbreviated(names, to: length) else { continue }
            for rows in 1...min(2, names.count) {
                let columns = (names.count + rows - 1) / rows
                if columns * cellWidth(labels) <= width { return Layout(labels: labels, columns: columns, inline: false) }
            }
        }
        for rows in 1...names.count {
            let columns = (names.count + rows - 1) / rows
            for length in [nil, 12, 10, 8, 6, 5, 4, 3] as [Int?] {
                guard let labels = abbreviated(names, to: length) else { continue }
                if columns * cellWidth(labels) <= width { return Layout(labels: labels, columns: columns, inline: false) }
            }
        }
        // Names that share their first three letters on a very narrow screen: numbered.
        let numbered = names.indices.map { "\($0 + 1)" }
        return Layout(labels: numbered, columns: max(1, width / cellWidth(numbered)), inline: false)
    }
}
