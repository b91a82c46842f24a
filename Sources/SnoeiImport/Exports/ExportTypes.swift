public import Foundation

/// One export file to import and what the user said about it.
public struct ExportSource: Sendable {
    public var url: URL
    /// `--kind`; else the mapping's kind, a profile's, or detection from the header.
    public var kind: LedgerKind?
    /// `--profile` or a mapping file; nil: a profile whose columns the header carries, else synonyms.
    public var mapping: ExportMapping?
    /// Command-line overrides; they win over the mapping's dialect.
    public var overrides: DialectOverrides

    public init(url: URL, kind: LedgerKind? = nil, mapping: ExportMapping? = nil, overrides: DialectOverrides = .init()) {
        self.url = url; self.kind = kind; self.mapping = mapping; self.overrides = overrides
    }
}

/// Bounds that keep a wrong or hostile file from exhausting the machine; both are reported
/// as a problem of the file, never a crash.
public struct ImportLimits: Sendable {
    /// 1 GiB: far above any SME export, below what a 2-core, few-GB machine handles in memory.
    public static let defaultMaxFileBytes = 1 << 30
    /// 20 million data rows per file.
    public static let defaultMaxRows = 20_000_000

    public var maxFileBytes: Int
    public var maxRows: Int

    public init(maxFileBytes: Int = defaultMaxFileBytes, maxRows: Int = defaultMaxRows) {
        self.maxFileBytes = maxFileBytes; self.maxRows = maxRows
    }
}

/// Customers already in the database, by id with their names, so that exports naming a
/// customer (a time tracker's "Client") can be matched.
public struct KnownCustomers: Sendable {
    public var names: [String: String]

    public init(names: [String: String] = [:]) { self.names = names }
}

/// What the import made of one file: shown by `snoei import --dry-run`.
public struct ExportFileReport: Sendable {
    public struct ColumnUse: Sendable, Equatable {
        /// The source column(s), joined with " + " when several feed one field.
        public var source: String
        public var field: String
    }

    public var file: String
    public var kind: LedgerKind?
    public var profile: String?
    public var dialect: Dialect?
    /// False when no amount or number of hours in the file showed the decimal style
    /// (durations and whole numbers do not): the style shown is then an assumption.
    public var decimalSeen = true
    /// Why the date format was chosen when the values allowed two readings.
    public var dateNote: String?
    public var columns: [ColumnUse] = []
    /// Fields with no column, filled with a fixed value.
    public var defaults: [(field: String, value: String)] = []
    public var unmapped: [String] = []
    /// The canonical header and the first rows as they will be stored.
    public var canonicalHeader: [String] = []
    public var preview: [[String]] = []
    public var rows = 0
    /// Rows that passed every check.
    public var accepted = 0

    public init(file: String) { self.file = file }
}

public struct ExportReadResult: Sendable {
    public var result: ReadResult
    public var files: [ExportFileReport]
}
