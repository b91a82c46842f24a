import SnoeiCore

/// Reads an ISO 20022 bank-to-customer statement, CAMT.053, version 001.02 or later
/// (`urn:iso:std:iso:20022:tech:xsd:camt.053.001.NN`). Names are looked up in the document's
/// own namespace, so versions that only add elements read the same.
public enum CAMT053Reader {
    static let prefix = "urn:iso:std:iso:20022:tech:xsd:camt."

    /// Whether the root is a CAMT.053 `Document`; other CAMT messages give their own message.
    public static func accepts(_ root: XMLNode) -> Bool { root.name == "Document" && root.namespace.hasPrefix(prefix) }

    public static func read(_ root: XMLNode, file: String, currency: String = "EUR") -> BankStatementRead {
        var out = BankStatementRead()
        func error(_ node: XMLNode, _ reason: String) {
            out.problems.append(ImportProblem(file: file, line: node.line, column: node.column, reason: reason))
        }
        let ns = root.namespace
        let message = ns.dropFirst(prefix.count)
        guard root.name == "Document", ns.hasPrefix(prefix) else {
            error(root, "root element {\(ns)}\(root.name) is not an ISO 20022 Document"); return out
        }
        guard message.hasPrefix("053.001."), let version = Int(message.dropFirst(8)), version >= 2 else {
            error(root, "namespace \(ns) is camt.\(message); Snoei reads end-of-day statements, camt.053.001.02 or later")
            return out
        }
        guard let body = root.child(ns, "BkToCstmrStmt") else { error(root, "Document has no BkToCstmrStmt"); return out }
        var seen = Set<String>()
        for stmt in body.all(ns, "Stmt") {
            let stmtId = stmt.child(ns, "Id")?.value ?? "L\(stmt.line)"
            let acct = stmt.path(ns, "Acct", "Id")
            guard let account = (acct?.child(ns, "IBAN") ?? acct?.path(ns, "Othr", "Id"))?.value.map(StructuredReference.normalised) else {
                error(stmt, "statement \(stmtId) has no account (Acct/Id/IBAN)"); continue
            }
            for (index, ntry) in stmt.all(ns, "Ntry").enumerated() {
                let status = ntry.path(ns, "Sts", "Cd")?.value ?? ntry.child(ns, "Sts")?.value
                if let status, status != "BOOK" { out.notBooked += 1; continue }
                guard let amtNode = ntry.child(ns, "Amt"), let text = amtNode.value, let amount = DecimalAmount.parse(text), amount.cents >= 0 else {
                    error(ntry, "entry \(index + 1) of statement \(stmtId) has no valid Amt"); continue
                }
                if let c = amtNode.attribute("Ccy"), c != currency {
                    error(amtNode, "entry \(index + 1) of statement \(stmtId) is in \(c); Snoei holds amounts in \(currency)"); continue
                }
                let indicator = ntry.child(ns, "CdtDbtInd")?.value
                guard indicator == "CRDT" || indicator == "DBIT" else {
                    error(ntry, "entry \(index + 1) of statement \(stmtId): CdtDbtInd must be CRDT or DBIT"); continue
                }
                let bookg = ntry.child(ns, "BookgDt")
                guard let dateText = (bookg?.child(ns, "Dt") ?? bookg?.child(ns, "DtTm"))?.value, let date = UBLReader.date(dateText) else {
                    error(ntry, "entry \(index + 1) of statement \(stmtId) has no booking date (BookgDt/Dt)"); continue
                }
                var id = "camt:\(account):" + (ntry.child(ns, "AcctSvcrRef")?.value ?? "\(stmtId)#\(index + 1)")
                if seen.contains(id) { id += "#\(index + 1)" }
                seen.insert(id)
                let isCredit = indicator == "CRDT"
                let details = ntry.child(ns, "NtryDtls")?.all(ns, "TxDtls") ?? []
                // A batch booking holds several transactions with amounts of their own: one payment each.
                let split = details.count > 1 && details.allSatisfy { txAmount($0, ns) != nil }
                let parts: [(XMLNode?, Money, String)] = split
                    ? details.enumerated().map { ($0.element, txAmount($0.element, ns)!, "\(id)/\($0.offset + 1)") }
                    : [(details.first, amount, id)]
                for (tx, money, entryId) in parts {
                    var entry = BankEntry(entryId: entryId, account: account, bookingDate: date, amount: money,
                                          isCredit: isCredit, file: file, line: (tx ?? ntry).line)
                    if let tx { describe(&entry, tx, ns) }
                    if entry.text == nil { entry.text = ntry.child(ns, "AddtlNtryInf")?.value }
                    out.entries.append(entry)
                }
            }
        }
        return out
    }

    private static func txAmount(_ tx: XMLNode, _ ns: String) -> Money? {
        (tx.child(ns, "Amt") ?? tx.path(ns, "AmtDtls", "TxAmt", "Amt"))?.value.flatMap { DecimalAmount.parse($0) }
    }

    /// Counterparty and remittance: the debtor for a credit, the creditor for a debit.
    private static func describe(_ entry: inout BankEntry, _ tx: XMLNode, _ ns: String) {
        let parties = tx.child(ns, "RltdPties")
        let role = entry.isCredit ? "Dbtr" : "Cdtr"
        let party = parties?.child(ns, role)
        // camt.053.001.08 and later wrap the party in Pty.
        entry.counterpartyName = (party?.path(ns, "Pty", "Nm") ?? party?.child(ns, "Nm"))?.value
        entry.counterpartyIBAN = parties?.path(ns, role + "Acct", "Id", "IBAN")?.value.map(StructuredReference.normalised)
        let remittance = tx.child(ns, "RmtInf")
        let unstructured = remittance?.all(ns, "Ustrd").compactMap(\.value) ?? []
        entry.text = unstructured.isEmpty ? nil : unstructured.joined(separator: " ")
        for strd in remittance?.all(ns, "Strd") ?? [] {
            if let ref = strd.path(ns, "CdtrRefInf", "Ref")?.value {
                entry.structuredReference = StructuredReference.belgian(ref) ?? StructuredReference.normalised(ref)
                break
            }
        }
    }
}
