/// How one export file is written. Each part is detected unless overridden; the dry run
/// shows all of them so a wrong guess is seen before anything is stored.
public struct Dialect: Sendable, Equatable {
    public var encoding: SourceEncoding
    public var hadBOM: Bool
    public var separator: UInt8
    public var decimal: DecimalStyle
    /// Nil when the file has no date column or no date in it.
    public var dateFormat: DateFormat?
    /// The quote character; nil for a file that does not quote (every quote is literal text).
    public var quote: UInt8? = UInt8(ascii: "\"")

    public var separatorName: String { SeparatorDetector.name(separator) }
    public var quoteName: String {
        switch quote {
        case nil: "none (quotes are text)"
        case UInt8(ascii: "\"")?: "double quote (\")"
        case UInt8(ascii: "'")?: "single quote (')"
        case let q?: "\(Character(UnicodeScalar(q)))"
        }
    }
    public var encodingName: String { encoding.rawValue + (hadBOM ? " (with byte order mark)" : "") }
}

/// What a user or a mapping file fixed; nil parts are detected.
public struct DialectOverrides: Sendable, Equatable {
    public var encoding: SourceEncoding?
    public var separator: UInt8?
    public var decimal: DecimalStyle?
    public var dateFormat: DateFormat?
    public var quoting: Quoting?

    /// How fields are quoted: by a character, or not at all.
    public enum Quoting: Sendable, Equatable {
        case character(UInt8)
        case unquoted

        var quote: UInt8? { if case .character(let c) = self { c } else { nil } }
    }

    public init(encoding: SourceEncoding? = nil, separator: UInt8? = nil, decimal: DecimalStyle? = nil,
                dateFormat: DateFormat? = nil, quoting: Quoting? = nil) {
        self.encoding = encoding; self.separator = separator; self.decimal = decimal; self.dateFormat = dateFormat
        self.quoting = quoting
    }

    /// `self` where set, else `other`: command-line flags win over a mapping file.
    public func over(_ other: DialectOverrides) -> DialectOverrides {
        DialectOverrides(encoding: encoding ?? other.encoding, separator: separator ?? other.separator,
                         decimal: decimal ?? other.decimal, dateFormat: dateFormat ?? other.dateFormat,
                         quoting: quoting ?? other.quoting)
    }

    public static func quoting(named text: String) throws(DialectError) -> Quoting {
        switch text.lowercased() {
        case "\"", "double": return .character(UInt8(ascii: "\""))
        case "'", "single": return .character(UInt8(ascii: "'"))
        case "none", "off": return .unquoted
        default: throw DialectError("quote \"\(text)\" is not one of: double (\"), single ('), none")
        }
    }

    /// Parses the text forms used by flags and mapping files; the error names the value.
    public static func separator(named text: String) throws(DialectError) -> UInt8 {
        guard let s = SeparatorDetector.parse(text) else {
            throw DialectError("separator \"\(text)\" is not one of: , ; tab |")
        }
        return s
    }

    public static func encoding(named text: String) throws(DialectError) -> SourceEncoding {
        guard let e = SourceEncoding(name: text) else {
            throw DialectError("encoding \"\(text)\" is not one of: utf-8, windows-1252, iso-8859-1")
        }
        return e
    }

    public static func dateFormat(named text: String) throws(DialectError) -> DateFormat {
        guard let f = DateFormat(name: text) else {
            throw DialectError("date format \"\(text)\" is not one of: \(DateFormat.all.map(\.description).joined(separator: ", "))")
        }
        return f
    }

    public static func decimal(named text: String) throws(DialectError) -> DecimalStyle {
        switch text.lowercased() {
        case "comma", ",": return .comma
        case "point", "dot", ".": return .point
        default: throw DialectError("decimal style \"\(text)\" is not one of: comma, point")
        }
    }
}

public struct DialectError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
