/// Builds the demo ledger: drafts per customer, then ids in date order.
struct DemoBuilder {
    struct InvoiceDraft {
        var slot: Int
        var issue: Day
        var due: Day
        var amount: Int64
        var vat: Int64
        var cost: Int64?
        var reference: String?
    }

    enum PaymentMode { case invoiceId, reference, unmatched }

    struct PaymentDraft {
        var date: Day
        var amount: Int64
        /// Draft index of the invoice it pays; nil for a payment nobody can place.
        var invoice: Int?
        var mode: PaymentMode
        var slot: Int?
    }

    /// How a customer pays: days after the due date, and what can go wrong.
    struct PayHabit {
        var minDelay = -8
        var maxDelay = 2
        /// Chance (‰) per invoice of slipping another 8–30 days.
        var slipPermille = 30
        /// Chance (‰) that an invoice due in the last 240 days is still unpaid.
        var unpaidPermille = 0
        /// Invoices due in this range stay unpaid.
        var unpaidDue: ClosedRange<Day>? = nil
        /// Chance (‰) of paying in two instalments (both before the end date).
        var splitPermille = 10
    }

    /// Contacts of the most recent year, counted exactly (earlier years get 80 %).
    struct ContactMix {
        var questions: Int
        var complaints: Int
        var changes: Int
        /// How many of the questions and complaints started on the customer's side.
        var selfCaused: Int
        /// Weights in `Channel.allCases` order: call, email, ticket, visit, chat.
        var channels: [Int]
    }

    /// Everything that shapes one customer's three years.
    struct Plan {
        var slot: Int
        var belgian: Bool
        var activeFrom: Day
        var activeTo: Day
        /// Yearly revenue at current prices, cents.
        var revenue: Int64
        var subscriptionPct = 80
        var cycleMonths = 1
        var subCogsPct = 45
        var projectsMilli: Int64 = 1000
        var hardwarePct = 25
        var term = 30
        var habit = PayHabit()
        var intensityPct = 100
        var contactFactorPct = 100
        var selfCausedPermille = 200
        var complaintPermille = 110
        var changePermille = 110
        var deviationsMilli: Int64 = 0
        var meetingsMilli: Int64 = 500
        var incidentPermille = 0
        var po = false
        var byReferencePermille = 30
        var creditPermille = 12
        var manager: String
        var exactContacts: ContactMix? = nil
        var exactDeviations: [DeviationKind]? = nil
        /// Support hours (milli) of the most recent year; earlier years get 80 %.
        var exactSupportMilli: Int64? = nil
        var exactMeetings: Int? = nil
        /// Deviations are mostly extra discounts.
        var discountHeavy = false
    }

    enum Archetype { case normal, latePayer, disputer, difficult, bargainHunter }

    let seed: UInt64
    let end: Day
    /// First day of the three years.
    let start: Day
    var windowStart: Day { end - 365 }
    let count = DemoFirm.customerCount

    var customers: [CustomerRecord] = []
    var since: [Day] = []
    var invoices: [InvoiceDraft] = []
    var payments: [PaymentDraft] = []
    var times: [TimeEntryRecord] = []
    var contacts: [ContactRecord] = []
    var deviations: [DeviationRecord] = []
    var incidents: [IncidentRecord] = []
    var referrals: [ReferralRecord] = []
    var valuesFit: [ValuesFitRecord] = []
    var usedNames = Set<String>()
    var poCounter = 0

    init(seed: UInt64, end: Day) {
        self.seed = seed
        self.end = end
        self.start = end - (DemoFirm.historyDays - 1)
    }

    static func id(_ slot: Int) -> String { "C" + pad(slot + 1, 4) }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    func stream(_ slot: Int, _ salt: UInt64) -> DemoRandom { DemoRandom(seed: seed, stream: UInt64(slot), salt: salt) }

    // MARK: - Slots

    static let bigSlot = 2
    static let demandingSlot = 11
    static let lateSlot = 26
    static let coercionSlot = 37
    static let intimidationSlot = 44
    static let selfCausedSlot = 60
    static let ambassadorSlots = [7, 18, 32]
    static let ambassadorReferrals = [4, 3, 3]
    static let caseSlots = [2, 7, 11, 18, 26, 32, 37, 44, 60]
    /// Customers that were already customers before the three years.
    static let preCount = 228

