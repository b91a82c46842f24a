import Foundation
import Logging
import SnoeiCore
import SnoeiStore

/// Work done once for everyone sharing the database, whichever server gets to it first.
///
/// Each server keeps its own analysis in memory (it serves every page from it), so each one
/// re-analyses after an import; what follows from the analysis and lands in the database is
/// done once: the PostgreSQL advisory lock of `LedgerStore.runExclusively` lets one process
/// in, and the others skip the round (they find the work done, or try again next tick).
enum BackgroundJobs {
    /// This process, as written into what it records: host name and process id.
    static let processName = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"

    enum Outcome: Equatable {
        /// This process wrote the run.
        case wrote
        /// It was there already (another server, or an earlier start).
        case existed
        /// Another process held the lock, or the write failed: try again next round.
        case notNow
    }

    /// Records the analysis of the current ledger version in `analysis_runs`, unless another
    /// server did.
    @discardableResult
    static func recordAnalysisRun(_ state: PortfolioState, logger: Logger) async -> Outcome {
        let snapshot = state.snapshot
        guard let version = snapshot.key.ledgerVersion else { return .existed }  // an empty, never-imported store
        let analysis = snapshot.analysis
        let ms = snapshot.computeTime.components
        let run = AnalysisRunRecord(
            ledgerVersion: version, asOf: analysis.asOf, ranAt: Date().ISO8601Format(), ranBy: processName,
            customers: analysis.customers.count, revenue: analysis.portfolio.revenue,
            contribution: analysis.portfolio.contribution, hours: analysis.portfolio.hours,
            letGo: analysis.count(.letGo), fix: analysis.count(.fix),
            durationMilliseconds: Int(ms.seconds * 1000 + ms.attoseconds / 1_000_000_000_000_000))
        do {
            let wrote = try await state.store.runExclusively(job: "record-analysis-run") {
                try await state.store.recordAnalysisRun(run)
            }
            switch wrote {
            case true?:
                logger.info("recorded the analysis run", metadata: ["ledger_version": "\(version)", "as_of": "\(run.asOf.iso)"])
                return .wrote
            case false?: return .existed
            case nil: return .notNow
            }
        } catch {
            logger.error("recording the analysis run failed", metadata: ["error": "\(error)"])
            return .notNow
        }
    }

    /// Records the run when the served analysis is not the one recorded last (`after`: the
    /// ledger version and day); returns what is now recorded.
    static func recordAnalysisRunIfNew(_ state: PortfolioState, after last: String?, logger: Logger) async -> String? {
        let key = state.snapshot.key
        let current = key.ledgerVersion.map { $0 + "|" + key.asOf.iso }
        guard current != last else { return last }
        return await recordAnalysisRun(state, logger: logger) == .notNow ? last : current
    }

    /// Removes expired sessions (they no longer sign anyone in; this keeps the table small).
    static func deleteExpiredSessions(_ store: LedgerStore, now: Date, logger: Logger) async {
        do {
            _ = try await store.runExclusively(job: "delete-expired-sessions") {
                try await store.deleteExpiredSessions(now: now.ISO8601Format())
            }
        } catch {
            logger.error("removing expired sessions failed", metadata: ["error": "\(error)"])
        }
    }
}
