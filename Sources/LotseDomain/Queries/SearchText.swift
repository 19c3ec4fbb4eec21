import Foundation

/// The text a project is found by, folded so that case and accents do not matter:
/// "mobilitat" finds "Mobilität". Engines store it beside the project and match the
/// folded words of a search against it, so every engine finds the same projects.
public enum SearchText {
    /// Lower case, accents removed, composed: the same input always gives the same bytes.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .precomposedStringWithCanonicalMapping
    }

    /// What a project is found by: id, name, field and phase in both languages, the
    /// municipality's name, owner and funding source.
    public static func of(_ p: Project, municipalityName: String) -> String {
        fold([p.id, p.name, p.field.germanName, p.field.englishName, p.phase.germanName, p.phase.englishName,
              municipalityName, p.owner, p.fundingSource].joined(separator: " "))
    }

    /// Whether every word occurs in `text` (both folded), compared byte for byte like SQL's
    /// `instr`; no words match everything.
    public static func matches(_ text: String, words: [String]) -> Bool {
        let haystack = Array(text.utf8)
        return words.allSatisfy { occurs(Array($0.utf8), in: haystack) }
    }

    private static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        outer: for start in 0...(haystack.count - needle.count) {
            for k in 0..<needle.count where haystack[start + k] != needle[k] { continue outer }
            return true
        }
        return false
    }
}