    // MARK: - Build

    mutating func build() {
        var r = stream(100_000, 1)
        var pre = (0..<Self.preCount).map { _ in start - r.int(30...(11 * 365)) }
        pre.sort()
        var new = (0..<(count - Self.preCount)).map { _ in start + r.int(0...(DemoFirm.historyDays - 21)) }
        new.sort()
        since = pre + new

        for c in DemoFirm.cases { usedNames.insert(c.name) }

        // Referrals: the ambassadors' referred customers are new customers, each referred once.
        var candidates = (Self.preCount..<count).filter { since[$0] >= start + 30 && since[$0] <= end - 30 }
        for i in stride(from: candidates.count - 1, to: 0, by: -1) { candidates.swapAt(i, r.below(i + 1)) }
        var referredBy = [Int](repeating: -1, count: count)
        var next = 0
        for (a, n) in zip(Self.ambassadorSlots, Self.ambassadorReferrals) {
            for _ in 0..<n where next < candidates.count { referredBy[candidates[next]] = a; next += 1 }
        }
        // A few ordinary customers referred one new customer each.
        var referrers = [Int]()
        while referrers.count < 4 {
            let s = r.int(70...(Self.preCount - 1))
            if !referrers.contains(s) { referrers.append(s) }
        }
        for s in referrers where next < candidates.count { referredBy[candidates[next]] = s; next += 1 }

        for slot in 0..<count {
            customers.append(CustomerRecord(customerId: Self.id(slot), name: ""))
        }
        for slot in 0..<count where slot != Self.bigSlot {
            switch slot {
            case Self.demandingSlot: demanding()
            case Self.lateSlot: latePayer()
            case Self.coercionSlot: coercion()
            case Self.intimidationSlot: intimidation()
            case Self.selfCausedSlot: selfCausedCaller()
            case _ where Self.ambassadorSlots.contains(slot): ambassador(slot)
            default:
                let referred = referredBy[slot] >= 0
                general(slot, keepActive: referred || referrers.contains(slot))
            }
        }
        for slot in 0..<count where referredBy[slot] >= 0 {
            var rr = stream(slot, 77)
            let date = max(since[referredBy[slot]], since[slot] - rr.int(3...25))
            referrals.append(ReferralRecord(customerId: Self.id(referredBy[slot]), referredCustomerId: Self.id(slot), date: date))
        }
        referrals.sort { $0.date < $1.date || ($0.date == $1.date && $0.referredCustomerId < $1.referredCustomerId) }

        // The large customer last: its size is set from the rest of the firm.
        var rest: Int64 = 0
        for v in invoices where v.issue >= windowStart && v.issue <= end { rest += v.amount }
        bigCustomer(restRevenue: rest)
        unmatchedPayments()
    }

    // MARK: - Customer records

    mutating func customer(_ slot: Int, name: String, segment: String, belgian: Bool, revenue: Int64,
                           manager: String, churn: Day?, rng: inout DemoRandom, tier fixedTier: String? = nil) {
        let euros = revenue / 100
        let tier = fixedTier ?? (euros >= 40_000 ? "premium" : euros >= 8_000 ? "plus" : "basis")
        let termMonths = tier == "premium" ? 36 : tier == "plus" ? 24 : 12
        var contractEnd: Day
        if let churn {
            contractEnd = churn
        } else {
            var k = 1
            contractEnd = since[slot].addingMonths(termMonths)
            while contractEnd <= end { k += 1; contractEnd = since[slot].addingMonths(termMonths * k) }
        }
        let channel = ["portal", "email", "registered_letter"][rng.weighted([45, 40, 15])]
        customers[slot] = CustomerRecord(
            customerId: Self.id(slot), name: name, segment: segment, accountManager: manager, since: since[slot],
            tier: tier, contractEnd: contractEnd, noticeDays: tier == "premium" ? 90 : tier == "plus" ? 60 : 30,
            cancelChannel: channel)
    }

    static let revenueTable: [(Int, Int64)] = [
        (0, 450), (1000, 1_000), (2500, 2_100), (5000, 4_800), (7500, 11_500), (9000, 26_000),
        (9500, 42_000), (9900, 95_000), (10_000, 170_000),
    ]
    static let intensityTable: [(Int, Int64)] = [
        (0, 30), (2000, 55), (5000, 100), (8000, 170), (9500, 300), (10_000, 500),
    ]
    static let selfCausedTable: [(Int, Int64)] = [
        (0, 0), (3000, 100), (6000, 250), (9000, 500), (10_000, 800),
    ]

