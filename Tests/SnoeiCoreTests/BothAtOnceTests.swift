import Dispatch
import Foundation
import Testing
@testable import SnoeiCore

@Suite("bothAtOnce")
struct BothAtOnceTests {
    struct Failure: Error, Equatable { let side: Int }

    @Test("returns both sides' results")
    func results() {
        let (a, b) = bothAtOnce({ (1...1000).reduce(0, +) }, { String(repeating: "x", count: 3) })
        #expect(a == 500_500)
        #expect(b == "xxx")
    }

    @Test("an error on either side is thrown after both have ended")
    func errors() {
        let finished = ResultBox<Bool>(count: 1)
        #expect(throws: Failure(side: 1)) {
            _ = try bothAtOnce({ () throws -> Int in throw Failure(side: 1) },
                               { Thread.sleep(forTimeInterval: 0.05); finished.set(0, true); return 2 })
        }
        #expect(finished.take(0) == true)
        #expect(throws: Failure(side: 2)) {
            _ = try bothAtOnce({ 1 }, { () throws -> Int in throw Failure(side: 2) })
        }
    }

    /// The reason it exists: inside `concurrentPerform(iterations: 2)` a nested apply runs its
    /// iterations one after the other, so two iterations that wait for each other never meet.
    @Test("a parallel pass inside the second side still runs on several threads",
          .enabled(if: ProcessInfo.processInfo.activeProcessorCount >= 2))
    func nestedParallelism() {
        let (_, met) = bothAtOnce({ Self.iterationsMeet() }, { Self.iterationsMeet() })
        #expect(met)
        #expect(Self.iterationsMeet())
    }

    /// Whether two iterations of one apply run at the same time: each signals, then waits up to
    /// two seconds for the other's signal.
    static func iterationsMeet() -> Bool {
        let arrived = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
        let met = ResultBox<Bool>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            arrived[i].signal()
            met.set(i, arrived[1 - i].wait(timeout: .now() + 2) == .success)
        }
        return met.take(0) == true && met.take(1) == true
    }
}
