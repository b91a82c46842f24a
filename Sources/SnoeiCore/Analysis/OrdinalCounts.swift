/// Up to eight integers indexed by a vocabulary's `ordinal` (hours per `Activity`, contacts
/// per `ContactKind` and per `Channel`), stored inline.
///
/// As arrays, these cost every customer's figures three heap allocations: three million at
/// a million customers, each allocated, reference-counted on every write and freed again.
/// Reads and compares like the array it replaces (`== [2, 1, 1]`, `enumerated()`).
public struct OrdinalCounts<Element: FixedWidthInteger & Sendable>: Sendable, Equatable, RandomAccessCollection,
    MutableCollection, ExpressibleByArrayLiteral, CustomStringConvertible {
    public typealias Index = Int
    public typealias Indices = Range<Int>

    public static var capacity: Int { 8 }

    private var storage: (Element, Element, Element, Element, Element, Element, Element, Element) = (0, 0, 0, 0, 0, 0, 0, 0)
    public let endIndex: Int

    /// `count` zeros.
    public init(count: Int) {
        precondition((0...Self.capacity).contains(count), "OrdinalCounts holds at most \(Self.capacity) values")
        endIndex = count
    }

    public init(arrayLiteral elements: Element...) {
        self.init(count: elements.count)
        for (i, e) in elements.enumerated() { self[i] = e }
    }

    public var startIndex: Int { 0 }

    public subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < endIndex, "index \(position) out of range 0..<\(endIndex)")
            return withUnsafeBytes(of: storage) { $0.load(fromByteOffset: position * MemoryLayout<Element>.stride, as: Element.self) }
        }
        set {
            precondition(position >= 0 && position < endIndex, "index \(position) out of range 0..<\(endIndex)")
            withUnsafeMutableBytes(of: &storage) {
                $0.storeBytes(of: newValue, toByteOffset: position * MemoryLayout<Element>.stride, as: Element.self)
            }
        }
    }

    public static func == (a: Self, b: Self) -> Bool { a.elementsEqual(b) }

    public var description: String { "[" + map { "\($0)" }.joined(separator: ", ") + "]" }
}
