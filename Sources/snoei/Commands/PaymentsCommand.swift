import ArgumentParser
import SnoeiCore
import SnoeiStore

/// Credits from bank statements that no rule could tie to an invoice, and assigning them.
struct PaymentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payments",
        abstract: "Unmatched bank credits: list them and assign them to an invoice or a customer.",
        subcommands: [UnmatchedPaymentsCommand.self, AssignPaymentCommand.self]
    )
}

struct UnmatchedPaymentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unmatched",
        abstract: "List the credits from bank statements that wait for a person to assign them."
    )
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let entries = try await Workspace.withExistingStore(database) { try await $0.unmatchedPayments() }
        guard !entries.isEmpty else {
            Terminal.out("No unmatched payments.")
            return
        }
        var table = TextTable(["entry", "date", "amount", "from", "account", "reference / text"], rightAligned: [2])
        var total = Money.zero
        for e in entries {
            total += e.amount
            table.add([e.entryId, e.date.iso, e.amount.plainString, truncate(e.counterpartyName ?? "—", 24),
                       e.counterpartyIBAN ?? "—", truncate(e.reference ?? e.text ?? "—", 40)])
        }
        Terminal.out(table.render())
        Terminal.out("\(entries.count) unmatched payment\(entries.count == 1 ? "" : "s"), \(total.plainString) in all. "
                     + "Assign one with `snoei payments assign ENTRY --invoice ID` (or --customer ID).")
    }
}

struct AssignPaymentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Turn an unmatched credit into a payment of an invoice (or of a customer), in one transaction.",
        discussion: """
            With --invoice the payment counts towards that invoice. With only --customer it is recorded \
            for the customer without settling an invoice (FORMAT.md: it changes no figure). Either way \
            the payer's account is remembered for the customer, so a later credit from it for exactly \
            an open amount matches by itself.
            """
    )
    @Argument(help: ArgumentHelp("The entry id shown by `snoei payments unmatched`.", valueName: "entry"))
    var entry: String
    @Option(help: "The invoice the payment is for.") var invoice: String?
    @Option(help: "The customer the payment is from (when no invoice fits).") var customer: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if invoice == nil && customer == nil { throw ValidationError("Name an invoice (--invoice ID) or a customer (--customer ID).") }
    }

    func run() async throws {
        let payment: PaymentRecord
        do {
            payment = try await Workspace.withExistingStore(database) { store in
                try await store.assignUnmatched(entryId: entry, invoiceId: invoice, customerId: customer)
            }
        } catch let error as AssignError {
            throw Terminal.failure(error.description, code: ExitCodes.notFound)
        }
        let target = payment.invoiceId.map { "invoice \($0) (customer \(payment.customerId ?? "—"))" } ?? "customer \(payment.customerId ?? "—")"
        Terminal.out("Payment \(payment.paymentId) of \(payment.amount.plainString) on \(payment.date.iso) assigned to \(target).")
    }
}
