/// The scripted customers of `DemoFirm.cases`. Their counts in the most recent year are
/// exact, so their verdicts do not depend on the seed; only dates and small amounts vary.
extension DemoBuilder {
    private mutating func casePlan(_ slot: Int, name: String, segment: String, belgian: Bool = false, revenue euros: Int64,
                                   manager: String, rng: inout DemoRandom) -> Plan {
        let revenue = euros * 100
        customer(slot, name: name, segment: segment, belgian: belgian, revenue: revenue, manager: manager, churn: nil, rng: &rng)
        var p = Plan(slot: slot, belgian: belgian, activeFrom: max(since[slot], start), activeTo: end, revenue: revenue,
                     manager: manager)
        p.habit = PayHabit(minDelay: -5, maxDelay: 2, slipPermille: 0, splitPermille: 0)
        p.creditPermille = 0
        p.byReferencePermille = 0
        p.selfCausedPermille = 100
        p.complaintPermille = 60
        p.changePermille = 80
        p.intensityPct = 70
        return p
    }

    /// Seed 001: profitable, but many change requests, complaints, meetings and some deviations.
    mutating func demanding() {
        let slot = Self.demandingSlot
        var rng = stream(slot, 1)
        var p = casePlan(slot, name: "Installatiebedrijf Peeters BV", segment: "Bouw & installatie", revenue: 72_000,
                         manager: "Joris Smits", rng: &rng)
        p.subscriptionPct = 55
        p.subCogsPct = 40
        p.projectsMilli = 4000
        p.hardwarePct = 35
        p.habit = PayHabit(minDelay: 0, maxDelay: 8, slipPermille: 0, splitPermille: 0)
        p.exactSupportMilli = 70_000
        p.exactMeetings = 20
        p.exactContacts = ContactMix(questions: 23, complaints: 9, changes: 12, selfCaused: 3, channels: [35, 40, 10, 10, 5])
        p.exactDeviations = [.rushDelivery, .unpaidExtraWork, .customPackaging, .rushDelivery, .discount]
        run(p, rng: &rng)
        scoreValues(slot, [4, 4, 3, 3])
    }

    /// Seeds 000 and 002: profitable, but pays 45–75 days late; two invoices over 90 days overdue.
    mutating func latePayer() {
        let slot = Self.lateSlot
        var rng = stream(slot, 1)
        var p = casePlan(slot, name: "Bouwbedrijf De Graaf BV", segment: "Bouw & installatie", revenue: 34_000,
                         manager: "Sanne de Vries", rng: &rng)
        p.subscriptionPct = 80
        p.projectsMilli = 1500
        p.hardwarePct = 20
        p.habit = PayHabit(minDelay: 45, maxDelay: 75, slipPermille: 0, unpaidDue: (end - 175)...(end - 95), splitPermille: 0)
        run(p, rng: &rng)
        scoreValues(slot, [4, 2, 3, 3])
    }

    /// Seed 003: "€ 5,000 now or € 5,300 in three months" — € 5,000 paid, € 300 open.
    mutating func coercion() {
        let slot = Self.coercionSlot
        var rng = stream(slot, 1)
        var p = casePlan(slot, name: "Garage Vermeulen BV", segment: "Automotive", belgian: true, revenue: 22_000,
                         manager: DemoNames.flemishManager, rng: &rng)
        p.subscriptionPct = 75
        p.projectsMilli = 1000
        p.hardwarePct = 30
        run(p, rng: &rng)

        // The server migration, quoted and agreed at € 5,300 (Flemish customer: VAT reverse-charged).
        let issue = end - 140
        spread(slot, total: 30_000, in: (issue - 30)...(issue - 1), quarters: 16...32, .delivery, billable: true,
               staff: DemoNames.engineers, rng: &rng)
        let index = invoice(p, issue: issue, amount: 530_000, cost: 168_000)
        payments.append(PaymentDraft(date: issue + 1, amount: 500_000, invoice: index, mode: .invoiceId, slot: slot))
        time(slot, invoices[index].due + 15, 500, .admin, employee: DemoNames.adminStaff[0])
        time(slot, invoices[index].due + 45, 500, .admin, employee: DemoNames.adminStaff[0])
        contact(slot, issue - 1, kind: .complaint, selfCaused: false, channels: [1, 0, 0, 0, 0], rng: &rng)
        incidents.append(IncidentRecord(
            customerId: Self.id(slot), date: issue - 1, kind: .coercion, severity: 3,
            note: "Bij oplevering van de servermigratie (offerte € 5.300, vooraf akkoord) stelde de klant voor: € 5.000 nu of € 5.300 over drie maanden. De volgende dag € 5.000 ontvangen; € 300 staat open. Rustig gereageerd en gevraagd waarom de klant dit een redelijk voorstel vindt."))
        scoreValues(slot, [3, 2, 2, 3])
    }

