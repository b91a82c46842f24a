import Foundation
import Testing
@testable import SnoeiCore

/// Retention-based value for contracts (issue 7 item 2): the shifted-beta-geometric model,
/// its fit, and the valuation from tenure, renewal date and notice period.
@Suite struct ContractValueTests {
    static let asOf = Day(iso: "2026-11-24")!

    // MARK: the model

    @Test func survivalAndChurnAddUp() {
        let m = ShiftedBetaGeometric(alpha: 0.7, beta: 2.3)
        #expect(abs(m.logSurvival(0)) < 1e-12)
        var total = 0.0
        for t in 1...40 {
            let churn = exp(m.logChurn(at: t))
            // S(t − 1) − S(t) = P(T = t).
            #expect(abs(exp(m.logSurvival(t - 1)) - exp(m.logSurvival(t)) - churn) < 1e-12)
            total += churn
        }
        #expect(abs(total + exp(m.logSurvival(40)) - 1) < 1e-10)
        // First-period retention is β / (α + β); retention rises with tenure.
        #expect(abs(m.renewalChance(afterTerms: 0, renewals: 1) - 2.3 / 3.0) < 1e-12)
        let rates = (0..<10).map { m.renewalChance(afterTerms: $0, renewals: 1) }
        #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func theFitRecoversKnownParameters() throws {
        let truth = ShiftedBetaGeometric(alpha: 0.8, beta: 2.5)
        var sim = ValueSimulation(seed: 7)
        var terms = [Int](), ended = [Bool]()
        // Customers who started 1 to 8 terms ago, each with its own churn chance θ ~ Beta(α, β).
        for i in 0..<6_000 {
            let observed = 1 + i % 8
            let theta = sim.beta(truth.alpha, truth.beta)
            var t = 1
            while t <= observed, sim.uniform() >= theta { t += 1 }
            if t <= observed { terms.append(t); ended.append(true) } else { terms.append(observed); ended.append(false) }
        }
        let fit = try #require(ShiftedBetaGeometric.fit(terms: terms, ended: ended))
        #expect(fit.converged)
        #expect(abs(fit.model.alpha / truth.alpha - 1) < 0.2, "alpha \(fit.model.alpha)")
        #expect(abs(fit.model.beta / truth.beta - 1) < 0.2, "beta \(fit.model.beta)")
        // Mean first-term retention within two points.
        #expect(abs(fit.model.renewalChance(afterTerms: 0, renewals: 1) - truth.renewalChance(afterTerms: 0, renewals: 1)) < 0.02)
    }

