/// A few customers' verdicts decided again (`IncrementalAnalysis`), with the list of customers
/// needing a decision and the counts per recommendation and quadrant kept in step, so they equal
/// what `Analysis` builds from all verdicts.
struct VerdictUpdate {
    /// The list of decisions before, as the keys it is sorted by.
    let decisions: [Analysis.DecisionKey]
    let counts: (recommendations: [Int], quadrants: [Int])

    /// Decides the verdicts of `rows` (ascending; rows past the end are new customers, in order)
    /// again and returns the new list of decisions (as keys) and counts.
    func apply(rows: [Int], to verdicts: inout [Verdict], figures: [CustomerFigures],
               rules: VerdictRules) -> (decisions: [Analysis.DecisionKey], counts: (recommendations: [Int], quadrants: [Int])) {
        var (byRecommendation, byQuadrant) = counts
        var urgent = [Analysis.DecisionKey]()
        func count(_ v: Verdict, row: Int) {
            byRecommendation[v.recommendation.ordinal] += 1
            byQuadrant[v.quadrant.ordinal] += 1
            if v.recommendation.needsDecision { urgent.append(.init(row: row, recommendation: v.recommendation, figures: figures[row])) }
        }
        let known = rows.firstIndex { $0 >= verdicts.count } ?? rows.count
        for r in rows[known...] {
            precondition(r == verdicts.count, "new customers follow the old ones in order")
            verdicts.append(rules.verdict(for: figures[r]))
            count(verdicts[r], row: r)
        }
        // Known customers on every core: each part writes its own rows' verdicts, so the old
        // verdicts are freed there too (some hundred thousand arrays at a million customers).
        let replaced = verdicts.withUnsafeMutableBufferPointer { buffer in
            let out = SendableBuffer(buffer)
            return parallelMap(known, threads: Parallelism.threads) { k in
                let r = rows[k]
                let fresh = rules.verdict(for: figures[r])
                let old = (out.buffer[r].recommendation, out.buffer[r].quadrant)
                out.buffer[r] = fresh
                return old
            }
        }
        for (k, old) in replaced.enumerated() {
            byRecommendation[old.0.ordinal] -= 1
            byQuadrant[old.1.ordinal] -= 1
            count(verdicts[rows[k]], row: rows[k])
        }
        // The others keep their verdicts and contributions, so their keys and order still hold: merge.
        var redecided = [Bool](repeating: false, count: figures.count)
        for r in rows { redecided[r] = true }
        urgent.sort()
        var merged = [Analysis.DecisionKey]()
        merged.reserveCapacity(decisions.count + urgent.count)
        var u = 0
        for key in decisions where !redecided[Int(key.row)] {
            while u < urgent.count, urgent[u] < key { merged.append(urgent[u]); u += 1 }
            merged.append(key)
        }
        merged.append(contentsOf: urgent[u...])
        return (merged, (byRecommendation, byQuadrant))
    }
}
