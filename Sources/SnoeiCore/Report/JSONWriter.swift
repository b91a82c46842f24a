/// A small streaming JSON writer. Money is written as a number with exactly two
/// decimals (`5300.00`), which `JSONEncoder` cannot do for `Decimal`; ratios and other
/// floating-point figures with a fixed number of decimals, never in exponent notation.
public struct JSONWriter: Sendable {
    public private(set) var output = ""
    private var needsComma = [false]
    private let indentUnit: String
    private var pretty: Bool { !indentUnit.isEmpty }

    public init(pretty: Bool = true) { indentUnit = pretty ? "  " : "" }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        if pretty && needsComma.count > 1 { output += "\n" + String(repeating: indentUnit, count: needsComma.count - 1) }
    }

    private mutating func key(_ k: String?) {
        separator()
        if let k { output += Self.quoted(k) + (pretty ? ": " : ":") }
    }

    public mutating func beginObject(_ k: String? = nil) { key(k); output += "{"; needsComma.append(false) }
    public mutating func beginArray(_ k: String? = nil) { key(k); output += "["; needsComma.append(false) }
    public mutating func endObject() { close("}") }
    public mutating func endArray() { close("]") }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        if pretty && hadItems { output += "\n" + String(repeating: indentUnit, count: needsComma.count - 1) }
        output += bracket
    }

    public mutating func string(_ k: String?, _ v: String?) {
        key(k); output += v.map(Self.quoted) ?? "null"
    }
    public mutating func money(_ k: String?, _ v: Money) { key(k); output += v.plainString }
    public mutating func int(_ k: String?, _ v: Int) { key(k); output += String(v) }
    public mutating func bool(_ k: String?, _ v: Bool) { key(k); output += v ? "true" : "false" }
    public mutating func null(_ k: String?) { key(k); output += "null" }
    public mutating func number(_ k: String?, _ v: Double?, decimals: Int) {
        key(k)
        guard let v, v.isFinite else { output += "null"; return }
        output += Self.fixed(v, decimals: decimals)
    }

    public static func fixed(_ x: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (x * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e18 else { return String(x) }
        let mag = UInt64(abs(scaled))
        let s = UInt64(scale)
        var out = (scaled < 0 && mag != 0 ? "-" : "") + String(mag / s)
        if decimals > 0 {
            let f = String(mag % s)
            out += "." + String(repeating: "0", count: decimals - f.count) + f
        }
        return out
    }

    public static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
