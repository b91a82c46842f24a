@testable import SnoeiImport
import Testing

/// The scanner's word-at-a-time path for plain records must split exactly as its general
/// byte loop: same fields, field counts, blank lines, line numbers, problems and end
/// positions, on random bytes rich in separators, quotes, line ends and non-ASCII.
@Suite struct RecordScannerTests {
    struct Scanned: Equatable {
        var line: Int, fields: [[UInt8]], count: Int, blank: Bool, problem: String?, position: Int
    }

    static func scan(_ bytes: [UInt8], from start: Int, fast: Bool) -> [Scanned] {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = RecordScanner(base: buffer.baseAddress!, count: buffer.count, position: start, capacity: 6)
            scanner.usesFastPath = fast
            defer { scanner.release() }
            var out: [Scanned] = []
            while scanner.next() {
                let kept = min(scanner.fieldCount, scanner.capacity)
                out.append(Scanned(line: scanner.recordLine, fields: (0..<kept).map { Array(scanner.bytes($0)) },
                                   count: scanner.fieldCount, blank: scanner.isBlankLine,
                                   problem: scanner.problem.map { "\($0.column): \($0.reason)" }, position: scanner.position))
            }
            return out
        }
    }

    @Test func fastPathSplitsAsTheGeneralLoop() {
        var random = SystemRandomNumberGenerator()
        let plain = Array("abcdefghij0123456789.-".utf8)
        let special: [UInt8] = [0x2C, 0x2C, 0x0A, 0x0A, 0x0D, 0x22, 0xC3, 0xAB, 0xFF]
        var compared = 0
        for round in 0..<3_000 {
            // Mostly plain records (the fast path's case), with special bytes at a rate that varies by round.
            let rate = [2, 10, 40][round % 3]
            let length = Int.random(in: 0...300, using: &random)
            let bytes: [UInt8] = (0..<length).map { _ in
                Int.random(in: 0..<100, using: &random) < rate ? special.randomElement(using: &random)!
                    : Int.random(in: 0..<6, using: &random) == 0 ? 0x2C : Int.random(in: 0..<25, using: &random) == 0 ? 0x0A
                    : plain.randomElement(using: &random)!
            } + [0]  // never an empty buffer; a NUL is just another byte
            let start = Int.random(in: 0..<bytes.count, using: &random)
            let fast = Self.scan(bytes, from: start, fast: true), general = Self.scan(bytes, from: start, fast: false)
            #expect(fast == general, "bytes \(bytes) from \(start)")
            compared += fast.count
        }
        #expect(compared > 10_000)
    }
}
