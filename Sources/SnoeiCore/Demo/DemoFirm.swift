/// The built-in demo firm: *Kroon IT & Hosting BV* in Breda, an IT and hosting provider for
/// small and mid-size businesses in the south of the Netherlands and in Flanders.
///
/// `generate(seed:end:)` writes three years of ledger ending at `end`: about 400 customers
/// with monthly, quarterly or yearly subscription invoices and irregular project invoices
/// (21 % VAT; Flemish customers are invoiced with VAT reverse-charged, so `vat` is 0),
/// cost of goods, payments, hours by activity, contacts, deviations from the sales
/// standards, incidents, referrals and values-fit scores. The same seed and end date give
/// the same records on every machine: all randomness comes from `DemoRandom`, all money
/// is integer cents, and nothing iterates a dictionary or a set.
///
/// Among the generated customers are the recognisable cases of the seed texts, with fixed
/// ids (`DemoFirm.cases`): their figures are scripted so that under `Policy.standard`, as of
/// `end`, they land on the verdict listed there whatever the seed.
public enum DemoFirm {
    public static let firmName = DemoNames.firmName
    /// Customers in every generated ledger.
    public static let customerCount = 400
    /// Days of history up to and including `end` (three years).
    public static let historyDays = 1095

    /// A recognisable customer of the seed texts and the verdict it must get.
    public struct Case: Sendable, Equatable {
        public enum Role: String, Sendable, CaseIterable {
            /// Seed 002: a large share of revenue, unprofitable and difficult; letting go is a risk.
            case dependentLargeCustomer = "dependent_large_customer"
            /// Seed 001: demanding but worth it — boundaries and a fixed contact person.
            case profitableDemanding = "profitable_demanding"
            /// Seed 001: a small customer who calls often about problems of its own making.
            case selfCausedCaller = "self_caused_caller"
            /// Seeds 000 and 002: pays every invoice weeks late.
            case chronicLatePayer = "chronic_late_payer"
            /// Seed 003: "€ 5,000 now or € 5,300 in three months".
            case coercion
            /// Seed 001: intimidates staff — a red line.
            case intimidation
            /// Seed 003: refers new customers.
            case ambassador
        }

        public let id: String
        public let name: String
        public let role: Role
        /// One factual sentence on what the ledger shows for this customer.
        public let summary: String
        public let recommendation: Recommendation
        /// The quadrant when it is part of the story; nil when either side of the friction
        /// boundary tells the same story.
        public let quadrant: Quadrant?
        /// Reason codes the verdict must include (a red line must also come first).
        public let reasons: [ReasonCode]
    }

    public static let cases: [Case] = [
        Case(id: "C0003", name: "Van der Linden Retail Groep BV", role: .dependentLargeCustomer,
             summary: "Retail chain with 38 stores; over 15 % of revenue, but heavy discounts, rush deliveries, many change requests and complaints and hundreds of hours make its contribution negative.",
             recommendation: .fix, quadrant: .unprofitableDemanding, reasons: [.unprofitable, .letGoFriction, .dependency]),
        Case(id: "C0008", name: "Accountantskantoor Van Gils & Partners", role: .ambassador,
             summary: "Profitable, easy, pays on time and referred four of its own clients.",
             recommendation: .nurture, quadrant: .profitableEasy, reasons: [.profitable, .ambassador]),
        Case(id: "C0012", name: "Installatiebedrijf Peeters BV", role: .profitableDemanding,
             summary: "Clearly profitable, but many change requests, complaints, meetings and some deviations from the standard.",
             recommendation: .keep, quadrant: .profitableDemanding, reasons: [.profitable, .frictionHigh]),
        Case(id: "C0019", name: "Fysiotherapie Oosterhout", role: .ambassador,
             summary: "Small, profitable and easy; referred three practices in the region.",
             recommendation: .nurture, quadrant: .profitableEasy, reasons: [.profitable, .ambassador]),
        Case(id: "C0027", name: "Bouwbedrijf De Graaf BV", role: .chronicLatePayer,
             summary: "Profitable, but pays 45 to 75 days after the due date; the invoices due four to six months ago are still unpaid.",
             recommendation: .fix, quadrant: nil, reasons: [.profitable, .latePayment, .overdue90]),
        Case(id: "C0033", name: "Drukkerij Hendriks BV", role: .ambassador,
             summary: "Profitable, easy, pays on time and referred three new customers.",
             recommendation: .nurture, quadrant: .profitableEasy, reasons: [.profitable, .ambassador]),
        Case(id: "C0038", name: "Garage Vermeulen BV", role: .coercion,
             summary: "Agreed € 5,300 for a server migration, offered '€ 5,000 now or € 5,300 in three months', paid € 5,000; € 300 open since.",
             recommendation: .fix, quadrant: nil, reasons: [.profitable, .shortPay]),
        Case(id: "C0045", name: "Schildersbedrijf Van Rijn BV", role: .intimidation,
             summary: "Profitable, but a member of the service desk was intimidated on the phone after an outage.",
             recommendation: .letGo, quadrant: nil, reasons: [.redLine]),
        Case(id: "C0061", name: "Bakkerij Van Dijk", role: .selfCausedCaller,
             summary: "Small hosting customer who calls about forty times a year, mostly about problems of its own making; support costs more than the margin.",
             recommendation: .fix, quadrant: .unprofitableDemanding, reasons: [.unprofitable, .frictionHigh, .selfCaused]),
    ]

    /// The cases with one role (three ambassadors, one of each other role).
    public static func cases(_ role: Case.Role) -> [Case] { cases.filter { $0.role == role } }

    /// Three years of ledger for about 400 customers, ending at `end` (inclusive).
    public static func generate(seed: UInt64, end: Day) -> LedgerRecords {
        var builder = DemoBuilder(seed: seed, end: end)
        builder.build()
        return builder.records()
    }
}
