import Foundation
import SnoeiCore
import SnoeiImport
import Testing

/// `LedgerGenerator`: files the canonical reader accepts, deterministic per seed.
@Suite struct GeneratorTests {
    func generate(_ customers: Int, seed: UInt64) throws -> (TempLedger, LedgerGenerator.Summary) {
        let folder = try TempLedger()
        let summary = try LedgerGenerator(customers: customers, seed: seed).write(to: folder.url)
        return (folder, summary)
    }

    func bytes(_ folder: TempLedger) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.url.path) {
            out[name] = try Data(contentsOf: folder.url.appendingPathComponent(name))
        }
        return out
    }

    @Test func generatedFilesImportWithoutProblems() throws {
        let (folder, summary) = try generate(200, seed: 7)
        let read = try folder.read()
        #expect(read.errors.isEmpty, "\(read.errors.prefix(5))")
        let r = read.records
        #expect(r.customers.count == 200)
        #expect(r.invoices.count == summary.rows["invoices.csv"])
        #expect(r.payments.count == summary.rows["payments.csv"])
        #expect(r.timeEntries.count == summary.rows["time_entries.csv"])
        #expect(r.contacts.count == summary.rows["contacts.csv"])
        #expect(r.incidents.count == summary.rows["incidents.csv"])
        // Per customer on average 20 invoices, ~20 payments, 20 time entries, 10 contacts.
        #expect((3200...4800).contains(r.invoices.count), "\(r.invoices.count)")
        #expect((2800...4800).contains(r.payments.count), "\(r.payments.count)")
        #expect((3200...4800).contains(r.timeEntries.count), "\(r.timeEntries.count)")
        #expect((1500...2500).contains(r.contacts.count), "\(r.contacts.count)")
        #expect(r.invoices.contains { $0.amount.cents < 0 }, "credit notes")
        #expect(r.incidents.allSatisfy { (1...5).contains($0.severity) })
        #expect(Set(r.invoices.map(\.invoiceId)).count == r.invoices.count)

        // Matching as FORMAT rule 4: by invoice_id, by reference only, and unmatched.
        let ledger = try Ledger(records: r)
        let byReference = r.payments.indices.filter { r.payments[$0].invoiceId == nil && ledger.payments.invoice[$0] >= 0 }
        let unmatched = ledger.payments.invoice.filter { $0 < 0 }
        #expect(byReference.count > 20)
        #expect(unmatched.count > 20)
        #expect(r.payments.contains { $0.invoiceId == nil && $0.reference != nil && ledger.payments.invoice[r.payments.firstIndex(of: $0)!] < 0 })
        // The 365-day window matters: invoices on both sides of it, a few after the as-of date.
        let asOf = LedgerGenerator.defaultAsOf
        #expect(r.invoices.contains { $0.issueDate < asOf - 365 })
        #expect(r.invoices.contains { $0.issueDate > asOf })
        // Skew: the top 20% of customers bring clearly more than 20% of revenue.
        let analysis = Analysis(ledger: ledger, policy: .standard, asOf: asOf)
        #expect(analysis.portfolio.paretoTop20 > 0.4, "\(analysis.portfolio.paretoTop20)")
    }

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() throws {
        let (a, _) = try generate(150, seed: 3)
        let (b, _) = try generate(150, seed: 3)
        let (c, _) = try generate(150, seed: 4)
        let x = try bytes(a), y = try bytes(b), z = try bytes(c)
        #expect(x.count == 8)
        #expect(x == y)
        #expect(x["invoices.csv"] != z["invoices.csv"])
        #expect(x["customers.csv"] != z["customers.csv"])
    }
}
