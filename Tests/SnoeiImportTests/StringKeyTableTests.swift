import Testing
@testable import SnoeiImport

/// The id hash table of the columnar loader, against a Dictionary: every key found at its first
/// index, absent keys not found, every repetition reported once against the first occurrence,
/// whatever the number of regions and threads.
@Suite struct StringKeyTableTests {
    static func keys(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var keys: [String] = []
        for i in 0..<count {
            switch next() % 10 {
            case 0 where i > 0: keys.append(keys[Int(next() % UInt64(i))])          // a repetition
            case 1: keys.append("F-\(next() % 1_000_000)-lange-referentie-é-\(i)")   // longer than a small string
            case 2: keys.append("")
            default: keys.append("I\(next() % 5_000_000)")
            }
        }
        return keys
    }

    static func find(_ table: StringKeyTable, _ key: String) -> Int {
        var key = key
        return key.withUTF8 { table.find($0) }
    }

    @Test(arguments: [(1, 1 << 17), (2, 16), (3, 64), (4, 1 << 10)])
    func agreesWithADictionary(threads: Int, regionSlots: Int) {
        for (count, seed) in [(0, 1), (1, 2), (17, 3), (5_000, 4), (150_000, 5)] as [(Int, UInt64)] {
            let keys = Self.keys(count: count, seed: seed)
            let table = StringKeyTable(keys: keys, threads: threads, regionSlots: regionSlots)
            var first: [String: Int] = [:]
            var repeats: [(first: Int, again: Int)] = []
            for (i, k) in keys.enumerated() {
                if let f = first[k] { repeats.append((f, i)) } else { first[k] = i }
            }
            #expect(table.duplicates.map(\.first) == repeats.map(\.first), "\(count) keys")
            #expect(table.duplicates.map(\.again) == repeats.map(\.again), "\(count) keys")
            var misplaced = 0
            for (k, i) in first where Self.find(table, k) != i { misplaced += 1 }
            #expect(misplaced == 0, "\(count) keys, \(threads) threads, regions of \(regionSlots)")
            for absent in ["I5000001", "nope", "F-1-lange-referentie-é-x", "I"] where first[absent] == nil {
                #expect(Self.find(table, absent) == -1)
            }
        }
    }

    /// The batched lookup must answer exactly as one lookup at a time, for any batch length
    /// (groups of 16 and a remainder), present, repeated and absent keys alike.
    @Test(arguments: [(1, 1 << 17), (2, 16)])
    func batchedLookupsAgreeWithSingleOnes(threads: Int, regionSlots: Int) {
        let keys = Self.keys(count: 20_000, seed: 7)
        let table = StringKeyTable(keys: keys, threads: threads, regionSlots: regionSlots)
        let asked = Self.keys(count: 3_000, seed: 8) + ["nope", "I", "I5000001"] + keys.prefix(1_000)
        for length in [0, 1, 15, 16, 17, 33, asked.count] {
            let batch = Array(asked.prefix(length))
            let storage = batch.map { Array($0.utf8) + [0] }  // + [0]: never an empty allocation
            let buffers = storage.indices.map { i in
                storage[i].withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0.dropLast()) }
            }
            var results = [Int32](repeating: -2, count: max(1, length))
            withExtendedLifetime(storage) {
                buffers.withUnsafeBufferPointer { keys in
                    results.withUnsafeMutableBufferPointer { table.find(batch: keys, into: $0.baseAddress!) }
                }
            }
            let expected = batch.map { Int32(Self.find(table, $0)) }
            #expect(Array(results.prefix(length)) == expected, "batch of \(length)")
            #expect(expected.contains(-1) || length < 20, "the batch has absent keys")
        }
    }
}
