import Foundation
import Testing
import SnoeiCore
@testable import SnoeiImport

func exportFixture(_ name: String) throws -> URL {
    try fixtureFolder().deletingLastPathComponent().appendingPathComponent("exports").appendingPathComponent(name)
}

/// The customers of snelstart-relaties.csv, as a database would hold them.
let fixtureCustomers = KnownCustomers(names: [
    "10001": "Bakkerij Jansen B.V.", "10002": "Café De Gouden Leeuw", "10003": "Brasserie Zoë",
    "10004": "Hoveniersbedrijf Van den Berg", "10005": "Dekker & Zonen; installatie",
])

func readExports(_ names: [String], kind: LedgerKind? = nil, mapping: ExportMapping? = nil,
                 overrides: DialectOverrides = .init(), known: KnownCustomers = fixtureCustomers,
                 options: ImportOptions = .init()) throws -> ExportReadResult {
    let sources = try names.map { ExportSource(url: try exportFixture($0), kind: kind, mapping: mapping, overrides: overrides) }
    return ExportReader(options: options).read(sources, known: known)
}

@Suite struct AccountingExportTests {
    @Test func snelstartRelationsInWindows1252() throws {
        let r = try readExports(["snelstart-relaties.csv"], known: .init())
        #expect(r.result.isValid, "\(r.result.errors)")
        let report = try #require(r.files.first)
        #expect(report.profile == "snelstart-relations" && report.kind == .customers)
        #expect(report.dialect?.encoding == .windows1252 && report.dialect?.separator == UInt8(ascii: ";"))
        #expect(r.result.records.customers.map(\.name) == [
            "Bakkerij Jansen B.V.", "Café De Gouden Leeuw", "Brasserie Zoë", "Hoveniersbedrijf Van den Berg", "Dekker & Zonen; installatie",
        ])
        #expect(report.unmapped.contains("Plaats"))
    }

    @Test func exactReceivablesWithDecimalCommaAndTrailingMinus() throws {
        let r = try readExports(["exact-openstaande-posten.csv"])
        #expect(r.result.isValid, "\(r.result.errors)")
        let report = try #require(r.files.first)
        #expect(report.profile == "exact-receivables")
        #expect(report.dialect?.decimal == .comma && report.dialect?.dateFormat?.description == "dd-mm-yyyy")
        let invoices = r.result.records.invoices
        #expect(invoices.map(\.amount.cents) == [123_456, 1_250_000, 98_000, -15_000, 200_000])
        #expect(invoices.map(\.vat.cents) == [25_926, 262_500, 20_580, -3_150, 42_000])
        #expect(invoices[0].issueDate.iso == "2026-01-05" && invoices[4].dueDate.iso == "2026-03-01")
        #expect(report.columns.contains(.init(source: "Bedrag excl. btw", field: "amount")))
        #expect(report.unmapped.contains("Bedrag incl. btw"))
        #expect(report.preview.count == 5 && report.preview[0] == ["26100001", "10001", "2026-01-05", "2026-02-04", "1234.56", "259.26", "", ""])
    }

    @Test func moneybirdInvoicesWithBOMAndQuotedAmounts() throws {
        let r = try readExports(["moneybird-facturen.csv"])
        #expect(r.result.isValid, "\(r.result.errors)")
        #expect(r.files.first?.dialect?.hadBOM == true && r.files.first?.profile == "moneybird-invoices")
        #expect(r.result.records.invoices.map(\.amount.cents) == [345_000, 8_995, 105_000])
        #expect(r.result.records.invoices.map(\.customerId) == ["10005", "10003", "10001"])
        #expect(r.result.records.invoices[2].reference == "Offerte 17, \"spoed\"")
    }

    @Test func genericLatin1TabFileIsRecognisedFromItsHeaders() throws {
        let r = try readExports(["facturen-generiek.csv"])
        #expect(r.result.isValid, "\(r.result.errors)")
        let report = try #require(r.files.first)
        #expect(report.profile == nil && report.kind == .invoices)
        #expect(report.dialect?.separatorName == "tab" && report.dialect?.dateFormat?.description == "dd/mm/yyyy")
        #expect(r.result.records.invoices.map(\.amount.cents) == [100_000, 7_550])
        #expect(r.result.records.invoices[1].reference?.hasSuffix("ë") == true)
    }

    @Test func paymentsWithCompactDates() throws {
        let r = try readExports(["betalingen.csv"])
        #expect(r.result.isValid, "\(r.result.errors)")
        #expect(r.files.first?.kind == .payments && r.files.first?.dialect?.dateFormat == .compact)
        #expect(r.result.records.payments.map(\.amount.cents) == [149_382, -18_150])
        #expect(r.result.records.payments[1].reference == "+++090/9337/55493+++")
    }

    @Test func unknownCustomerIdIsAnErrorNamingFileLineColumn() throws {
        let r = try readExports(["exact-openstaande-posten.csv"], known: .init(names: ["10001": "Bakkerij Jansen B.V."]))
        #expect(!r.result.isValid)
        #expect(r.result.errors.map(\.description) == [
            "exact-openstaande-posten.csv:3:1: customer \"10002\" (Café De Gouden Leeuw) on 2 rows is not a customer in this import or the database; import the customers first or in the same command, e.g. `snoei import relaties.csv exact-openstaande-posten.csv` with a relations export",
            "exact-openstaande-posten.csv:4:1: customer \"10003\" (Brasserie Zoë) on 1 row is not a customer in this import or the database; import the customers first or in the same command, e.g. `snoei import relaties.csv exact-openstaande-posten.csv` with a relations export",
            "exact-openstaande-posten.csv:6:1: customer \"10004\" (Hoveniersbedrijf Van den Berg) on 1 row is not a customer in this import or the database; import the customers first or in the same command, e.g. `snoei import relaties.csv exact-openstaande-posten.csv` with a relations export",
        ])
    }

    @Test func aFolderOfExportsImportsCustomersFirst() throws {
        let all = ["toggl-detailed.csv", "exact-openstaande-posten.csv", "snelstart-relaties.csv", "moneybird-facturen.csv",
                   "harvest-detailed.csv", "clockify-detailed.csv", "betalingen.csv", "facturen-generiek.csv"]
        let r = try readExports(all, known: .init())
        #expect(r.result.isValid, "\(r.result.errors)")
        #expect(r.result.records.customers.count == 5 && r.result.records.invoices.count == 10)
        #expect(r.result.records.timeEntries.count == 10 && r.result.records.payments.count == 2)
    }
}
