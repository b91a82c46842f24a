// Re-analysis after one day of new rows (issue 8 (d)): `swift build -c release --product
// incremental-bench` then `.build/release/incremental-bench DIR [AS-OF] [runs]`.
// Loads the canonical CSV folder, holds back every row dated on the as-of day (one day of a
// generated ledger ≈ 0.2 % of its rows) as the import, analyses the rest in full, then times
// `IncrementalAnalysis.apply` of that day against a full analysis of the whole ledger, checks
// both give the same figures, and prints medians and peak memory. See BENCHMARKS.md.
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SnoeiCore
import SnoeiImport

let arguments = CommandLine.arguments
guard arguments.count > 1 else {
    FileHandle.standardError.write(Data("usage: incremental-bench DIR [AS-OF] [runs]\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1])
let asOf = arguments.count > 2 ? Day(iso: arguments[2])! : Day(iso: "2026-11-24")!
let runs = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s.isEmpty ? .nan : s[s.count / 2] }
func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    return (Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "0") ?? 0) / 1024
}

/// glibc defers merging freed small blocks until a later allocation: the setup above frees
/// millions (the copies it splits and analyses), and without this the first allocation in
/// the timed update paid ≈0.4 s at a million customers for them.
func trimFreedMemory() {
    #if canImport(Glibc)
    // Not in the Glibc module's headers; looked up by name.
    typealias Trim = @convention(c) (Int) -> Int32
    if let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
    #endif
}

let clock = ContinuousClock()
var start = clock.now
let whole = try BenchLedger.load(folder)
let loadTime = clock.now - start
let (base, delta, heldBack) = BenchLedger.split(whole, on: asOf)
let rows = delta.invoices.count + delta.payments.count + delta.timeEntries.count + delta.contacts.count
    + delta.deviations.count + delta.incidents.count
let totalRows = whole.invoices.count + whole.payments.count + whole.timeEntries.count + whole.contacts.count
    + whole.deviations.count + whole.incidents.count
print("ledger: \(whole.customers.count) customers, \(totalRows) rows, loaded in \(String(format: "%.2f", seconds(loadTime))) s")
print("one day (\(asOf.iso)): \(rows) rows (\(String(format: "%.3f", 100 * Double(rows) / Double(max(1, totalRows)))) %); "
      + "\(heldBack) invoices of that day carry a reference another invoice has and stay in the base")

var full = [Double](), prepare = [Double](), applyShared = [Double](), applyOwned = [Double]()
var touched = 0
for run in 0..<runs {
    start = clock.now
    let reference = Analysis(ledger: whole, policy: .standard, asOf: asOf)
    full.append(seconds(clock.now - start))

    // 1. A server's snapshot still serves the previous analysis while the update runs, so the
    // update copies the columns it appends to: included.
    // PROFILE_OWNED=1 leaves this out, for a profile of the in-place update alone.
    if ProcessInfo.processInfo.environment["PROFILE_OWNED"] == nil {
        start = clock.now
        var incremental = IncrementalAnalysis(Analysis(ledger: base, policy: .standard, asOf: asOf))
        prepare.append(seconds(clock.now - start))
        let served = incremental.analysis
        trimFreedMemory()
        start = clock.now
        let update = try incremental.apply(delta)
        applyShared.append(seconds(clock.now - start))
        withExtendedLifetime(served) {}
        guard case .updated(let customers) = update else { print("not incremental: \(update)"); exit(1) }
        touched = customers
        if run == 0 {
            let a = incremental.analysis
            let same = a.customers == reference.customers && a.portfolio == reference.portfolio && a.verdicts == reference.verdicts
                && a.needingDecision == reference.needingDecision
            print("incremental result equals the full analysis: \(same)")
            if !same {
                if let r = a.customers.indices.first(where: { a.customers[$0] != reference.customers[$0] }) {
                    print("first differing customer \(whole.customers.ids[r]):\n  incremental \(a.customers[r])\n  full        \(reference.customers[r])")
                }
                if a.portfolio != reference.portfolio { print("portfolio differs:\n  \(a.portfolio)\n  \(reference.portfolio)") }
                if let r = a.verdicts.indices.first(where: { a.verdicts[$0] != reference.verdicts[$0] }) {
                    print("first differing verdict \(whole.customers.ids[r])")
                }
                if a.needingDecision != reference.needingDecision { print("the list of decisions differs") }
                exit(1)
            }
        }
    }  // frees the first update's ledgers before the second (at a million customers, 3.5 GB each)
    // 2. No one else holds the analysis (its ledger a fresh copy of the base, made outside the
    // timing): the columns grow in place, in the room `IncrementalAnalysis` made for them.
    var owned = IncrementalAnalysis(Analysis(ledger: BenchLedger.split(whole, on: asOf).0, policy: .standard, asOf: asOf))
    trimFreedMemory()
    start = clock.now
    _ = try owned.apply(delta)
    applyOwned.append(seconds(clock.now - start))
    print("  steps: " + owned.timings.map { String(format: "%@ %.3f s", $0.step, seconds($0.time)) }.joined(separator: ", "))
    if run == 0, owned.analysis.verdicts != reference.verdicts { print("the in-place update differs"); exit(1) }
}
print(String(format: "full analysis (median of %d): %.3f s", runs, median(full)))
print(String(format: "base analysis + index for incremental updates (once): %.3f s", median(prepare)))
print(String(format: "apply one day, %d customers touched, previous analysis still served (median of %d): %.3f s", touched, runs, median(applyShared)))
print(String(format: "apply one day, the update the only holder of its ledger (median of %d): %.3f s", runs, median(applyOwned)))
print(String(format: "peak memory: %.0f MiB", peakMemoryMiB()))
