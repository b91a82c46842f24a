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
                } catch {
                    logger.error("re-analysis failed", metadata: ["error": "\(error)"])
                }
            }
        }
        try? await state.store.close()
    }
}
