import Foundation
import Testing
import LotseDomain
import LotseUI

@Suite struct FormatsTests {
    let de = Formats.german, en = Formats.english

    @Test func moneyReadsAsEachLanguageWritesIt() {
        let county = Money(cents: 887_712_345_600) // 8,877,123,456 €
        #expect(de.moneyCompact(county) == "8.877,1 Mio €")
        #expect(en.moneyCompact(county) == "€8,877.1m")
        #expect(de.money(Money(euros: 1_234_567)) == "1.234.567 €")
        #expect(en.money(Money(euros: 1_234_567)) == "€1,234,567")
        #expect(de.moneyCompact(Money(euros: 820_400)) == "820 T€")
        #expect(en.moneyCompact(Money(euros: 820_400)) == "€820k")
        #expect(de.moneyCompact(Money(euros: 9_500)) == "9.500 €")
        #expect(de.money(Money(cents: -150)) == "−2 €", "half away from zero, a real minus sign")
        #expect(de.money(Money(cents: 49)) == "0 €")
    }

    @Test func pairsShareTheUnitOfTheWhole() {
        #expect(de.moneyPair(Money(euros: 500_000), of: Money(euros: 1_200_000)) == "0,5/1,2 Mio €")
        #expect(en.moneyPair(Money(euros: 500_000), of: Money(euros: 1_200_000)) == "€0.5m/€1.2m")
        #expect(de.moneyPair(Money(euros: 341_000), of: Money(euros: 480_000)) == "341/480 T€")
        #expect(en.moneyPair(Money(euros: 341_000), of: Money(euros: 480_000)) == "€341k/€480k")
        #expect(de.moneyPair(Money(euros: 900), of: Money(euros: 9_500)) == "900/9.500 €")
        #expect(de.moneyPair(Money(euros: 1_754_000), of: Money(euros: 2_400_000)) == "1,8/2,4 Mio €")
        #expect(de.moneyPair(Money(euros: 492_000), of: Money(euros: 1_200_000)) == "0,5/1,2 Mio €")
        #expect(de.moneyPair(Money(euros: 341_200), of: Money(euros: 480_000)) == "341/480 T€")
        #expect(de.moneyCompact(Money(euros: 1_250_000)) == "1,3 Mio €")
        #expect(de.moneyCompact(Money(euros: 9_999)) == "9.999 €")
        #expect(de.money(Money(cents: 123_456_789)) == "1.234.568 €")
    }

    @Test func numbersAndPercents() {
        #expect(de.percent(Decimal(string: "12.94")!) == "12,9 %")
        #expect(en.percent(Decimal(string: "12.94")!) == "12.9%")
        #expect(de.percent(57) == "57 %")
        #expect(en.percent(57) == "57%")
        #expect(de.decimal(Decimal(string: "1250.5")!) == "1.250,5")
        #expect(en.decimal(Decimal(string: "1250.5")!) == "1,250.5")
        #expect(de.decimal(Decimal(string: "12.90")!) == "12,9")
        #expect(de.decimal(Decimal(250)) == "250")
        #expect(de.decimal(Decimal(string: "-0.004")!) == "0", "no minus before a zero")
        #expect(de.decimal(Decimal(string: "-3.25")!) == "−3,25")
        #expect(de.integer(8_877) == "8.877")
        #expect(en.integer(-8_877) == "−8,877")
    }

    @Test func monthsAndDates() {
        let d = Date(timeIntervalSince1970: 1_795_996_800) // 2026-11-30 00:00 UTC
        #expect(de.date(d) == "30.11.2026")
        #expect(en.date(d) == "30 Nov 2026")
        #expect(de.date(Date(timeIntervalSince1970: 1_767_312_000)) == "02.01.2026")
        let m = YearMonth(year: 2026, month: 3)!
        #expect(de.month(m) == "03/2026")
        #expect(en.month(m) == "03/2026")
    }

    @Test func datesAreReadInEitherForm() {
        let d = Date(timeIntervalSince1970: 1_795_996_800) // 2026-11-30
        // A two-digit year is this century's: "30.11.26" is 30.11.2026.
        for text in ["30.11.2026", "2026-11-30", "30 Nov 2026", " 30.11.2026 ", "30 nov 2026", "30.11.26"] {
            #expect(de.parseDate(text) == d, "\(text)")
        }
        for text in ["31.11.2026", "2026-13-01", "31.11.26", "30.11.6", "gestern", "", "30 Foo 2026", "29.02.2026"] {
            #expect(de.parseDate(text) == nil, "\(text)")
        }
        #expect(de.parseDate(de.date(d)) == d && en.parseDate(en.date(d)) == d)
    }
}

@Suite struct FormatsAtTheEndsTests {
    @Test func amountsAtTheEndsOfTheRangeAreWrittenNotTrapped() {
        for f in [Formats.german, .english] {
            for m in [Money(cents: .max), Money(cents: .min), Money(cents: .min + 1)] {
                #expect(!f.money(m).isEmpty)
                #expect(!f.moneyCompact(m).isEmpty)
                #expect(!f.moneyPair(m, of: Money(cents: .max)).isEmpty)
                #expect(!f.moneyPair(Money(cents: .max), of: m).isEmpty)
            }
        }
        #expect(Formats.german.moneyCompact(Money(cents: .max)) == "92.233.720.368,5 Mio €")
    }
}