    /// Seed 001: a member of staff intimidated — a red line, whatever the figures say.
    mutating func intimidation() {
        let slot = Self.intimidationSlot
        var rng = stream(slot, 1)
        var p = casePlan(slot, name: "Schildersbedrijf Van Rijn BV", segment: "Bouw & installatie", revenue: 16_000,
                         manager: "Ruben Verhoeven", rng: &rng)
        p.subscriptionPct = 70
        p.projectsMilli = 1000
        run(p, rng: &rng)
        contact(slot, end - 210, kind: .complaint, selfCaused: false, channels: [1, 0, 0, 0, 0], rng: &rng)
        incidents.append(IncidentRecord(
            customerId: Self.id(slot), date: end - 210, kind: .reviewThreat, severity: 2,
            note: "Kondigde een negatieve Google-review aan als de storing niet binnen een uur was verholpen."))
        contact(slot, end - 75, kind: .complaint, selfCaused: false, channels: [1, 0, 0, 0, 0], rng: &rng)
        incidents.append(IncidentRecord(
            customerId: Self.id(slot), date: end - 75, kind: .intimidation, severity: 4,
            note: "Na een storing van de e-mail belde de eigenaar de servicedesk, schold de medewerker uit en zei haar na werktijd op te wachten. Gesprek overgenomen door de teamleider; medewerker heeft het incident gemeld."))
        scoreValues(slot, [1, 3, 3, 2])
    }

    /// Seed 001: a small customer who calls often about problems of its own making.
    mutating func selfCausedCaller() {
        let slot = Self.selfCausedSlot
        var rng = stream(slot, 1)
        var p = casePlan(slot, name: "Bakkerij Van Dijk", segment: "Food", revenue: 1_700, manager: "Fatima El Amrani",
                         rng: &rng)
        p.subscriptionPct = 67
        p.subCogsPct = 40
        p.projectsMilli = 1000
        p.hardwarePct = 0
        p.term = 14
        p.habit = PayHabit(minDelay: -2, maxDelay: 3, slipPermille: 0, splitPermille: 0)
        p.exactSupportMilli = 34_000
        p.exactMeetings = 0
        p.exactContacts = ContactMix(questions: 32, complaints: 5, changes: 2, selfCaused: 30, channels: [70, 20, 0, 0, 10])
        p.exactDeviations = []
        run(p, rng: &rng)
        scoreValues(slot, [4, 4, 2, 3])
    }

    /// Seed 003: profitable, easy, and they send new customers.
    mutating func ambassador(_ slot: Int) {
        var rng = stream(slot, 1)
        let (name, segment, euros, manager): (String, String, Int64, String) = switch slot {
        case Self.ambassadorSlots[0]: ("Accountantskantoor Van Gils & Partners", "Zakelijke dienstverlening", 38_000, "Fatima El Amrani")
        case Self.ambassadorSlots[1]: ("Fysiotherapie Oosterhout", "Zorg", 9_000, "Sanne de Vries")
        default: ("Drukkerij Hendriks BV", "Industrie", 21_000, "Joris Smits")
        }
        var p = casePlan(slot, name: name, segment: segment, revenue: euros, manager: manager, rng: &rng)
        p.subscriptionPct = 85
        p.projectsMilli = 1000
        p.intensityPct = 60
        p.habit = PayHabit(minDelay: -6, maxDelay: 0, slipPermille: 0, splitPermille: 0)
        run(p, rng: &rng)
        scoreValues(slot, [5, 5, 4, 5])
    }

