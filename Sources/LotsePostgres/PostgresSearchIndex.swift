import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// Every project's search text (`SearchText.of`) on PostgreSQL. The folding of case and
/// accents needs Foundation, so the text is made by the client and stored beside the
/// project; each text keeps the `source` it was made from (the project's searchable
/// columns and its municipality's name, as the server writes them), so a text whose
/// project or municipality changed since is recognised as stale and never trusted.
///
/// The portfolio's writes call `refresh` after changing projects or municipalities. A
/// reader that meets projects without a current text (written by an older client, or by
/// hand) matches those few in the client, so a search is exact whatever the index holds.
public enum PostgresSearchIndex {
    /// The migration that adds the table; the lead appends it to `readerMigrations`.
    public static let migration = (identifier: "v2-project-search", sql: """
        CREATE TABLE project_search (
            project_id TEXT NOT NULL PRIMARY KEY REFERENCES project(id) ON DELETE CASCADE ON UPDATE CASCADE,
            source TEXT NOT NULL,
            search_text TEXT NOT NULL
        );
        """)

    /// SQL: what a project's search text is made of (`p` the project, `m` its municipality).
    static let source = """
        concat_ws(chr(31), p.id, p.name, p.field, p.phase, coalesce(m.name, p.municipality_id), p.owner,
              p.funding_source)
        """

    /// SQL: whether `s` (a `project_search` row, NULL when missing) holds the current text of `p`.
    static let current = "s.source = \(source)"

    /// The projects whose stored text is missing or stale, with their current text.
    static func stale(_ session: PGSession) throws -> [(id: String, source: String, text: String)] {
        try session.query("""
            SELECT \(PGColumns.project("p")), coalesce(m.name, p.municipality_id), \(source)
            FROM project p LEFT JOIN municipality m ON m.id = p.municipality_id
            LEFT JOIN project_search s ON s.project_id = p.id
            WHERE s.source IS DISTINCT FROM \(source)
            """).map { row in
                let cells = row.makeRandomAccess()
                let project = try PGDecode.project(row)
                let name = try cells[14].decode(String.self)
                return (project.id, try cells[15].decode(String.self), SearchText.of(project, municipalityName: name))
            }
    }

    /// Writes the text of every project whose text is missing or stale; inside the caller's
    /// transaction, after a write of projects or municipalities.
    public static func refresh(_ session: PGSession) throws {
        let rows = try stale(session)
        guard !rows.isEmpty else { return }
        var binds = PostgresBindings()
        binds.append(rows.map(\.id))
        binds.append(rows.map(\.source))
        binds.append(rows.map(\.text))
        try session.query("""
            INSERT INTO project_search (project_id, source, search_text)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
            ON CONFLICT (project_id) DO UPDATE SET source = excluded.source, search_text = excluded.search_text
            """, binds)
    }

    /// The ids of the projects without a current stored text that a search by `words`
    /// finds, matched here (usually none: every write refreshes the texts).
    static func staleMatches(_ session: PGSession, words: [String]) throws -> [String] {
        let matcher = SearchText.Matcher(words: words)
        return try stale(session).filter { matcher.matches($0.text) }.map(\.id)
    }
}
