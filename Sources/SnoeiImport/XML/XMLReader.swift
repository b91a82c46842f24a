/// A small, safe XML 1.0 reader for data files (UBL, CAMT.053).
///
/// Safe by construction rather than by configuration: `<!DOCTYPE` is refused, so there are
/// no DTDs, no external entities (XXE) and no entity expansion (billion laughs); only the
/// five predefined entities and numeric character references are decoded. Names are
/// resolved to namespace URIs, so `<inv:Invoice>` and `<Invoice xmlns=…>` read the same.
/// Depth, element count and attribute count are bounded; every error carries the line and
/// column of the byte where reading stopped.
public enum XMLReader {
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .init()) throws -> XMLNode {
        guard bytes.count <= limits.maxBytes else {
            throw XMLError(line: 0, column: 0, reason: "the file has \(bytes.count) bytes, more than the limit of \(limits.maxBytes)")
        }
        guard !bytes.isEmpty else { throw XMLError(line: 1, column: 1, reason: "the file is empty") }
        var cursor = XMLCursor(bytes: try XMLEncoding.utf8(bytes), limits: limits)
        return try cursor.document()
    }
}

private let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

/// The parser's state: a position in UTF-8 bytes with its line and column.
struct XMLCursor {
    let b: [UInt8]
    let limits: XMLLimits
    var i = 0
    var line = 1
    var column = 1
    var elements = 0

    init(bytes: [UInt8], limits: XMLLimits) { b = bytes; self.limits = limits }

    /// An open element while its content is read.
    private struct Open {
        var node: XMLNode
        var qname: [UInt8]
        var scope: [String: String]
    }

    mutating func document() throws -> XMLNode {
        if starts("<?xml") { try skipPI() }
        try misc()
        guard i < b.count else { throw fail("the file holds no element") }
        guard b[i] == UInt8(ascii: "<") else { throw fail("text before the root element") }
        var stack: [Open] = []
        var root: XMLNode?
        let top: [String: String] = ["xml": xmlNamespace]
        while root == nil {
            guard i < b.count else {
                let open = stack.last!
                throw fail("the file ends inside <\(String(decoding: open.qname, as: UTF8.self))> opened at \(open.node.position) (truncated?)")
            }
            if b[i] != UInt8(ascii: "<") {
                let text = try charData()
                if stack.isEmpty { throw fail("text outside the root element") }
                stack[stack.count - 1].node.text += text
            } else if starts("</") {
                let (l, c) = (line, column)
                advance(2)
                let name = try qname()
                skipSpace()
                try expect(">")
                guard let open = stack.popLast() else { throw XMLError(line: l, column: c, reason: "end tag without a start tag") }
                guard open.qname == name else {
                    throw XMLError(line: l, column: c, reason: "end tag </\(String(decoding: name, as: UTF8.self))> does not match <\(String(decoding: open.qname, as: UTF8.self))> opened at \(open.node.position)")
                }
                if stack.isEmpty { root = open.node } else { stack[stack.count - 1].node.children.append(open.node) }
            } else if starts("<!--") {
                try skipComment()
            } else if starts("<![CDATA[") {
                guard !stack.isEmpty else { throw fail("CDATA outside the root element") }
                stack[stack.count - 1].node.text += try cdata()
            } else if starts("<!DOCTYPE") || starts("<!doctype") {
                throw fail("DOCTYPE declarations are refused (no DTDs or entity definitions are read)")
            } else if starts("<!") {
                throw fail("markup declarations are not allowed in a data file")
            } else if starts("<?") {
                try skipPI()
            } else {
                guard stack.count < limits.maxDepth else { throw fail("elements nested deeper than \(limits.maxDepth) levels") }
                elements += 1
                guard elements <= limits.maxElements else { throw fail("more than \(limits.maxElements) elements") }
                let (open, empty) = try startTag(scope: stack.last?.scope ?? top)
                if empty {
                    if stack.isEmpty { root = open.node } else { stack[stack.count - 1].node.children.append(open.node) }
                } else {
                    stack.append(open)
                }
            }
        }
        try misc()
        guard i >= b.count else { throw fail("content after the end of the root element") }
        return root!
    }