    mutating func general(_ slot: Int, keepActive: Bool) {
        var rng = stream(slot, 1)
        let archetype: Archetype = keepActive ? .normal
            : [Archetype.normal, .latePayer, .disputer, .difficult, .bargainHunter][rng.weighted([800, 65, 15, 70, 30])]
        let belgian = rng.chance(150)
        var revenue = rng.quantile(Self.revenueTable) * 100
        if archetype == .bargainHunter { revenue = min(120_000_00, max(15_000_00, revenue * 3)) }
        let euros = revenue / 100
        // The bakery and the café do not spend € 30,000 a year on IT.
        let weights = DemoNames.segments.map { euros >= 30_000 && !$0.large ? 0 : $0.weight }
        let segment = DemoNames.segments[rng.weighted(weights)]
        let name = DemoNames.companyName(segment: segment, belgian: belgian, rng: &rng, used: &usedNames)
        var churn: Day? = nil
        let activeFrom = max(since[slot], start)
        if !keepActive, rng.chance(60), end - activeFrom > 120 {
            churn = activeFrom + rng.int(60...(end - activeFrom - 30))
        }
        let manager = euros >= 60_000 ? DemoNames.keyAccountManager
            : belgian ? DemoNames.flemishManager : rng.pick(DemoNames.accountManagers)
        customer(slot, name: name, segment: segment.name, belgian: belgian, revenue: revenue, manager: manager,
                 churn: churn, rng: &rng)

        var p = Plan(slot: slot, belgian: belgian, activeFrom: activeFrom, activeTo: churn ?? end, revenue: revenue,
                     manager: manager)
        p.subscriptionPct = euros < 3_000 ? rng.int(85...100) : rng.int(40...95)
        if p.subscriptionPct > 96 { p.subscriptionPct = 100 }
        p.cycleMonths = euros < 2_500 ? [1, 3, 12][rng.weighted([50, 25, 25])] : [1, 3][rng.weighted([80, 20])]
        p.subCogsPct = rng.int(35...55)
        p.projectsMilli = p.subscriptionPct == 100 ? 0
            : euros < 5_000 ? Int64(rng.int(500...1000)) : euros < 30_000 ? Int64(rng.int(1000...2500)) : Int64(rng.int(2000...5000))
        p.hardwarePct = rng.int(0...50)
        p.term = euros < 5_000 ? (rng.chance(600) ? 14 : 30) : (rng.chance(200) ? 14 : 30)
        p.intensityPct = Int(rng.quantile(Self.intensityTable))
        p.selfCausedPermille = Int(rng.quantile(Self.selfCausedTable))
        p.complaintPermille = rng.int(70...150)
        p.changePermille = rng.int(70...150)
        p.deviationsMilli = [0, Int64(rng.int(300...800)), Int64(rng.int(1000...2000))][rng.weighted([70, 20, 10])]
        p.meetingsMilli = euros >= 20_000 ? min(8000, 2000 + euros * 1000 / 25_000)
            : euros >= 5_000 ? Int64(rng.int(500...1500)) : Int64(rng.int(0...500))
        p.incidentPermille = 15
        p.po = euros >= 40_000 && rng.chance(500)
        p.byReferencePermille = p.po ? 500 : 30
        if rng.chance(500) { p.habit.minDelay = -3; p.habit.maxDelay = 10 }
        var fit: Int? = rng.chance(350) ? rng.int(3...5) : nil

        switch archetype {
        case .normal: break
        case .latePayer:
            p.habit = PayHabit(minDelay: 12, maxDelay: 60, slipPermille: 100, unpaidPermille: 150, splitPermille: 40)
            if fit != nil { fit = 3 }
        case .disputer:
            fit = rng.int(2...3)
        case .difficult:
            p.intensityPct = min(900, p.intensityPct * 3)
            p.contactFactorPct = 200
            p.selfCausedPermille = rng.int(350...700)
            p.complaintPermille = rng.int(220...350)
            p.changePermille = rng.int(200...320)
            p.deviationsMilli = Int64(rng.int(3000...7000))
            p.incidentPermille = 300
            p.habit.minDelay = 0; p.habit.maxDelay = 25
            p.meetingsMilli += 2000
            fit = rng.chance(700) ? rng.int(1...2) : nil
        case .bargainHunter:
            // Negotiated prices close to cost, extra discounts and "just one more thing".
            p.subCogsPct = rng.int(78...88)
            p.hardwarePct = rng.int(40...70)
            p.intensityPct = min(600, p.intensityPct * 2)
            p.changePermille = rng.int(220...320)
            p.complaintPermille = rng.int(120...200)
            p.deviationsMilli = Int64(rng.int(3000...6000))
            p.discountHeavy = true
            p.meetingsMilli += 3000
            fit = rng.chance(500) ? rng.int(2...3) : nil
        }
        run(p, rng: &rng)
        if archetype == .disputer { dispute(slot, rng: &rng) }
        if let fit { scoreValues(slot, base: fit, rng: &rng) }
    }

