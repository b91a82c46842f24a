import ArgumentParser
import Foundation
import SnoeiConfig
import SnoeiCore

struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Show the policy in force, or write snoei.toml with every default documented.",
        discussion: "The policy is what \"difficult\" means for this firm: rates, contact costs, friction weights, thresholds and red lines.",
        subcommands: [Show.self, Init.self],
        defaultSubcommand: Show.self
    )

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the policy in force and where it comes from.")
        @OptionGroup var policy: PolicyOptions

        func run() async throws {
            let (resolved, source) = try policy.resolve()
            Terminal.out("# Policy in force: \(source)")
            Terminal.out(PolicyFile.render(resolved))
        }
    }

    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a policy file with the defaults, each documented.")

        @Option(help: ArgumentHelp("Where to write it.", valueName: "path"))
        var path = "snoei.toml"

        @Flag(help: "Overwrite an existing file.")
        var force = false

        func run() async throws {
            if FileManager.default.fileExists(atPath: path) && !force {
                throw Terminal.failure("\(path) exists already; use --force to overwrite it.", code: ExitCodes.badInput)
            }
            try PolicyFile.write(.standard, to: path)
            Terminal.out("Wrote \(path). Edit it to match your firm; every command reads ./snoei.toml (or --policy PATH).")
        }
    }
}
