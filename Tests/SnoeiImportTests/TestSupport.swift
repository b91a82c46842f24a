import Foundation
import SnoeiCore
import SnoeiImport

/// A ledger folder in a temporary directory, removed when the value goes away.
final class TempLedger {
    let url: URL

    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("snoei-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, Array(text.utf8)) }
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: url.appendingPathComponent(name))
    }

    func read(known: Set<String> = [], options: ImportOptions = .init(),
              progress: (@Sendable (ImportProgress) -> Void)? = nil) throws -> ReadResult {
        try CanonicalLedgerReader(options: options).read(folder: url, knownCustomerIds: known, progress: progress)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// customers.csv with C1 and C2, for tests about the other files.
let twoCustomers = "customer_id,name\nC1,Acme\nC2,Beta\n"

/// Reads `files` (plus `twoCustomers` unless customers.csv is given).
func read(_ files: [String: String], known: Set<String> = [], options: ImportOptions = .init()) throws -> ReadResult {
    var all = files
    if all["customers.csv"] == nil { all["customers.csv"] = twoCustomers }
    return try TempLedger(all).read(known: known, options: options)
}

/// The single error of a result, as text, or a note of what was found instead.
func onlyError(_ r: ReadResult) -> String {
    r.errors.count == 1 ? r.errors[0].description : "expected one error, got \(r.errors.map(\.description))"
}

func fixtureFolder() throws -> URL {
    guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
        throw CocoaError(.fileNoSuchFile)
    }
    return url.appendingPathComponent("ledger")
}

/// Collects progress reports from the reader's @Sendable callback.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [ImportProgress] = []

    func add(_ p: ImportProgress) { lock.withLock { items.append(p) } }
    var all: [ImportProgress] { lock.withLock { items } }
}

/// A fixture file of this target by its path under `Fixtures/`.
func fixture(_ path: String) throws -> SourceFile {
    guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { throw CocoaError(.fileNoSuchFile) }
    return SourceFile(name: path, bytes: [UInt8](try Data(contentsOf: root.appendingPathComponent(path))))
}

func fixtureURL(_ path: String) throws -> URL {
    guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { throw CocoaError(.fileNoSuchFile) }
    return root.appendingPathComponent(path)
}

let eInvoiceFixtures = ["einvoice/INV-2026-101.xml", "einvoice/INV-2026-102.xml", "einvoice/INV-2026-103.xml", "einvoice/CN-2026-007.xml"]
let bankFixtures = ["bank/camt053-2026-11-02.xml", "bank/camt053-2026-11-09.xml", "bank/mt940-2026-11-16.sta"]

func day(_ iso: String) -> Day { Day(iso: iso)! }
