import Dispatch
import SnoeiCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Open-addressing hash table from the bytes of a key to its index in `keys`, looked up
/// with a byte range of the file, so resolving an id costs no `String`.
///
/// Each slot holds the upper 32 bits of the key's hash and its index + 1 (0 = empty), so a
/// probe compares the key bytes only when the hashes agree. The slots are split into
/// regions of about a megabyte by the hash's top bits, and linear probing stays inside a
/// region. The build sorts the keys' hashes by region first (a counting sort, in parallel
/// blocks) and then fills region after region, on every core: each fill touches one small
/// region instead of the whole table, which for 20 M invoice ids (256 MB of slots) is the
/// difference between a cache miss per key and none.
struct StringKeyTable: Sendable {
    private var slots: [UInt64]
    let keys: [String]
    private let geometry: Geometry

    /// Pairs (first index, repeated index) of equal keys, in index order.
    private(set) var duplicates: [(first: Int, again: Int)] = []

    /// Where a hash lives: its region (top bits) and its home slot in the region (low bits).
    struct Geometry: Sendable {
        let partitions: Int
        let partitionShift: UInt64
        let regionMask: Int
        let regionBits: Int

        @inline(__always) func partition(_ h: UInt64) -> Int { partitions == 1 ? 0 : Int(h >> partitionShift) }

        @inline(__always) func home(_ h: UInt64) -> Int {
            (partition(h) << regionBits) | Int(truncatingIfNeeded: h) & regionMask
        }

        @inline(__always) func next(_ slot: Int) -> Int { (slot & ~regionMask) | ((slot + 1) & regionMask) }
    }

    /// - Parameter regionSlots: about how many slots a region has (tests pass small ones).
    init(keys: [String], threads: Int = 1, regionSlots: Int = 1 << 17) {
        self.keys = keys
        var partitions = 1
        while partitions < threads, partitions < 4 { partitions *= 2 }
        while (keys.count + keys.count / 2) / partitions > max(16, regionSlots) { partitions *= 2 }
        let shift = UInt64(64 - partitions.trailingZeroBitCount)
        let byRegion = Geometry(partitions: partitions, partitionShift: shift, regionMask: 0, regionBits: 0)
        let (hashes, order, regionStart) = Self.sortByRegion(keys, geometry: byRegion, threads: threads)
        // Every region gets room for its fullest one at two-thirds load, so a probe always ends
        // at an empty slot, however unevenly the keys fall.
        let fullest = (0..<partitions).map { regionStart[$0 + 1] - regionStart[$0] }.max() ?? 0
        var regionSize = 16
        while regionSize < fullest + fullest / 2 + 1 { regionSize *= 2 }
        let size = regionSize * partitions
        let geometry = Geometry(partitions: partitions, partitionShift: shift,
                                regionMask: regionSize - 1, regionBits: regionSize.trailingZeroBitCount)
        self.geometry = geometry
        var slots = [UInt64](repeating: 0, count: size)
        let found = ResultBox<[(first: Int, again: Int)]>(count: partitions)
        slots.withUnsafeMutableBufferPointer { buffer in
            let out = SendablePointer(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: partitions) { part in
                found.set(part, Self.fill(out.pointer, keys: keys, hashes: hashes, order: order,
                                          range: regionStart[part]..<regionStart[part + 1], geometry: geometry))
            }
        }
        self.slots = slots
        duplicates = found.values.flatMap { $0 }.sorted { $0.again < $1.again }
    }

    /// The keys' hashes and indexes grouped by region, each region's keys in index order (so a
    /// repeated key is reported against its first occurrence); `regionStart` has one entry more
    /// than there are regions.
    private static func sortByRegion(_ keys: [String], geometry g: Geometry, threads: Int)
        -> (hashes: [UInt64], order: [Int32], regionStart: [Int]) {
        let n = keys.count, regions = g.partitions
        guard n > 0 else { return ([], [], [Int](repeating: 0, count: regions + 1)) }
        let blocks = max(1, min(threads * 4, n / 65_536))
        // Pass 1: how many keys of each block fall in each region.
        var counts = [Int](repeating: 0, count: blocks * regions)
        counts.withUnsafeMutableBufferPointer { buffer in
            let out = SendablePointer(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: blocks) { b in
                let mine = out.pointer + b * regions
                for i in n * b / blocks..<n * (b + 1) / blocks { mine[g.partition(withBytes(keys[i]) { hash($0) })] += 1 }
            }
        }
        // Where each block writes its keys of each region: regions in order, blocks in order within.
        var regionStart = [Int](repeating: 0, count: regions + 1)
        var offset = 0
        for r in 0..<regions {
            regionStart[r] = offset
            for b in 0..<blocks {
                let c = counts[b * regions + r]
                counts[b * regions + r] = offset
                offset += c
            }
        }
        regionStart[regions] = offset
        // Pass 2: scatter.
        var hashes = [UInt64](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)
        hashes.withUnsafeMutableBufferPointer { h in
            order.withUnsafeMutableBufferPointer { o in
                counts.withUnsafeMutableBufferPointer { c in
                    let hs = SendablePointer(h.baseAddress!), os = SendablePointer(o.baseAddress!)
                    let cursor = SendablePointer(c.baseAddress!)
                    DispatchQueue.concurrentPerform(iterations: blocks) { b in
                        let next = cursor.pointer + b * regions
                        for i in n * b / blocks..<n * (b + 1) / blocks {
                            let key = withBytes(keys[i]) { hash($0) }
                            let r = g.partition(key)
                            hs.pointer[next[r]] = key
                            os.pointer[next[r]] = Int32(truncatingIfNeeded: i)
                            next[r] += 1
                        }
                    }
                }
            }
        }
        return (hashes, order, regionStart)
    }

