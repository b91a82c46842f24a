import SnoeiCore

/// One record seen through its file's schema, with typed getters that note a problem and
/// return nil when a value is unusable, like the canonical reader's `Row` (same checks,
/// same reasons, same file:line:column), but reading bytes in place.
struct RecordFields {
    var scanner: RecordScanner
    let schema: FileSchema
    /// Field index of each schema column, or -1 when the file lacks the column.
    let fieldOf: [Int]
    /// Problems with lines counted from the chunk's first line (0-based); the caller shifts them.
    var problems: [ImportProblem] = []
    var failed = false
    static let problemLimit = 100

    init(scanner: RecordScanner, schema: FileSchema, fieldOf: [Int]) {
        self.scanner = scanner; self.schema = schema; self.fieldOf = fieldOf
    }

    mutating func report(line: Int, column: Int?, _ reason: String) {
        if problems.count < Self.problemLimit {
            problems.append(ImportProblem(file: schema.file, line: line, column: column, reason: reason))
        }
    }

    mutating func fail(_ c: Int, _ reason: String) {
        failed = true
        report(line: scanner.recordLine, column: fieldOf[c] + 1, reason)
    }

    func name(_ c: Int) -> String { schema.columns[c].name }

    func shown(_ c: Int) -> String { ImportText.quoted(ByteFields.string(scanner.bytes(fieldOf[c]))) }

    /// The bytes of column `c`, or nil when absent or empty (an error if the column is required).
    @inline(__always)
    mutating func raw(_ c: Int) -> UnsafeBufferPointer<UInt8>? {
        let f = fieldOf[c]
        if f >= 0 {
            let b = scanner.bytes(f)
            if b.count > 0 { return b }
        }
        if schema.columns[c].required { fail(c, "\(name(c)) is empty, but a value is required") }
        return nil
    }

    @inline(__always) mutating func text(_ c: Int) -> String? { raw(c).map(ByteFields.string) }

    @inline(__always) mutating func day(_ c: Int) -> Day? {
        guard let b = raw(c) else { return nil }
        if let d = ByteFields.day(b) { return d }
        fail(c, "\(shown(c)) is not a date (YYYY-MM-DD)")
        return nil
    }

    @inline(__always) mutating func cents(_ c: Int) -> Int64? {
        guard let b = raw(c) else { return nil }
        switch ByteFields.cents(b) {
        case .ok(let m): return m.cents
        case .decimalComma: fail(c, "\(shown(c)) uses a decimal comma; write amounts with a point, e.g. \(pointed(c))")
        case .tooManyDecimals: fail(c, "\(shown(c)) has more than two decimals; amounts are in cents")
        case .outOfRange: fail(c, "\(shown(c)) is too large for an amount")
        case .invalid: fail(c, "\(shown(c)) is not an amount; expected a number such as 1234.50")
        }
        return nil
    }

    @inline(__always) mutating func hours(_ c: Int) -> MilliHours? {
        guard let b = raw(c) else { return nil }
        switch ByteFields.hours(b) {
        case .ok(let h): return h
        case .negative: fail(c, "\(name(c)) \(shown(c)) is negative; hours must be 0 or more")
        case .decimalComma: fail(c, "\(shown(c)) uses a decimal comma; write hours with a point, e.g. \(pointed(c))")
        case .tooManyDecimals: fail(c, "\(shown(c)) has more than three decimals; hours are kept in thousandths")
        case .invalid: fail(c, "\(shown(c)) is not a number of hours; expected a number such as 1.5")
        }
        return nil
    }

    mutating func count(_ c: Int) -> Int? {
        guard let b = raw(c) else { return nil }
        if let v = ByteFields.count(b) { return v }
        fail(c, "\(name(c)) \(shown(c)) is not a whole number of 0 or more")
        return nil
    }

    mutating func grade(_ c: Int) -> Int? {
        guard let b = raw(c) else { return nil }
        if let v = ByteFields.count(b), (1...5).contains(v) { return v }
        fail(c, "\(name(c)) \(shown(c)) is not a whole number from 1 to 5")
        return nil
    }

    @inline(__always) mutating func bool(_ c: Int) -> Bool? {
        guard let b = raw(c) else { return nil }
        if let v = ByteFields.bool(b) { return v }
        fail(c, "\(name(c)) \(shown(c)) is not a boolean; expected true or false (lower case) or empty")
        return nil
    }

    @inline(__always) mutating func vocabulary<V>(_ c: Int, _ vocabulary: ByteVocabulary<V>, noun: String) -> V? {
        guard let b = raw(c) else { return nil }
        if let v = vocabulary.match(b) { return v }
        fail(c, "\(shown(c)) is not a valid \(noun); expected one of: \(V.spellings)")
        return nil
    }

    /// The row of a customer of customers.csv; -1 (unchecked) when customers.csv was unusable.
    @inline(__always) mutating func customer(_ c: Int, _ customers: StringKeyTable?) -> Int32? {
        guard let b = raw(c) else { return nil }
        guard let customers else { return -1 }
        let row = customers.find(b)
        if row >= 0 { return Int32(row) }
        fail(c, "\(name(c)) \(shown(c)) is not in customers.csv")
        return nil
    }

    private func pointed(_ c: Int) -> String {
        String(ByteFields.string(scanner.bytes(fieldOf[c])).map { $0 == "," ? "." : $0 })
    }
}
