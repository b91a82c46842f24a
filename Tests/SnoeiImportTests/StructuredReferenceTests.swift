import Testing
@testable import SnoeiImport

@Suite struct StructuredReferenceTests {
    @Test func belgianOGMCheckDigitsAreTheFirstTenModulo97() {
        #expect(StructuredReference.belgian("+++090/9337/55493+++") == "090933755493")   // 909337554 mod 97 = 93
        #expect(StructuredReference.belgian("***090/9337/55493***") == "090933755493")
        #expect(StructuredReference.belgian("090933755493") == "090933755493")
        #expect(StructuredReference.belgian("+++090/9337/55494+++") == nil)   // wrong check digits
        #expect(StructuredReference.belgian("+++090/9337/5549+++") == nil)    // eleven digits
        // A multiple of 97 has check digits 97, never 00.
        #expect(StructuredReference.belgian("000000009797") == "000000009797")
        #expect(StructuredReference.belgian("000000009700") == nil)
    }

    @Test func dutchBetalingskenmerkWeightedModulo11() {
        // 15 digits 000020261010001: weighted sum from the right (2,4,8,5,10,9,7,3,6,1,…) = 53;
        // 53 mod 11 = 9; 11 − 9 = 2: the check digit in front.
        #expect(StructuredReference.dutchCheckDigit([0, 0, 0, 0, 2, 0, 2, 6, 1, 0, 1, 0, 0, 0, 1]) == 2)
        #expect(StructuredReference.dutch("2000020261010001") == "2000020261010001")
        #expect(StructuredReference.dutch("2000 0202 6101 0001") == "2000020261010001")
        #expect(StructuredReference.dutch("3000020261010001") == nil)   // wrong check digit
        #expect(StructuredReference.dutch("3000000000002026") == "3000000000002026")
        #expect(StructuredReference.dutch("200002026101000") == nil)    // fifteen digits
    }

    @Test func checkDigitRemaindersTenAndElevenBecomeOneAndZero() {
        // Search small numbers for both special cases and check them against the rule.
        var sawTen = false, sawEleven = false
        for n in 0..<200 {
            let digits = String(n).reversed().map { Int(String($0))! } + [Int](repeating: 0, count: 15)
            let fifteen = Array(digits.prefix(15).reversed())
            var sum = 0
            for (k, d) in fifteen.reversed().enumerated() { sum += d * StructuredReference.dutchWeights[k % 10] }
            let check = StructuredReference.dutchCheckDigit(fifteen)
            if 11 - sum % 11 == 10 { sawTen = true; #expect(check == 1) }
            if 11 - sum % 11 == 11 { sawEleven = true; #expect(check == 0) }
        }
        #expect(sawTen && sawEleven)
    }

    @Test func referencesAreFoundInFreeText() {
        #expect(StructuredReference.find(in: "Betaling +++090/9337/55493+++ dank") == "090933755493")
        #expect(StructuredReference.find(in: "kenmerk 2000 0202 6101 0001") == "2000020261010001")
        #expect(StructuredReference.find(in: "factuur 2026-103 van oktober") == nil)
        #expect(StructuredReference.find(in: "+++090/9337/55494+++") == nil)
    }

    @Test func normalisedFormComparesPrintedAndBareReferences() {
        #expect(StructuredReference.normalised("+++090/9337/55493+++") == StructuredReference.normalised("090933755493"))
        #expect(StructuredReference.normalised("rf18 5390 0754 7034") == "RF18539007547034")
    }
}
