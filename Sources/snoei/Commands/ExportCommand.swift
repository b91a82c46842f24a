import ArgumentParser
import Foundation
import SnoeiCore
import SnoeiImport

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the stored ledger as a canonical CSV folder (the format `snoei import` reads)."
    )

    @Argument(help: ArgumentHelp("Folder to write into (created if needed).", valueName: "folder"))
    var folder: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let records = try await Workspace.withExistingStore(database) { try await $0.load() }
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try CanonicalLedgerWriter.write(records, to: url)
        } catch {
            throw Terminal.failure("Cannot write \(folder): \(error)", code: ExitCodes.failure)
        }
        Terminal.out("Wrote \(records.rowCount) rows (\(records.customers.count) customers) to \(folder).")
    }
}
