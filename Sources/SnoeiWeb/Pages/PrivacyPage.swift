import SnoeiCore

/// The art. 15 overview of one customer: `PrivacyExport.document()` — the same sections as
/// `snoei privacy export --format text` — as HTML, with a table of contents and the JSON download.
struct PrivacyPage {
    let document: PrivacyDocument
    let customerName: String
    let customerHref: String
    let jsonHref: String

    func context() -> [String: Any] {
        let sections: [[String: Any]] = document.sections.enumerated().map { index, section in
            var s: [String: Any] = ["anchor": "section-\(index + 1)", "title": section.title, "lines": section.lines]
            if let table = section.table {
                s["table"] = ["headers": table.headers,
                              "rows": table.rows.map { ["cells": $0.map { ["text": $0, "nowrap": Self.keepsTogether($0)] }] }] as [String: Any]
            }
            return s
        }
        return [
            "title": document.title, "name": customerName, "customerHref": customerHref, "jsonHref": jsonHref,
            "contents": sections.map { ["anchor": $0["anchor"] ?? "", "title": $0["title"] ?? ""] },
            "sections": sections,
        ]
    }

    /// Dates, timestamps, amounts and numbers: a table cell that should not break over lines.
    static func keepsTogether(_ cell: String) -> Bool {
        cell.count <= 30 && cell.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic || $0 == "T" || $0 == "Z" }
    }
}
