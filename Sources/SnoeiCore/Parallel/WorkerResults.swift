/// A raw pointer handed to worker threads that write disjoint parts of one buffer.
package struct SendablePointer<T>: @unchecked Sendable {
    package let pointer: UnsafeMutablePointer<T>
    package init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
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
