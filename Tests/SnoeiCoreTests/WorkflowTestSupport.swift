import Testing
@testable import SnoeiCore

/// Shared fixtures of the workflow tests: the demo firm (built once) and small hand-made ledgers.
enum WorkflowFixtures {
    static let end = Day(iso: "2026-11-24")!
    static let demoRecords = DemoFirm.generate(seed: 1, end: end)
    static let demo: Analysis = Analysis(ledger: try! Ledger(records: demoRecords), policy: .standard, asOf: end)

    static func row(_ id: String, in a: Analysis = demo) -> Int { a.row(of: id)! }
    static func customer(_ id: String) -> CustomerRecord { demoRecords.customers.first { $0.customerId == id }! }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static func eur(_ text: String) -> Money { Money.parse(text)! }

    /// The firm's own partner list, as an owner would keep it.
    static let partners: [PartnerRecord] = [
        PartnerRecord(partnerId: "P1", name: "Retail Systems Zuid", specialities: ["retail", "custom_packaging", "rush delivery"],
                      contact: "Ingrid Maas, 076 123 4567"),
        PartnerRecord(partnerId: "P2", name: "Budget Hosting NL", specialities: ["price", "discount"], contact: "sales@budgethosting.example"),
        PartnerRecord(partnerId: "P3", name: "Flex IT Partners", specialities: ["change requests", "unpaid extra work", "communication"]),
        PartnerRecord(partnerId: "P4", name: "Cloudwerk", specialities: ["kubernetes"]),
    ]
}
