import ArgumentParser
import Foundation
import SnoeiCore
import SnoeiImport
import SnoeiStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a canonical ledger folder, e-invoices (UBL) or bank statements (CAMT.053, MT940) in one transaction.",
        discussion: """
            PATH is a folder of canonical CSV files (see FORMAT.md); or a folder or zip of UBL 2.1 \
            invoices and credit notes (SI-UBL 2.0, Peppol BIS 3.0); or a CAMT.053 .xml or MT940 \
            (.sta, .940, .mt940, .txt) statement — recognised by content. Credits on a statement are \
            matched to invoices; what cannot be matched waits in `snoei payments unmatched`. \
            Every problem is reported as file:line:column: reason, up to --max-errors of them, and \
            then nothing is imported (exit code 2). Importing the same input again changes nothing; \
            a changed row is updated, a new row added. Nothing is ever deleted by an import.
            """
    )

    @Argument(help: ArgumentHelp("Folder with customers.csv and optionally invoices.csv, payments.csv, …; or UBL "
                                 + "invoices (folder or .zip), a CAMT.053 or an MT940 file.", valueName: "path"))
    var folder: String

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Check the folder and show what would change, without writing anything.")
    var dryRun = false

    @Flag(help: "Skip columns the canonical format does not know instead of refusing the file.")
    var ignoreUnknownColumns = false

    @Option(help: "Stop collecting problems after this many.")
    var maxErrors = 100

    func run() async throws {
        if ElectronicImportRun.applies(to: folder) {
            try await ElectronicImportRun(path: folder, database: database, dryRun: dryRun, maxErrors: maxErrors).run()
            return
        }
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Terminal.failure("\(folder) does not exist.", code: ExitCodes.notFound)
        }
        let location = try database.location()
        let path = location.description
        let exists = try database.exists()
        // A database that does not exist yet is only created once the files have passed.
        let known = exists ? try await Workspace.withExistingStore(database) { try await $0.customerIds() } : []

        let progress = ProgressLine()
        let reader = CanonicalLedgerReader(options: ImportOptions(ignoreUnknownColumns: ignoreUnknownColumns,
                                                                  maxErrors: maxErrors))
        let result: ReadResult
        do {
            result = try reader.read(folder: url, knownCustomerIds: known) { p in
                let percent = p.bytesTotal > 0 ? 100 * p.bytesDone / p.bytesTotal : 100
                progress.update("reading \(p.file) \(percent)% (\(p.rows) rows)")
            }
        } catch {
            progress.finish()
            throw Terminal.failure("\(error)", code: ExitCodes.badInput)
        }
        progress.finish()

        for warning in result.warnings { Terminal.note("warning: \(warning)") }
        guard result.isValid else {
            for problem in result.errors { Terminal.note("error: \(problem)") }
            if result.suppressedErrors > 0 {
                Terminal.note("… and \(result.suppressedErrors) more problems (raise --max-errors to see them).")
            }
            let count = result.errors.count + result.suppressedErrors
            throw Terminal.failure("\(count) problem\(count == 1 ? "" : "s") in \(folder); nothing was imported.",
                                   code: ExitCodes.badInput)
        }

        let summary: ApplySummary
        if dryRun && !exists {
            // Count against an empty database without creating the file.
            let scratch = try await LedgerStore.inMemory()
            do {
                summary = try await scratch.apply(result.records, dryRun: true)
                try await scratch.close()
            } catch {
                try? await scratch.close()
                throw error
            }
        } else {
            summary = try await LedgerStore.with(location: location) { store in
                try await store.apply(result.records, dryRun: dryRun) { p in
                    progress.update("writing \(p.done) of \(p.total) rows")
                }
            }
            progress.finish()
        }

        var table = TextTable(["file", "rows", "new", "updated", "unchanged"], rightAligned: [1, 2, 3, 4])
        for kind in summary.kinds where kind.rows > 0 {
            table.add([kind.file, "\(kind.rows)", "\(kind.new)", "\(kind.updated)", "\(kind.unchanged)"])
        }
        table.add(["total", "\(summary.rows)", "\(summary.new)", "\(summary.updated)", "\(summary.unchanged)"])
        Terminal.out(table.render())
        if dryRun {
            Terminal.out("Dry run: the folder is valid; nothing was written to \(path).")
        } else if summary.changesAnything {
            Terminal.out("Imported into \(path). Next: `snoei analyze`.")
        } else {
            Terminal.out("Nothing changed: \(path) already holds every row of this folder.")
        }
    }
}
