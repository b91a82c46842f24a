import SnoeiCore

/// What one import has seen so far, for the checks that span rows and files.
struct ImportState {
    /// Customer ids from the database and from this folder's customers.csv.
    var knownCustomers: Set<String>
    /// False while customers.csv is missing or unusable: then every reference would fail
    /// and bury the one error that matters.
    var checkCustomers = false
    var customerLines: [String: Int] = [:]
    var invoiceLines: [String: Int] = [:]
    var paymentLines: [String: Int] = [:]
}

/// One data record seen through its file's schema, with typed getters that note a problem
/// and return nil when the value is unusable. The caller builds a record only if `failed`
/// is false, so a row with any error is dropped as a whole.
struct Row {
    let schema: FileSchema
    let record: CSVRecord
    /// Field index of each schema column in this file, or -1 when the file lacks the column.
    let fieldOf: [Int]
    var problems: [ImportProblem] = []
    var failed = false

    init(schema: FileSchema, record: CSVRecord, fieldOf: [Int]) {
        self.schema = schema; self.record = record; self.fieldOf = fieldOf
    }

    // MARK: Problems

    mutating func fail(_ c: Int, _ reason: String) {
        failed = true
        problems.append(ImportProblem(file: schema.file, line: record.line, column: fieldOf[c] + 1, reason: reason))
    }

    mutating func warn(_ c: Int, _ reason: String) {
        problems.append(ImportProblem(file: schema.file, line: record.line, column: fieldOf[c] + 1,
                                      reason: reason, severity: .warning))
    }

    func name(_ c: Int) -> String { schema.columns[c].name }

    func shown(_ c: Int) -> String { ImportText.quoted(record.string(fieldOf[c])) }

    // MARK: Raw access

    /// The bytes of column `c`, or nil when the column is absent or the value empty;
    /// an empty required value is reported here.
    mutating func raw(_ c: Int) -> ArraySlice<UInt8>? {
        let f = fieldOf[c]
        if f >= 0, !record.isEmpty(f) { return record[f] }
        if schema.columns[c].required { fail(c, "\(name(c)) is empty, but a value is required") }
        return nil
    }

    // MARK: Typed values

    mutating func text(_ c: Int) -> String? {
        guard raw(c) != nil else { return nil }
        return record.string(fieldOf[c])
    }

    mutating func day(_ c: Int) -> Day? {
        guard let b = raw(c) else { return nil }
        if let d = Day.parse(iso: b) { return d }
        fail(c, "\(shown(c)) is not a date (YYYY-MM-DD)")
        return nil
    }

    mutating func money(_ c: Int) -> Money? {
        guard let b = raw(c) else { return nil }
        switch Money.parse(utf8: b) {
        case .ok(let m): return m
        case .decimalComma: fail(c, "\(shown(c)) uses a decimal comma; write amounts with a point, e.g. \(pointed(c))")
        case .tooManyDecimals: fail(c, "\(shown(c)) has more than two decimals; amounts are in cents")
        case .outOfRange: fail(c, "\(shown(c)) is too large for an amount")
        case .invalid: fail(c, "\(shown(c)) is not an amount; expected a number such as 1234.50")
        }
        return nil
    }

    mutating func hours(_ c: Int) -> MilliHours? {
        guard let b = raw(c) else { return nil }
        switch FieldFormats.parseHours(b) {
        case .ok(let h): return h
        case .negative: fail(c, "\(name(c)) \(shown(c)) is negative; hours must be 0 or more")
        case .decimalComma: fail(c, "\(shown(c)) uses a decimal comma; write hours with a point, e.g. \(pointed(c))")
        case .tooManyDecimals: fail(c, "\(shown(c)) has more than three decimals; hours are kept in thousandths")
        case .invalid: fail(c, "\(shown(c)) is not a number of hours; expected a number such as 1.5")
        }
        return nil
    }

    /// A whole number of at least 0, such as notice days.
    mutating func count(_ c: Int) -> Int? {
        guard let b = raw(c) else { return nil }
        if let v = FieldFormats.parseCount(b) { return v }
        fail(c, "\(name(c)) \(shown(c)) is not a whole number of 0 or more")
        return nil
    }

    /// A whole number from 1 to 5 (severity, values-fit score).
    mutating func grade(_ c: Int) -> Int? {
        guard let b = raw(c) else { return nil }
        if let v = FieldFormats.parseCount(b), (1...5).contains(v) { return v }
        fail(c, "\(name(c)) \(shown(c)) is not a whole number from 1 to 5")
        return nil
    }

    mutating func bool(_ c: Int) -> Bool? {
        guard let b = raw(c) else { return nil }
        if let v = FieldFormats.parseBool(b) { return v }
        fail(c, "\(name(c)) \(shown(c)) is not a boolean; expected true or false (lower case) or empty")
        return nil
    }

    mutating func vocabulary<V: Vocabulary>(_ c: Int, _ type: V.Type, noun: String) -> V? {
        guard raw(c) != nil else { return nil }
        if let v = V(rawValue: record.string(fieldOf[c])) { return v }
        fail(c, "\(shown(c)) is not a valid \(noun); expected one of: \(V.spellings)")
        return nil
    }

    // MARK: Identities

    /// A customer id that must be in customers.csv of this folder or in the database.
    mutating func customer(_ c: Int, _ state: ImportState) -> String? {
        guard let id = text(c) else { return nil }
        if state.checkCustomers, !state.knownCustomers.contains(id) {
            fail(c, "\(name(c)) \(shown(c)) is not in customers.csv or the database")
            return nil
        }
        return id
    }

    /// An id that must be unique within the import; the first occurrence is remembered.
    mutating func uniqueId(_ c: Int, _ seen: inout [String: Int]) -> String? {
        guard let id = text(c) else { return nil }
        if let first = seen[id] {
            fail(c, "\(name(c)) \(shown(c)) appears again; first on line \(first)")
            return nil
        }
        seen[id] = record.line
        return id
    }

    /// The value with its comma turned into a point, to show the fix.
    private func pointed(_ c: Int) -> String {
        String(record.string(fieldOf[c]).map { $0 == "," ? "." : $0 })
    }
}