    @Test func tooFewContractsOrEndingsGiveNoFit() {
        #expect(ShiftedBetaGeometric.fit(terms: Array(repeating: 2, count: 19), ended: Array(repeating: true, count: 19)) == nil)
        #expect(ShiftedBetaGeometric.fit(terms: Array(repeating: 2, count: 50),
                                         ended: (0..<50).map { $0 < 4 }) == nil)
    }

    // MARK: valuation

    /// One customer billed €1,200 a month for the last two years, with the given contract.
    static func ledger(contractEnd: Day?, noticeDays: Int?, lastInvoice: Day = asOf - 10) throws -> Ledger {
        var r = LedgerRecords()
        r.customers = [CustomerRecord(customerId: "C1", name: "One", since: asOf - 730, contractEnd: contractEnd,
                                      noticeDays: noticeDays)]
        var day = lastInvoice, k = 0
        while day > asOf - 730 {
            r.invoices.append(InvoiceRecord(invoiceId: "I\(k)", customerId: "C1", issueDate: day, dueDate: day + 30,
                                            amount: Money(cents: 120_000)))
            day = day - 30; k += 1
        }
        return try Ledger(records: r)
    }

    static func settings(retention: Double, discount: Double = 0) -> ContractValue.Settings {
        .init(termMonths: 12, fallbackRetention: retention, horizonDays: 365.25, annualDiscountRate: discount)
    }

    @Test func theCommittedPeriodCountsInFullAndRenewalsAtTheirChance() throws {
        // Renewal in about four months, notice 30 days: committed until the renewal date.
        let end = Self.asOf + 120
        let ledger = try Self.ledger(contractEnd: end, noticeDays: 30)
        let window = ledger.invoices.issue.indices.filter { ledger.invoices.issue[$0] >= Self.asOf - 365 }.count
        let monthly = Int64(window) * 120_000 / 12
        let certain = ContractValue(ledger: ledger, asOf: Self.asOf, settings: Self.settings(retention: 1))
        let never = ContractValue(ledger: ledger, asOf: Self.asOf, settings: Self.settings(retention: 0))
        #expect(certain.retention.isPolicy && certain.contracts == 1 && certain.ended == 0)
        #expect(certain.committedUntil[0] == end && certain.hasEnded[0] == false)
        #expect(certain.monthlyRevenue[0] == Money(cents: monthly))
        // Twelve months at retention 1; only the months up to the renewal date at retention 0.
        #expect(certain.value[0] == Money(cents: monthly * 12))
        let committedMonths = (1...12).filter { Self.asOf + Int((Double($0) * 365.25 / 12).rounded()) <= end }.count
        #expect(committedMonths == 3)
        #expect(never.value[0] == Money(cents: monthly * Int64(committedMonths)))
        // Discounting lowers it.
        let discounted = ContractValue(ledger: ledger, asOf: Self.asOf, settings: Self.settings(retention: 1, discount: 0.1))
        #expect(discounted.value[0]! < certain.value[0]!)
    }

    @Test func pastTheNoticeDeadlineTheNextTermIsCommitted() throws {
        // Renewal in 20 days with 60 days' notice: the customer can no longer leave at that date.
        let end = Self.asOf + 20
        let value = ContractValue(ledger: try Self.ledger(contractEnd: end, noticeDays: 60), asOf: Self.asOf,
                                  settings: Self.settings(retention: 0))
        #expect(value.committedUntil[0] == end + 365)
        #expect(value.value[0] == Money(cents: value.monthlyRevenue[0]!.cents * 12))
    }

    @Test func anEndedContractHasNoValueAndOneBilledPastItsDateRunsOn() throws {
        let ended = ContractValue(ledger: try Self.ledger(contractEnd: Self.asOf - 40, noticeDays: 30, lastInvoice: Self.asOf - 50),
                                  asOf: Self.asOf, settings: Self.settings(retention: 1))
        #expect(ended.hasEnded[0] == true && ended.value[0] == .zero && ended.committedUntil[0] == nil)
        let runningOn = ContractValue(ledger: try Self.ledger(contractEnd: Self.asOf - 40, noticeDays: 30),
                                      asOf: Self.asOf, settings: Self.settings(retention: 0))
        #expect(runningOn.hasEnded[0] == false && runningOn.committedUntil[0] == Self.asOf + 30)
        #expect(runningOn.value[0] == runningOn.monthlyRevenue[0])
        let none = ContractValue(ledger: try Self.ledger(contractEnd: nil, noticeDays: nil), asOf: Self.asOf)
        #expect(none.contracts == 0 && none.value[0] == nil)
    }

    @Test func theDemoFirmFitsRetentionOnItsOwnContracts() throws {
        let ledger = try Ledger(records: DemoFirm.generate(seed: 1, end: Self.asOf))
        let value = try CustomerValue(ledger: ledger, asOf: Self.asOf)
        let contracts = value.contracts
        #expect(contracts.contracts == ledger.customers.count && contracts.ended > 0)
        guard case .fitted(let fit) = contracts.retention else {
            Issue.record("expected a fitted retention model"); return
        }
        #expect(fit.converged && fit.logLikelihood < 0)
        for r in 0..<ledger.customers.count {
            #expect(value.model[r] == .contract)
            #expect(value.clv[r] == contracts.value[r])
            if contracts.hasEnded[r] == true { #expect(value.clv[r] == .zero) }
        }
    }
}

extension ContractValue.Retention {
    var isPolicy: Bool { if case .policy = self { true } else { false } }
}
