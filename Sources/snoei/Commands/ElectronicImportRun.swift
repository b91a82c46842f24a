import ArgumentParser
import Foundation
import SnoeiCore
import SnoeiImport
import SnoeiStore

/// `snoei import` for e-invoices and bank statements: reads, maps, matches, shows what it found
/// and stores it in one transaction (or, with --dry-run, only shows it).
struct ElectronicImportRun {
    let path: String
    let database: DatabaseOptions
    let dryRun: Bool
    let maxErrors: Int

    /// A file, or a folder holding e-invoice or statement files and no CSV: the canonical
    /// ledger keeps its folders of CSV files (and their messages when something is missing).
    static func applies(to path: String) -> Bool {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return false }
        guard isDir.boolValue else {
            // A file: by its extension, and a .txt only when it reads like MT940 (tab-separated
            // exports are .txt files too).
            let ext = (path as NSString).pathExtension.lowercased()
            if ["xml", "zip", "sta", "940", "mt940"].contains(ext) { return true }
            guard ext == "txt", let head = FileManager.default.contents(atPath: path)?.prefix(64) else { return false }
            let text = String(decoding: head, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.hasPrefix(":20:") || text.hasPrefix("{1:") || text.hasPrefix(":940:")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let extensions = names.map { ($0 as NSString).pathExtension.lowercased() }
        return !extensions.contains("csv") && extensions.contains { ["xml", "sta", "940", "mt940"].contains($0) }
    }

    func run() async throws {
        if (path as NSString).pathExtension.lowercased() == "csv" {
            throw Terminal.failure("\(path) is one CSV file; a canonical ledger is imported as the folder holding customers.csv.",
                                   code: ExitCodes.badInput)
        }
        let files: [SourceFile], skipped: [String]
        do {
            (files, skipped) = try ImportSources.collect(URL(fileURLWithPath: path))
        } catch let error as ImportSourceError {
            throw Terminal.failure(error.description + "; nothing was imported.", code: ExitCodes.badInput)
        }
        for name in skipped { Terminal.note("note: \(name) skipped (not .xml, .sta, .940, .mt940 or .txt)") }
        let location = try database.location()
        let exists = try database.exists()
        let known = exists ? try await Workspace.withExistingStore(database) { store in
            let records = try await store.load()
            return KnownLedger(customerIds: Set(records.customers.map(\.customerId)), identifiers: try await store.customerIdentifiers(),
                               invoices: records.invoices, payments: records.payments,
                               unmatchedIds: Set(try await store.unmatchedPayments().map(\.entryId)))
        } : KnownLedger()

        let result = ElectronicImporter(maxErrors: maxErrors).read(files, known: known)
        try ImportProblems.check(warnings: result.warnings, errors: result.errors, suppressed: result.suppressedErrors,
                                 suppressedWarnings: result.suppressedWarnings, in: path)
        ElectronicImportReport(result: result).print()

        let summary: ApplySummary
        if dryRun && !exists {
            let scratch = try await LedgerStore.inMemory()
            do {
                summary = try await scratch.apply(result.records, identifiers: result.identifiers, unmatched: result.unmatched, dryRun: true)
                try await scratch.close()
            } catch {
                try? await scratch.close()
                throw error
            }
        } else {
            summary = try await LedgerStore.with(location: location) { store in
                try await store.apply(result.records, identifiers: result.identifiers, unmatched: result.unmatched, dryRun: dryRun)
            }
        }
        var table = TextTable(["table", "rows", "new", "updated", "unchanged"], rightAligned: [1, 2, 3, 4])
        for kind in summary.kinds where kind.rows > 0 {
            table.add([kind.file.replacingOccurrences(of: ".csv", with: "").replacingOccurrences(of: "_", with: " "), "\(kind.rows)", "\(kind.new)", "\(kind.updated)", "\(kind.unchanged)"])
        }
        table.add(["total", "\(summary.rows)", "\(summary.new)", "\(summary.updated)", "\(summary.unchanged)"])
        Terminal.out("")
        Terminal.out(table.render())
        if dryRun {
            Terminal.out("Dry run: nothing was written to \(location.description).")
        } else if summary.changesAnything {
            Terminal.out("Imported into \(location.description)."
                         + (result.unmatched.isEmpty ? "" : " Assign the unmatched payments with `snoei payments assign`."))
        } else {
            Terminal.out("Nothing changed: \(location.description) already holds everything in \(path).")
        }
    }
}

/// What was read and how each credit was matched, for the person importing.
struct ElectronicImportReport {
    let result: ElectronicImport
    /// Rows shown per table; a statement of thousands of entries is summarised, not listed.
    var shown = 100

