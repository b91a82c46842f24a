#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SnoeiCore

/// SplitMix64: tiny, fast and fully specified, so the same seed gives the same ledger on
/// every machine and toolchain (the standard library's generators promise no such thing).
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// An independent stream per customer, so one customer's draws never shift another's.
    init(seed: UInt64, stream: UInt64) {
        var s = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        self.init(seed: s.next())
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<n` (n > 0); the modulo bias is far below anything the ledger shows.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// True with probability `percent`/100.
    mutating func percent(_ percent: Int) -> Bool { below(100) < percent }
}

/// One output file: bytes are appended to a large buffer and written with `write(2)` in
/// blocks, so generating gigabytes costs no per-field `String` work.
struct ByteFile {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var written = 0
    let path: String
    static let block = 4 << 20

    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw LedgerWriteError.cannotCreate(path: path) }
        buffer.reserveCapacity(Self.block + 4096)
    }

    mutating func flushIfFull() throws { if buffer.count >= Self.block { try flush() } }

    mutating func flush() throws {
        try buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; throw LedgerWriteError.cannotCreate(path: path) }
                done += n
            }
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        try flush()
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }

    // MARK: fields

    @inline(__always) mutating func byte(_ b: UInt8) { buffer.append(b) }
    @inline(__always) mutating func comma() { buffer.append(UInt8(ascii: ",")) }
    @inline(__always) mutating func newline() { buffer.append(UInt8(ascii: "\n")) }

    mutating func ascii(_ s: StaticString) {
        s.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    mutating func text(_ s: String) { buffer.append(contentsOf: s.utf8) }

    /// A non-negative integer in decimal, without a `String`.
    mutating func int(_ value: Int) {
        var v = value
        let start = buffer.count
        repeat { buffer.append(UInt8(48 + v % 10)); v /= 10 } while v > 0
        buffer[start...].reverse()
    }

    /// `prefix` followed by a number: the generator's ids (`C123`, `I45`).
    mutating func id(_ prefix: UInt8, _ n: Int) { buffer.append(prefix); int(n) }

    /// Cents as `Money.plainString` writes them: `-12.50`.
    mutating func cents(_ c: Int64) {
        if c < 0 { buffer.append(UInt8(ascii: "-")) }
        let m = Int(c.magnitude)
        int(m / 100)
        buffer.append(UInt8(ascii: "."))
        buffer.append(UInt8(48 + (m / 10) % 10)); buffer.append(UInt8(48 + m % 10))
    }

    /// Thousandths of an hour as `FieldFormats.hours` writes them: `1.5`, `2`, `0.25`.
    mutating func hours(_ h: Int64) {
        int(Int(h / 1000))
        var frac = Int(h % 1000)
        guard frac != 0 else { return }
        buffer.append(UInt8(ascii: "."))
        var width = 3
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        let digits = frac < 10 ? 1 : frac < 100 ? 2 : 3
        for _ in digits..<width { buffer.append(UInt8(ascii: "0")) }
        int(frac)
    }

    mutating func day(_ d: Day, _ table: DayText) { table.append(d, to: &buffer) }
}

/// `YYYY-MM-DD` for every day the generator uses, computed once.
struct DayText {
    let first: Day
    private let bytes: [UInt8]

    init(from first: Day, through last: Day) {
        self.first = first
        var b = [UInt8]()
        b.reserveCapacity((last - first + 1) * 10)
        var d = first
        while d <= last { b.append(contentsOf: d.iso.utf8); d = d + 1 }
        bytes = b
    }

    func append(_ d: Day, to out: inout [UInt8]) {
        let o = (d - first) * 10
        out.append(contentsOf: bytes[o..<(o + 10)])
    }
}
