import Foundation

/// Every sentence the workflow generates (decisions, exits, leave confirmations, de-escalation,
/// boundary breaches, the panel), in Dutch and English, with `{placeholders}`.
///
/// The same rules as `Catalogue`: state facts ("paid on average 42 days late"), never labels
/// ("difficult customer"); give business reasons, not personal ones; never mirror behaviour the
/// firm condemns (seed 003). `WordingCheck` tests generated text against `judgmental`.
public enum WorkflowText {
    public static func text(_ key: String, _ language: Language) -> String {
        (language == .nl ? nl[key] : en[key]) ?? en[key] ?? key
    }

    public static func has(_ key: String) -> Bool { en[key] != nil }

    /// The template of `key` with every `{name}` replaced by its value.
    public static func fill(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        fill(template: text(key, language), values)
    }

    static func fill(template: String, _ values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] { out += value } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// Numbered lines `key.1`, `key.2`, … as long as they exist.
    static func lines(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> [String] {
        var out = [String]()
        var i = 1
        while has("\(key).\(i)") {
            out.append(fill("\(key).\(i)", language, values))
            i += 1
        }
        return out
    }

    // MARK: terms

    public static func topic(_ t: Topic, _ language: Language) -> String { text("topic.\(t.rawValue)", language) }
    public static func deviation(_ d: DeviationKind, _ language: Language) -> String { text("deviation.\(d.rawValue)", language) }
    public static func channel(_ c: Channel, _ language: Language) -> String { text("channel.\(c.rawValue)", language) }
    public static func boundary(_ b: BoundaryKind, _ language: Language) -> String { text("boundary.\(b.rawValue)", language) }

    /// How something came in: "by phone", "during a visit" / "telefonisch", "tijdens een bezoek".
    public static func by(_ c: Channel, _ language: Language) -> String { text("by.\(c.rawValue)", language) }

    /// A contract's cancellation channel (free text such as `registered_letter`) with its
    /// preposition: "by registered letter" / "per aangetekende brief".
    public static func cancelChannel(_ raw: String, _ language: Language) -> String {
        let key = "cancel.\(raw.lowercased())"
        if has(key) { return text(key, language) }
        if let c = Channel(rawValue: raw.lowercased()) { return by(c, language) }
        return fill("by.other", language, ["channel": raw.replacingOccurrences(of: "_", with: " ")])
    }

    // MARK: judgmental words

    /// Judgmental words and phrases (lower case) with the key of a suggestion for each.
    /// Whole words only; `WordingCheck` ignores case and diacritics.
    static let judgmental: [Language: [(word: String, suggestion: String)]] = [
        .en: [
            ("terrible", "wording.suggest.facts"),
            ("difficult customer", "wording.suggest.figures"), ("difficult customers", "wording.suggest.figures"),
            ("annoying", "wording.suggest.cost"),
            ("impossible", "wording.suggest.request"),
            ("lazy", "wording.suggest.agreement"),
            ("liar", "wording.suggest.statement"), ("liars", "wording.suggest.statement"),
            ("crazy", "wording.suggest.facts"),
            ("nightmare", "wording.suggest.figures"),
            ("rude", "wording.suggest.behaviour"),
            ("stupid", "wording.suggest.facts"),
            ("problem customer", "wording.suggest.figures"), ("problem customers", "wording.suggest.figures"),
            ("klant terrible", "wording.suggest.figures"),
        ],
        .nl: [
            ("lastig klant", "wording.suggest.figures"),
            ("lastige klant", "wording.suggest.figures"), ("lastige klanten", "wording.suggest.figures"),
            ("vervelend", "wording.suggest.cost"), ("vervelende", "wording.suggest.cost"),
            ("onmogelijk", "wording.suggest.request"), ("onmogelijke", "wording.suggest.request"),
            ("lui", "wording.suggest.agreement"), ("luie", "wording.suggest.agreement"),
            ("leugenaar", "wording.suggest.statement"), ("leugenaars", "wording.suggest.statement"),
            ("gek", "wording.suggest.facts"), ("gekke", "wording.suggest.facts"),
            ("nachtmerrie", "wording.suggest.figures"),
            ("brutaal", "wording.suggest.behaviour"), ("brutale", "wording.suggest.behaviour"),
            ("dom", "wording.suggest.facts"), ("domme", "wording.suggest.facts"),
            ("klant terrible", "wording.suggest.figures"),
            ("probleemklant", "wording.suggest.figures"), ("probleemklanten", "wording.suggest.figures"),
            ("zeur", "wording.suggest.cost"), ("zeurpiet", "wording.suggest.cost"),
            ("querulant", "wording.suggest.behaviour"), ("querulanten", "wording.suggest.behaviour"),
        ],
    ]

    /// The judgmental words and phrases of a language, as listed.
    public static func judgmentalWords(_ language: Language) -> [String] { (judgmental[language] ?? []).map(\.word) }

    // MARK: English

    static let en: [String: String] = [
        // Decisions (errors are in English only: they are for the developer and the log).
        "decision.error.final": "A decision in state {state} is final; no further steps are possible.",
        "decision.error.step": "A decision in state {state} cannot be {done}; possible steps: {steps}.",
        "decision.error.chosen_required": "A change needs a chosen outcome other than the proposal ({proposed}): one of {options}.",
        "decision.error.chosen_same": "A change must choose an outcome other than the proposal ({proposed}); to agree with the proposal, confirm it.",
        "decision.error.confirm_differs": "A confirm takes the proposal ({proposed}) as it is, but {chosen} was chosen; to choose another outcome, use change.",
        "decision.error.reject_chosen": "A reject keeps the customer as is and cannot choose {chosen}; to choose another outcome, use change.",
        "decision.error.reason_required": "The step {step} needs a reason: say in a sentence why it was taken.",
        "decision.error.actor_required": "Every step needs an actor: who took it.",
        "decision.done.confirm": "confirmed",
        "decision.done.change": "changed",
        "decision.done.reject": "rejected",
        "decision.done.resolve": "resolved",
        "decision.done.start_exit": "moved to an exit",
        "decision.done.close": "closed",

        // Notice and end dates
        "notice.from_customer": "Notice period: {notice_days} days, as agreed with the customer.",
        "notice.policy_default": "Notice period: {notice_days} days, the policy's default (the customer record names none).",
        "exit.notice_period": "The service continues for the full notice period: until {proposed_end}, {notice_days} days after the conversation on {conversation}.",
        "exit.contract_runs_longer": "The contract runs until {contract_end}, beyond the notice period: the service continues until that date, as the contract intends.",
        "exit.contract_ends_within_notice": "The contract would end on {contract_end}, within the notice period; the service still continues for the full notice period.",
        "exit.earlier_at_no_cost": "If it suits the customer, the cooperation can end earlier, at no cost.",
        "leave.notice_end": "Earliest end date: {earliest_end}, {notice_days} days after the request of {request_date}.",
        "leave.contract_ends_earlier": "The contract ends on {contract_end}, before the notice period is over: the cooperation ends on that date.",
        "leave.contract_end_passed": "The contract's end date ({contract_end}) lies before the request; the notice period applies.",
        "leave.any_channel_counts": "The request came {request_channel}. A request by any ordinary channel (e-mail, phone, ticket, chat, visit) counts.",
        "leave.required_channel_waived": "The contract asks for notice {required_channel}; that is not needed: the request made {request_channel} counts as it is.",

        // Wording suggestions
        "wording.suggest.facts": "Describe the facts instead: what happened, when, and what it cost.",
        "wording.suggest.figures": "Name the figures instead, e.g. “paid on average 42 days late” or “12 change requests without a budget”.",
        "wording.suggest.cost": "Say what happened and what it cost in time or money.",
        "wording.suggest.request": "Say which request could not be met, and why.",
        "wording.suggest.agreement": "Say which agreement was not kept, and when.",
        "wording.suggest.statement": "Say which statement differs from the record, and when it was made.",
        "wording.suggest.behaviour": "Describe the behaviour and its date, and log it as an incident.",

        // Terms
        "topic.product": "the product", "topic.delivery": "delivery", "topic.packaging": "packaging",
        "topic.lead_time": "lead times", "topic.communication": "communication",
        "topic.other_customers": "other customers", "topic.price": "price", "topic.other": "other matters",
        "deviation.discount": "extra discounts", "deviation.custom_packaging": "custom packaging",
        "deviation.rush_delivery": "rush deliveries", "deviation.payment_terms": "longer payment terms",
        "deviation.unpaid_extra_work": "unpaid extra work", "deviation.other": "other deviations from the standard",
        "channel.call": "phone", "channel.email": "e-mail", "channel.ticket": "ticket", "channel.visit": "a visit",
        "channel.chat": "chat",
        "by.call": "by phone", "by.email": "by e-mail", "by.ticket": "through a ticket", "by.visit": "during a visit",
        "by.chat": "by chat", "by.other": "by {channel}",
        "cancel.registered_letter": "by registered letter", "cancel.portal": "through the customer portal",
        "cancel.letter": "by letter", "cancel.email": "by e-mail",
        "boundary.payment_terms": "pay within the payment term",
        "boundary.full_payment": "pay invoices in full",
        "boundary.scope": "extra work only with an agreed budget",
        "boundary.behaviour": "respectful behaviour towards staff",
        "boundary.contact_channel": "questions through the agreed channel",

        // Exit brief
        "brief.title": "Exit conversation with {name} ({id})",
        "brief.section.purpose": "Purpose of the conversation",
        "brief.section.reasons": "The business reasons (state them as facts)",
        "brief.section.gain": "What {name} gains by moving",
        "brief.section.referral": "Referral",
        "brief.section.switching": "Help with switching",
        "brief.section.dates": "Notice and end date",
        "brief.section.invoice": "Final invoice and open balance",
        "brief.section.tips": "Conversation tips",
        "brief.purpose.medium": "This is a brief for a phone call or a visit — not an e-mail. Have the conversation in person, and confirm what was agreed in writing afterwards.",
        "brief.purpose.goal": "Purpose: tell {name} that we will end the cooperation on {end_date}, explain why, and help {name} move to a firm that fits better, so that {name} leaves through the front door.",
        "brief.purpose.business": "Make clear that this is a business decision, not a personal one.",
        "brief.purpose.since": "{name} has been a customer since {since}.",
        "brief.purpose.proposal_differs": "Note: Snoei's current proposal for {name} is “{proposal}”, not an exit. Use this brief only when a person has decided to end the cooperation.",
        "brief.reasons.figures": "In the last 12 months: revenue {revenue}, contribution {contribution}, {hours} hours of work and {contacts} contact(s).",
        "brief.reasons.none": "No figure crosses a boundary of the policy; write down the reason the decision was made before the conversation.",
        "brief.gain.demands": "In the last 12 months {name} asked most about: {demands}.",
        "brief.gain.fit": "A firm whose standard service covers exactly that can serve {name} better than we can within ours; that is what {name} gains by moving.",
        "brief.gain.general": "A firm whose standard service fits what {name} needs can serve {name} better than we can within ours.",
        "brief.demand.topic": "{topic} ({count} contact(s))",
        "brief.demand.deviation": "{kind} ({count}×)",
        "brief.demand.change_requests": "changes to the agreed work ({count} request(s))",
        "brief.demand.segment": "the {segment} sector",
        "brief.referral.partner": "Refer {name} to {partner}, who specialises in {specialities}.",
        "brief.referral.contact": "Contact at {partner}: {contact}.",
        "brief.referral.matched": "Why {partner} fits: {matched}.",
        "brief.referral.offer": "Offer to make the introduction yourself, if {name} would like that.",
        "brief.referral.none": "No firm on our partner list fits what {name} asks for. Discuss which options {name} sees, and offer to think along.",
        "brief.switch.handover": "Hand-over: we give the new supplier everything it needs (documentation, configurations, access) and answer its questions.",
        "brief.switch.export": "Data export: {name} receives all of its data in a common format, at no cost.",
        "brief.switch.overlap": "Overlap period: our service continues until the new supplier has taken over, up to the end date, so that nothing stops in between.",
        "brief.dates.end": "Proposed end date: {proposed_end}.",
        "brief.invoice.final": "After the end date {name} receives a final invoice for the services up to that date; nothing after it.",
        "brief.invoice.open": "Open balance today: {open_balance}. Mention it calmly and agree how and when it will be settled.",
        "brief.invoice.none": "There is no open balance today.",
        "brief.invoice.credit": "{name} has a credit of {credit} today; it is settled on the final invoice.",
        "brief.tip.listen": "Listen first, and let {name} finish.",
        "brief.tip.calm": "Stay calm and friendly, also when the conversation gets tense; never answer in the same tone.",
        "brief.tip.ask": "Ask how {name} sees the cooperation.",
        "brief.tip.no_blame": "Name facts, not people: no blame and no labels.",
        "brief.tip.past": "Do not argue about the past: the decision stands; how we part is open for discussion.",
        "brief.tip.thanks_since": "Thank {name} for the years together since {since}.",
        "brief.tip.thanks": "Thank {name} for the cooperation.",

        // Leave confirmation (seed 004: a dignified exit)
        "leave.greeting": "Dear {name},",
        "leave.received": "Thank you for letting us know on {request_date}, {request_channel}, that you want to end our cooperation. We confirm your request; nothing more is needed from you.",
        "leave.end": "Our services end on {end_date}. If you prefer another date, just let us know.",
        "leave.channel_waived": "Our terms mention notice {required_channel}; that is not needed: your message is enough.",
        "leave.final_invoice": "You will receive a final invoice for the services up to the end date; nothing after it.",
        "leave.export": "Before the end date we will gladly send you an export of all your data, and if you wish, we will help your new supplier with the hand-over.",
        "leave.thanks_since": "Thank you for working with us since {since}, and for your trust. You are always welcome back.",
        "leave.thanks": "Thank you for working with us, and for your trust. You are always welcome back.",
        "leave.closing": "Kind regards,",
        "leave.signature": "The team",

        // De-escalation (seed 003: never show the behaviour you condemn)
        "deescalation.common.1": "Stay calm and friendly; do not answer in the same tone.",
        "deescalation.common.2": "Log what happened afterwards: the date, what was said or done, who was there.",
        "deescalation.coercion.1": "Ask calmly why the customer thinks this is a reasonable proposal.",
        "deescalation.coercion.2": "Restate the agreement: the amount and the terms agreed beforehand.",
        "deescalation.coercion.3": "Do not make a counter-threat (such as holding on to the customer's goods); it only hardens positions.",
        "deescalation.coercion.4": "Humour can help, if it fits the moment: “Why in three months, and not in six?”",
        "deescalation.coercion.5": "Confirm the agreement and the open amount in writing afterwards.",
        "deescalation.review_threat.1": "Listen to the complaint behind the threat, and ask what outcome the customer is looking for.",
        "deescalation.review_threat.2": "Say what you can do and by when; do not promise more to avoid a review.",
        "deescalation.review_threat.3": "Do not threaten back; a public review gets one calm, factual answer.",
        "deescalation.broken_agreement.1": "Restate what was agreed, when and with whom.",
        "deescalation.broken_agreement.2": "Ask how the customer remembers it; listen before you answer.",
        "deescalation.broken_agreement.3": "From now on, confirm agreements in writing.",
        "deescalation.legal_threat.1": "Stay factual; do not argue about the legal position on the phone.",
        "deescalation.legal_threat.2": "Ask what the customer wants to achieve; often there is a practical solution.",
        "deescalation.legal_threat.3": "Hand the matter to whoever handles legal questions, and keep the file complete.",
        "deescalation.intimidation.1": "No humour here: say calmly and clearly that this way of speaking is not acceptable.",
        "deescalation.intimidation.2": "Offer to continue the conversation later, or with a manager; end the call if it goes on.",
        "deescalation.intimidation.3": "Support the colleague involved, and let a manager take over the contact.",
        "deescalation.abuse_of_staff.1": "No humour here: say calmly and clearly that this behaviour towards staff is not acceptable.",
        "deescalation.abuse_of_staff.2": "Take the colleague out of the contact; a manager takes over.",
        "deescalation.abuse_of_staff.3": "Offer to continue the conversation once it can be held respectfully.",
        "deescalation.smear.1": "Do not answer publicly in the same tone; one calm, factual reply is enough.",
        "deescalation.smear.2": "Invite the customer to talk in person about what went wrong.",
        "deescalation.smear.3": "Keep copies of what was published, with dates.",
        "deescalation.other.1": "Ask what the customer needs, and restate what was agreed.",
        "deescalation.red_line": "This is a red line in the firm's policy: it goes straight to a decision (proposal: an exit through the front door), whatever the figures say.",

        // Boundary breaches
        "breach.payment_terms.late": "Invoice {invoice} (due {due}) was paid {days_late} days late, beyond the boundary of {boundary} days told on {notice_date}.",
        "breach.payment_terms.open": "Invoice {invoice} (due {due}) is still open after {days_late} days, beyond the boundary of {boundary} days told on {notice_date}.",
        "breach.full_payment": "Invoice {invoice} (issued {issued}) was paid in part; {open} has been open since the last payment on {date}. The boundary was told on {notice_date}.",
        "breach.scope.unpaid_extra_work": "On {date} extra work outside the agreement was done without a budget ({cost}); the boundary was told on {notice_date}.",
        "breach.scope.change_request": "On {date} a change request came in {channel}; the boundary was told on {notice_date}.",
        "breach.behaviour": "On {date} an incident of the kind “{kind}” (severity {severity} of 5) was logged; the boundary was told on {notice_date}.",
        "breach.contact_channel": "On {date} the customer made contact {channel} instead of through the agreed channel (e-mail, ticket or chat); the boundary was told on {notice_date}.",

        // Customer panel
        "panel.invitation": """
        Dear {name},

        You work with us a lot, and you tell us clearly what could be better. That is exactly why we would like to invite you to a feedback meeting with a small group of customers.

        In about two hours we would like to hear how you see our service: what works, what does not, and what you would change. We will listen, and afterwards we will tell you what we do with it.

        Would you like to take part? Let us know, and we will find a date that suits you.

        Kind regards,
        """,

        // Fix plan effect
        "effect.contribution": "Contribution",
        "effect.friction": "Friction score",
        "effect.avg_days_late": "Average days late",
        "effect.overdue": "Overdue",
        "effect.hours": "Hours",
        "effect.contacts": "Contacts",
    ]

    // MARK: Dutch

    static let nl: [String: String] = [
        "notice.from_customer": "Opzegtermijn: {notice_days} dagen, zoals met de klant afgesproken.",
        "notice.policy_default": "Opzegtermijn: {notice_days} dagen, de standaard uit het beleid (het klantrecord noemt er geen).",
        "exit.notice_period": "De dienstverlening loopt de volle opzegtermijn door: tot {proposed_end}, {notice_days} dagen na het gesprek van {conversation}.",
        "exit.contract_runs_longer": "Het contract loopt tot {contract_end}, langer dan de opzegtermijn: de dienstverlening loopt door tot die datum, zoals het contract bedoelt.",
        "exit.contract_ends_within_notice": "Het contract zou op {contract_end} eindigen, binnen de opzegtermijn; de dienstverlening loopt toch de volle opzegtermijn door.",
        "exit.earlier_at_no_cost": "Als het de klant beter uitkomt, kan de samenwerking eerder stoppen, zonder kosten.",
        "leave.notice_end": "Vroegste einddatum: {earliest_end}, {notice_days} dagen na het verzoek van {request_date}.",
        "leave.contract_ends_earlier": "Het contract eindigt op {contract_end}, voordat de opzegtermijn om is: de samenwerking eindigt op die datum.",
        "leave.contract_end_passed": "De einddatum van het contract ({contract_end}) ligt vóór het verzoek; de opzegtermijn geldt.",
        "leave.any_channel_counts": "Het verzoek kwam {request_channel} binnen. Een verzoek via elk gewoon kanaal (e-mail, telefoon, ticket, chat, bezoek) telt.",
        "leave.required_channel_waived": "Het contract vraagt om opzeggen {required_channel}; dat is niet nodig: het verzoek dat {request_channel} binnenkwam, telt zoals het is.",

        "wording.suggest.facts": "Beschrijf liever de feiten: wat er gebeurde, wanneer, en wat het kostte.",
        "wording.suggest.figures": "Noem liever de cijfers, bijvoorbeeld “betaalt gemiddeld 42 dagen te laat” of “12 wijzigingsverzoeken zonder budget”.",
        "wording.suggest.cost": "Zeg wat er gebeurde en wat het kostte aan tijd of geld.",
        "wording.suggest.request": "Zeg welk verzoek niet kon worden uitgevoerd, en waarom.",
        "wording.suggest.agreement": "Zeg welke afspraak niet is nagekomen, en wanneer.",
        "wording.suggest.statement": "Zeg welke uitspraak afwijkt van wat is vastgelegd, en wanneer die is gedaan.",
        "wording.suggest.behaviour": "Beschrijf het gedrag en de datum, en leg het vast als incident.",

        "topic.product": "het product", "topic.delivery": "levering", "topic.packaging": "verpakking",
        "topic.lead_time": "levertijden", "topic.communication": "communicatie",
        "topic.other_customers": "andere klanten", "topic.price": "prijs", "topic.other": "overige zaken",
        "deviation.discount": "extra korting", "deviation.custom_packaging": "aangepaste verpakking",
        "deviation.rush_delivery": "spoedleveringen", "deviation.payment_terms": "langere betaaltermijnen",
        "deviation.unpaid_extra_work": "onbetaald meerwerk", "deviation.other": "andere afwijkingen van de standaard",
        "channel.call": "telefoon", "channel.email": "e-mail", "channel.ticket": "ticket", "channel.visit": "een bezoek",
        "channel.chat": "chat",
        "by.call": "telefonisch", "by.email": "per e-mail", "by.ticket": "via een ticket", "by.visit": "tijdens een bezoek",
        "by.chat": "via de chat", "by.other": "via {channel}",
        "cancel.registered_letter": "per aangetekende brief", "cancel.portal": "via het klantportaal",
        "cancel.letter": "per brief", "cancel.email": "per e-mail",
        "boundary.payment_terms": "betalen binnen de betaaltermijn",
        "boundary.full_payment": "facturen volledig betalen",
        "boundary.scope": "meerwerk alleen met afgesproken budget",
        "boundary.behaviour": "respectvol gedrag naar medewerkers",
        "boundary.contact_channel": "vragen via het afgesproken kanaal",

        "brief.title": "Afscheidsgesprek met {name} ({id})",
        "brief.section.purpose": "Doel van het gesprek",
        "brief.section.reasons": "De zakelijke redenen (breng ze als feiten)",
        "brief.section.gain": "Wat {name} wint bij een overstap",
        "brief.section.referral": "Doorverwijzing",
        "brief.section.switching": "Hulp bij het overstappen",
        "brief.section.dates": "Opzegtermijn en einddatum",
        "brief.section.invoice": "Slotfactuur en openstaand saldo",
        "brief.section.tips": "Tips voor het gesprek",
        "brief.purpose.medium": "Dit is een voorbereiding voor een telefoongesprek of een bezoek — geen e-mail. Voer het gesprek persoonlijk en bevestig de afspraken daarna schriftelijk.",
        "brief.purpose.goal": "Doel: {name} vertellen dat we de samenwerking op {end_date} beëindigen, uitleggen waarom, en {name} helpen over te stappen naar een bedrijf dat beter past, zodat {name} door de voordeur vertrekt.",
        "brief.purpose.business": "Maak duidelijk dat dit een zakelijke beslissing is, geen persoonlijke.",
        "brief.purpose.since": "{name} is klant sinds {since}.",
        "brief.purpose.proposal_differs": "Let op: het huidige voorstel van Snoei voor {name} is “{proposal}”, geen afscheid. Gebruik deze voorbereiding alleen als iemand heeft besloten de samenwerking te beëindigen.",
        "brief.reasons.figures": "In de afgelopen 12 maanden: omzet {revenue}, bijdrage {contribution}, {hours} uur werk en {contacts} contact(en).",
        "brief.reasons.none": "Geen enkel cijfer overschrijdt een grens uit het beleid; schrijf vóór het gesprek op waarom het besluit is genomen.",
        "brief.gain.demands": "{name} vroeg de afgelopen 12 maanden het meest naar: {demands}.",
        "brief.gain.fit": "Een bedrijf waarvan de standaarddienst precies dat omvat, kan {name} beter helpen dan wij binnen de onze; dat wint {name} bij een overstap.",
        "brief.gain.general": "Een bedrijf waarvan de standaarddienst past bij wat {name} nodig heeft, kan {name} beter helpen dan wij binnen de onze.",
        "brief.demand.topic": "{topic} ({count} contact(en))",
        "brief.demand.deviation": "{kind} ({count}×)",
        "brief.demand.change_requests": "wijzigingen in het afgesproken werk ({count} verzoek(en))",
        "brief.demand.segment": "de sector {segment}",
        "brief.referral.partner": "Verwijs {name} door naar {partner}, gespecialiseerd in {specialities}.",
        "brief.referral.contact": "Contact bij {partner}: {contact}.",
        "brief.referral.matched": "Waarom {partner} past: {matched}.",
        "brief.referral.offer": "Bied aan zelf de introductie te doen, als {name} dat wil.",
        "brief.referral.none": "Geen bedrijf op onze partnerlijst past bij wat {name} vraagt. Bespreek welke mogelijkheden {name} ziet en bied aan mee te denken.",
        "brief.switch.handover": "Overdracht: we geven de nieuwe leverancier alles wat die nodig heeft (documentatie, configuraties, toegang) en beantwoorden zijn vragen.",
        "brief.switch.export": "Data-export: {name} krijgt al zijn gegevens in een gangbaar formaat, zonder kosten.",
        "brief.switch.overlap": "Overlapperiode: onze dienstverlening loopt door tot de nieuwe leverancier het heeft overgenomen, tot uiterlijk de einddatum, zodat er tussendoor niets stilvalt.",
        "brief.dates.end": "Voorgestelde einddatum: {proposed_end}.",
        "brief.invoice.final": "Na de einddatum ontvangt {name} een slotfactuur voor de dienstverlening tot die datum; daarna niets meer.",
        "brief.invoice.open": "Openstaand saldo vandaag: {open_balance}. Noem het rustig en spreek af hoe en wanneer het wordt voldaan.",
        "brief.invoice.none": "Er staat vandaag niets open.",
        "brief.invoice.credit": "{name} heeft vandaag een tegoed van {credit}; dat wordt verrekend op de slotfactuur.",
        "brief.tip.listen": "Luister eerst, en laat {name} uitpraten.",
        "brief.tip.calm": "Blijf rustig en vriendelijk, ook als het gesprek gespannen wordt; reageer nooit op dezelfde toon.",
        "brief.tip.ask": "Vraag hoe {name} de samenwerking ziet.",
        "brief.tip.no_blame": "Benoem feiten, geen personen: geen verwijten en geen etiketten.",
        "brief.tip.past": "Ga niet in discussie over het verleden: het besluit staat; hoe we afscheid nemen is bespreekbaar.",
        "brief.tip.thanks_since": "Bedank {name} voor de jaren samen sinds {since}.",
        "brief.tip.thanks": "Bedank {name} voor de samenwerking.",

        "leave.greeting": "Beste {name},",
        "leave.received": "Dank u dat u ons op {request_date} {request_channel} hebt laten weten dat u de samenwerking wilt beëindigen. Wij bevestigen uw opzegging; u hoeft verder niets te doen.",
        "leave.end": "Onze dienstverlening eindigt op {end_date}. Heeft u liever een andere datum, laat het ons dan gerust weten.",
        "leave.channel_waived": "In onze voorwaarden staat opzeggen {required_channel}; dat is niet nodig: uw bericht is voldoende.",
        "leave.final_invoice": "U ontvangt een slotfactuur voor de dienstverlening tot de einddatum; daarna niets meer.",
        "leave.export": "Vóór de einddatum sturen we u graag een export van al uw gegevens, en als u dat wilt, helpen we uw nieuwe leverancier bij de overdracht.",
        "leave.thanks_since": "Dank voor de samenwerking sinds {since} en voor uw vertrouwen. U bent altijd welkom terug.",
        "leave.thanks": "Dank voor de samenwerking en voor uw vertrouwen. U bent altijd welkom terug.",
        "leave.closing": "Met vriendelijke groet,",
        "leave.signature": "Het team",

        "deescalation.common.1": "Blijf rustig en vriendelijk; reageer niet op dezelfde toon.",
        "deescalation.common.2": "Leg daarna vast wat er gebeurde: de datum, wat er gezegd of gedaan is, wie erbij was.",
        "deescalation.coercion.1": "Vraag rustig waarom de klant dit een redelijk voorstel vindt.",
        "deescalation.coercion.2": "Herhaal de afspraak: het bedrag en de voorwaarden die vooraf zijn afgesproken.",
        "deescalation.coercion.3": "Dreig niet terug (bijvoorbeeld door spullen van de klant vast te houden); dat verhardt alleen de standpunten.",
        "deescalation.coercion.4": "Humor kan helpen, als het past: “Waarom pas over drie maanden, en niet over zes?”",
        "deescalation.coercion.5": "Bevestig de afspraak en het openstaande bedrag daarna schriftelijk.",
        "deescalation.review_threat.1": "Luister naar de klacht achter het dreigement en vraag welke uitkomst de klant zoekt.",
        "deescalation.review_threat.2": "Zeg wat u kunt doen en wanneer; beloof niet meer om een review te voorkomen.",
        "deescalation.review_threat.3": "Dreig niet terug; een openbare review krijgt één rustig, feitelijk antwoord.",
        "deescalation.broken_agreement.1": "Herhaal wat er is afgesproken, wanneer en met wie.",
        "deescalation.broken_agreement.2": "Vraag hoe de klant het zich herinnert; luister voordat u antwoordt.",
        "deescalation.broken_agreement.3": "Bevestig afspraken voortaan schriftelijk.",
        "deescalation.legal_threat.1": "Blijf feitelijk; ga aan de telefoon niet in discussie over de juridische positie.",
        "deescalation.legal_threat.2": "Vraag wat de klant wil bereiken; vaak is er een praktische oplossing.",
        "deescalation.legal_threat.3": "Geef de zaak door aan wie juridische vragen behandelt, en houd het dossier compleet.",
        "deescalation.intimidation.1": "Geen humor hier: zeg rustig en duidelijk dat deze manier van praten niet acceptabel is.",
        "deescalation.intimidation.2": "Bied aan het gesprek later voort te zetten, of met een leidinggevende; beëindig het gesprek als het doorgaat.",
        "deescalation.intimidation.3": "Steun de betrokken collega, en laat een leidinggevende het contact overnemen.",
        "deescalation.abuse_of_staff.1": "Geen humor hier: zeg rustig en duidelijk dat dit gedrag naar medewerkers niet acceptabel is.",
        "deescalation.abuse_of_staff.2": "Haal de collega uit het contact; een leidinggevende neemt het over.",
        "deescalation.abuse_of_staff.3": "Bied aan het gesprek voort te zetten zodra het respectvol kan.",
        "deescalation.smear.1": "Reageer niet in het openbaar op dezelfde toon; één rustige, feitelijke reactie is genoeg.",
        "deescalation.smear.2": "Nodig de klant uit om persoonlijk te bespreken wat er misging.",
        "deescalation.smear.3": "Bewaar kopieën van wat er is gepubliceerd, met data.",
        "deescalation.other.1": "Vraag wat de klant nodig heeft, en herhaal wat er is afgesproken.",
        "deescalation.red_line": "Dit is een harde grens in het beleid van het bedrijf: het gaat direct naar een besluit (voorstel: afscheid via de voordeur), wat de cijfers ook zeggen.",

        "breach.payment_terms.late": "Factuur {invoice} (vervaldatum {due}) is {days_late} dagen te laat betaald, voorbij de grens van {boundary} dagen die op {notice_date} is gemeld.",
        "breach.payment_terms.open": "Factuur {invoice} (vervaldatum {due}) staat na {days_late} dagen nog open, voorbij de grens van {boundary} dagen die op {notice_date} is gemeld.",
        "breach.full_payment": "Factuur {invoice} (van {issued}) is deels betaald; {open} staat open sinds de laatste betaling op {date}. De grens is op {notice_date} gemeld.",
        "breach.scope.unpaid_extra_work": "Op {date} is meerwerk buiten de afspraak gedaan zonder budget ({cost}); de grens is op {notice_date} gemeld.",
        "breach.scope.change_request": "Op {date} kwam {channel} een wijzigingsverzoek binnen; de grens is op {notice_date} gemeld.",
        "breach.behaviour": "Op {date} is een incident van het type “{kind}” (ernst {severity} van 5) vastgelegd; de grens is op {notice_date} gemeld.",
        "breach.contact_channel": "Op {date} nam de klant {channel} contact op in plaats van via het afgesproken kanaal (e-mail, ticket of chat); de grens is op {notice_date} gemeld.",

        "panel.invitation": """
        Beste {name},

        U werkt veel met ons samen, en u zegt duidelijk wat er beter kan. Juist daarom nodigen we u graag uit voor een feedbackbijeenkomst met een kleine groep klanten.

        In ongeveer twee uur horen we graag hoe u onze dienstverlening ervaart: wat goed gaat, wat niet, en wat u zou veranderen. Wij luisteren, en laten u daarna weten wat we ermee doen.

        Doet u mee? Laat het ons weten, dan zoeken we een datum die u schikt.

        Met vriendelijke groet,
        """,

        "effect.contribution": "Bijdrage",
        "effect.friction": "Frictiescore",
        "effect.avg_days_late": "Gemiddeld dagen te laat",
        "effect.overdue": "Achterstallig",
        "effect.hours": "Uren",
        "effect.contacts": "Contacten",
    ]
}
