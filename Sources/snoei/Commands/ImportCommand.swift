import ArgumentParser
import Foundation
import SnoeiCore
import SnoeiImport
import SnoeiStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a canonical ledger folder, exports (Exact Online, Moneybird, SnelStart, Toggl, Clockify, Harvest, any CSV), e-invoices (UBL) or bank statements (CAMT.053, MT940) in one transaction.",
        discussion: """
            A folder holding customers.csv, invoices.csv, … is read as a canonical ledger (FORMAT.md). A folder \
            or zip of UBL 2.1 invoices and credit notes (SI-UBL 2.0, Peppol BIS 3.0), or a CAMT.053 .xml or \
            MT940 (.sta, .940, .mt940) statement, is recognised by content; credits on a statement are matched \
            to invoices and what cannot be matched waits in `snoei payments unmatched`. Anything else is read \
            as exports: one or more CSV files, or a folder of them, each with its encoding, separator, decimal \
            style and date format detected, its kind and columns recognised from the header (Dutch and English \
            names) or from --profile / --mapping. \
            Every problem is reported as file:line:column: reason, up to --max-errors of them, and \
            then nothing is imported (exit code 2). Importing the same input again changes nothing; \
            a changed row is updated, a new row added. Nothing is ever deleted by an import.
            """
    )

    @Argument(help: ArgumentHelp("A canonical ledger folder; export files or a folder of exports; UBL invoices (folder or .zip); a CAMT.053 or MT940 statement.", valueName: "path"))
    var paths: [String]

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Check the files and show what would change (for exports also the detected dialect, the column mapping and the first rows as stored), without writing anything.")
    var dryRun = false

    @Flag(help: "Skip columns the canonical format does not know instead of refusing the file.")
    var ignoreUnknownColumns = false

    @Option(help: "Stop collecting problems after this many.")
    var maxErrors = 100

    @Option(help: ArgumentHelp("What the export holds (default: recognised from its header).", valueName: "kind"))
    var kind: LedgerKind?

    @Option(help: ArgumentHelp("A built-in mapping: \(ExportProfiles.all.map(\.name).joined(separator: ", ")).", valueName: "name"))
    var profile: String?

    @Option(help: ArgumentHelp("A TOML mapping file naming the source column of each field (see README).", valueName: "file"))
    var mapping: String?

    @Option(help: ArgumentHelp("utf-8, windows-1252 or iso-8859-1 (default: detected).", valueName: "name"))
    var encoding: String?

    @Option(help: ArgumentHelp("',', ';', tab or '|' (default: detected).", valueName: "char"))
    var separator: String?

    @Option(help: ArgumentHelp("How fields are quoted: double (\"), single (') or none (default: double).", valueName: "quote"))
    var quote: String?

    @Option(help: ArgumentHelp("dd-mm-yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyymmdd, yyyy-mm-dd, … (default: detected).", valueName: "format"))
    var dateFormat: String?

    @Option(help: ArgumentHelp("comma (1.234,56) or point (1,234.56) (default: detected).", valueName: "style"))
    var decimal: String?

    @Option(help: ArgumentHelp("Refuse files larger than this many MiB.", valueName: "MiB"))
    var maxFileSize = ImportLimits.defaultMaxFileBytes >> 20

    @Option(help: ArgumentHelp("Refuse files with more data rows than this.", valueName: "rows"))
    var maxRows = ImportLimits.defaultMaxRows

    var options: ImportOptions {
        ImportOptions(ignoreUnknownColumns: ignoreUnknownColumns, maxErrors: maxErrors,
                      limits: ImportLimits(maxFileBytes: max(0, maxFileSize) << 20, maxRows: max(0, maxRows)))
    }

    func run() async throws {
        if paths.count == 1, ElectronicImportRun.applies(to: paths[0]), !paths[0].lowercased().hasSuffix(".csv"),
           kind == nil, profile == nil, mapping == nil {
            try await ElectronicImportRun(path: paths[0], database: database, dryRun: dryRun, maxErrors: maxErrors).run()
            return
        }
        let input = try ImportInput.resolve(self)
        let location = try database.location()
        let path = location.description
        let exists = try database.exists()
        // A database that does not exist yet is only created once the files have passed.
        let known = exists ? try await Workspace.withExistingStore(database) { try await $0.customerNames() } : [:]

        let progress = ProgressLine()
        let result: ReadResult
        switch input {
        case .canonical(let url):
            // Into a store without customers (the first import), a clean folder is read on
            // every core straight into records; anything the canonical reader would report
            // sends the folder to that reader, so its messages are unchanged.
            if known.isEmpty, case .sqlite = location {
                progress.update("reading \(paths[0])")
                if let records = ColumnarRecordLoader(options: options).read(folder: url) {
                    progress.finish()
                    result = ReadResult(records: records)
                    break
                }
            }
            do {
                result = try CanonicalLedgerReader(options: options).read(folder: url, knownCustomerIds: Set(known.keys)) { p in
                    let percent = p.bytesTotal > 0 ? 100 * p.bytesDone / p.bytesTotal : 100
                    progress.update("reading \(p.file) \(percent)% (\(p.rows) rows)")
                }
            } catch {
                progress.finish()
                throw Terminal.failure("\(error)", code: ExitCodes.badInput)
            }
            progress.finish()
        case .exports(let sources):
            let read = ExportReader(options: options).read(sources, known: KnownCustomers(names: known))
            if dryRun { Terminal.out(ExportReportText.render(read.files)) }
            result = read.result
        }
        let what = paths.count == 1 ? paths[0] : "\(paths.count) files"

        try ImportProblems.check(warnings: result.warnings, errors: result.errors, suppressed: result.suppressedErrors,
                                 in: what)

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
            Terminal.out("Dry run: \(what) \(paths.count == 1 ? "is" : "are") valid; nothing was written to \(path).")
        } else if summary.changesAnything {
            Terminal.out("Imported into \(path). Next: `snoei analyze`.")
        } else {
            Terminal.out("Nothing changed: \(path) already holds every row of \(what).")
        }
    }
}