    // MARK: - Running a plan

    /// Day range of year `y` back (0 = the most recent 365 days, inside the analysis window).
    func block(_ y: Int) -> ClosedRange<Day> {
        let hi = end - 365 * y - (y == 0 ? 0 : 1)
        return (end - 365 * y - 364)...hi
    }

    func firstOfMonth(onOrAfter day: Day) -> Day {
        let (y, m, d) = day.components
        let first = Day(year: y, month: m, day: 1)!
        return d == 1 ? first : first.addingMonths(1)
    }

    static func vat(_ amount: Int64, belgian: Bool) -> Int64 {
        if belgian { return 0 }
        let v = (amount.magnitude * 21 + 50) / 100
        return amount < 0 ? -Int64(v) : Int64(v)
    }

    mutating func nextPO() -> String {
        poCounter += 1
        return "PO-45" + Self.pad(10_000 + poCounter * 7 + Int(seed % 7), 6)
    }

    @discardableResult
    mutating func invoice(_ p: Plan, issue: Day, amount: Int64, cost: Int64?, reference: String? = nil) -> Int {
        invoices.append(InvoiceDraft(slot: p.slot, issue: issue, due: issue + p.term, amount: amount,
                                     vat: Self.vat(amount, belgian: p.belgian), cost: cost, reference: reference))
        return invoices.count - 1
    }

    mutating func pay(_ index: Int, date: Day, amount: Int64, byReference: Bool) {
        let v = invoices[index]
        payments.append(PaymentDraft(date: date, amount: amount, invoice: index,
                                     mode: byReference ? .reference : .invoiceId, slot: v.slot))
    }

    mutating func time(_ slot: Int, _ date: Day, _ milli: Int64, _ activity: Activity, billable: Bool = false,
                       employee: String) {
        guard milli > 0, date <= end, date >= start else { return }
        times.append(TimeEntryRecord(customerId: Self.id(slot), date: date, hours: milli, activity: activity,
                                     billable: billable, employee: employee))
    }

    /// Spreads `total` thousandths of an hour over entries of `quarters` quarter-hours each.
    mutating func spread(_ slot: Int, total: Int64, in range: ClosedRange<Day>, quarters: ClosedRange<Int>,
                         _ activity: Activity, billable: Bool = false, staff: [String], rng: inout DemoRandom) {
        var left = (total + 125) / 250 * 250
        while left > 0 {
            let chunk = min(left, Int64(rng.int(quarters)) * 250)
            time(slot, day(in: range, &rng), chunk, activity, billable: billable, employee: rng.pick(staff))
            left -= chunk
        }
    }

    func day(in range: ClosedRange<Day>, _ rng: inout DemoRandom) -> Day {
        range.lowerBound + rng.below(range.upperBound - range.lowerBound + 1)
    }

