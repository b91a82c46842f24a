// Throughput of the CSV reader and of the export import path, on generated files.
//
//   swift run -c release csv-bench [rows] [runs]      (defaults: 1,000,000 rows, 5 runs)
//
// Prints the median of the runs in MB/s and rows/s. A benchmark, not a test: nothing in
// `swift test` depends on these numbers.
import Foundation
import SnoeiImport

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let rows = arguments.first ?? 1_000_000
let runs = arguments.dropFirst().first ?? 5

/// A canonical invoices.csv: ids, dates, amounts, some quoted references with commas.
func canonicalInvoices(_ n: Int) -> [UInt8] {
    var s = "invoice_id,customer_id,issue_date,due_date,amount,vat,cost,reference\n"
    s.reserveCapacity(n * 70)
    for i in 0..<n {
        let day = 1 + i % 28, month = 1 + i % 12
        let date = "2026-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        let ref = i % 10 == 0 ? "\"Order \(i), deel 2\"" : "R\(i)"
        s += "F\(i),C\(i % 5000),\(date),\(date),\(i % 100_000).\(i % 100 < 10 ? "0" : "")\(i % 100),21.00,,\(ref)\n"
    }
    return Array(s.utf8)
}

/// The same rows as a Dutch Windows-1252 export: `;`, decimal comma, dd-mm-yyyy, `é` in names.
func dutchExport(_ n: Int) -> [UInt8] {
    var s = "Factuurnummer;Relatiecode;Relatie;Factuurdatum;Vervaldatum;Bedrag excl. btw;Btw-bedrag\n"
    s.reserveCapacity(n * 80)
    for i in 0..<n {
        let day = 1 + i % 28, month = 1 + i % 12
        let date = "\(day < 10 ? "0" : "")\(day)-\(month < 10 ? "0" : "")\(month)-2026"
        s += "F\(i);C\(i % 5000);Café Zoë \(i % 5000);\(date);\(date);1.\(i % 10)\(i / 10 % 10)\(i / 100 % 10),\(i % 100 < 10 ? "0" : "")\(i % 100);21,00\n"
    }
    return Array(s.data(using: .windowsCP1252)!)
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

func measure(_ label: String, bytes: Int, rows: Int, _ body: () -> Int) {
    var seconds: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let seen = body()
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        precondition(seen == rows, "\(label): read \(seen) rows, expected \(rows)")
    }
    let t = median(seconds)
    let mb = Double(bytes) / 1e6
    func f(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
    print("\(label): \(f(mb, 1)) MB, \(rows) rows, median of \(runs) runs \(f(t, 3)) s: \(f(mb / t, 0)) MB/s, \(f(Double(rows) / t, 0)) rows/s")
}

let canonical = canonicalInvoices(rows)
measure("CSVReader, canonical invoices.csv", bytes: canonical.count, rows: rows + 1) {
    var n = 0
    CSVReader(file: "invoices.csv").read(canonical) { event in if case .record = event { n += 1 } }
    return n
}

let export = dutchExport(rows)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snoei-csv-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let file = folder.appendingPathComponent("verkoopfacturen.csv")
try Data(export).write(to: file)
var known = KnownCustomers()
for c in 0..<5000 { known.names["C\(c)"] = "Café Zoë \(c)" }
measure("Export import (windows-1252, ;, decimal comma, dd-mm-yyyy → records)", bytes: export.count, rows: rows) {
    let result = ExportReader().read([ExportSource(url: file, kind: .invoices)], known: known)
    precondition(result.result.isValid, "\(result.result.errors.prefix(3))")
    return result.result.records.invoices.count
}
