import SnoeiCore

/// Reads SWIFT MT940 customer statements as Dutch and Belgian banks export them (.sta, .940,
/// .mt940, .txt): `:20:`, `:25:` account, `:28C:` statement number, `:61:` statement lines, each
/// followed by `:86:` information (SEPA subfields /NAME/ /IBAN/ /REMI/ …, ING's /CNTP/, or text).
public enum MT940Reader {
    /// Whether text looks like MT940: tagged lines `:20:` and `:61:` or `:25:` near the top.
    public static func accepts(_ text: String) -> Bool {
        let head = text.prefix(4096)
        return head.contains(":20:") && (head.contains(":25:") || head.contains(":61:"))
    }

    public static func read(_ text: String, file: String, maxEntries: Int = 1_000_000) -> BankStatementRead {
        var out = BankStatementRead()
        var account: String?
        var statement = "?"
        var index = 0
        var pending: (line: Int, body: String)?
        var tags: [(tag: String, line: Int, body: String)] = []
        // Continuation lines belong to the tag above; SWIFT wraps them at 65 characters, often
        // mid-word, so they are joined without a separator.
        for (n, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw[...]
            if line.hasPrefix("{") || line == "-}" || line == "-" { continue }
            if line.first == ":", let close = line.dropFirst().firstIndex(of: ":"), line.distance(from: line.startIndex, to: close) <= 4 {
                tags.append((String(line[line.index(after: line.startIndex)..<close]), n + 1, String(line[line.index(after: close)...])))
            } else if !tags.isEmpty {
                tags[tags.count - 1].body += String(line)
            } else if !line.trimmingXMLSpace().isEmpty {
                out.problems.append(ImportProblem(file: file, line: n + 1, column: 1, reason: "text before the first :20: tag"))
                return out
            }
        }
        func flush() {
            guard let (line, body) = pending else { return }
            pending = nil
            guard let account else {
                out.problems.append(ImportProblem(file: file, line: line, column: 1, reason: ":61: before the account (:25:)")); return
            }
            index += 1
            switch statementLine(body, account: account, id: "mt940:\(account):\(statement):\(index)", file: file, line: line) {
            case .success(let entry): out.entries.append(entry)
            case .failure(let problem): out.problems.append(problem)
            }
        }
        for (tag, line, body) in tags {
            switch tag {
            case "20":
                flush()
            case "25":
                flush()
                // "NL91ABNA0417164300EUR", "NL91ABNA0417164300", or "ABNANL2A/0417164300"
                var a = StructuredReference.normalised(body.split(separator: "/").last.map(String.init) ?? body)
                if a.count > 18, a.hasSuffix("EUR") { a.removeLast(3) }
                account = a
                index = 0
            case "28C", "28":
                flush()
                statement = body.trimmingXMLSpace()
                index = 0
            case "61":
                flush()
                guard out.entries.count < maxEntries else {
                    out.problems.append(ImportProblem(file: file, line: line, column: 1, reason: "more than \(maxEntries) statement lines"))
                    return out
                }
                pending = (line, body)
            case "86":
                if var last = pending {
                    last.body += "\u{1E}" + body
                    pending = last
                }
            default:
                flush()
            }
        }
        flush()
        if tags.isEmpty { out.problems.append(ImportProblem(file: file, line: 1, column: 1, reason: "no MT940 tags found")) }
        return out
    }

    /// `:61:2611021102C1250,00NTRFNONREF//B6K02…` then (after U+1E) the `:86:` text.
    static func statementLine(_ body: String, account: String, id: String, file: String, line: Int) -> Result<BankEntry, ImportProblem> {
        let parts = body.split(separator: "\u{1E}", maxSplits: 1, omittingEmptySubsequences: false)
        let s = Array(parts[0])
        func bad(_ reason: String) -> Result<BankEntry, ImportProblem> {
            .failure(ImportProblem(file: file, line: line, column: 1, reason: ":61: \(reason)"))
        }
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= s.count, s[r].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(String(s[r]))
        }
        guard let yy = digits(0..<2), let mm = digits(2..<4), let dd = digits(4..<6),
              let valueDate = Day(year: 2000 + yy, month: mm, day: dd) else { return bad("does not start with a value date YYMMDD") }
        var k = 6
        var booking = valueDate
        if let em = digits(6..<8), let ed = digits(8..<10) {
            k = 10
            // The entry date has no year: the one nearest the value date (a booking on 31 Dec for 2 Jan).
            let candidates = [-1, 0, 1].compactMap { Day(year: 2000 + yy + $0, month: em, day: ed) }
            guard let nearest = candidates.min(by: { abs($0 - valueDate) < abs($1 - valueDate) }) else { return bad("entry date \(em)\(ed) is not a date") }
            booking = nearest
        }
        var isCredit: Bool
        if k + 1 < s.count, s[k] == "R", s[k + 1] == "C" || s[k + 1] == "D" { isCredit = s[k + 1] == "D"; k += 2 }
        else if k < s.count, s[k] == "C" || s[k] == "D" { isCredit = s[k] == "C"; k += 1 }
        else { return bad("expected C, D, RC or RD after the date") }
        if k < s.count, s[k].isLetter { k += 1 } // funds code
        // The amount runs to the transaction type (N, F or S and three characters).
        let start = k
        while k < s.count, !s[k].isLetter { k += 1 }
        guard let amount = DecimalAmount.parse(String(s[start..<k]), decimalSeparator: ","), k > start else {
            return bad("amount \(ImportText.quoted(String(s[start..<k]))) is not an amount like 1250,00")
        }
        var entry = BankEntry(entryId: id, account: account, bookingDate: booking, amount: amount, isCredit: isCredit, file: file, line: line)
        if parts.count > 1 { MT940Information.describe(&entry, String(parts[1])) }
        return .success(entry)
    }
}