    /// Pays an invoice the way the plan's habit says; nothing after the end date.
    mutating func settle(_ index: Int, _ p: Plan, rng: inout DemoRandom) {
        let v = invoices[index]
        guard v.amount > 0 else { return }
        let payable = v.amount + v.vat
        let h = p.habit
        let unpaid = (h.unpaidDue.map { $0.contains(v.due) } ?? false)
            || (h.unpaidPermille > 0 && v.due >= end - 240 && rng.chance(h.unpaidPermille))
        var delay = rng.int(h.minDelay...h.maxDelay)
        if rng.chance(h.slipPermille) { delay += rng.int(8...30) }
        if unpaid || delay > 14 {
            // A reminder goes out a fortnight after the due date.
            time(p.slot, v.due + 15, Int64(rng.int(1...2)) * 250, .admin, employee: rng.pick(DemoNames.adminStaff))
        }
        if unpaid { return }
        let date = max(v.issue, v.due + delay)
        guard date <= end else { return }
        let byRef = rng.chance(p.byReferencePermille)
        if rng.chance(h.splitPermille) {
            let second = date + rng.int(10...30)
            if second <= end {
                let half = payable / 2
                pay(index, date: date, amount: half, byReference: byRef)
                pay(index, date: second, amount: payable - half, byReference: byRef)
                return
            }
        }
        pay(index, date: date, amount: payable, byReference: byRef)
    }

    mutating func run(_ p: Plan, rng: inout DemoRandom) {
        guard p.activeFrom <= p.activeTo else { return }
        let euros = p.revenue / 100
        // Subscription invoices on the first of the month, prices indexed 4 % a year.
        if p.subscriptionPct > 0 {
            let monthly = max(1500, p.revenue * Int64(p.subscriptionPct) / 100 / 12 / 100 * 100)
            var date = firstOfMonth(onOrAfter: p.activeFrom)
            while date <= p.activeTo {
                let yearsBack = Int64((end - date) / 365)
                let amount = monthly * Int64(p.cycleMonths) * (100 - 4 * yearsBack) / 100
                let i = invoice(p, issue: date, amount: amount, cost: amount * Int64(p.subCogsPct) / 100,
                                reference: p.po ? nextPO() : nil)
                settle(i, p, rng: &rng)
                creditNote(i, p, rng: &rng)
                date = date.addingMonths(p.cycleMonths)
            }
        }
        // A new customer starts with a migration project and some sales time.
        if p.activeFrom == since[p.slot], p.activeFrom > start {
            spread(p.slot, total: Int64(rng.int(12...32)) * 250, in: (p.activeFrom - 20)...p.activeFrom, quarters: 4...8,
                   .sales, staff: [p.manager], rng: &rng)
            let onboarding = p.activeFrom + rng.int(7...30)
            if onboarding <= p.activeTo {
                project(p, date: onboarding, amount: max(45_000, p.revenue * Int64(rng.int(10...20)) / 100), rng: &rng)
            }
        }
        for y in 0..<3 {
            let b = block(y)
            let lo = max(b.lowerBound, p.activeFrom), hi = min(b.upperBound, p.activeTo)
            guard lo <= hi else { continue }
            let range = lo...hi
            let len = Int64(hi - lo + 1)
            let older = y > 0
            // Projects.
            if p.projectsMilli > 0 {
                let n = rng.count(meanMilli: p.projectsMilli * len / 364)
                let each = p.revenue * Int64(100 - p.subscriptionPct) / 100 * 1000 / p.projectsMilli
                for _ in 0..<n {
                    let amount = each * Int64(rng.int(70...130)) / 100 * Int64(100 - 4 * y) / 100
                    project(p, date: day(in: range, &rng), amount: amount, rng: &rng)
                }
            }
            // Support hours.
            var support = p.exactSupportMilli ?? ((4000 + euros * 3 / 10) * Int64(p.intensityPct) / 100)
            if older, p.exactSupportMilli != nil { support = support * 8 / 10 }
            support = support * len / 364
            if p.exactSupportMilli == nil { support = support * Int64(rng.int(80...120)) / 100 }
            spread(p.slot, total: support, in: range, quarters: 1...6, .support, staff: DemoNames.supportStaff, rng: &rng)
            // Meetings, sales and administration.
            let meetings = p.exactMeetings.map { older ? $0 * 8 / 10 : $0 } ?? rng.count(meanMilli: p.meetingsMilli * len / 364)
            for _ in 0..<meetings {
                let d = day(in: range, &rng)
                time(p.slot, d, Int64(rng.int(4...8)) * 250, .meeting, employee: p.manager)
            }
            let sales = euros >= 5_000 ? rng.int(4...12) : rng.int(0...4)
            if sales > 0 { time(p.slot, day(in: range, &rng), Int64(sales) * 250 * len / 364 / 250 * 250, .sales, employee: p.manager) }
            time(p.slot, day(in: range, &rng), Int64(rng.int(1...3)) * 250, .admin, employee: rng.pick(DemoNames.adminStaff))
            // Contacts.
            if var mix = p.exactContacts {
                if older {
                    mix.questions = mix.questions * 8 / 10; mix.complaints = mix.complaints * 8 / 10
                    mix.changes = mix.changes * 8 / 10; mix.selfCaused = mix.selfCaused * 8 / 10
                }
                contactMix(p.slot, mix, in: range, rng: &rng)
            } else {
                let mean = (2000 + euros / 4) * Int64(p.intensityPct) / 100 * Int64(p.contactFactorPct) / 100 * len / 364
                for _ in 0..<rng.count(meanMilli: mean) {
                    let r = rng.below(1000)
                    let kind: ContactKind = r < p.complaintPermille ? .complaint
                        : r < p.complaintPermille + p.changePermille ? .changeRequest : .question
                    let selfCaused = kind != .changeRequest && rng.chance(p.selfCausedPermille)
                    contact(p.slot, day(in: range, &rng), kind: kind, selfCaused: selfCaused,
                            channels: [30, 35, 25, 3, 7], rng: &rng)
                }
            }
            // Deviations from the sales standards.
            if let kinds = p.exactDeviations {
                let list = older ? Array(kinds.prefix(kinds.count * 6 / 10)) : kinds
                for kind in list { deviation(p, kind, day(in: range, &rng), rng: &rng) }
            } else if p.deviationsMilli > 0 {
                for _ in 0..<rng.count(meanMilli: p.deviationsMilli * len / 364) {
                    let kind = DeviationKind.allCases[rng.weighted(p.discountHeavy ? [50, 0, 20, 15, 15, 0] : [28, 6, 24, 14, 22, 6])]
                    deviation(p, kind, day(in: range, &rng), rng: &rng)
                }
            }
        }
        if p.incidentPermille > 0, rng.chance(p.incidentPermille) {
            let kind = [IncidentKind.reviewThreat, .brokenAgreement, .legalThreat, .other][rng.weighted([35, 30, 15, 20])]
            let date = day(in: max(p.activeFrom, start)...p.activeTo, &rng)
            let (severity, note): (Int, String) = switch kind {
            case .reviewThreat: (rng.int(2...3), "Dreigde met een negatieve online review als het verzoek niet dezelfde dag werd uitgevoerd.")
            case .brokenAgreement: (2, "Mondeling gemaakte afspraak over meerwerk werd achteraf niet erkend.")
            case .legalThreat: (3, "Kondigde juridische stappen aan over een vertraagde levering.")
            default: (rng.int(1...2), "Onvriendelijke toon in gesprek met de servicedesk; vastgelegd door de teamleider.")
            }
            incidents.append(IncidentRecord(customerId: Self.id(p.slot), date: date, kind: kind, severity: severity, note: note))
        }
    }

