public import Foundation
public import SnoeiCore

/// Writes `LedgerRecords` as a canonical ledger folder that `CanonicalLedgerReader` reads
/// back to identical records. Optional values that are nil are written empty.
public enum CanonicalLedgerWriter {
    /// Creates the folder if needed; every file is written whole (atomically), header
    /// included even when there are no rows. `values_fit.csv` only when there are scores.
    public static func write(_ records: LedgerRecords, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        func save(_ schema: FileSchema, _ build: (inout CSVWriter) throws -> Void) throws {
            // Written under a temporary name and moved into place, so a failed export never
            // leaves a half-written file that reads as a valid, shorter ledger.
            let target = folder.appendingPathComponent(schema.file)
            let temp = folder.appendingPathComponent(".\(schema.file).partial")
            guard FileManager.default.createFile(atPath: temp.path, contents: nil) else {
                throw LedgerWriteError.cannotCreate(path: temp.path)
            }
            let handle = try FileHandle(forWritingTo: temp)
            do {
                var w = CSVWriter(handle: handle)
                try w.row(schema.header)
                try build(&w)
                try w.flush()
                try handle.close()
            } catch {
                try? handle.close()
                try? FileManager.default.removeItem(at: temp)
                throw error
            }
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.moveItem(at: temp, to: target)
        }
        try save(LedgerSchema.customers) { w in for r in records.customers { try w.row(CanonicalRowFields.fields(r)) } }
        try save(LedgerSchema.invoices) { w in for r in records.invoices { try w.row(CanonicalRowFields.fields(r)) } }
        try save(LedgerSchema.payments) { w in for r in records.payments { try w.row(CanonicalRowFields.fields(r)) } }
        try save(LedgerSchema.timeEntries) { w in for r in records.timeEntries { try w.row(CanonicalRowFields.fields(r)) } }
        try save(LedgerSchema.contacts) { w in for r in records.contacts { try w.row(CanonicalRowFields.fields(r)) } }
        try save(LedgerSchema.deviations) { w in for r in records.deviations { try w.row(CanonicalRowFields.fields(r)) } }
        try save(LedgerSchema.incidents) { w in for r in records.incidents { try w.row(CanonicalRowFields.fields(r)) } }
        try save(LedgerSchema.referrals) { w in for r in records.referrals { try w.row(CanonicalRowFields.fields(r)) } }
        if !records.valuesFit.isEmpty {
            try save(LedgerSchema.valuesFit) { w in for r in records.valuesFit { try w.row(CanonicalRowFields.fields(r)) } }
        }
    }
}

/// RFC 4180 output with LF line ends; a field is quoted only when it must be.
/// Buffers about 1 MiB at a time, so a ledger of any size is written in constant memory.
struct CSVWriter {
    private let handle: FileHandle
    private var bytes: [UInt8] = []
    private static let chunk = 1 << 20

    init(handle: FileHandle) {
        self.handle = handle
        bytes.reserveCapacity(Self.chunk + 4096)
    }

    mutating func flush() throws {
        if !bytes.isEmpty { try handle.write(contentsOf: bytes) }
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func row(_ fields: [String?]) throws {
        for (i, field) in fields.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let field else { continue }
            let utf8 = field.utf8
            if utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
                bytes.append(UInt8(ascii: "\""))
                for b in utf8 {
                    if b == UInt8(ascii: "\"") { bytes.append(b) }
                    bytes.append(b)
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
        bytes.append(UInt8(ascii: "\n"))
        if bytes.count >= Self.chunk { try flush() }
    }
}
