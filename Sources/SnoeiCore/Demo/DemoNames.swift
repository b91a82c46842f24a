/// Names, segments and people of the demo firm: an IT and hosting provider in Breda serving
/// small and mid-size businesses in the south of the Netherlands and in Flanders.
enum DemoNames {
    struct Segment {
        var name: String
        /// Relative frequency among customers.
        var weight: Int
        /// Name patterns; `{s}` is a surname, `{s2}` a second surname, `{p}` a place, `{n}` a house name.
        var patterns: [String]
        /// Whether firms of this kind can be large IT customers (tens of thousands a year).
        var large = true
    }

    static let segments: [Segment] = [
        Segment(name: "Bouw & installatie", weight: 16, patterns: [
            "Installatiebedrijf {s}", "Bouwbedrijf {s}", "Schildersbedrijf {s}", "Loodgietersbedrijf {s}",
            "Elektrotechniek {s}", "{s} Installatietechniek", "Dakdekkersbedrijf {s}", "Timmerbedrijf {s}",
            "Aannemersbedrijf {s}", "{s} Klimaattechniek", "Tegelzetterij {s}",
        ]),
        Segment(name: "Zakelijke dienstverlening", weight: 17, patterns: [
            "Accountantskantoor {s}", "Advocatenkantoor {s} & {s2}", "Administratiekantoor {s}", "Makelaardij {s}",
            "{s} Advies", "Notariskantoor {s}", "Architectenbureau {s}", "{s} Verzekeringen", "Adviesbureau {s} & {s2}",
            "Belastingadvies {s}", "Ingenieursbureau {s}",
        ]),
        Segment(name: "Retail", weight: 11, patterns: [
            "Fietsenwinkel {s}", "Bloemenhuis {s}", "{s} Mode", "Schoenen {s}", "Juwelier {s}", "Boekhandel {s}",
            "Wijnhandel {s}", "{s} Wonen", "Opticien {s}", "Tuincentrum {s}", "Keukenstudio {s}",
        ]),
        Segment(name: "Food", weight: 9, patterns: [
            "Bakkerij {s}", "Slagerij {s}", "Kaashandel {s}", "Traiteur {s}", "Groentehandel {s}", "Chocolaterie {s}",
            "Visspecialist {s}", "Koffiebranderij {s}",
        ], large: false),
        Segment(name: "Horeca", weight: 8, patterns: [
            "Restaurant De {n}", "Eetcafé De {n}", "Hotel {p}", "Brasserie De {n}", "Grand Café De {n}",
            "Hotel-Restaurant De {n}", "Lunchroom De {n}",
        ], large: false),
        Segment(name: "Zorg", weight: 10, patterns: [
            "Tandartspraktijk {p}", "Fysiotherapie {p}", "Huisartsenpraktijk {s}", "Dierenkliniek {p}",
            "Apotheek {p}", "Thuiszorg {p}", "Podotherapie {s}", "Mondzorg {p}", "Orthodontie {p}",
        ]),
        Segment(name: "Transport & logistiek", weight: 8, patterns: [
            "Transport {s}", "{s} Logistiek", "Koeriersdienst {s}", "Verhuisbedrijf {s}", "Expeditie {s}",
            "{s} Transportbedrijf",
        ]),
        Segment(name: "Automotive", weight: 7, patterns: [
            "Autobedrijf {s}", "Garage {s}", "Autoschade {s}", "Bandenservice {s}", "{s} Occasions",
        ]),
        Segment(name: "Industrie", weight: 8, patterns: [
            "Metaalbewerking {s}", "{s} Machinebouw", "Kunststoffen {s}", "Drukkerij {s}", "Meubelmakerij {s}",
            "{s} Staalbouw", "Verpakkingen {s}", "{s} Precisietechniek",
        ]),
        Segment(name: "Onderwijs & non-profit", weight: 6, patterns: [
            "Stichting De {n}", "Kinderopvang De {n}", "Muziekschool {p}", "Sportcentrum {p}",
            "Stichting Welzijn {p}", "Scholengroep {p}",
        ]),
    ]

    /// Surnames for generated names. The scripted cases' surnames (Van der Linden, Van Gils, Peeters,
    /// De Graaf, Hendriks, Vermeulen, Van Rijn, Van Dijk) are left out, so a case has no namesakes.
    static let surnamesNL = [
        "De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "De Boer", "Mulder", "De Groot",
        "Bos", "Vos", "Van Leeuwen", "Dekker", "Brouwer", "De Wit", "Dijkstra", "Smits",
        "Van der Meer", "Van den Berg", "Kok", "De Haan", "Van den Heuvel", "Van der Veen", "Van den Broek",
        "Schouten", "Van Wijk", "Hoekstra", "Maas", "Verhoeven", "Koster", "Van Dam", "Prins", "Blom", "Huisman",
        "Kuipers", "Van Beek", "Verbeek", "Van Vliet", "Janssen", "Sanders",
        "Aarts", "Van Hout", "Verschuren", "Van Loon", "Damen", "Koenen", "Van Oers", "Van Alphen",
        "Rovers", "Van de Ven", "Adriaansen", "Van Hooijdonk", "Goossens", "Van Haaren", "Van Tilburg", "Timmermans",
        "Vermeer", "Hermans", "Peters", "Van Gestel", "Bogers", "Van Raaij", "Schellekens", "Oomen",
    ]

