/// The accessible, printable fallback for a chart: a plain HTML table.
public struct DataTable: Sendable {
    public var caption: String
    public var headers: [String]
    public var rows: [[String]]

    public init(caption: String, headers: [String], rows: [[String]]) {
        self.caption = caption
        self.headers = headers
        self.rows = rows
    }

    /// `<table class="chart-table">` with caption, column headers and rows,
    /// every cell escaped. The first cell of a row is a row header
    /// (`<th scope="row">`) so screen readers announce which customer a
    /// number belongs to.
    public func html() -> String {
        var out = "<table class=\"chart-table\">\n"
        out += "<caption>" + XML.escape(caption) + "</caption>\n"
        if !headers.isEmpty {
            out += "<thead><tr>"
            for h in headers { out += "<th scope=\"col\">" + XML.escape(h) + "</th>" }
            out += "</tr></thead>\n"
        }
        out += "<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                out += i == 0 ? "<th scope=\"row\">" + XML.escape(cell) + "</th>" : "<td>" + XML.escape(cell) + "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out
    }
}