    /// A project: engineers' hours before the invoice, hardware at cost + 20 %.
    mutating func project(_ p: Plan, date: Day, amount rawAmount: Int64, hardwarePct: Int? = nil, rng: inout DemoRandom) {
        guard date <= end else { return }
        let amount = max(25_000, rawAmount / 100 * 100)
        let hardware = amount * Int64(hardwarePct ?? p.hardwarePct) / 100
        let labour = amount - hardware
        let hours = labour * 1000 / 9500
        let from = max(start, max(p.activeFrom - 10, date - 28))
        spread(p.slot, total: hours, in: from...max(from, date - 1), quarters: 8...32, .delivery, billable: true,
               staff: DemoNames.engineers, rng: &rng)
        if rng.chance(120) {
            let after = min(end, date + 40)
            if date + 3 <= after {
                spread(p.slot, total: hours * Int64(rng.int(5...15)) / 100, in: (date + 3)...after, quarters: 2...12,
                       .rework, staff: DemoNames.engineers, rng: &rng)
            }
        }
        let i = invoice(p, issue: date, amount: amount, cost: hardware * 100 / 120, reference: p.po ? nextPO() : nil)
        settle(i, p, rng: &rng)
        creditNote(i, p, rng: &rng)
    }

    mutating func creditNote(_ index: Int, _ p: Plan, rng: inout DemoRandom) {
        guard rng.chance(p.creditPermille) else { return }
        let v = invoices[index]
        let date = v.issue + rng.int(5...25)
        guard date <= min(end, p.activeTo + 30) else { return }
        let credit = -(v.amount * Int64(rng.int(10...40)) / 100)
        invoice(p, issue: date, amount: credit, cost: nil)
        contact(p.slot, v.issue + rng.int(1...4), kind: .complaint, selfCaused: false, channels: [40, 40, 20, 0, 0],
                rng: &rng)
    }