    @inline(__always) static func hash(_ p: UnsafeRawPointer, _ n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        var i = 0
        while i + 8 <= n {
            h = (h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n { w |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << shift; shift += 8; i += 1 }
            h = (h ^ w) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 32
        h &*= 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }

    @inline(__always) static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        hash(UnsafeRawPointer(key.baseAddress ?? UnsafePointer(bitPattern: 1)!), key.count)
    }

    @inline(__always) private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    @inline(__always) static func withBytes<R>(_ key: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = key.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = key
        return copy.withUTF8(body)
    }

    /// Fills one region with its keys (`order[range]`), in index order.
    private static func fill(_ slots: UnsafeMutablePointer<UInt64>, keys: [String], hashes: [UInt64], order: [Int32],
                             range: Range<Int>, geometry g: Geometry) -> [(first: Int, again: Int)] {
        var duplicates: [(first: Int, again: Int)] = []
        for position in range {
            let h = hashes[position], index = Int(order[position])
            let tag = h >> 32
            var s = g.home(h)
            var repeated = false
            while slots[s] != 0 {
                let existing = Int(truncatingIfNeeded: slots[s] & 0xFFFF_FFFF) - 1
                if slots[s] >> 32 == tag,
                   Self.withBytes(keys[existing], { a in Self.withBytes(keys[index]) { Self.same(a, $0) } }) {
                    duplicates.append((existing, index))
                    repeated = true
                    break
                }
                s = g.next(s)
            }
            if !repeated { slots[s] = tag << 32 | UInt64(index + 1) }
        }
        return duplicates
    }

    /// Index of the key with these bytes, or -1.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let h = Self.hash(key)
        let g = geometry
        return slots.withUnsafeBufferPointer { slots in
            let home = g.home(h)
            return probe(slots, from: home, first: slots[home], tag: h >> 32, key: key)
        }
    }

    /// The probe from slot `s`, whose value `v` was already read.
    @inline(__always)
    private func probe(_ slots: UnsafeBufferPointer<UInt64>, from s: Int, first v: UInt64, tag: UInt64,
                       key: UnsafeBufferPointer<UInt8>) -> Int {
        var s = s, v = v
        while true {
            if v == 0 { return -1 }
            let index = Int(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1
            if v >> 32 == tag, Self.withBytes(keys[index], { Self.same($0, key) }) { return index }
            s = geometry.next(s)
            v = slots[s]
        }
    }

    /// `find` for many keys: `results[i]` is the index of `keys[i]`, or -1.
    ///
    /// In a large table nearly every lookup misses the cache, and one at a time each waits for
    /// its slot before the next can start. Here a group of keys is hashed first and then all
    /// their home slots are read in one short loop of independent loads, so the misses overlap.
    func find(batch keys: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, into results: UnsafeMutablePointer<Int32>) {
        let group = 16
        let g = geometry
        slots.withUnsafeBufferPointer { slots in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: group) { home in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * group) { words in
                    let hashes = words.baseAddress!, first = words.baseAddress! + group
                    var i = 0
                    while i < keys.count {
                        let m = min(group, keys.count - i)
                        for k in 0..<m {
                            hashes[k] = Self.hash(keys[i + k])
                            home[k] = g.home(hashes[k])
                        }
                        for k in 0..<m { first[k] = slots[home[k]] }
                        for k in 0..<m {
                            results[i + k] = Int32(probe(slots, from: home[k], first: first[k], tag: hashes[k] >> 32, key: keys[i + k]))
                        }
                        i += m
                    }
                }
            }
        }
    }
}
