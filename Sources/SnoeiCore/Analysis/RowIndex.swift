/// Rows grouped by an owner (a customer, an invoice): a counting sort into one flat array
/// (compressed sparse rows), plus rows appended later kept per owner until the next rebuild.
/// Rows of one owner come out in ascending order, the order the full analysis reads them in.
struct RowIndex: Sendable {
    private var offsets: [Int32]
    private var rows: [Int32]
    private var appended: [Int32: [Int32]] = [:]

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

    mutating func append(row: Int32, owner: Int32) { appended[owner, default: []].append(row) }

    /// The owner's rows, ascending (appended rows always come after the indexed ones).
    func rows(of owner: Int32) -> [Int32] {
        var out = [Int32]()
        if Int(owner) + 1 < offsets.count {
            out.append(contentsOf: rows[Int(offsets[Int(owner)])..<Int(offsets[Int(owner) + 1])])
        }
        if let extra = appended[owner] { out.append(contentsOf: extra) }
        return out
    }
}
