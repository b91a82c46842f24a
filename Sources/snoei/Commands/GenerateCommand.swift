import ArgumentParser
import Foundation
import SnoeiCore
import SnoeiImport

/// `snoei generate`: a synthetic canonical ledger folder for benchmarks and tests.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic canonical ledger folder (for benchmarks and tests).",
        discussion: """
            Per customer on average 20 invoices, about 20 payments, 20 time entries and 10 contacts, \
            plus some deviations, incidents and referrals, over the two years before --as-of. The same \
            --seed gives byte-identical files on every machine. 1,000,000 customers is about 3.3 GB.
            """
    )

    @Option(help: "Number of customers.")
    var customers: Int

    @Option(help: "Seed of the generator: the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The analysis date the data is spread around.", valueName: "YYYY-MM-DD"))
    var asOf: Day = LedgerGenerator.defaultAsOf

    @Argument(help: ArgumentHelp("Folder to write (created if needed; existing ledger files are replaced).", valueName: "DIR"))
    var folder: String

    func validate() throws {
        guard customers > 0 else { throw ValidationError("--customers must be at least 1") }
    }

    func run() throws {
        let generator = LedgerGenerator(customers: customers, seed: seed, asOf: asOf)
        let start = DispatchTime.now().uptimeNanoseconds
        let total = customers
        // Progress only for sizes where one would wait.
        let progress: ((Int) -> Void)? = customers >= 50_000 ? { done in
            FileHandle.standardError.write(Data("\rgenerating: \(done * 100 / total)% of \(total) customers".utf8))
        } : nil
        let summary: LedgerGenerator.Summary
        do {
            summary = try generator.write(to: URL(fileURLWithPath: folder), progress: progress)
        } catch {
            throw Terminal.failure("\(error)", code: ExitCodes.failure)
        }
        if progress != nil { FileHandle.standardError.write(Data("\n".utf8)) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        for file in CanonicalLedgerReader.fileNames where summary.rows[file] != nil {
            Terminal.out("\(file.padding(toLength: 18, withPad: " ", startingAt: 0)) \(summary.rows[file]!) rows")
        }
        let mb = Double(summary.totalBytes) / 1e6
        Terminal.note(String(format: "%.1f MB in %.1f s (%.0f MB/s) into %@", mb, seconds, mb / max(seconds, 1e-9), folder))
    }
}