    mutating func contact(_ slot: Int, _ date: Day, kind: ContactKind, selfCaused: Bool, channels: [Int],
                          rng: inout DemoRandom) {
        guard date <= end, date >= start else { return }
        // Topic weights in `Topic.allCases` order: product, delivery, packaging, lead_time,
        // communication, other_customers, price, other.
        let weights: [Int] = switch kind {
        case .question: [40, 10, 1, 8, 15, 0, 11, 15]
        case .complaint: [20, 22, 2, 20, 22, 6, 10, 0]
        case .changeRequest: [65, 15, 5, 0, 0, 0, 0, 15]
        }
        let topic = Topic.allCases[rng.weighted(weights)]
        let channel = Channel.allCases[rng.weighted(channels)]
        contacts.append(ContactRecord(customerId: Self.id(slot), date: date, channel: channel, kind: kind,
                                      topic: topic, selfCaused: selfCaused))
    }

    mutating func contactMix(_ slot: Int, _ mix: ContactMix, in range: ClosedRange<Day>, rng: inout DemoRandom) {
        var selfLeft = mix.selfCaused
        for (kind, n) in [(ContactKind.question, mix.questions), (.complaint, mix.complaints), (.changeRequest, mix.changes)] {
            for _ in 0..<n {
                let selfCaused = kind != .changeRequest && selfLeft > 0
                if selfCaused { selfLeft -= 1 }
                contact(slot, day(in: range, &rng), kind: kind, selfCaused: selfCaused, channels: mix.channels, rng: &rng)
            }
        }
    }

    mutating func deviation(_ p: Plan, _ kind: DeviationKind, _ date: Day, rng: inout DemoRandom) {
        let (cost, note): (Int64, String) = switch kind {
        case .discount: (max(5_000, p.revenue * Int64(rng.int(2...6)) / 100 / 100 * 100), "Extra korting buiten de prijsafspraak")
        case .customPackaging: (Int64(rng.int(40...250)) * 100, "Hardware per vestiging apart verpakt en gelabeld")
        case .rushDelivery: (Int64(rng.int(60...350)) * 100, "Spoedlevering en installatie buiten de normale planning")
        case .paymentTerms: (max(1_500, p.revenue / 100 / 100 * 100), "Betaaltermijn verlengd naar 60 dagen")
        case .unpaidExtraWork: (Int64(rng.int(120...900)) * 100, "Extra werk buiten de offerte, niet gefactureerd")
        case .other: (Int64(rng.int(50...300)) * 100, "Afwijking van de standaardvoorwaarden")
        }
        deviations.append(DeviationRecord(customerId: Self.id(p.slot), date: date, kind: kind, cost: Money(cents: cost), note: note))
    }

    static let criteria = ["respect", "reliability", "quality_over_price", "collaboration"]

    mutating func scoreValues(_ slot: Int, base: Int, rng: inout DemoRandom) {
        for c in Self.criteria {
            valuesFit.append(ValuesFitRecord(customerId: Self.id(slot), criterion: c, score: min(5, max(1, base + rng.int(-1...1)))))
        }
    }

    mutating func scoreValues(_ slot: Int, _ scores: [Int]) {
        for (c, s) in zip(Self.criteria, scores) {
            valuesFit.append(ValuesFitRecord(customerId: Self.id(slot), criterion: c, score: s))
        }
    }

