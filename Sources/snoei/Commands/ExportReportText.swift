import Foundation
import SnoeiImport

/// The dry run's account of each export: how it was read and what will be stored.
enum ExportReportText {
    static func render(_ files: [ExportFileReport]) -> String {
        files.map(render).joined(separator: "\n\n") + "\n"
    }

    /// A customer name column is matched to a customer; beside an id column, only where the id is empty.
    static func field(_ c: ExportFileReport.ColumnUse, _ r: ExportFileReport) -> String {
        guard c.field == "customer_name" else { return c.field }
        return r.columns.contains { $0.field == "customer_id" } ? "customer_id (by name, where the id is empty)" : "customer_id (by name)"
    }

    static func render(_ r: ExportFileReport) -> String {
        var lines: [String] = []
        let kind = r.kind.map { "\($0.rawValue).csv" } ?? "(not recognised)"
        lines.append("\(r.file) → \(kind)")
        func item(_ label: String, _ value: String) { lines.append("  " + label.padding(toLength: 12, withPad: " ", startingAt: 0) + value) }
        item("profile", r.profile ?? "none (columns recognised by name)")
        if let d = r.dialect {
            item("encoding", d.encodingName)
            item("separator", d.separatorName)
            item("quoting", d.quoteName)
            item("decimals", d.decimal.shown + (r.decimalSeen ? "" : ", assumed: no value in the file shows it"))
            item("dates", d.dateFormat.map { "\($0)" + (r.dateNote == nil ? "" : " (ambiguous: see the warning)") } ?? "no dates found")
        }
        if !r.columns.isEmpty {
            lines.append("  columns")
            let width = r.columns.map(\.source.count).max() ?? 0
            for c in r.columns {
                lines.append("    \(c.source.padding(toLength: width, withPad: " ", startingAt: 0)) → \(field(c, r))")
            }
        }
        for d in r.defaults { item("default", "\(d.field) = \"\(d.value)\" where the file has no value") }
        if !r.columns.isEmpty { item("unmapped", r.unmapped.isEmpty ? "none" : r.unmapped.joined(separator: ", ")) }
        guard r.kind != nil, !r.canonicalHeader.isEmpty else { return lines.joined(separator: "\n") }
        item("rows", "\(r.rows) read, \(r.accepted) without errors")
        if !r.preview.isEmpty {
            lines.append("  first \(r.preview.count) row\(r.preview.count == 1 ? "" : "s") as stored:")
            var table = TextTable(r.canonicalHeader)
            for row in r.preview { table.add(row) }
            lines += table.render().split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
