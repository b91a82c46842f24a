@testable import SnoeiImport
import Testing

/// The word-at-a-time line-feed count that sizes each chunk's columns must equal a byte
/// loop, whatever the alignment, length and neighbouring bytes (0x8A and 0x0B differ from
/// a line feed by one bit, 0xFF and 0x00 test borrows and carries).
@Suite struct LineFeedCountTests {
    @Test func equalsAByteLoop() {
        var random = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x0A, 0x0A, 0x8A, 0x0B, 0x09, 0x00, 0xFF, 0x7F, 0x80, 0x2C, 0x0D, 0x41]
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...80, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    let n = bytes.count - start
                    let expected = bytes[start...].filter { $0 == 0x0A }.count
                    #expect(ChunkedParse<CustomerTableParser>.lineFeeds(buffer.baseAddress! + start, n) == expected)
                }
            }
        }
    }

    @Test func allLineFeedsAndNone() {
        let lines = [UInt8](repeating: 0x0A, count: 1000)
        let none = [UInt8](repeating: 0x0B, count: 1000)
        lines.withUnsafeBufferPointer { #expect(ChunkedParse<CustomerTableParser>.lineFeeds($0.baseAddress!, 1000) == 1000) }
        none.withUnsafeBufferPointer { #expect(ChunkedParse<CustomerTableParser>.lineFeeds($0.baseAddress!, 1000) == 0) }
    }

    /// The reservation estimate: a chunk of lines of one length needs no growth and wastes
    /// little; a chunk smaller than the sample is counted exactly.
    @Test func expectedRecordsCoverUniformLines() {
        let line = Array("I123,C45,2026-01-02,2026-01-16,100.00,21.00,,\n".utf8)
        for lines in [1, 10, 1_000, 5_000, 40_000] {
            let bytes = Array((0..<lines).map { _ in line }.joined())
            let expected = bytes.withUnsafeBufferPointer { ChunkedParse<CustomerTableParser>.expectedRecords($0.baseAddress!, $0.count) }
            #expect(expected >= lines && expected <= lines + lines / 10 + 20, "\(lines) lines: \(expected)")
        }
    }
}
