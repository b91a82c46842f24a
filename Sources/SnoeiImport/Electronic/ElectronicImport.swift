public import SnoeiCore

/// What the database already holds that an e-invoice or bank import needs to know.
public struct KnownLedger: Sendable {
    public var customerIds: Set<String>
    /// `kvk:12345678` → customer id (`customer_identifiers`).
    public var identifiers: [String: String]
    public var invoices: [InvoiceRecord]
    public var payments: [PaymentRecord]
    /// Statement entries waiting in `unmatched_payments`.
    public var unmatchedIds: Set<String>

    public init(customerIds: Set<String> = [], identifiers: [String: String] = [:], invoices: [InvoiceRecord] = [],
                payments: [PaymentRecord] = [], unmatchedIds: Set<String> = []) {
        self.customerIds = customerIds; self.identifiers = identifiers; self.invoices = invoices
        self.payments = payments; self.unmatchedIds = unmatchedIds
    }
}

/// The result of reading e-invoices and bank statements: what to store, what was matched how,
/// and every problem by file, line and column. With any error nothing may be stored.
public struct ElectronicImport: Sendable {
    public enum FileKind: String, Sendable { case invoice = "UBL invoice", creditNote = "UBL credit note", camt053 = "CAMT.053 statement", mt940 = "MT940 statement" }

    public struct FileSummary: Sendable, Equatable {
        public var name: String
        public var kind: FileKind
        /// Invoices (1) or booked statement entries.
        public var items: Int
    }

    public struct NewCustomer: Sendable, Equatable {
        public var customerId: String
        public var name: String
        public var identifier: PartyIdentifier
    }

    public var records = LedgerRecords()
    public var identifiers: [CustomerIdentifierRecord] = []
    public var unmatched: [UnmatchedPaymentRecord] = []
    public var invoices: [EInvoice] = []
    /// Credits new to the database, matched or not, in statement order.
    public var outcomes: [PaymentAllocator.Outcome] = []
    public var newCustomers: [NewCustomer] = []
    public var files: [FileSummary] = []
    /// Money going out: not revenue's concern, counted only.
    public var debits = 0
    public var notBooked = 0
    /// Credits already in the database (as a payment or waiting unmatched): a statement imported again.
    public var alreadyImported = 0
    /// The same entry twice within this import (the same statement in two files).
    public var duplicates = 0
    public var errors: [ImportProblem] = []
    public var warnings: [ImportProblem] = []
    public var suppressedErrors = 0
    /// Warnings beyond the limit (a statement imported twice warns once per entry): counted only.
    public var suppressedWarnings = 0

    public init() {}

    public var isValid: Bool { errors.isEmpty && suppressedErrors == 0 }

    mutating func add(_ problem: ImportProblem, limit: Int) {
        if problem.severity == .warning {
            if warnings.count < limit { warnings.append(problem) } else { suppressedWarnings += 1 }
        } else {
            if errors.count < limit { errors.append(problem) } else { suppressedErrors += 1 }
        }
    }
}

/// Reads e-invoices and bank statements, each file recognised by its content, and maps them
/// onto the ledger: invoices first (so a payment can match an invoice of the same import),
/// then the credits of every statement in file order.
public struct ElectronicImporter: Sendable {
    public var limits: ElectronicImportLimits
    public var maxErrors: Int

    public init(limits: ElectronicImportLimits = .init(), maxErrors: Int = 100) { self.limits = limits; self.maxErrors = maxErrors }

    public func read(_ files: [SourceFile], known: KnownLedger) -> ElectronicImport {
        var result = ElectronicImport()
        var statements: [BankStatementRead] = []
        var entries = 0
        var xmlLimits = XMLLimits()
        xmlLimits.maxBytes = limits.maxFileBytes
        for file in files {
            var statement: BankStatementRead?
            switch FileKindDetector.detect(file.bytes) {
            case .xml:
                let root: XMLNode
                do { root = try XMLReader.parse(file.bytes, limits: xmlLimits) } catch let e as XMLError {
                    result.add(ImportProblem(file: file.name, line: e.line, column: e.column, reason: e.reason), limit: maxErrors); continue
                } catch {
                    result.add(ImportProblem(file: file.name, line: 0, reason: "\(error)"), limit: maxErrors); continue
                }
                if UBLReader.accepts(root) {
                    let (invoice, problems) = UBLReader.read(root, file: file.name)
                    for p in problems { result.add(p, limit: maxErrors) }
                    if let invoice {
                        result.invoices.append(invoice)
                        result.files.append(.init(name: file.name, kind: invoice.kind == .invoice ? .invoice : .creditNote, items: 1))
                    }
                } else if CAMT053Reader.accepts(root) {
                    statement = CAMT053Reader.read(root, file: file.name)
                    result.files.append(.init(name: file.name, kind: .camt053, items: statement!.entries.count))
                } else {
                    result.add(ImportProblem(file: file.name, line: root.line, column: root.column,
                                             reason: "root element {\(root.namespace)}\(root.name) is neither a UBL 2.1 Invoice/CreditNote nor a CAMT.053 Document"), limit: maxErrors)
                }
            case .mt940(let text):
                statement = MT940Reader.read(text, file: file.name, maxEntries: limits.maxEntries)
                result.files.append(.init(name: file.name, kind: .mt940, items: statement!.entries.count))
            case .unknown(let reason):
                result.add(ImportProblem(file: file.name, line: 1, column: 1, reason: reason), limit: maxErrors)
            }
            if let statement {
                statements.append(statement)
                entries += statement.entries.count
                for p in statement.problems { result.add(p, limit: maxErrors) }
                if entries > limits.maxEntries {
                    result.add(ImportProblem(file: file.name, line: 0, reason: "more than \(limits.maxEntries) statement entries in one import; import the statements in parts"), limit: maxErrors)
                    return result
                }
            }
            if result.invoices.count > limits.maxInvoices {
                result.add(ImportProblem(file: file.name, line: 0, reason: "more than \(limits.maxInvoices) invoices in one import; import them in parts"), limit: maxErrors)
                return result
            }
        }
        var mapper = LedgerMapper(known: known, maxErrors: maxErrors)
        mapper.mapInvoices(into: &result)
        mapper.mapStatements(statements, into: &result)
        return result
    }
}

/// Recognises a file by its first bytes, not its name.
enum FileKindDetector {
    enum Kind { case xml, mt940(String), unknown(String) }

    static func detect(_ bytes: [UInt8]) -> Kind {
        guard !bytes.isEmpty else { return .unknown("the file is empty (0 bytes)") }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let first = body.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        if first == UInt8(ascii: "<") || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return .xml }
        // MT940 is ASCII in practice; a stray Latin-1 byte (a name with é) is read as Windows-1252.
        let text = String(validating: body, as: UTF8.self)
            ?? String(body.map { Character(Unicode.Scalar($0)) })
        if MT940Reader.accepts(text) { return .mt940(text) }
        return .unknown("not recognised: neither XML (UBL invoice, CAMT.053) nor an MT940 statement (:20:, :25:, :61: tags)")
    }
}
