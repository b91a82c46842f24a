import Foundation
import Logging
public import SnoeiCore
import SnoeiConfig
public import SnoeiStore

/// The analysis the web app serves, kept current: it is recomputed when the ledger changes
/// (an import from the command line, say), when the policy file changes, or at midnight.
public final class PortfolioState: @unchecked Sendable {
    public let store: LedgerStore
    let policyPath: String?
    let workingDirectory: String
    let fixedAsOf: Day?
    /// Fit the purchase models with every analysis (expected purchases, lifetime value).
    let futureValue: Bool
    private let lock = NSLock()
    private var _snapshot: Snapshot?
    private var _policyError: String?

    public init(store: LedgerStore, policyPath: String?, workingDirectory: String, asOf: Day?, futureValue: Bool = false) {
        self.futureValue = futureValue
        self.store = store
        self.policyPath = policyPath
        self.workingDirectory = workingDirectory
        self.fixedAsOf = asOf
    }

    public var snapshot: Snapshot {
        lock.lock(); defer { lock.unlock() }
        guard let s = _snapshot else { preconditionFailure("PortfolioState used before refresh()") }
        return s
    }

    /// The reason the policy file could not be read, if it could not (the last good one stays in use).
    public var policyError: String? {
        lock.lock(); defer { lock.unlock() }
        return _policyError
    }

    /// Where the policy editor saves: the file in use, else ./snoei.toml.
    public var policyFilePath: String {
        if let policyPath { return policyPath.hasPrefix("/") ? policyPath : workingDirectory + "/" + policyPath }
        return workingDirectory + "/snoei.toml"
    }

    var asOf: Day { fixedAsOf ?? Day.today }

    /// Recomputes the snapshot when anything it depends on changed. Returns true when it did.
    @discardableResult
    public func refresh(force: Bool = false) async throws -> Bool {
        let key = SnapshotKey(ledgerVersion: try await store.ledgerVersion(), policyStamp: policyStamp(), asOf: asOf)
        let current: Snapshot? = lock.withLock { _snapshot }
        if !force, let current, current.key == key { return false }
        let policy: Policy, source: String
        do {
            (policy, source) = try PolicyFile.resolve(explicitPath: policyPath, workingDirectory: workingDirectory)
            setPolicyError(nil)
        } catch {
            setPolicyError("\(error)")
            guard let current else { throw error }
            (policy, source) = (current.policy, current.policySource)
        }
        let clock = ContinuousClock(), start = clock.now
        let records = try await store.load()
        let snapshot = try Snapshot(records: records, policy: policy, policySource: source, asOf: key.asOf, key: key,
                                    loadTime: clock.now - start, futureValue: futureValue)
        lock.withLock { _snapshot = snapshot }
        return true
    }

    private func setPolicyError(_ e: String?) { lock.withLock { _policyError = e } }

    /// Changes whenever the policy file is created, edited or removed.
    private func policyStamp() -> String {
        let path = policyFilePath
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "none" }
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        return "\(modified)-\(size)"
    }
}

extension Day {
    /// Today in the server's time zone.
    static var today: Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}
