import Foundation

/// The text a project is found by, folded so that case and accents do not matter:
/// "mobilitat" finds "Mobilität", and so does the German spelling without umlauts,
/// "mobilitaet" ("strasse" finds "Straße"). Engines store it beside the project and match
/// the folded words of a search against it, so every engine finds the same projects.
public enum SearchText {
    /// Lower case, accents removed, composed: the same input always gives the same bytes.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .precomposedStringWithCanonicalMapping
    }

    /// What a project is found by: id, name, field and phase in both languages, the
    /// municipality's name, owner and funding source; folded, and when it holds umlauts or
    /// ß, followed by the same text with them spelled out, so both spellings find it.
    public static func of(_ p: Project, municipalityName: String) -> String {
        indexed([p.id, p.name, p.field.germanName, p.field.englishName, p.phase.germanName, p.phase.englishName,
                 municipalityName, p.owner, p.fundingSource].joined(separator: " "))
    }

    /// The searchable form of `text`: folded, then (when it differs) folded with umlauts
    /// spelled out. A word found in the folded form alone is still found.
    public static func indexed(_ text: String) -> String {
        let folded = fold(text)
        let spelled = fold(spellingOutUmlauts(text))
        return spelled == folded ? folded : folded + " " + spelled
    }

    /// Lower case with ä, ö, ü written ae, oe, ue and ß written ss, as German is typed on a
    /// keyboard without them.
    public static func spellingOutUmlauts(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "ß", "ẞ": out += "ss"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether every word occurs in `text` (both folded), compared byte for byte like SQL's
    /// `instr`; no words match everything.
    public static func matches(_ text: String, words: [String]) -> Bool {
        Matcher(words: words).matches(text)
    }

    /// Whether a search by `words` keeps only projects that a search by `wider` keeps too:
    /// true when every word of `wider` occurs inside one of `words`. Then the projects
    /// `words` finds are those of `wider` that also contain `words`.
    public static func narrows(_ words: [String], _ wider: [String]) -> Bool {
        wider.allSatisfy { w in words.contains { $0.utf8.count >= w.utf8.count && Matcher(words: [w]).matches($0) } }
    }

    /// The folded words of one search, ready to be matched against many texts.
    public struct Matcher: Sendable {
        private let needles: [[UInt8]]

        public init(words: [String]) {
            needles = words.map { Array($0.utf8) }.filter { !$0.isEmpty }
        }

        /// Whether every word occurs in `text`, byte for byte.
        public func matches(_ text: String) -> Bool {
            guard !needles.isEmpty else { return true }
            var text = text
            return text.withUTF8 { matches(utf8: $0) }
        }

        /// Whether every word occurs in the UTF-8 bytes of a text, byte for byte.
        public func matches(utf8 haystack: UnsafeBufferPointer<UInt8>) -> Bool {
            needles.allSatisfy { Self.occurs($0, in: haystack) }
        }

        private static func occurs(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
            guard haystack.count >= needle.count, let first = needle.first else { return needle.isEmpty }
            let last = haystack.count - needle.count
            var start = 0
            while start <= last {
                // Find the first byte quickly, then compare the rest.
                guard let hit = haystack[start...last].firstIndex(of: first) else { return false }
                var k = 1
                while k < needle.count && haystack[hit + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
                start = hit + 1
            }
            return false
        }
    }
}
