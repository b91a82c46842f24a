#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes mapped read-only: the parse threads read the page cache directly, with
/// no copy into the process, and the pages are dropped again by `unmap()`.
final class MappedFile: @unchecked Sendable {
    let path: String
    private(set) var base: UnsafePointer<UInt8>?
    let count: Int

    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw LedgerReadError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LedgerReadError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        count = Int(info.st_size)
        guard count > 0 else { base = nil; return }
        guard let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw LedgerReadError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        // Read front to back by the chunk threads: let the kernel read ahead aggressively.
        _ = madvise(mapped, count, MADV_SEQUENTIAL)
        base = UnsafePointer(mapped.assumingMemoryBound(to: UInt8.self))
    }

    /// Lets the kernel take back the whole pages inside `range`, once they are parsed: without
    /// this, every page read stays resident until `unmap()`, and a large file (1.2 GB of
    /// invoices) adds its size to the peak memory. A later read of the range (re-parsing a
    /// chunk) reads the file again; nothing is lost.
    func drop(_ range: Range<Int>) {
        guard let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let address = Int(bitPattern: base)
        let first = (address + range.lowerBound + page - 1) / page * page
        let last = (address + range.upperBound) / page * page
        guard last > first else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, MADV_DONTNEED)
    }

    func unmap() {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
        base = nil
    }

    deinit { unmap() }
}