    /// A disputed invoice: part paid, the rest withheld, no payment since.
    mutating func dispute(_ slot: Int, rng: inout DemoRandom) {
        let lo = end - 300, hi = end - 45
        guard let index = invoices.indices.last(where: {
            invoices[$0].slot == slot && invoices[$0].amount > 10_000 && invoices[$0].due >= lo && invoices[$0].due <= hi
        }) else { return }
        let v = invoices[index]
        payments.removeAll { $0.invoice == index }
        let payable = v.amount + v.vat
        let date = v.due + rng.int(0...10)
        payments.append(PaymentDraft(date: date, amount: payable * Int64(rng.int(75...92)) / 100 / 100 * 100,
                                     invoice: index, mode: .invoiceId, slot: slot))
        contact(slot, date - 2, kind: .complaint, selfCaused: false, channels: [50, 50, 0, 0, 0], rng: &rng)
    }

    // MARK: - Unmatched payments

    /// One payment with a mistyped invoice number and one from an unknown payer.
    mutating func unmatchedPayments() {
        var rng = stream(100_001, 3)
        let lo = end - 55, hi = end - 35
        let candidates = payments.indices.filter { j in
            guard let i = payments[j].invoice, let slot = payments[j].slot, !Self.caseSlots.contains(slot),
                  payments[j].mode == .invoiceId else { return false }
            return invoices[i].due >= lo && invoices[i].due <= hi && payments[j].amount == invoices[i].amount + invoices[i].vat
        }
        if !candidates.isEmpty { payments[candidates[rng.below(candidates.count)]].mode = .unmatched }
        payments.append(PaymentDraft(date: end - rng.int(5...20), amount: Int64(rng.int(80...400)) * 100 + 50,
                                     invoice: nil, mode: .unmatched, slot: nil))
    }

    // MARK: - Records

    func records() -> LedgerRecords {
        var out = LedgerRecords()
        out.customers = customers

        // Invoice ids per year of issue, in issue order.
        let order = invoices.indices.sorted {
            invoices[$0].issue != invoices[$1].issue ? invoices[$0].issue < invoices[$1].issue : $0 < $1
        }
        var ids = [String](repeating: "", count: invoices.count)
        var year = -1, counter = 0
        for i in order {
            let y = invoices[i].issue.components.year
            if y != year { year = y; counter = 0 }
            counter += 1
            ids[i] = "F\(y)-" + Self.pad(counter, 5)
        }
        for i in order {
            let v = invoices[i]
            out.invoices.append(InvoiceRecord(invoiceId: ids[i], customerId: Self.id(v.slot), issueDate: v.issue,
                                              dueDate: v.due, amount: Money(cents: v.amount), vat: Money(cents: v.vat),
                                              cost: v.cost.map { Money(cents: $0) }, reference: v.reference))
        }

        let paymentOrder = payments.indices.sorted {
            payments[$0].date != payments[$1].date ? payments[$0].date < payments[$1].date : $0 < $1
        }
        for (n, j) in paymentOrder.enumerated() {
            let p = payments[j]
            let customerId = p.slot.map { Self.id($0) }
            var invoiceId: String? = nil, reference: String? = nil
            switch p.mode {
            case .invoiceId:
                invoiceId = ids[p.invoice!]
            case .reference:
                let v = invoices[p.invoice!]
                reference = v.reference ?? ids[p.invoice!]
            case .unmatched:
                if let i = p.invoice {
                    // The customer typed the invoice number without its leading zeros.
                    let id = ids[i]
                    let digits = id.split(separator: "-").last.map { String(Int($0) ?? 0) } ?? ""
                    reference = "factuur \(invoices[i].issue.components.year)-\(digits)"
                } else {
                    reference = "Betaling abonnement"
                }
            }
            out.payments.append(PaymentRecord(paymentId: "P" + Self.pad(n + 1, 6), date: p.date, amount: Money(cents: p.amount),
                                              invoiceId: invoiceId, customerId: customerId, reference: reference))
        }

        func byDate<T>(_ rows: [T], _ date: (T) -> Day) -> [T] {
            rows.indices.sorted { date(rows[$0]) != date(rows[$1]) ? date(rows[$0]) < date(rows[$1]) : $0 < $1 }.map { rows[$0] }
        }
        out.timeEntries = byDate(times) { $0.date }
        out.contacts = byDate(contacts) { $0.date }
        out.deviations = byDate(deviations) { $0.date }
        out.incidents = byDate(incidents) { $0.date }
        out.referrals = referrals
        out.valuesFit = valuesFit
        return out
    }
}
