/// Rows grouped by an owner (a customer, an invoice): a counting sort into one flat array
/// (compressed sparse rows), plus rows appended later kept per owner until the next rebuild.
/// Rows of one owner come out in ascending order, the order the full analysis reads them in.
struct RowIndex: Sendable {
    private var offsets: [Int32]
    private var rows: [Int32]
    private var appended: [Int32: [Int32]] = [:]
    /// One bit per owner with appended rows: most owners have none, and the bit spares them
    /// a dictionary lookup (an update reads the payments of some 1.7 million invoices).
    private var hasAppended: [UInt64] = []

    /// Groups `count` rows by `owner(row)`; rows whose owner is negative are left out.
    init(owners: Int, count: Int, owner: (Int) -> Int32) {
        var counts = [Int32](repeating: 0, count: owners + 1)
        for i in 0..<count {
            let o = owner(i)
            if o >= 0 { counts[Int(o) + 1] += 1 }
        }
        for o in 0..<owners { counts[o + 1] += counts[o] }
        var cursor = counts
        var rows = [Int32](repeating: 0, count: Int(counts[owners]))
        for i in 0..<count {
            let o = owner(i)
            guard o >= 0 else { continue }
            rows[Int(cursor[Int(o)])] = Int32(i)
            cursor[Int(o)] += 1
        }
        offsets = counts
        self.rows = rows
    }

    mutating func append(row: Int32, owner: Int32) {
        appended[owner, default: []].append(row)
        let word = Int(owner) >> 6
        if word >= hasAppended.count { hasAppended += repeatElement(0, count: max(word + 1 - hasAppended.count, hasAppended.count / 2)) }
        hasAppended[word] |= 1 << UInt64(owner & 63)
    }

    @inline(__always)
    private func appendedRows(of owner: Int32) -> [Int32]? {
        let word = Int(owner) >> 6
        guard word < hasAppended.count, hasAppended[word] & (1 << UInt64(owner & 63)) != 0 else { return nil }
        return appended[owner]
    }

    /// Calls `body` with the owner's rows, ascending (appended rows always come after the
    /// indexed ones); no array per owner: an update reads the rows of some 85,000 customers.
    @inline(__always)
    func forEachRow(of owner: Int32, _ body: (Int) -> Void) {
        let o = Int(owner)
        if o + 1 < offsets.count {
            for k in Int(offsets[o])..<Int(offsets[o + 1]) { body(Int(rows[k])) }
        }
        if let extra = appendedRows(of: owner) {
            for r in extra { body(Int(r)) }
        }
    }

    /// Appends the owner's rows, ascending, to `out`: for loops that keep the rows a while.
    func appendRows(of owner: Int32, to out: inout [Int32]) {
        let o = Int(owner)
        if o + 1 < offsets.count { out.append(contentsOf: rows[Int(offsets[o])..<Int(offsets[o + 1])]) }
        if let extra = appendedRows(of: owner) { out.append(contentsOf: extra) }
    }

    /// How many rows the owner has.
    func count(of owner: Int32) -> Int {
        let o = Int(owner)
        let indexed = o + 1 < offsets.count ? Int(offsets[o + 1] - offsets[o]) : 0
        return indexed + (appendedRows(of: owner)?.count ?? 0)
    }
}
