/// An element of a parsed XML document: names resolved to namespace URIs, character data
/// decoded. Only what the e-invoice and bank readers need; no DTD, no entities of its own.
public struct XMLNode: Sendable, Equatable {
    public struct Attribute: Sendable, Equatable {
        /// Namespace URI; "" for an unprefixed attribute (XML Namespaces: they have none).
        public var namespace: String
        public var name: String
        public var value: String
    }

    /// Namespace URI, "" when the element is in no namespace.
    public var namespace: String
    public var name: String
    public var attributes: [Attribute] = []
    public var children: [XMLNode] = []
    /// The character data directly inside this element (not its children's), decoded.
    public var text: String = ""
    /// Where the start tag begins, 1-based.
    public var line: Int
    public var column: Int

    public init(namespace: String, name: String, line: Int, column: Int) {
        self.namespace = namespace; self.name = name; self.line = line; self.column = column
    }

    /// The first child with this namespace URI and local name.
    public func child(_ namespace: String, _ name: String) -> XMLNode? {
        children.first { $0.name == name && $0.namespace == namespace }
    }

    public func all(_ namespace: String, _ name: String) -> [XMLNode] {
        children.filter { $0.name == name && $0.namespace == namespace }
    }

    /// Follows a path of local names, all in `namespace`.
    public func path(_ namespace: String, _ names: String...) -> XMLNode? {
        var node: XMLNode? = self
        for name in names { node = node?.child(namespace, name) }
        return node
    }

    /// The value of an unprefixed attribute.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name && $0.namespace.isEmpty }?.value
    }

    /// Text with surrounding white space removed; nil when empty.
    public var value: String? {
        let t = text.trimmingXMLSpace()
        return t.isEmpty ? nil : t
    }

    /// `line:column` for messages.
    public var position: String { "\(line):\(column)" }
}

extension StringProtocol {
    /// Trims the four XML white-space characters (space, tab, CR, LF) only.
    func trimmingXMLSpace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

/// A document that could not be read, with the 1-based position of the offending byte.
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var reason: String

    public init(line: Int, column: Int, reason: String) {
        self.line = line; self.column = column; self.reason = reason
    }

    public var description: String { "\(line):\(column): \(reason)" }
}

/// Bounds that keep a hostile or broken file from exhausting memory or the stack.
public struct XMLLimits: Sendable {
    public var maxBytes: Int = 64 * 1024 * 1024
    public var maxDepth: Int = 64
    public var maxElements: Int = 2_000_000
    public var maxAttributes: Int = 64
    public var maxNameLength: Int = 256

    public init() {}
}
