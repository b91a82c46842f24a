/// Which source columns feed which canonical field in one file, resolved from its header.
struct ColumnMapping {
    var kind: LedgerKind
    /// Per field, the source columns (0-based) whose values are joined into it.
    var sources: [String: [Int]]
    /// Fields with no column, filled from the mapping's defaults.
    var defaults: [String: String]
    var values: [String: [String: String]]
    /// Source columns no field uses.
    var unmapped: [Int]

    /// The mapping for `header`, or the reasons it cannot be made (missing required fields,
    /// columns a mapping file names that the file lacks).
    static func resolve(header: [String], kind: LedgerKind, mapping: ExportMapping?) -> Result<ColumnMapping, MappingFailure> {
        let normalised = header.map(HeaderSynonyms.normalise)
        var claimed = Set<Int>()
        var sources: [String: [Int]] = [:]
        var missingNamed: [String] = []

        func find(_ name: String) -> Int? {
            let n = HeaderSynonyms.normalise(name)
            return normalised.indices.first { normalised[$0] == n && !claimed.contains($0) }
                ?? normalised.firstIndex(of: n)  // two fields may share a column (id and name)
        }

        for field in kind.fields {
            if let alternatives = mapping?.columns[field] {
                let found = alternatives.lazy.compactMap { alt -> [Int]? in
                    let idx = alt.compactMap(find)
                    return idx.count == alt.count ? idx : nil
                }.first
                if let found {
                    sources[field] = found
                    claimed.formUnion(found)
                    continue
                }
                if mapping?.explicitFields.contains(field) == true {
                    missingNamed.append("\(field) = \(alternatives.map { $0.joined(separator: " + ") }.joined(separator: " or "))")
                    continue
                }
            }
            for name in HeaderSynonyms.names(kind: kind, field: field) {
                if let i = normalised.indices.first(where: { normalised[$0] == name && !claimed.contains($0) }) {
                    sources[field] = [i]
                    claimed.insert(i)
                    break
                }
            }
        }

        var defaults: [String: String] = [:]
        for (field, value) in mapping?.defaults ?? [:] where kind.fields.contains(field) { defaults[field] = value }

        var missing: [String] = []
        for column in kind.schema.columns where column.required {
            let covered = sources[column.name] != nil || defaults[column.name] != nil
                || (column.name == "customer_id" && sources[CanonicalField.customerName] != nil)
            if !covered { missing.append(column.name) }
        }
        if !missing.isEmpty || !missingNamed.isEmpty {
            return .failure(MappingFailure(kind: kind, missing: missing, missingNamed: missingNamed, header: header))
        }
        let unmapped = header.indices.filter { !claimed.contains($0) }
        return .success(ColumnMapping(kind: kind, sources: sources, defaults: defaults,
                                      values: mapping?.values ?? [:], unmapped: unmapped))
    }

    /// The kind whose required fields this header covers, preferring the kind that uses
    /// the most columns (an invoice export also has a customer code and name, but is not
    /// a customer list). Nil when no kind or several equally fit.
    static func detectKind(header: [String]) -> LedgerKind? {
        var best: (kind: LedgerKind, required: Int, mapped: Int)?
        var tie = false
        for kind in LedgerKind.allCases {
            guard case .success(let m) = resolve(header: header, kind: kind, mapping: nil) else { continue }
            let required = kind.schema.columns.filter(\.required).count
            let mapped = m.sources.count
            if let b = best, (required, mapped) < (b.required, b.mapped) { continue }
            if let b = best, (required, mapped) == (b.required, b.mapped) { tie = true; continue }
            best = (kind, required, mapped)
            tie = false
        }
        return tie ? nil : best?.kind
    }
}

struct MappingFailure: Error {
    var kind: LedgerKind
    var missing: [String]
    var missingNamed: [String]
    var header: [String]

    var reasons: [String] {
        let columns = header.map { "\"\($0)\"" }.joined(separator: ", ")
        var out = missingNamed.map { "the mapping names \($0), but the file has no such column; its columns are \(columns)" }
        if !missing.isEmpty {
            out.append("no column for \(missing.joined(separator: ", ")) (required for \(kind.rawValue)); the file's columns are \(columns); "
                       + "name the columns in a mapping file (--mapping) or pick a profile (--profile)")
        }
        return out
    }
}
