/// What erasing one customer does (GDPR/AVG art. 17), worked out before anything is touched,
/// so that it can be shown first (`snoei privacy erase --dry-run`) and then applied by the
/// store in one transaction (`LedgerStore.eraseCustomer`). Planning again after an erasure
/// gives a plan that changes nothing, unless invoices have since aged past the tax period.
///
/// **Deleted**, with every note in them: hours (time entries, with the employees' names),
/// contacts, deviations, incidents, referrals the customer made, values-fit scores, boundary
/// notices and leave requests. These are the firm's dealings with and assessments of the
/// customer; past retention no purpose is left for them (art. 5(1)(e), 17(1)(a)).
///
/// **Anonymised**: the customer's own row stays, because kept invoices and the decision audit
/// trail refer to its id. Its name becomes `Anonymised customer <8 hex digits>` (a stable hash
/// of the id, so two anonymised customers can be told apart); segment and tier stay, as
/// categories shared by many customers that portfolio figures use; account manager (a person),
/// start date, contract end, notice period and cancel channel are removed. What remains is
/// pseudonymous: an id with amounts and dates, no name, no notes.
///
/// **Kept for the tax retention duty** (art. 17(3)(b), a legal obligation): invoices and
/// payments dated within `tax_retention_years` before today, amounts only: ids, dates, amounts,
/// VAT and cost stay, free-text references go. A payment that was matched by its reference is
/// pinned to its invoice's id first, so it stays matched. An invoice and the payments that
/// settle it share one fate: kept while any of them is within the period. Older ones are
/// deleted. Snoei's copy is not the firm's legal invoice archive (that is its bookkeeping);
/// it keeps what the figures need.
///
/// **Kept as they are**:
/// - The decisions and their audit trail (`decision_events`), and exits: the firm's record of
///   what it decided about the customer, who decided and why — needed to account for those
///   decisions and to establish or defend legal claims (art. 17(3)(b) and (e); accountability,
///   art. 5(2)). The audit trail is append-only, so its free text (the reasons given) is not
///   rewritten; it should hold facts about the relationship, not personal details. Fix plans
///   stay with their decision, their free-text note removed.
/// - The access log, including the entry of this erasure (art. 5(2)).
/// - A payment that names the customer but settles another customer's invoice (that
///   customer's record), and referrals of this customer by others (the referrer's record).
/// - An invoice whose reference another invoice also carries: removing or deleting it could
///   make FORMAT.md rule 4 match a payment to the other invoice, changing another customer's
///   figures. Such an invoice keeps its reference and stays even past the tax period; the
///   summary names it.
public struct ErasurePlan: Sendable, Equatable {
    public var customerId: String
    public var asOf: Day
    public var policy: PrivacyPolicy
    /// Invoices and payments dated on or after this day are within the tax retention period.
    public var taxCutoff: Day
    public var customerBefore: CustomerRecord
    public var customerAfter: CustomerRecord
    /// Rows deleted, as they are now (no customers).
    public var deleted: LedgerRecords
    /// Invoices and payments kept, as they will be.
    public var kept: LedgerRecords
    /// The kept invoices and payments whose stored form changes (a subset of `kept`).
    public var updated: LedgerRecords
    /// Invoices kept as they are because another invoice carries the same reference.
    public var sharedReferenceInvoices: [String]
    /// Payments that name the customer but settle another customer's invoice: left alone.
    public var otherCustomersPayments: [PaymentRecord]
    public var deletedBoundaryNotices: [BoundaryNotice]
    public var deletedLeaveRequests: [LeaveRequest]
    /// Fix plans whose note is removed, as they are now.
    public var fixPlanNotesRemoved: [FixPlanRecord]
    /// Kept as they are.
    public var keptDecisions: [DecisionRecord]
    public var keptEvents: Int
    public var keptExits: Int
    public var keptFixPlans: Int

