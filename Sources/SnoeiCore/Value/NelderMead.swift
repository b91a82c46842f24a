import Foundation

/// Nelder–Mead minimisation (Nelder & Mead 1965, with the standard coefficients), restarted
/// from its own best point until a restart no longer improves it: the simplex can collapse
/// early on a ridge, and a fresh simplex around the best point is the usual remedy.
struct NelderMead {
    struct Result {
        var point: [Double]
        var value: Double
        var iterations: Int
        var converged: Bool
    }

    var tolerance = 1e-10
    var maxIterations = 20_000
    var restarts = 4
    /// Initial simplex step in each coordinate.
    var step = 0.5

    func minimize(_ f: ([Double]) -> Double, from start: [Double]) -> Result {
        var best = run(f, from: start)
        var total = best.iterations
        for _ in 0..<restarts {
            let next = run(f, from: best.point)
            total += next.iterations
            let improved = best.value - next.value > tolerance * (1 + abs(best.value))
            if next.value < best.value { best = Result(point: next.point, value: next.value, iterations: 0, converged: next.converged) }
            if !improved { break }
        }
        best.iterations = total
        return best
    }

    private func run(_ f: ([Double]) -> Double, from start: [Double]) -> Result {
        let n = start.count
        var simplex = [start]
        for i in 0..<n {
            var p = start
            p[i] += step
            simplex.append(p)
        }
        var values = simplex.map { safe(f($0)) }
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if abs(values[n] - values[0]) <= tolerance * (abs(values[0]) + tolerance) && spread(simplex) < 1e-8 {
                return Result(point: simplex[0], value: values[0], iterations: iterations, converged: true)
            }
            var centroid = [Double](repeating: 0, count: n)
            for p in simplex.dropLast() { for i in 0..<n { centroid[i] += p[i] / Double(n) } }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) } }
            let reflected = along(-1), fr = safe(f(reflected))
            if fr < values[0] {
                let expanded = along(-2), fe = safe(f(expanded))
                (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr)
            } else if fr < values[n - 1] {
                (simplex[n], values[n]) = (reflected, fr)
            } else {
                let contracted = fr < values[n] ? along(-0.5) : along(0.5)
                let fc = safe(f(contracted))
                if fc < min(fr, values[n]) {
                    (simplex[n], values[n]) = (contracted, fc)
                } else {
                    // Shrink towards the best point.
                    for k in 1...n {
                        simplex[k] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[k][$0] - simplex[0][$0]) }
                        values[k] = safe(f(simplex[k]))
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return Result(point: simplex[best], value: values[best], iterations: iterations, converged: false)
    }

    /// NaN (a parameter out of range) counts as worse than anything.
    private func safe(_ v: Double) -> Double { v.isNaN ? .infinity : v }

    private func spread(_ simplex: [[Double]]) -> Double {
        var m = 0.0
        for p in simplex.dropFirst() { for i in p.indices { m = max(m, abs(p[i] - simplex[0][i])) } }
        return m
    }
}
