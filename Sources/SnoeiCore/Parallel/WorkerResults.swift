import Foundation
import Dispatch

/// A raw pointer handed to worker threads that write disjoint parts of one buffer.
package struct SendablePointer<T>: @unchecked Sendable {
    package let pointer: UnsafeMutablePointer<T>
    package init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

/// A buffer handed to worker threads that write disjoint parts (or disjoint fields) of it.
package struct SendableBuffer<T>: @unchecked Sendable {
    package let buffer: UnsafeMutableBufferPointer<T>
    package init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

/// One result slot per worker; each worker writes only its own slot, read after the join.
package final class ResultBox<T>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<T?>
    package let count: Int

    package init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit { storage.deinitialize(count: count); storage.deallocate() }

    package func set(_ i: Int, _ value: T) { storage[i] = value }
    package func take(_ i: Int) -> T? { let v = storage[i]; storage[i] = nil; return v }
    package var values: [T] { (0..<count).compactMap { storage[$0] } }
}

/// `(0..<count).map(body)`, with the indexes cut into contiguous blocks run on `threads`
/// threads; the result is in index order. `body` must only read shared state.
package func parallelMap<T>(_ count: Int, threads: Int, minimumBlock: Int = 4_096, _ body: @Sendable (Int) -> T) -> [T] {
    let blocks = min(max(1, threads) * 4, max(1, count / max(1, minimumBlock)))
    guard blocks > 1 else { return (0..<count).map(body) }
    // Each block initialises its own part of the result in place: no per-block arrays to
    // copy and free (for verdicts, a retain and a release per array they hold).
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        let out = SendablePointer(buffer.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: blocks) { b in
            for i in count * b / blocks..<count * (b + 1) / blocks { (out.pointer + i).initialize(to: body(i)) }
        }
        initialized = count
    }
}

/// Runs `first` on the calling thread and `second` on a thread of its own, and returns both
/// results.
///
/// Not `DispatchQueue.concurrentPerform(iterations: 2)`: libdispatch divides the width of an
/// apply nested in another apply among the outer iterations, so on two cores every parallel
/// pass inside either side would run on one thread — and once one side ended, the other
/// went on with one core idle.
package func bothAtOnce<A, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
    let box = ResultBox<B>(count: 1)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.set(0, second())
        done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    let a = first()
    done.wait()
    return (a, box.take(0)!)
}

/// `bothAtOnce` for sides that can fail: the first error, if any, after both have ended.
package func bothAtOnce<A, B: Sendable>(_ first: () throws -> A, _ second: @escaping @Sendable () throws -> B) throws -> (A, B) {
    let (a, b) = bothAtOnce({ Result { try first() } }, { Result { try second() } })
    return (try a.get(), try b.get())
}

/// How many threads the analysis splits its passes over: the cores this process may use.
package enum Parallelism {
    package static var threads: Int { ProcessInfo.processInfo.activeProcessorCount }
}
