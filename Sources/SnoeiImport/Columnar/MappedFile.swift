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

    func unmap() {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
        base = nil
    }

    deinit { unmap() }
}
