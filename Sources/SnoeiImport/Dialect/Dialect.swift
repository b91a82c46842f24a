/// How one export file is written. Each part is detected unless overridden; the dry run
/// shows all of them so a wrong guess is seen before anything is stored.
public struct Dialect: Sendable, Equatable {
    public var encoding: SourceEncoding
    public var hadBOM: Bool
    public var separator: UInt8
    public var decimal: DecimalStyle
    /// Nil when the file has no date column or no date in it.
    public var dateFormat: DateFormat?

    public var separatorName: String { SeparatorDetector.name(separator) }
    public var encodingName: String { encoding.rawValue + (hadBOM ? " (with byte order mark)" : "") }
}

/// What a user or a mapping file fixed; nil parts are detected.
public struct DialectOverrides: Sendable, Equatable {
    public var encoding: SourceEncoding?
    public var separator: UInt8?
    public var decimal: DecimalStyle?
    public var dateFormat: DateFormat?

    public init(encoding: SourceEncoding? = nil, separator: UInt8? = nil, decimal: DecimalStyle? = nil,
                dateFormat: DateFormat? = nil) {
        self.encoding = encoding; self.separator = separator; self.decimal = decimal; self.dateFormat = dateFormat
    }

    /// `self` where set, else `other`: command-line flags win over a mapping file.
    public func over(_ other: DialectOverrides) -> DialectOverrides {
        DialectOverrides(encoding: encoding ?? other.encoding, separator: separator ?? other.separator,
                         decimal: decimal ?? other.decimal, dateFormat: dateFormat ?? other.dateFormat)
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