    /// Seed 002: a retail chain carrying over 15 % of revenue — unprofitable and difficult, so the
    /// arithmetic says let go; the dependency says fix first. Sized from the rest of the firm
    /// (`restRevenue`, the others' revenue in the analysis window) to an 18 % share.
    mutating func bigCustomer(restRevenue: Int64) {
        let slot = Self.bigSlot
        var rng = stream(slot, 1)
        let target = max(100_000_00, restRevenue * 18 / 82)
        let manager = DemoNames.keyAccountManager
        customer(slot, name: "Van der Linden Retail Groep BV", segment: "Retail", belgian: false, revenue: target,
                 manager: manager, churn: nil, rng: &rng, tier: "premium")
        var p = Plan(slot: slot, belgian: false, activeFrom: start, activeTo: end, revenue: target, manager: manager)
        p.po = true
        p.byReferencePermille = 1000
        p.habit = PayHabit(minDelay: 10, maxDelay: 25, slipPermille: 0, splitPermille: 0)
        let scales: [Int64] = [100, 88, 76]

        // Managed services for the stores: 55 % of revenue, monthly, at 72 % cost.
        var monthlyInWindow: Int64 = 0
        var date = firstOfMonth(onOrAfter: windowStart)
        while date <= end { monthlyInWindow += 1; date = date.addingMonths(1) }
        let monthly = target * 55 / 100 / max(1, monthlyInWindow)
        date = firstOfMonth(onOrAfter: start)
        while date <= end {
            let y = date >= windowStart ? 0 : min(2, max(1, (end - date) / 365))
            let amount = monthly * scales[y] / 100 / 100 * 100
            let i = invoice(p, issue: date, amount: amount, cost: amount * 72 / 100, reference: nextPO())
            settle(i, p, rng: &rng)
            date = date.addingMonths(1)
        }

        // Store roll-outs and hardware: 45 % of revenue in eight projects a year, at 78 % cost.
        let weights: [Int64] = [14, 9, 12, 7, 16, 10, 8, 24]
        let weightSum = weights.reduce(0, +)
        for y in 0..<3 {
            let b = block(y)
            for (k, w) in weights.enumerated() {
                let issue = b.lowerBound + 5 + k * 44 + rng.int(0...30)
                guard issue <= b.upperBound - 5 else { continue }
                let amount = target * 45 / 100 * w / weightSum * scales[y] / 100 / 100 * 100
                let i = invoice(p, issue: issue, amount: amount, cost: amount * 78 / 100, reference: nextPO())
                settle(i, p, rng: &rng)
            }
            // A service credit for an outage of the checkout systems.
            let creditDate = b.lowerBound + rng.int(100...250)
            invoice(p, issue: creditDate, amount: -(target * scales[y] / 100 / 200 / 100 * 100), cost: nil)
        }

        for y in 0..<3 {
            let b = block(y)
            let base = target * scales[y] / 100
            // Hours: 26 % of revenue at cost.
            spread(slot, total: base * 16 / 100 * 1000 / 5500, in: b, quarters: 16...32, .delivery, billable: true,
                   staff: DemoNames.engineers, rng: &rng)
            spread(slot, total: base * 5 / 100 * 1000 / 6500, in: b, quarters: 2...12, .support,
                   staff: DemoNames.supportStaff, rng: &rng)
            spread(slot, total: base * 25 / 1000 * 1000 / 6500, in: b, quarters: 4...16, .rework,
                   staff: DemoNames.engineers, rng: &rng)
            spread(slot, total: base * 15 / 1000 * 1000 / 7500, in: b, quarters: 4...12, .meeting,
                   staff: [manager, manager, "Bram H."], rng: &rng)
            spread(slot, total: base * 5 / 1000 * 1000 / 7500, in: b, quarters: 4...12, .sales, staff: [manager], rng: &rng)
            spread(slot, total: base * 3 / 1000 * 1000 / 4500, in: b, quarters: 2...6, .admin,
                   staff: DemoNames.adminStaff, rng: &rng)

            // Deviations: about 7.5 % of revenue.
            let older = y > 0
            let plan: [(DeviationKind, Int, Int64, String)] = [
                (.discount, older ? 2 : 4, base / 100, "Extra korting op hardware buiten de raamovereenkomst"),
                (.rushDelivery, older ? 3 : 5, base * 3 / 1000, "Spoedlevering kassasystemen voor een winkelopening"),
                (.unpaidExtraWork, older ? 2 : 3, base * 5 / 1000, "Extra werk buiten de offerte, niet gefactureerd"),
                (.customPackaging, older ? 1 : 2, base * 25 / 10_000, "Hardware per winkel apart verpakt en gelabeld"),
            ]
            for (kind, n, each, note) in plan {
                for _ in 0..<n {
                    let cost = each * Int64(rng.int(80...120)) / 100 / 100 * 100
                    deviations.append(DeviationRecord(customerId: Self.id(slot), date: day(in: b, &rng), kind: kind,
                                                      cost: Money(cents: cost), note: note))
                }
            }
            var mix = ContactMix(questions: 72, complaints: 22, changes: 36, selfCaused: 30, channels: [20, 45, 25, 10, 0])
            if older {
                mix.questions = 58; mix.complaints = 18; mix.changes = 29; mix.selfCaused = 24
            }
            contactMix(slot, mix, in: b, rng: &rng)
        }
        incidents.append(IncidentRecord(
            customerId: Self.id(slot), date: end - 500, kind: .brokenAgreement, severity: 2,
            note: "Mondeling akkoord over meerwerk voor de winkelopening in Tilburg werd achteraf ingetrokken."))
        incidents.append(IncidentRecord(
            customerId: Self.id(slot), date: end - 190, kind: .legalThreat, severity: 3,
            note: "Inkoopdirecteur kondigde juridische stappen aan als de uitrol van de kassasystemen niet voor de afgesproken datum klaar was."))
        scoreValues(slot, [3, 3, 1, 2])
    }
}
