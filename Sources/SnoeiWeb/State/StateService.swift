import Foundation
import Logging
import ServiceLifecycle

/// Keeps the served analysis current and closes the database on shutdown. Runs as a
/// service beside the HTTP server, so graceful shutdown ends both in order.
struct StateService: Service {
    let state: PortfolioState
    let interval: Duration
    let logger: Logger

    func run() async throws {
        // Cancelled at graceful shutdown, which ends the sleep at once.
        try? await cancelWhenGracefulShutdown {
            // The analysis recorded last, by whichever process: a request (an import through the
            // API) may refresh the state between ticks, so each tick compares rather than relying
            // on its own refresh.
            var recorded = await BackgroundJobs.recordAnalysisRunIfNew(state, after: nil, logger: logger)
            var lastCleanup = ContinuousClock.now
            await BackgroundJobs.deleteExpiredSessions(state.store, now: Date(), logger: logger)
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                do {
                    let clock = ContinuousClock()
                    let start = clock.now
                    if try await state.refresh() {
                        logger.info("re-analysed the ledger", metadata: [
                            "customers": "\(state.snapshot.analysis.customers.count)",
                            "duration": "\(clock.now - start)",
                        ])
                    }
                    recorded = await BackgroundJobs.recordAnalysisRunIfNew(state, after: recorded, logger: logger)
                    if ContinuousClock.now - lastCleanup > .seconds(600) {
                        lastCleanup = ContinuousClock.now
                        await BackgroundJobs.deleteExpiredSessions(state.store, now: Date(), logger: logger)
                    }
                } catch {
                    logger.error("re-analysis failed", metadata: ["error": "\(error)"])
                }
            }
        }
        try? await state.store.close()
    }
}
