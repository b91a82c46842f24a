import Foundation
import Testing
import SnoeiCore
@testable import SnoeiImport

@Suite struct TimeTrackerExportTests {
    @Test func togglClientsByNameDurationsAndTags() throws {
        let r = try readExports(["toggl-detailed.csv"])
        #expect(r.result.isValid, "\(r.result.errors)")
        #expect(r.files.first?.profile == "toggl")
        let t = r.result.records.timeEntries
        // "Cafe de Gouden Leeuw" matches "Café De Gouden Leeuw": case and accents do not count.
        #expect(t.map(\.customerId) == ["10001", "10002", "10003", "10004"])
        #expect(t.map(\.hours) == [1500, 750, 4250, 333])
        #expect(t.map(\.activity) == [.support, .meeting, .delivery, .rework])
        #expect(t.map(\.billable) == [true, false, true, false])
        #expect(t[0].employee == "Anouk de Boer")
    }

    @Test func clockifyAmbiguousUSDatesFollowTheProfileWithAWarning() throws {
        let r = try readExports(["clockify-detailed.csv"])
        #expect(r.result.isValid, "\(r.result.errors)")
        #expect(r.files.first?.dialect?.dateFormat?.description == "mm/dd/yyyy")
        #expect(r.result.records.timeEntries.map(\.date.iso) == ["2026-03-04", "2026-03-05", "2026-04-01"])
        #expect(r.result.records.timeEntries.map(\.activity) == [.delivery, .sales, .admin])
        #expect(r.result.warnings.contains { $0.reason.contains("--date-format dd/mm/yyyy") })
        let dutch = try readExports(["clockify-detailed.csv"], overrides: .init(dateFormat: DateFormat(name: "dd/mm/yyyy")))
        #expect(dutch.result.records.timeEntries.first?.date.iso == "2026-04-03")
    }

    @Test func harvestJoinsFirstAndLastName() throws {
        let r = try readExports(["harvest-detailed.csv"])
        #expect(r.result.isValid, "\(r.result.errors)")
        #expect(r.result.records.timeEntries.map(\.employee) == ["Anouk de Boer", "Ruben Verhoeven", "Mark Visser"])
        #expect(r.result.records.timeEntries.map(\.activity) == [.meeting, .delivery, .admin])
        #expect(r.files.first?.columns.contains(.init(source: "First Name + Last Name", field: "employee")) == true)
    }

    @Test func unknownClientsAreListedOncePerName() throws {
        let r = try readExports(["toggl-detailed.csv"], known: .init(names: ["10001": "Bakkerij Jansen B.V."]))
        #expect(!r.result.isValid)
        let unknown = r.result.errors.filter { $0.reason.contains("is neither the id nor the name") }
        #expect(unknown.count == 3)
        #expect(unknown.first?.description.hasPrefix("toggl-detailed.csv:3:3: \"Cafe de Gouden Leeuw\" (1 row)") == true)
        #expect(unknown.first?.reason.contains("\"Bakkerij Jansen B.V.\"") == true)
    }

    @Test func mappingFileNamesColumnsValuesAndDialect() throws {
        let toml = """
            kind = "time_entries"
            [columns]
            customer_name = "Client"
            date = "Start date"
            hours = "Duration"
            activity = "Project"
            employee = ["User", "Email"]
            [values.activity]
            "Kassasysteem" = "support"
            "Inrichting" = "meeting"
            "Terras" = "delivery"
            "Onderhoud" = "admin"
            [dialect]
            date_format = "yyyy-mm-dd"
            """
        let mapping = try MappingFile.parse(toml, name: "toggl.toml")
        let r = try readExports(["toggl-detailed.csv"], mapping: mapping)
        #expect(r.result.isValid, "\(r.result.errors)")
        #expect(r.result.records.timeEntries.map(\.activity) == [.support, .meeting, .delivery, .admin])
        #expect(r.result.records.timeEntries.first?.employee == "Anouk de Boer anouk@snoei.example")
        #expect(r.files.first?.unmapped.contains("Tags") == true)
    }

    @Test func mappingFileNamingAMissingColumnIsRefused() throws {
        let mapping = try MappingFile.parse("kind = \"time_entries\"\n[columns]\nhours = \"Uren\"\n", name: "m.toml")
        let r = try readExports(["toggl-detailed.csv"], mapping: mapping)
        #expect(r.result.errors.first?.reason.contains("names hours = Uren, but the file has no such column") == true)
        #expect(throws: DialectError.self) { try MappingFile.parse("kind = \"bills\"\n", name: "m.toml") }
        #expect(throws: DialectError.self) { try MappingFile.parse("[dialect]\nseparator = \"x\"\n", name: "m.toml") }
    }
}
