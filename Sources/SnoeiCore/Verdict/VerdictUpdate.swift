/// A few customers' verdicts decided again (`IncrementalAnalysis`), with the list of customers
/// needing a decision and the counts per recommendation and quadrant kept in step, so they equal
/// what `Analysis` builds from all verdicts.
struct VerdictUpdate {
    let decisions: [Int]
    let counts: (recommendations: [Int], quadrants: [Int])

    /// Decides the verdicts of `rows` (ascending; rows past the end are new customers, in order)
    /// again and returns the new list of decisions and counts.
    func apply(rows: [Int], to verdicts: inout [Verdict], figures: [CustomerFigures],
               rules: VerdictRules) -> (decisions: [Int], counts: (recommendations: [Int], quadrants: [Int])) {
        let fresh = parallelMap(rows.count, threads: Parallelism.threads) { k in rules.verdict(for: figures[rows[k]]) }
        var (byRecommendation, byQuadrant) = counts
        var redecided = [Bool](repeating: false, count: figures.count)
        var urgent = [Int]()
        for (k, r) in rows.enumerated() {
            redecided[r] = true
            if r < verdicts.count {
                byRecommendation[verdicts[r].recommendation.ordinal] -= 1
                byQuadrant[verdicts[r].quadrant.ordinal] -= 1
                verdicts[r] = fresh[k]
            } else {
                precondition(r == verdicts.count, "new customers follow the old ones in order")
                verdicts.append(fresh[k])
            }
            byRecommendation[fresh[k].recommendation.ordinal] += 1
            byQuadrant[fresh[k].quadrant.ordinal] += 1
            if fresh[k].recommendation.needsDecision { urgent.append(r) }
        }
        // The others keep their verdicts and contributions, so their order still holds: merge.
        // Compared through buffers: a million-customer list is some 400,000 comparisons.
        var merged = [Int]()
        merged.reserveCapacity(decisions.count + urgent.count)
        verdicts.withUnsafeBufferPointer { v in
            figures.withUnsafeBufferPointer { f in
                func before(_ x: Int, _ y: Int) -> Bool { Analysis.decidedBefore(x, y, verdicts: v, figures: f) }
                urgent.sort(by: before)
                var u = 0
                for r in decisions where !redecided[r] {
                    while u < urgent.count, before(urgent[u], r) { merged.append(urgent[u]); u += 1 }
                    merged.append(r)
                }
                merged.append(contentsOf: urgent[u...])
            }
        }
        return (merged, (byRecommendation, byQuadrant))
    }
}
