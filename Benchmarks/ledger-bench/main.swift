// The fast path from a canonical CSV folder to the analysis, phase by phase.
//
//   swift run -c release ledger-bench DIR [runs] [--threads N] [--canonical] [--verify]
//   swift run -c release ledger-bench --generate N [--seed S] DIR
//
// Per run: load the folder with ColumnarLedgerLoader, compute every customer's figures
// (FigureCalculator) and the portfolio (PortfolioCalculator) with the default policy as of
// --as-of (default 2026-11-24, the generator's), no value model. Prints the median of each
// phase over the runs, rows/s and MB/s of the load and the peak RSS (VmHWM).
// --canonical also times the existing path (CanonicalLedgerReader → Ledger(records:)) once;
// --verify checks both paths give the same ledger and the same figures (small folders).
// Make a folder with `snoei generate --customers N DIR`. A benchmark, not a test.
import Foundation
import SnoeiCore
import SnoeiImport

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func flag(_ name: String) -> Bool {
    guard let i = arguments.firstIndex(of: name) else { return false }
    arguments.remove(at: i)
    return true
}
@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(i...(i + 1)) }
    return arguments[i + 1]
}
let canonical = flag("--canonical"), verify = flag("--verify")
let threads = option("--threads").flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
let asOf = option("--as-of").flatMap { Day(iso: $0) } ?? Day(year: 2026, month: 11, day: 24)!
// Convenience for machines without the CLI built: the same generator as `snoei generate`.
if let n = option("--generate").flatMap(Int.init), let dir = arguments.first {
    let t = DispatchTime.now().uptimeNanoseconds
    let summary = try LedgerGenerator(customers: n, seed: option("--seed").flatMap(UInt64.init) ?? 1)
        .write(to: URL(fileURLWithPath: dir))
    let s = Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9
    print(String(format: "generated %d customers: %.1f MB in %.1f s (%.0f MB/s)", n, Double(summary.totalBytes) / 1e6, s, Double(summary.totalBytes) / 1e6 / s))
    exit(0)
}
guard let dir = arguments.first else {
    print("usage: ledger-bench DIR [runs] [--threads N] [--as-of YYYY-MM-DD] [--canonical] [--verify]")
    exit(2)
}
let folder = URL(fileURLWithPath: dir)
let runs = arguments.dropFirst().first.flatMap(Int.init) ?? 3

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func seconds(since t: UInt64) -> Double { Double(now() - t) / 1e9 }
func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }
func f(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }
func peakRSS() -> String {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    return status.split(separator: "\n").first { $0.hasPrefix("VmHWM") }.map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " ") } ?? "?"
}

var load: [Double] = [], figures: [Double] = [], portfolio: [Double] = []
var perFile: [String: [Double]] = [:]
var last: (ledger: Ledger, stats: ColumnarLedgerLoader.Stats)?
for run in 1...runs {
    last = nil  // the previous run's ledger is freed before the next load
    let t0 = now()
    let loaded: (ledger: Ledger, stats: ColumnarLedgerLoader.Stats)
    do { loaded = try ColumnarLedgerLoader(threads: threads).loadMeasured(folder: folder) } catch {
        print("load failed: \(error)"); exit(1)
    }
    load.append(seconds(since: t0))
    for s in loaded.stats.files { perFile[s.file, default: []].append(s.seconds) }
    let t1 = now()
    let calculated = FigureCalculator(ledger: loaded.ledger, policy: .standard, asOf: asOf).customerFigures()
    figures.append(seconds(since: t1))
    let t2 = now()
    let p = PortfolioCalculator.compute(calculated, ledger: loaded.ledger, asOf: asOf)
    portfolio.append(seconds(since: t2))
    print("run \(run): load \(f(load.last!)) s, figures \(f(figures.last!)) s, portfolio \(f(portfolio.last!)) s (hhi \(f(p.hhi, 1)))")
    last = loaded
}
let stats = last!.stats
let mb = Double(stats.bytes) / 1e6
print("\n\(stats.rows) rows, \(f(mb, 1)) MB in \(stats.files.count) files, \(last!.ledger.customers.count) customers; threads \(threads); median of \(runs) run(s):")
for s in stats.files {
    let t = median(perFile[s.file]!)
    print("  \(s.file.padding(toLength: 16, withPad: " ", startingAt: 0)) \(String(s.rows).padding(toLength: 10, withPad: " ", startingAt: 0)) rows \(f(t, 3)) s  \(f(Double(s.bytes) / 1e6 / t, 0)) MB/s")
}
let total = median(load) + median(figures) + median(portfolio)
print("  load       \(f(median(load))) s  (\(f(Double(stats.rows) / median(load) / 1e6, 1)) M rows/s, \(f(mb / median(load), 0)) MB/s)")
print("  figures    \(f(median(figures))) s")
print("  portfolio  \(f(median(portfolio))) s")
print("  total      \(f(total)) s; peak RSS \(peakRSS())")

if canonical || verify {
    let fast = last!.ledger
    last = nil
    let t0 = now()
    let read = try CanonicalLedgerReader().read(folder: folder)
    guard read.isValid else { print("canonical reader: \(read.errors.prefix(5))"); exit(1) }
    let t1 = now()
    let ledger = try Ledger(records: read.records)
    print("\ncanonical path: read \(f(seconds(since: t0) - seconds(since: t1))) s, Ledger(records:) \(f(seconds(since: t1))) s, total \(f(seconds(since: t0))) s; peak RSS \(peakRSS())")
    if verify {
        let differences = LedgerDifferences.between(fast, ledger)
        let a = AnalysisCSV.render(Analysis(ledger: fast, policy: .standard, asOf: asOf))
        let b = AnalysisCSV.render(Analysis(ledger: ledger, policy: .standard, asOf: asOf))
        print(differences.isEmpty && a == b ? "verify: same ledger, same figures" : "verify: DIFFERENT \(differences.prefix(10)) figures equal: \(a == b)")
        if !differences.isEmpty || a != b { exit(1) }
    }
}
