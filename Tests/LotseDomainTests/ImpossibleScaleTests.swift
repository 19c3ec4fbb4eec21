import Testing
@testable import LotseDomain

/// A scale that cannot be counted (min above max, bounds at the ends of Int) is a problem
/// with a message, never a trap in the validator.
@Suite struct ImpossibleScaleTests {
    func problems(min: Int, max: Int) -> [String] {
        var q = QuestionnaireValidatorTests.valid
        q.scale.min = min
        q.scale.max = max
        return QuestionnaireValidator.problems(in: q).filter { $0.item == .scale || $0.field == "minimum" }
            .map(\.description)
    }

    @Test func minAboveMaxIsNamedAndTheGatesAreNotCheckedAgainstIt() {
        #expect(problems(min: 5, max: 1) == ["scale (max): max (1) must be greater than min (5)"])
    }

    @Test func boundsAtTheEndsOfIntAreRefusedWithoutOverflow() {
        #expect(problems(min: Int.min, max: Int.max) == [
            "scale (min): min (-9223372036854775808) must lie between -100 and 100",
            "scale (max): max (9223372036854775807) must lie between -100 and 100",
        ])
        #expect(problems(min: Int.max, max: Int.min) == [
            "scale (min): min (9223372036854775807) must lie between -100 and 100",
            "scale (max): max (-9223372036854775808) must lie between -100 and 100",
            "scale (max): max (-9223372036854775808) must be greater than min (9223372036854775807)",
        ])
    }

    @Test func aScaleJustInsideTheBoundsIsCountedAsBefore() {
        let found = problems(min: -100, max: 100)
        #expect(found == [
            "scale (labels.de): 5 label(s) for the values -100…100; exactly 201 are needed, one per value",
            "scale (labels.en): 5 label(s) for the values -100…100; exactly 201 are needed, one per value",
        ])
    }
}
