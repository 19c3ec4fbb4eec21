import LotseDomain
import LotseUI
import Testing

/// Reads every entry of a table of texts in both languages: strings directly, closures
/// through `sample` (a closure without a sample fails the test). Records an issue for a
/// missing sample, a key that differs between the tables, and an empty text; returns how many
/// entries were read and which read the same in both languages, for each table's own rule.
enum StringTableCheck {
    struct Result {
        var checked = 0
        var total = 0
        /// Keys whose German and English texts are the same.
        var same: [String] = []
        var differing: Int { checked - same.count }
    }

    static func compare<T>(_ name: String, german: T, english: T, sample: (String, Language) -> String?,
                           sourceLocation: SourceLocation = #_sourceLocation) -> Result {
        let g = Array(Mirror(reflecting: german).children), e = Array(Mirror(reflecting: english).children)
        #expect(g.count == e.count, "\(name): the tables have different entries", sourceLocation: sourceLocation)
        var result = Result()
        for (a, b) in zip(g, e) {
            let key = a.label ?? "?"
            guard key != "language" else { continue }
            result.total += 1
            #expect(key == b.label, "\(name): \(key) and \(b.label ?? "?") in the same place", sourceLocation: sourceLocation)
            let de: String, en: String
            if let x = a.value as? String, let y = b.value as? String {
                (de, en) = (x, y)
            } else if let x = sample(key, .german), let y = sample(key, .english) {
                (de, en) = (x, y)
            } else {
                Issue.record("\(name).\(key) takes values but has no sample call in its test", sourceLocation: sourceLocation)
                continue
            }
            result.checked += 1
            #expect(!de.trimmingCharacters(in: .whitespaces).isEmpty, "\(name).\(key) is empty in German",
                    sourceLocation: sourceLocation)
            #expect(!en.trimmingCharacters(in: .whitespaces).isEmpty, "\(name).\(key) is empty in English",
                    sourceLocation: sourceLocation)
            if de == en { result.same.append(key) }
        }
        return result
    }
}