    /// The name an anonymised customer gets: stable for an id, the same in every database.
    public static func anonymisedName(for customerId: String) -> String {
        // FNV-1a, 64 bits, folded to 32: short, stable across runs and platforms.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in customerId.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        let folded = UInt32(truncatingIfNeeded: h ^ (h >> 32))
        let hex = String(folded, radix: 16)
        return "Anonymised customer " + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// The plan for one customer as of `today`; nil when there is no such customer. Whether
    /// the customer is past retention is `RetentionRules`' question, not the plan's: a data
    /// subject may ask for erasure earlier (art. 17(1)).
    public init?(customerId: String, records: LedgerRecords, workflow: WorkflowRecordSet, policy: PrivacyPolicy,
                 today: Day) {
        self.init(customerId: customerId, index: CustomerRowIndex(records), workflow: workflow.only(customerId: customerId),
                  policy: policy, today: today)
    }

    init?(customerId id: String, index: CustomerRowIndex, workflow w: WorkflowRecordSet, policy: PrivacyPolicy, today: Day) {
        guard let x = index.rows[id], let row = x.customer else { return nil }
        let r = index.records
        customerId = id
        asOf = today
        self.policy = policy
        taxCutoff = today.addingYears(-policy.taxRetentionYears)
        customerBefore = r.customers[row]
        customerAfter = CustomerRecord(customerId: id, name: Self.anonymisedName(for: id),
                                       segment: customerBefore.segment, tier: customerBefore.tier)

        var deleted = LedgerRecords()
        deleted.timeEntries = x.timeEntries.map { r.timeEntries[$0] }
        deleted.contacts = x.contacts.map { r.contacts[$0] }
        deleted.deviations = x.deviations.map { r.deviations[$0] }
        deleted.incidents = x.incidents.map { r.incidents[$0] }
        deleted.referrals = x.referrals.map { r.referrals[$0] }
        deleted.valuesFit = x.valuesFit.map { r.valuesFit[$0] }

        // References carried by more than one invoice (of any customer).
        var referenceCount = [String: Int]()
        for i in x.invoices { if let ref = r.invoices[i].reference, !ref.isEmpty { referenceCount[ref] = 0 } }
        if !referenceCount.isEmpty {
            for invoice in r.invoices {
                if let ref = invoice.reference, referenceCount[ref] != nil { referenceCount[ref]! += 1 }
            }
        }
        let cutoff = taxCutoff
        var settledBy = [Int: [Int]]()
        var unmatched = [Int]()
        for p in x.settling {
            if index.settles[p] >= 0 { settledBy[Int(index.settles[p]), default: []].append(p) } else { unmatched.append(p) }
        }
        var kept = LedgerRecords(), updated = LedgerRecords()
        var shared = [String]()
        var keptPayments = [(Int, PaymentRecord)](), deletedPayments = [Int]()
        func keepPayment(_ p: Int, pinnedTo invoiceId: String?) {
            var copy = r.payments[p]
            if let invoiceId { copy.invoiceId = invoiceId }
            copy.reference = nil
            keptPayments.append((p, copy))
        }
        for i in x.invoices {
            let invoice = r.invoices[i]
            let payments = settledBy[i] ?? []
            let isShared = invoice.reference.map { (referenceCount[$0] ?? 0) > 1 } ?? false
            let withinTax = invoice.issueDate >= cutoff || payments.contains { r.payments[$0].date >= cutoff }
            if isShared { shared.append(invoice.invoiceId) }
            if withinTax || isShared {
                var copy = invoice
                if !isShared { copy.reference = nil }
                kept.invoices.append(copy)
                if copy != invoice { updated.invoices.append(copy) }
                for p in payments { keepPayment(p, pinnedTo: invoice.invoiceId) }
            } else {
                deleted.invoices.append(invoice)
                deletedPayments += payments
            }
        }
        for p in unmatched {
            if r.payments[p].date >= cutoff { keepPayment(p, pinnedTo: nil) } else { deletedPayments.append(p) }
        }
        for (p, copy) in keptPayments.sorted(by: { $0.0 < $1.0 }) {
            kept.payments.append(copy)
            if copy != r.payments[p] { updated.payments.append(copy) }
        }
        deleted.payments = deletedPayments.sorted().map { r.payments[$0] }
        let settling = Set(x.settling)
        otherCustomersPayments = x.payments.filter { !settling.contains($0) }.map { r.payments[$0] }
        self.deleted = deleted
        self.kept = kept
        self.updated = updated
        sharedReferenceInvoices = shared

        deletedBoundaryNotices = w.boundaryNotices
        deletedLeaveRequests = w.leaveRequests
        fixPlanNotesRemoved = w.fixPlans.filter { $0.note != nil }
        keptDecisions = w.decisions
        keptEvents = w.events.count
        keptExits = w.exits.count
        keptFixPlans = w.fixPlans.count
    }

    /// The plan changes ledger rows (the ledger version must move).
    public var changesLedger: Bool {
        deleted.rowCount > 0 || !updated.invoices.isEmpty || !updated.payments.isEmpty || customerAfter != customerBefore
    }

    /// The plan changes workflow rows.
    public var changesWorkflow: Bool {
        !deletedBoundaryNotices.isEmpty || !deletedLeaveRequests.isEmpty || !fixPlanNotesRemoved.isEmpty
    }

    public var changesAnything: Bool { changesLedger || changesWorkflow }

    /// The ledger as it is after the erasure: exactly what the store does, on records.
    public func apply(to records: LedgerRecords) -> LedgerRecords {
        let id = customerId
        var r = records
        r.customers = r.customers.map { $0.customerId == id ? customerAfter : $0 }
        let deletedInvoices = Set(deleted.invoices.map(\.invoiceId)), deletedPayments = Set(deleted.payments.map(\.paymentId))
        let newInvoices = Dictionary(updated.invoices.map { ($0.invoiceId, $0) }, uniquingKeysWith: { $1 })
        let newPayments = Dictionary(updated.payments.map { ($0.paymentId, $0) }, uniquingKeysWith: { $1 })
        r.invoices = r.invoices.filter { !deletedInvoices.contains($0.invoiceId) }.map { newInvoices[$0.invoiceId] ?? $0 }
        r.payments = r.payments.filter { !deletedPayments.contains($0.paymentId) }.map { newPayments[$0.paymentId] ?? $0 }
        r.timeEntries.removeAll { $0.customerId == id }
        r.contacts.removeAll { $0.customerId == id }
        r.deviations.removeAll { $0.customerId == id }
        r.incidents.removeAll { $0.customerId == id }
        r.referrals.removeAll { $0.customerId == id }
        r.valuesFit.removeAll { $0.customerId == id }
        return r
    }

    /// The workflow records as they are after the erasure.
    public func apply(to workflow: WorkflowRecordSet) -> WorkflowRecordSet {
        let id = customerId
        var w = workflow
        w.boundaryNotices.removeAll { $0.customerId == id }
        w.leaveRequests.removeAll { $0.customerId == id }
        w.fixPlans = w.fixPlans.map { plan in
            guard plan.customerId == id else { return plan }
            var copy = plan
            copy.note = nil
            return copy
        }
        return w
    }

    /// The plan as factual sentences, in the order the store applies it.
    public func summary(_ language: Language) -> [String] {
        let fmt = Formatter(language)
        func L(_ en: String, _ nl: String) -> String { language == .nl ? nl : en }
        let years = policy.taxRetentionYears
        guard changesAnything else {
            return [L("Nothing left to erase for \(customerId): the customer was erased before and nothing has passed the \(years)-year tax retention period since.",
                      "Niets meer te wissen voor \(customerId): de klant is eerder gewist en sindsdien is niets de fiscale bewaartermijn van \(years) jaar gepasseerd.")]
        }
        var lines = [String]()
        if customerAfter != customerBefore {
            lines.append(L("Anonymise the customer record: name → “\(customerAfter.name)”; segment and tier stay; account manager, start date, contract end, notice period and cancel channel are removed.",
                           "Anonimiseer de klantgegevens: naam → “\(customerAfter.name)”; segment en serviceniveau blijven; accountmanager, startdatum, contracteinde, opzegtermijn en opzegkanaal worden verwijderd."))
        }
        var parts = [String]()
        func part(_ n: Int, _ en: String, _ nl: String) { if n > 0 { parts.append("\(n) " + L(en, nl)) } }
        part(deleted.timeEntries.count, "time entries", "urenregels")
        part(deleted.contacts.count, "contacts", "contacten")
        part(deleted.deviations.count, "deviations (with their notes)", "afwijkingen (met notities)")
        part(deleted.incidents.count, "incidents (with their notes)", "incidenten (met notities)")
        part(deleted.referrals.count, "referrals made", "aanbevelingen")
        part(deleted.valuesFit.count, "values-fit scores", "waardenscores")
        part(deletedBoundaryNotices.count, "boundary notices", "grensafspraken")
        part(deletedLeaveRequests.count, "leave requests", "opzegverzoeken")
        if !parts.isEmpty { lines.append(L("Delete ", "Verwijder ") + parts.joined(separator: ", ") + ".") }
        if !deleted.invoices.isEmpty || !deleted.payments.isEmpty {
            lines.append(L("Delete \(deleted.invoices.count) invoice(s) and \(deleted.payments.count) payment(s) dated before \(taxCutoff.iso), past the \(years)-year tax retention period.",
                           "Verwijder \(deleted.invoices.count) factuur/facturen en \(deleted.payments.count) betaling(en) van vóór \(taxCutoff.iso), voorbij de fiscale bewaartermijn van \(years) jaar."))
        }
        if !kept.invoices.isEmpty || !kept.payments.isEmpty {
            let total = kept.invoices.reduce(Money.zero) { $0 + $1.amount }
            lines.append(L("Keep \(kept.invoices.count) invoice(s) (\(fmt.money(total)) excluding VAT) and \(kept.payments.count) payment(s) from \(taxCutoff.iso) on for the tax retention duty, amounts only: \(updated.invoices.count + updated.payments.count) lose their free-text reference.",
                           "Bewaar \(kept.invoices.count) factuur/facturen (\(fmt.money(total)) exclusief btw) en \(kept.payments.count) betaling(en) vanaf \(taxCutoff.iso) voor de fiscale bewaarplicht, alleen bedragen: bij \(updated.invoices.count + updated.payments.count) vervalt de vrije referentie."))
        }
        if !sharedReferenceInvoices.isEmpty {
            lines.append(L("Keep invoice(s) \(sharedReferenceInvoices.joined(separator: ", ")) as they are: another invoice carries the same reference, and changing it could match a payment to that invoice.",
                           "Bewaar factuur/facturen \(sharedReferenceInvoices.joined(separator: ", ")) ongewijzigd: een andere factuur heeft dezelfde referentie, en een wijziging kan een betaling aan die factuur koppelen."))
        }
        if !otherCustomersPayments.isEmpty {
            lines.append(L("Leave \(otherCustomersPayments.count) payment(s) that settle another customer's invoice as they are.",
                           "Laat \(otherCustomersPayments.count) betaling(en) voor de factuur van een andere klant ongewijzigd."))
        }
        if !keptDecisions.isEmpty || keptExits > 0 || keptFixPlans > 0 {
            lines.append(L("Keep \(keptDecisions.count) decision(s) with their audit trail (\(keptEvents) step(s)), \(keptExits) exit(s) and \(keptFixPlans) fix plan(s) as the firm's record of its decisions (GDPR art. 17(3)(b) and (e)); the audit trail is append-only and its free text is not rewritten\(fixPlanNotesRemoved.isEmpty ? "" : "; fix plan notes are removed").",
                           "Bewaar \(keptDecisions.count) besluit(en) met hun audittrail (\(keptEvents) stap(pen)), \(keptExits) vertrek(ken) en \(keptFixPlans) verbeterplan(nen) als vastlegging van de besluiten van het bedrijf (AVG art. 17 lid 3 onder b en e); de audittrail wordt alleen aangevuld en de vrije tekst erin wordt niet herschreven\(fixPlanNotesRemoved.isEmpty ? "" : "; notities bij verbeterplannen worden verwijderd")."))
        }
        lines.append(L("The access log keeps an entry of this erasure.", "Het toegangslogboek legt deze verwijdering vast."))
        return lines
    }
}