    private mutating func startTag(scope: [String: String]) throws -> (Open, Bool) {
        let (l, c) = (line, column)
        advance(1)
        let name = try qname()
        var raw: [([UInt8], String, Int, Int)] = []
        var empty = false
        while true {
            let hadSpace = skipSpace()
            guard i < b.count else { throw fail("the file ends inside a start tag (truncated?)") }
            if b[i] == UInt8(ascii: ">") { advance(1); break }
            if starts("/>") { advance(2); empty = true; break }
            guard hadSpace else { throw fail("expected white space, > or /> in the start tag") }
            let (al, ac) = (line, column)
            let attr = try qname()
            skipSpace(); try expect("="); skipSpace()
            let value = try attributeValue()
            guard !raw.contains(where: { $0.0 == attr }) else {
                throw XMLError(line: al, column: ac, reason: "attribute \(String(decoding: attr, as: UTF8.self)) appears twice")
            }
            raw.append((attr, value, al, ac))
            guard raw.count <= limits.maxAttributes else { throw fail("more than \(limits.maxAttributes) attributes") }
        }
        var scope = scope
        for (attr, value, al, ac) in raw {
            let s = String(decoding: attr, as: UTF8.self)
            if s == "xmlns" { scope[""] = value } else if s.hasPrefix("xmlns:") {
                guard !value.isEmpty else { throw XMLError(line: al, column: ac, reason: "prefix \(s.dropFirst(6)) bound to an empty namespace") }
                scope[String(s.dropFirst(6))] = value
            }
        }
        let (prefix, local) = split(name)
        guard let ns = scope[prefix ?? ""] ?? (prefix == nil ? "" : nil) else {
            throw XMLError(line: l, column: c, reason: "namespace prefix \"\(prefix!)\" is not declared")
        }
        var node = XMLNode(namespace: ns, name: local, line: l, column: c)
        for (attr, value, al, ac) in raw {
            let s = String(decoding: attr, as: UTF8.self)
            if s == "xmlns" || s.hasPrefix("xmlns:") { continue }
            let (p, n) = split(attr)
            var ans = ""
            if let p {
                guard let bound = scope[p] else { throw XMLError(line: al, column: ac, reason: "namespace prefix \"\(p)\" is not declared") }
                ans = bound
            }
            node.attributes.append(.init(namespace: ans, name: n, value: value))
        }
        return (Open(node: node, qname: name, scope: scope), empty)
    }

    private func split(_ qname: [UInt8]) -> (String?, String) {
        guard let colon = qname.firstIndex(of: UInt8(ascii: ":")) else { return (nil, String(decoding: qname, as: UTF8.self)) }
        return (String(decoding: qname[..<colon], as: UTF8.self), String(decoding: qname[(colon + 1)...], as: UTF8.self))
    }

    private mutating func qname() throws -> [UInt8] {
        let start = i
        guard i < b.count, isNameStart(b[i]) else { throw fail(i < b.count ? "expected a name" : "the file ends where a name was expected") }
        while i < b.count, isNameChar(b[i]) { advance(1) }
        guard i - start <= limits.maxNameLength else { throw fail("a name longer than \(limits.maxNameLength) bytes") }
        let name = Array(b[start..<i])
        let colons = name.filter { $0 == UInt8(ascii: ":") }.count
        guard colons <= 1, name.first != UInt8(ascii: ":"), name.last != UInt8(ascii: ":") else {
            throw fail("\"\(String(decoding: name, as: UTF8.self))\" is not a valid qualified name")
        }
        return name
    }

    private func isNameStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c >= 0x80
    }

    private func isNameChar(_ c: UInt8) -> Bool {
        isNameStart(c) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
    }

    private mutating func attributeValue() throws -> String {
        guard i < b.count, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else { throw fail("expected a quoted attribute value") }
        let quote = b[i]
        advance(1)
        var out: [UInt8] = []
        while true {
            guard i < b.count else { throw fail("the file ends inside an attribute value (truncated?)") }
            let c = b[i]
            if c == quote { advance(1); break }
            if c == UInt8(ascii: "<") { throw fail("< is not allowed in an attribute value") }
            if c == UInt8(ascii: "&") { out += try reference(); continue }
            try checkChar(c)
            // Attribute-value normalisation: white space characters become spaces.
            out.append(c == 0x09 || c == 0x0A || c == 0x0D ? 0x20 : c)
            advance(1)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func charData() throws -> String {
        var out: [UInt8] = []
        while i < b.count, b[i] != UInt8(ascii: "<") {
            let c = b[i]
            if c == UInt8(ascii: "&") { out += try reference(); continue }
            if starts("]]>") { throw fail("]]> is not allowed in text") }
            try checkChar(c)
            out.append(c)
            advance(1)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
