import ArgumentParser
import Foundation
import SnoeiCore
import SnoeiImport
import SnoeiStore

/// What most commands need: the stored ledger, the policy and the analysis as of a date.
struct Workspace {
    var records: LedgerRecords
    var analysis: Analysis
    var policySource: String

    /// Opens an existing database, runs `body` and always closes the connection.
    static func withExistingStore<T: Sendable>(_ database: DatabaseOptions, _ body: (LedgerStore) async throws -> T) async throws -> T {
        let location = try database.location()
        guard try database.exists() else {
            throw Terminal.failure(
                "No database at \(location). Run `snoei demo` for the demo firm or `snoei import DIR` to import a ledger"
                    + " (or pass --database PATH|URL).", code: ExitCodes.notFound)
        }
        do {
            return try await LedgerStore.with(location: location, body)
        } catch let error as ExitCode {
            throw error
        } catch let error as StoreError {
            throw Terminal.failure(error.description, code: ExitCodes.failure)
        }
    }

    /// `withValue`: also fit the purchase models (`snoei value`), so the figures and the
    /// recommendation include expected value; a history too thin for a fit is noted, not fatal.
    static func load(_ database: DatabaseOptions, policy: PolicyOptions, asOf: Day, withValue: Bool = false) async throws -> Workspace {
        let (resolved, source) = try policy.resolve()
        let records = try await withExistingStore(database) { try await $0.load() }
        let ledger: Ledger
        do {
            ledger = try Ledger(records: records)
        } catch {
            throw Terminal.failure("The stored ledger is inconsistent: \(error)", code: ExitCodes.failure)
        }
        var value: CustomerValue?
        if withValue {
            do {
                value = try CustomerValue(ledger: ledger, asOf: asOf, settings: CustomerValue.settings(resolved))
            } catch {
                Terminal.note("Future value not included: \(error)")
            }
        }
        return Workspace(records: records, analysis: Analysis(ledger: ledger, policy: resolved, asOf: asOf, value: value),
                         policySource: source)
    }

    /// The analysis straight from a canonical CSV folder, without a database
    /// (`analyze --from`): `ColumnarLedgerLoader`, then the same analysis as `load`.
    /// `timings` collects (phase, seconds) for `--timings`.
    static func load(folder: String, policy: PolicyOptions, asOf: Day, withValue: Bool,
                     timings: inout PhaseTimings) throws -> Workspace {
        let (resolved, source) = try policy.resolve()
        func lap(_ phase: String) { timings.lap(phase) }
        let ledger: Ledger
        do {
            // Only reported: invoice and payment ids are dropped as soon as the load is done with them.
            ledger = try ColumnarLedgerLoader(keepsRowIdentifiers: false).load(folder: URL(fileURLWithPath: folder))
        } catch let error as ColumnarLoadError {
            for p in error.problems { Terminal.error(p.description) }
            throw Terminal.failure("\(folder) was not analysed: fix the problems above (`snoei import --dry-run \(folder)` lists them all).",
                                   code: ExitCodes.badInput)
        } catch let error as LedgerReadError {
            throw Terminal.failure(error.description, code: ExitCodes.notFound)
        }
        lap("load")
        var value: CustomerValue?
        if withValue {
            do {
                value = try CustomerValue(ledger: ledger, asOf: asOf, settings: CustomerValue.settings(resolved))
            } catch {
                Terminal.note("Future value not included: \(error)")
            }
            lap("value")
        }
        let figures = FigureCalculator(ledger: ledger, policy: resolved, asOf: asOf).customerFigures()
        lap("figures")
        // Only reported: the activity tables go before the verdicts are built (peak memory).
        let analysis = Analysis(ledger: consume ledger, policy: resolved, asOf: asOf, value: value, figures: figures,
                                keeping: .customers)
        lap("portfolio/verdicts")
        return Workspace(records: LedgerRecords(), analysis: analysis, policySource: source)
    }

    /// Rows of the analysis for customer ids, or a clear message naming the unknown one.
    func rows(for ids: [String]) throws -> [Int] {
        try ids.map { id in
            guard let row = analysis.row(of: id) else {
                throw Terminal.failure("No customer with id \(id) in \(analysis.ledger.customers.ids.count) customers.",
                                       code: ExitCodes.notFound)
            }
            return row
        }
    }
}
