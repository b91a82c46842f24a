public import ArgumentParser
import Foundation
import SnoeiStore
import SnoeiConfig
public import SnoeiCore
public import SnoeiImport

/// Where the database is: --database, else SNOEI_DATABASE, else ./snoei.sqlite.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "SQLite file or PostgreSQL URL postgres://user:pass@host:port/db (default: $SNOEI_DATABASE or snoei.sqlite).",
        valueName: "path|url"))
    var database: String?

    /// What was given (or the default), as typed: a path or a URL.
    var text: String {
        if let database { return database }
        if let env = ProcessInfo.processInfo.environment["SNOEI_DATABASE"], !env.isEmpty { return env }
        return "snoei.sqlite"
    }

    /// Where the ledger lives; a URL that cannot be used is reported before anything runs.
    func location() throws -> StoreLocation {
        do {
            return try StoreLocation(parsing: text)
        } catch {
            throw Terminal.failure("\(error)", code: ExitCodes.badInput)
        }
    }

    /// The location for messages: the path, or the URL without its password.
    var shown: String { (try? StoreLocation(parsing: text))?.description ?? text }

    /// Whether there is a database to read: an SQLite file that exists, or any PostgreSQL
    /// URL (the server is asked when the store opens; an empty one has no customers).
    func exists() throws -> Bool {
        switch try location() {
        case .sqlite(let path): FileManager.default.fileExists(atPath: path)
        case .postgres: true
        }
    }
}

/// The policy in force: --policy, else ./snoei.toml, else the built-in defaults.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Policy file (default: ./snoei.toml if present, else built-in defaults).",
                                            valueName: "path"))
    var policy: String?

    func resolve() throws -> (policy: Policy, source: String) {
        do {
            return try PolicyFile.resolve(explicitPath: policy,
                                          workingDirectory: FileManager.default.currentDirectoryPath)
        } catch {
            throw Terminal.failure("\(error)", code: ExitCodes.badInput)
        }
    }
}

/// Output language: --lang, else SNOEI_LANG, else the locale (LANG), else English.
struct LanguageOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Language of the text: en or nl (default: $SNOEI_LANG or $LANG).",
                                            valueName: "en|nl"))
    var lang: Language?

    var language: Language {
        if let lang { return lang }
        let env = ProcessInfo.processInfo.environment
        return Language.from(locale: env["SNOEI_LANG"]) ?? Language.from(locale: env["LANG"]) ?? .en
    }
}

struct AsOfOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Analyse as of this date (default: today).",
                                                           valueName: "YYYY-MM-DD"))
    var asOf: Day?

    var day: Day { asOf ?? .today }
}

extension Language: ExpressibleByArgument {}
extension TimeUnit: ExpressibleByArgument {}
extension DecisionStep: ExpressibleByArgument {}
extension DecisionState: ExpressibleByArgument {}
extension Recommendation: ExpressibleByArgument {}
extension ExitStep: ExpressibleByArgument {}
extension SuggestedAction: ExpressibleByArgument {}
extension FixOutcome: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}
extension IncidentKind: ExpressibleByArgument {}
extension BoundaryKind: ExpressibleByArgument {}
extension Role: ExpressibleByArgument {}
extension LedgerKind: ExpressibleByArgument {}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension Day {
    /// Today in the machine's time zone: the date the person at the keyboard means.
    static var today: Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// Exit codes a script can rely on.
enum ExitCodes {
    /// Something unexpected (a bug or an environment problem).
    static let failure: Int32 = 1
    /// The input was refused: an import with problems, an invalid policy or argument.
    static let badInput: Int32 = 2
    /// What was asked for does not exist: no database yet, an unknown customer.
    static let notFound: Int32 = 3
}