    func print() {
        var files = TextTable(["file", "kind", "items"], rightAligned: [2])
        for f in result.files { files.add([f.name, f.kind.rawValue, "\(f.items)"]) }
        Terminal.out(files.render())
        if !result.newCustomers.isEmpty {
            Terminal.out("")
            Terminal.out("New customers (buyers not yet known, keyed by their registration number):")
            var t = TextTable(["customer_id", "name", "identified by"])
            for c in result.newCustomers { t.add([c.customerId, c.name, c.identifier.description]) }
            Terminal.out(t.render())
        }
        if !result.records.invoices.isEmpty {
            Terminal.out("")
            Terminal.out("Invoices (amount excludes VAT; payable is what the buyer pays):")
            var t = TextTable(["invoice", "customer", "issued", "due", "amount", "payable", "reference"], rightAligned: [4, 5])
            for i in result.records.invoices.prefix(shown) {
                t.add([i.invoiceId, i.customerId, i.issueDate.iso, i.dueDate.iso, i.amount.plainString, i.payable.plainString, i.reference ?? "—"])
            }
            Terminal.out(t.render())
            more(result.records.invoices.count)
        }
        if !result.outcomes.isEmpty {
            Terminal.out("")
            Terminal.out("Credits:")
            var t = TextTable(["date", "amount", "from", "invoice", "matched by"], rightAligned: [1])
            for o in result.outcomes.prefix(shown) {
                t.add([o.entry.bookingDate.iso, o.entry.amount.plainString, truncate(o.entry.counterpartyName ?? o.entry.counterpartyIBAN ?? "—", 28),
                       o.invoiceId ?? "—", o.rule?.rawValue ?? "unmatched: for a person to assign"])
            }
            Terminal.out(t.render())
            more(result.outcomes.count)
            let rules: [PaymentAllocator.Rule] = [.structuredReference, .invoiceNumber, .amountAndAccount]
            let byRule = rules.map { rule in (rule, result.outcomes.filter { $0.rule == rule }.count) }.filter { $0.1 > 0 }
            if !byRule.isEmpty {
                Terminal.out("Matched: " + byRule.map { "\($0.1) by \($0.0.rawValue)" }.joined(separator: ", ") + ".")
            }
        }
        var counts: [String] = []
        if result.debits > 0 { counts.append("\(result.debits) debit\(result.debits == 1 ? "" : "s") (money going out) ignored") }
        if result.notBooked > 0 { counts.append("\(result.notBooked) entr\(result.notBooked == 1 ? "y" : "ies") not booked yet ignored") }
        if result.alreadyImported > 0 { counts.append("\(result.alreadyImported) credit\(result.alreadyImported == 1 ? "" : "s") already imported") }
        if result.duplicates > 0 { counts.append("\(result.duplicates) duplicate entr\(result.duplicates == 1 ? "y" : "ies") counted once") }
        if !result.unmatched.isEmpty { counts.append("\(result.unmatched.count) unmatched credit\(result.unmatched.count == 1 ? "" : "s") kept for a person to assign") }
        if !counts.isEmpty { Terminal.out(""); Terminal.out(counts.joined(separator: "; ") + ".") }
    }

    private func more(_ count: Int) {
        if count > shown { Terminal.out("… and \(count - shown) more, not listed.") }
    }
}
