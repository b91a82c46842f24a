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
/// `partitions` regions by the hash's top bits; each region is filled by its own thread,
/// so the build runs on every core without locks. Linear probing stays inside a region.
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

    init(keys: [String], threads: Int = 1) {
        self.keys = keys
        let partitions = threads >= 4 ? 4 : threads >= 2 ? 2 : 1
        var size = 16
        while size < keys.count + keys.count / 2 { size *= 2 }
        size = max(size, partitions * 16)
        let regionSize = size / partitions
        let geometry = Geometry(partitions: partitions, partitionShift: UInt64(64 - partitions.trailingZeroBitCount),
                                regionMask: regionSize - 1, regionBits: regionSize.trailingZeroBitCount)
        self.geometry = geometry
        var slots = [UInt64](repeating: 0, count: size)
        let found = ResultBox<[(first: Int, again: Int)]>(count: partitions)
        slots.withUnsafeMutableBufferPointer { buffer in
            let out = SendablePointer(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: partitions) { part in
                found.set(part, Self.fill(out.pointer, keys: keys, geometry: geometry, partition: part))
            }
        }
        self.slots = slots
        duplicates = found.values.flatMap { $0 }.sorted { $0.again < $1.again }
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

    @inline(__always) private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    @inline(__always) private static func withBytes<R>(_ key: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = key.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = key
        return copy.withUTF8(body)
    }

    private static func fill(_ slots: UnsafeMutablePointer<UInt64>, keys: [String], geometry g: Geometry,
                             partition: Int) -> [(first: Int, again: Int)] {
        var duplicates: [(first: Int, again: Int)] = []
        for index in keys.indices {
            Self.withBytes(keys[index]) { key in
                let h = Self.hash(UnsafeRawPointer(key.baseAddress ?? UnsafePointer(bitPattern: 1)!), key.count)
                if g.partition(h) != partition { return }
                let tag = h >> 32
                var s = g.home(h)
                while slots[s] != 0 {
                    let existing = Int(truncatingIfNeeded: slots[s] & 0xFFFF_FFFF) - 1
                    if slots[s] >> 32 == tag, Self.withBytes(keys[existing], { Self.same($0, key) }) {
                        duplicates.append((existing, index))
                        return
                    }
                    s = g.next(s)
                }
                slots[s] = tag << 32 | UInt64(index + 1)
            }
        }
        return duplicates
    }

    /// Index of the key with these bytes, or -1.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let h = Self.hash(UnsafeRawPointer(key.baseAddress ?? UnsafePointer(bitPattern: 1)!), key.count)
        let tag = h >> 32
        let g = geometry
        var s = g.home(h)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let v = slots[s]
                if v == 0 { return -1 }
                let index = Int(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1
                if v >> 32 == tag, Self.withBytes(keys[index], { Self.same($0, key) }) { return index }
                s = g.next(s)
            }
        }
    }
}
