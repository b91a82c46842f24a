/// What an import did (or, in a dry run, would do) per kind of record.
public struct ApplySummary: Sendable, Equatable {
    public struct Kind: Sendable, Equatable {
        /// The canonical file the rows come from, e.g. `invoices.csv`.
        public var file: String
        public var rows: Int
        public var new: Int
        public var updated: Int
        public var unchanged: Int

        public init(file: String, rows: Int, new: Int, updated: Int, unchanged: Int) {
            self.file = file; self.rows = rows; self.new = new; self.updated = updated; self.unchanged = unchanged
        }
    }

    public var kinds: [Kind]

    public init(kinds: [Kind]) { self.kinds = kinds }

    public var rows: Int { kinds.reduce(0) { $0 + $1.rows } }
    public var new: Int { kinds.reduce(0) { $0 + $1.new } }
    public var updated: Int { kinds.reduce(0) { $0 + $1.updated } }
    public var unchanged: Int { kinds.reduce(0) { $0 + $1.unchanged } }
    public var changesAnything: Bool { new + updated > 0 }
}

/// Progress of writing to the database, in rows.
public struct StoreProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
}
