import Testing
import LotseDomain

@Suite struct SearchTextTests {
    @Test func foldingDropsCaseAndAccents() {
        #expect(SearchText.fold("Mobilität ÜBER Straße") == "mobilitat uber strasse")
        #expect(SearchText.matches(SearchText.fold("Bürgerportal"), words: PortfolioQuery(search: "BURGER").searchWords))
    }

    @Test func everyWordMustOccur() {
        let text = "al-071 radverkehrszahlung mobilitat"
        #expect(SearchText.matches(text, words: []))
        #expect(SearchText.matches(text, words: ["rad", "mobil"]))
        #expect(SearchText.matches(text, words: ["ung"]))
        #expect(!SearchText.matches(text, words: ["rad", "wasser"]))
        #expect(!SearchText.matches(text, words: ["mobilitatx"]))
        #expect(!SearchText.matches("", words: ["a"]))
        // Byte for byte, like SQL's instr: a word matches across a multi-byte letter only whole.
        #expect(SearchText.matches("straße", words: ["ße"]))
        #expect(!SearchText.matches("strasse", words: ["ß"]))
    }

    @Test func aLongerSearchNarrowsTheShorterOne() {
        #expect(SearchText.narrows(["pa"], ["p"]))
        #expect(SearchText.narrows(["park"], ["ar"]))
        #expect(SearchText.narrows(["p", "a"], ["p"]))
        #expect(SearchText.narrows(["ar", "p"], ["p", "a"]))
        #expect(SearchText.narrows(["x"], []))
        #expect(!SearchText.narrows(["p"], ["pa"]))
        #expect(!SearchText.narrows([], ["p"]))
        #expect(!SearchText.narrows(["pa"], ["p", "b"]))
    }

    /// What `narrows` promises: a text the narrower search finds, the wider one finds too.
    @Test func whatANarrowerSearchFindsTheWiderOneFinds() {
        let letters = Array("abcß ")
        var rng = SystemRandomNumberGenerator()
        func random(_ n: Int) -> String { String((0..<n).map { _ in letters.randomElement(using: &rng)! }) }
        var narrowed = 0
        for _ in 0..<3000 {
            let narrow = PortfolioQuery(search: random(Int.random(in: 0...5, using: &rng))).searchWords
            let wide = PortfolioQuery(search: random(Int.random(in: 0...3, using: &rng))).searchWords
            guard SearchText.narrows(narrow, wide) else { continue }
            narrowed += 1
            let text = random(12)
            if SearchText.matches(text, words: narrow) {
                #expect(SearchText.matches(text, words: wide), "\(narrow) \(wide) \(text)")
            }
        }
        #expect(narrowed > 100)
    }
}
