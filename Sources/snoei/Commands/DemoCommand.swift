import ArgumentParser
import Foundation
import SnoeiCore
import SnoeiStore
import SnoeiWeb

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a database holding the built-in demo firm and show its portfolio.",
        discussion: """
            The demo firm, \(DemoFirm.firmName), has \(DemoFirm.customerCount) customers and three years of \
            invoices, payments, hours, contacts and incidents, generated deterministically from --seed. \
            It holds the recognisable cases: a profitable but demanding customer, a small customer who \
            calls about self-caused problems, a chronic late payer, the coercion case, a customer who \
            intimidates staff, ambassadors and a large customer the firm depends on. \
            With --customers N (for benchmarks) the ledger holds about N customers: copies of the firm \
            generated from other seeds, ids prefixed K001-, K002-, …, each copy after the first with only \
            its last 400 days of history (see DemoFirm.generate(seed:end:customers:)).
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var language: LanguageOptions

    @Option(help: "Seed of the generator: the same seed gives the same firm.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Last day of the demo history (default: today).", valueName: "YYYY-MM-DD"))
    var end: Day?

    @Option(help: ArgumentHelp("About this many customers: whole copies of the \(DemoFirm.customerCount)-customer firm, each after the first with a thinner history (benchmarks).",
                               valueName: "N"))
    var customers: Int = DemoFirm.customerCount

    @Flag(help: "Replace a database that holds other (non-demo) data.")
    var force = false

    func run() async throws {
        let end = end ?? .today
        let location = try database.location()
        let path = location.description
        let (resolvedPolicy, _) = try policy.resolve()
        guard customers > 0 else {
            throw Terminal.failure("--customers must be at least 1.", code: ExitCodes.badInput)
        }
        // 400 (the default) gives exactly generate(seed:end:).
        let records = DemoFirm.generate(seed: seed, end: end, customers: customers)
        try await LedgerStore.with(location: location) { store in
            let isDemo = try await store.meta("demo_seed") != nil
            let customers = try await store.customerCount()
            if customers > 0 && !isDemo && !force {
                throw Terminal.failure(
                    "\(path) already holds \(customers) customers that are not the demo firm. Use another --database,"
                        + " or --force to replace them.", code: ExitCodes.badInput)
            }
            try await store.replaceAll(records)
            try await store.setMeta("demo_seed", String(seed))
            try await store.setMeta("demo_end", end.iso)
            // The demo database gets one administrator with a published password, so
            // `snoei serve` can be tried at once; a database with users keeps its own.
            if try await store.userCount() == 0 {
                try await store.saveUser(UserRecord(
                    userId: DemoCommand.demoUser, displayName: "Demo", role: .admin,
                    passwordHash: Credentials.hashPassword(DemoCommand.demoPassword, cost: 10), createdAt: Date().ISO8601Format()))
            }
        }
        let analysis = Analysis(ledger: try Ledger(records: records), policy: resolvedPolicy, asOf: end)
        let lang = language.language
        let L = { (en: String, nl: String) in lang == .nl ? nl : en }
        Terminal.out(L("Demo firm \(DemoFirm.firmName): \(records.customers.count) customers, \(records.invoices.count) invoices, \(records.rowCount) rows (seed \(seed)) → \(path)",
                       "Demobedrijf \(DemoFirm.firmName): \(records.customers.count) klanten, \(records.invoices.count) facturen, \(records.rowCount) regels (seed \(seed)) → \(path)"))
        Terminal.out()
        Terminal.out(PortfolioSummary(analysis: analysis, language: lang).render())
        Terminal.out()
        Terminal.out(L("Try next:", "Probeer daarna:"))
        // A password never goes into the hints: a URL holding one is shown as $SNOEI_DATABASE.
        let flag = database.database.map { text in
            location.description == text || location.kind == .sqlite ? " --database \(text)" : " --database \"$SNOEI_DATABASE\""
        } ?? ""
        let flags = flag + " --as-of \(end.iso)"
        for id in ["C0045", "C0038", "C0003"] where analysis.row(of: id) != nil {
            Terminal.out("  snoei customer \(id)\(flags)")
        }
        Terminal.out("  snoei simulate --drop C0045,C0003\(flags)")
        Terminal.out("  snoei analyze --format json\(flags)")
        Terminal.out("  snoei serve" + flag
                     + L("     (sign in as \(Self.demoUser) / \(Self.demoPassword))", "     (aanmelden als \(Self.demoUser) / \(Self.demoPassword))"))
    }

    /// The demo firm's administrator. Its password is public: remove the user
    /// (`snoei user remove demo`) before a database holds real data.
    static let demoUser = "demo"
    static let demoPassword = "snoei-demo"
}
