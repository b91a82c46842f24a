import TOMLKit

/// A firm's own mapping of an export, in TOML:
///
/// ```toml
/// kind = "invoices"               # or customers, payments, time_entries, …
/// profile = "exact-receivables"   # optional: start from a built-in profile
///
/// [columns]                       # canonical field = source column (or a list, joined by a space)
/// invoice_id = "Boekstuk"
/// customer_id = "Debiteurnr."
/// amount = "Netto"
///
/// [defaults]                      # for fields the export lacks or leaves empty
/// activity = "delivery"
///
/// [values.activity]               # source value = canonical value
/// "Ontwerp" = "delivery"
///
/// [dialect]                       # any of these; the rest is detected
/// encoding = "windows-1252"
/// separator = ";"
/// quote = "none"
/// decimal = "comma"
/// date_format = "dd-mm-yyyy"
/// ```
public enum MappingFile {
    public static func parse(_ text: String, name: String) throws(DialectError) -> ExportMapping {
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch {
            throw DialectError("\(name): invalid TOML: \(error)")
        }
        func fail(_ reason: String) -> DialectError { DialectError("\(name): \(reason)") }
        let topKeys = ["kind", "profile", "columns", "defaults", "values", "dialect"]
        if let bad = root.keys.first(where: { !topKeys.contains($0) }) {
            throw fail("unknown key \"\(bad)\"; expected one of: \(topKeys.joined(separator: ", "))")
        }
        var mapping: ExportMapping
        if let profile = root["profile"]?.string {
            guard var base = ExportProfiles.named(profile) else {
                throw fail("unknown profile \"\(profile)\"; known: \(ExportProfiles.all.map(\.name).joined(separator: ", "))")
            }
            base.name = "\(name) (from profile \(base.name))"
            mapping = base
        } else {
            mapping = ExportMapping(name: name, kind: nil)
        }
        if let kind = root["kind"]?.string {
            guard let k = LedgerKind(rawValue: kind) else {
                throw fail("kind \"\(kind)\" is not one of: \(LedgerKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            mapping.kind = k
        }
        let fields = Set(LedgerKind.allCases.flatMap(\.fields))
        if let columns = root["columns"]?.table {
            for key in columns.keys {
                guard fields.contains(key) else { throw fail("[columns] \"\(key)\" is not a canonical field") }
                if let s = columns[key]?.string {
                    mapping.columns[key] = [[s]]
                } else if let list = columns[key]?.array, list.allSatisfy({ $0.string != nil }), !list.isEmpty {
                    mapping.columns[key] = [list.map { $0.string! }]
                } else {
                    throw fail("[columns] \(key) must be a column name or a list of column names")
                }
                mapping.explicitFields.insert(key)
            }
        }
        if let defaults = root["defaults"]?.table {
            for key in defaults.keys {
                guard fields.contains(key), let v = defaults[key]?.string else {
                    throw fail("[defaults] \(key) must be a canonical field with a text value")
                }
                mapping.defaults[key] = v
            }
        }
        if let values = root["values"]?.table {
            for key in values.keys {
                guard fields.contains(key), let table = values[key]?.table else {
                    throw fail("[values.\(key)] must be a table of source value = canonical value for a canonical field")
                }
                var map: [String: String] = [:]
                for source in table.keys {
                    guard let v = table[source]?.string else { throw fail("[values.\(key)] \"\(source)\" must be text") }
                    map[source] = v
                    map[HeaderSynonyms.normalise(source)] = v
                }
                mapping.values[key] = map
            }
        }
        if let dialect = root["dialect"]?.table {
            mapping.dialect = try overrides(dialect, fail: fail)
        }
        return mapping
    }

    static func overrides(_ t: TOMLTable, fail: (String) -> DialectError) throws(DialectError) -> DialectOverrides {
        var o = DialectOverrides()
        for key in t.keys {
            guard let v = t[key]?.string else { throw fail("[dialect] \(key) must be text") }
            do throws(DialectError) {
                switch key {
                case "encoding": o.encoding = try DialectOverrides.encoding(named: v)
                case "separator": o.separator = try DialectOverrides.separator(named: v)
                case "decimal": o.decimal = try DialectOverrides.decimal(named: v)
                case "date_format": o.dateFormat = try DialectOverrides.dateFormat(named: v)
                case "quote": o.quoting = try DialectOverrides.quoting(named: v)
                default: throw DialectError("unknown key; expected encoding, separator, decimal, date_format or quote")
                }
            } catch {
                throw fail("[dialect] \(key): \(error.description)")
            }
        }
        return o
    }
}
