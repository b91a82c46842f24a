import ArgumentParser
import Foundation
import Hummingbird
import SnoeiCore
import SnoeiWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the web application over the database (Dutch and English).",
        discussion: "Stop it with Ctrl-C; it finishes the requests in flight first. An import made while it runs shows up within seconds."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "Address to listen on; 0.0.0.0 makes it reachable from other machines.")
    var host = "127.0.0.1"

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Analyse as of this date (default: today, moving with the clock).",
                                                           valueName: "YYYY-MM-DD"))
    var asOf: Day?

    func run() async throws {
        _ = try policy.resolve()  // a broken policy file is reported before the server starts
        let location = try database.location()
        guard try database.exists() else {
            throw Terminal.failure("No database at \(location). Run `snoei demo` or `snoei import DIR` first (or pass --database PATH|URL).",
                                   code: ExitCodes.notFound)
        }
        var config = WebConfiguration()
        config.host = host
        config.port = port
        config.database = location
        config.policyPath = policy.policy
        config.asOf = asOf
        let app = try await buildApplication(config)
        Terminal.note("Snoei is running at http://\(host == "0.0.0.0" ? "localhost" : host):\(port)/  (Ctrl-C to stop)")
        try await app.runService()
    }
}
