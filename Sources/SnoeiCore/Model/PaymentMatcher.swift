/// Matches payments to invoices by FORMAT.md rule 4.
///
/// A payment with an `invoice_id` matches that invoice alone (or nothing when it does not
/// exist). Without one, its `reference` is compared exactly with `invoices.reference`, then
/// with `invoices.invoice_id`; a reference carried by several invoices matches nothing.
/// `payments.customer_id` is never used.
public struct PaymentMatcher: Sendable {
    private var byId: [String: Int32]
    /// Row per reference, or -2 when several invoices carry it (ambiguous).
    private var byReference: [String: Int32]

    public init(invoiceIds: [String], references: [String?]) {
        var ids = [String: Int32](minimumCapacity: invoiceIds.count)
        for (i, id) in invoiceIds.enumerated() { ids[id] = Int32(i) }
        var refs = [String: Int32]()
        for (i, ref) in references.enumerated() {
            guard let ref, !ref.isEmpty else { continue }
            if refs[ref] == nil { refs[ref] = Int32(i) } else { refs[ref] = -2 }
        }
        byId = ids
        byReference = refs
        invoiceIdsAreUnique = ids.count == invoiceIds.count
    }

    /// False when two invoices share an id (the later one is the one matched).
    private(set) var invoiceIdsAreUnique: Bool

    /// Whether adding an invoice with this id and reference leaves every earlier match as it
    /// was: its id is new, and its reference is neither another invoice's reference (that would
    /// make it ambiguous) nor another invoice's id (payments carrying it as a reference would move).
    func keepsMatches(invoiceId: String, reference: String?) -> Bool {
        guard byId[invoiceId] == nil else { return false }
        guard let reference, !reference.isEmpty else { return true }
        return byReference[reference] == nil && byId[reference] == nil
    }

    /// Adds an invoice at `row`; `keepsMatches` tells whether earlier matches stay valid.
    mutating func add(invoiceId: String, reference: String?, row: Int32) {
        // One lookup each where the key is new (as `keepsMatches` requires): at a million
        // customers every lookup in these tables of twenty million is a cache miss or two.
        if byId.updateValue(row, forKey: invoiceId) != nil { invoiceIdsAreUnique = false }
        if let reference, !reference.isEmpty, byReference.updateValue(row, forKey: reference) != nil { byReference[reference] = -2 }
    }

    /// The row of the invoice with this id, whatever its spelling (also empty).
    func invoiceRow(id: String) -> Int32? { byId[id] }

    /// The invoice row, or -1 when unmatched.
    public func match(invoiceId: String?, reference: String?) -> Int32 {
        if let invoiceId, !invoiceId.isEmpty { return byId[invoiceId] ?? -1 }
        guard let reference, !reference.isEmpty else { return -1 }
        if let row = byReference[reference] { return row >= 0 ? row : -1 }
        return byId[reference] ?? -1
    }
}