    static let surnamesBE = [
        "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet",
        "Van de Velde", "Aerts", "Lambrechts", "Vandenberghe", "Declercq", "Desmet", "Verstraete", "Van Damme",
        "Martens", "Coppens", "Cools", "Stevens", "Pauwels", "Michiels", "Verbruggen", "Van Looy", "Geerts",
        "Vermeiren", "Van Hoof", "Nuyts", "Smolders", "Verlinden", "Boeckx", "Luyten", "Van Gorp", "Daems",
        "Wuyts", "Bogaerts", "Verhaegen", "Hendrickx", "Segers", "Van Camp", "Mattheussens", "Torfs",
    ]

    static let placesNL = [
        "Breda", "Tilburg", "Oosterhout", "Etten-Leur", "Roosendaal", "Bergen op Zoom", "Dordrecht", "Den Bosch",
        "Waalwijk", "Dongen", "Made", "Prinsenbeek", "Zundert", "Rijen", "Gilze", "Goirle", "Teteringen",
        "Ulvenhout", "Geertruidenberg", "Raamsdonksveer", "Halsteren", "Eindhoven", "Helmond", "Boxtel",
    ]

    static let placesBE = [
        "Antwerpen", "Turnhout", "Hoogstraten", "Brasschaat", "Mechelen", "Lier", "Geel", "Mol", "Herentals",
        "Kapellen", "Schoten", "Brecht", "Malle", "Merksplas", "Essen", "Kalmthout",
    ]

    static let houseNames = [
        "Gouden Leeuw", "Zwaan", "Kroon", "Molen", "Linde", "Hoeve", "Sluis", "Haven", "Posthoorn", "Beurs",
        "Klok", "Regenboog", "Zonnebloem", "Eik", "Wilg", "Kastanje", "Vlinder", "Toren", "Brug", "Poort",
        "Waag", "Pauw", "Ster", "Boomgaard", "Vonk", "Bron", "Kei", "Morgenstond",
    ]

    /// Account managers: the key-account manager takes the largest customers (a fixed contact
    /// person for top customers, seed 001); Flemish customers have their own manager.
    static let keyAccountManager = "Mark van den Berg"
    static let flemishManager = "Eline Claessens"
    static let accountManagers = ["Sanne de Vries", "Joris Smits", "Fatima El Amrani", "Ruben Verhoeven"]

    /// Staff who book time, by the kind of work.
    static let supportStaff = ["Daan K.", "Lisa B.", "Youssef A.", "Sophie M.", "Thijs R.", "Noor V."]
    static let engineers = ["Bram H.", "Kevin D.", "Anouk L.", "Jeroen P.", "Milan S."]
    static let adminStaff = ["Ingrid W.", "Tom G."]

    static let firmName = "Kroon IT & Hosting BV"
}

extension DemoNames {
    /// A company name for a segment, unique among `used`. Deterministic: retries draw from `rng`.
    static func companyName(segment: Segment, belgian: Bool, rng: inout DemoRandom, used: inout Set<String>) -> String {
        let surnames = belgian ? surnamesBE : surnamesNL
        let places = belgian ? placesBE : placesNL
        for attempt in 0..<40 {
            var name = rng.pick(segment.patterns)
            let s = rng.pick(surnames)
            var s2 = rng.pick(surnames)
            if s2 == s { s2 = surnames[(surnames.firstIndex(of: s)! + 1) % surnames.count] }
            name = fill(fill(name, "{s2}", s2), "{s}", s)
            name = fill(fill(name, "{p}", rng.pick(places)), "{n}", rng.pick(houseNames))
            if attempt >= 20 { name += " " + rng.pick(places) }
            let form: String
            if belgian {
                form = [" BV", " BV", " BV", " NV", " CommV", "", "", ""][rng.below(8)]
            } else {
                form = [" BV", " BV", " BV", " BV", " V.O.F.", "", "", "", ""][rng.below(9)]
            }
            let full = segment.name == "Onderwijs & non-profit" || name.hasPrefix("Stichting") ? name : name + form
            if used.insert(full).inserted { return full }
        }
        var n = 2
        while true {
            let candidate = "\(fill(segment.patterns[0], "{s}", surnames[0])) \(n)"
            if used.insert(candidate).inserted { return candidate }
            n += 1
        }
    }

    /// Replaces every occurrence of `target` (the demo needs no Foundation).
    static func fill(_ text: String, _ target: String, _ replacement: String) -> String {
        var result = ""
        var rest = text[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
