import Foundation
import PropertyBased
import SnoeiCore
import Testing
@testable import SnoeiImport

/// Property-based fuzzing of the readers: valid fixtures are broken by random edits (bytes
/// deleted, inserted, replaced with markup characters, invalid UTF-8 or control bytes, chunks
/// duplicated, the file cut short). Whatever comes out, the readers must not crash, and a
/// refusal must name a position. Inputs that once crashed are kept in `Fixtures/fuzz`.
@Suite struct XMLFuzzTests {
    /// Bytes that break markup or encodings in interesting ways.
    static let nasty: [UInt8] = Array("<>&;\"'/:=!?[]#x-".utf8) + [0x00, 0x01, 0x0A, 0x0D, 0x80, 0xC3, 0xE2, 0xED, 0xF4, 0xFF, 0xFE, 0x7F]

    static let seeds: [SourceFile] = (try? (eInvoiceFixtures + bankFixtures).map(fixture)) ?? []

    static let edits = zip(
        Gen.int(in: 0...4),            // delete, insert, replace, duplicate a chunk, truncate
        Gen.int(in: 0...1_000_000),    // position (modulo the length)
        Gen.int(in: 0...28),           // which nasty byte
        Gen.int(in: 1...40)            // chunk length
    ).array(of: 1...6)

    static func mutate(_ input: [UInt8], _ edits: [(Int, Int, Int, Int)]) -> [UInt8] {
        var b = input
        for (op, pos, byte, len) in edits {
            guard !b.isEmpty else { break }
            let p = pos % b.count
            let c = nasty[byte % nasty.count]
            switch op {
            case 0: b.removeSubrange(p..<min(b.count, p + len))
            case 1: b.insert(contentsOf: [UInt8](repeating: c, count: len % 4 + 1), at: p)
            case 2: b[p] = c
            case 3: b.insert(contentsOf: b[p..<min(b.count, p + len)], at: p)
            default: b = Array(b[..<p])
            }
        }
        return b
    }

    /// Runs every reader that could see these bytes; a crash ends the test process, so
    /// reaching the end is the property. Refusals must point into the file.
    static func exercise(_ file: SourceFile) {
        if let root = try? XMLReader.parse(file.bytes) {
            _ = UBLReader.read(root, file: file.name)
            _ = CAMT053Reader.read(root, file: file.name)
        } else {
            do { _ = try XMLReader.parse(file.bytes) } catch let e as XMLError {
                #expect(e.line >= 1 && e.column >= 1 || e.line == 0 && e.reason.contains("limit"), "\(file.name): \(e)")
                let lines = file.bytes.filter { $0 == 0x0A }.count + 1
                #expect(e.line <= lines, "\(file.name): \(e) beyond the last line \(lines)")
            } catch {
                Issue.record("\(file.name): a non-XML error \(error)")
            }
        }
        let result = ElectronicImporter().read([file], known: KnownLedger(customerIds: ["C1"]))
        for problem in result.errors { #expect(problem.file == file.name) }
        if result.isValid { #expect(result.files.count == 1) }
    }

    @Test func brokenInvoicesAndStatementsNeverCrashTheReaders() async {
        #expect(Self.seeds.count == 7)
        await propertyCheck(count: 1_500, input: Gen.int(in: 0...6), Self.edits) { seed, edits in
            let original = Self.seeds[seed % Self.seeds.count]
            Self.exercise(SourceFile(name: original.name, bytes: Self.mutate(original.bytes, edits)))
        }
    }

    @Test func randomBytesNeverCrashTheReaders() async {
        await propertyCheck(count: 500, input: Gen.uint8().array(of: 0...300)) { bytes in
            Self.exercise(SourceFile(name: "random.xml", bytes: [UInt8]("<r>".utf8) + bytes))
            Self.exercise(SourceFile(name: "random.sta", bytes: [UInt8](":20:X\n:25:NL91ABNA0417164300\n:61:".utf8) + bytes))
        }
    }

    /// The regression corpus: inputs found by fuzzing or written as known attacks, each of which
    /// must be refused with a position, never crash and never import anything.
    @Test func theCorpusIsRefusedCleanly() throws {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { throw CocoaError(.fileNoSuchFile) }
        let folder = root.appendingPathComponent("fuzz")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 14)
        for name in names {
            let file = SourceFile(name: name, bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
            Self.exercise(file)
            let result = ElectronicImporter().read([file], known: KnownLedger())
            #expect(!result.isValid, "\(name) was accepted")
            #expect(result.records.rowCount == 0 && result.unmatched.isEmpty, "\(name) produced records")
        }
    }
}
