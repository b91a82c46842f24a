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
        var urgent = [Analysis.DecisionKey]()
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
            if fresh[k].recommendation.needsDecision {
                urgent.append(.init(row: r, recommendation: fresh[k].recommendation, figures: figures[r]))
            }
        }
        // The others keep their verdicts and contributions, so their order still holds: merge.
        urgent.sort()
        var merged = [Int]()
        merged.reserveCapacity(decisions.count + urgent.count)
        var u = 0
        for r in decisions where !redecided[r] {
            let key = Analysis.DecisionKey(row: r, recommendation: verdicts[r].recommendation, figures: figures[r])
            while u < urgent.count, urgent[u] < key { merged.append(Int(urgent[u].row)); u += 1 }
            merged.append(r)
        }
        merged.append(contentsOf: urgent[u...].map { Int($0.row) })
        return (merged, (byRecommendation, byQuadrant))
    }
}
