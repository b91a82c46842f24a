/// Where each key and table header of a TOML text starts (line and column, 1-based).
///
/// TOMLKit reports positions for syntax errors only, so the parser's own errors (unknown key,
/// wrong type, out of range) find their line here. The scan understands table headers, dotted
/// and quoted keys, strings, comments and values spread over several lines; keys inside inline
/// tables are not indexed, and `position(of:)` falls back to the nearest enclosing key.
struct KeyLocator {
    private var positions: [String: (line: Int, column: Int)] = [:]

    init(text: String) {
        var table: [String] = []
        var depth = 0
        var multiline: [Character]? = nil
        var lineNumber = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let line = Array(raw)
            var i = 0
            if let delimiter = multiline {
                guard let end = Self.find(delimiter, in: line, from: 0) else { continue }
                multiline = nil
                i = end + delimiter.count
                Self.scanValue(line, from: &i, depth: &depth, multiline: &multiline)
                continue
            }
            if depth > 0 {
                Self.scanValue(line, from: &i, depth: &depth, multiline: &multiline)
                continue
            }
            Self.skipSpace(line, &i)
            guard i < line.count, line[i] != "#" else { continue }
            let column = i + 1
            if line[i] == "[" {
                i += 1
                if i < line.count, line[i] == "[" { i += 1 }
                let keys = Self.dottedKey(line, &i)
                table = keys
                let path = keys.joined(separator: ".")
                if positions[path] == nil { positions[path] = (lineNumber, column) }
                continue
            }
            let keys = Self.dottedKey(line, &i)
            guard !keys.isEmpty else { continue }
            let path = (table + keys).joined(separator: ".")
            if positions[path] == nil { positions[path] = (lineNumber, column) }
            Self.skipSpace(line, &i)
            if i < line.count, line[i] == "=" { i += 1 }
            Self.scanValue(line, from: &i, depth: &depth, multiline: &multiline)
        }
    }

    /// The position of `path` (dotted, unquoted names), or of its nearest enclosing key or table.
    func position(of path: [String]) -> (line: Int, column: Int)? {
        var p = path
        while !p.isEmpty {
            if let found = positions[p.joined(separator: ".")] { return found }
            p.removeLast()
        }
        return nil
    }

    // MARK: scanning

    private static func skipSpace(_ line: [Character], _ i: inout Int) {
        while i < line.count, line[i] == " " || line[i] == "\t" { i += 1 }
    }

    private static func find(_ needle: [Character], in line: [Character], from start: Int) -> Int? {
        guard line.count >= needle.count else { return nil }
        var i = start
        while i + needle.count <= line.count {
            if Array(line[i..<(i + needle.count)]) == needle {
                // A closing """ may be followed by up to two more quotes that belong to the string.
                var j = i
                while j + needle.count < line.count, line[j + needle.count] == needle[0], j - i < 2 { j += 1 }
                return j
            }
            i += 1
        }
        return nil
    }

    /// Reads `a.b."c d"` up to `=`, `]` or the end; returns the unquoted names.
    private static func dottedKey(_ line: [Character], _ i: inout Int) -> [String] {
        var keys: [String] = []
        while i < line.count {
            skipSpace(line, &i)
            guard i < line.count else { break }
            let c = line[i]
            if c == "\"" || c == "'" {
                var name = ""
                i += 1
                while i < line.count, line[i] != c {
                    if c == "\"", line[i] == "\\", i + 1 < line.count {
                        i += 1
                        switch line[i] {
                        case "n": name.append("\n")
                        case "t": name.append("\t")
                        case "r": name.append("\r")
                        default: name.append(line[i])
                        }
                    } else {
                        name.append(line[i])
                    }
                    i += 1
                }
                i += 1
                keys.append(name)
            } else if c.isLetter || c.isNumber || c == "_" || c == "-" {
                var name = ""
                while i < line.count, line[i].isLetter || line[i].isNumber || line[i] == "_" || line[i] == "-" {
                    name.append(line[i]); i += 1
                }
                keys.append(name)
            } else {
                break
            }
            skipSpace(line, &i)
            if i < line.count, line[i] == "." { i += 1 } else { break }
        }
        return keys
    }

    /// Skips a value (or the rest of one), tracking brackets and multi-line strings.
    private static func scanValue(_ line: [Character], from i: inout Int, depth: inout Int, multiline: inout [Character]?) {
        while i < line.count {
            let c = line[i]
            switch c {
            case "#": return
            case "[", "{": depth += 1; i += 1
            case "]", "}": depth = max(0, depth - 1); i += 1
            case "\"", "'":
                let triple = [c, c, c]
                if i + 3 <= line.count, Array(line[i..<(i + 3)]) == triple {
                    if let end = find(triple, in: line, from: i + 3) {
                        i = end + 3
                    } else {
                        multiline = triple
                        return
                    }
                } else {
                    i += 1
                    while i < line.count, line[i] != c {
                        if c == "\"", line[i] == "\\" { i += 1 }
                        i += 1
                    }
                    i += 1
                }
            default: i += 1
            }
        }
    }
}
