import Foundation
#if canImport(FoundationXML)
import FoundationXML // XMLParser lives here on Linux
#endif

/// A tiny DOM built with XMLParser, so tests read the SVG as a browser would
/// instead of grepping strings, and fail on anything that is not well-formed.
final class Node {
    let name: String
    let attributes: [String: String]
    var children: [Node] = []
    var text = ""
    weak var parent: Node?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(_ attribute: String) -> String? { attributes[attribute] }

    func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }

    var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }

    /// Every descendant (depth first, document order) named `name`.
    func all(_ name: String) -> [Node] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
    }

    /// Descendants named `name` that carry the CSS class `cls`.
    func all(_ name: String, class cls: String) -> [Node] {
        all(name).filter { $0.classes.contains(cls) }
    }

    /// Text of this node and all descendants.
    var allText: String { text + children.map(\.allText).joined() }

    /// Every descendant, self included.
    var descendants: [Node] { [self] + children.flatMap(\.descendants) }
}

struct MalformedXML: Error, CustomStringConvertible {
    var description: String
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: Node?
    var stack: [Node] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let node = Node(name: elementName, attributes: attributeDict)
        node.parent = stack.last
        stack.last?.children.append(node)
        if root == nil { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}

/// Parses `markup` or throws if it is not well-formed XML.
func parseXML(_ markup: String) throws -> Node {
    let parser = XMLParser(data: Data(markup.utf8))
    let builder = TreeBuilder()
    parser.delegate = builder
    guard parser.parse(), let root = builder.root else {
        throw MalformedXML(description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "no root")")
    }
    return root
}

/// Pairs of pixel coordinates from a polyline's `points`.
func polylinePoints(_ node: Node) -> [(x: Double, y: Double)] {
    (node["points"] ?? "").split(separator: " ").compactMap { pair in
        let parts = pair.split(separator: ",")
        guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]) else { return nil }
        return (x, y)
    }
}

func close(_ a: Double?, _ b: Double?, tolerance: Double = 0.011) -> Bool {
    guard let a, let b else { return false }
    return abs(a - b) <= tolerance
}
