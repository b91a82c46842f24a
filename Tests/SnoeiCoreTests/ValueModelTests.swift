import Foundation
import Testing
@testable import SnoeiCore

@Suite struct SpecialFunctionTests {
    @Test func logGammaMatchesKnownValues() {
        #expect(abs(SpecialFunctions.logGamma(0.5) - log(Double.pi.squareRoot())) < 1e-12)
        #expect(abs(SpecialFunctions.logGamma(10) - log(362_880)) < 1e-11)
        #expect(abs(SpecialFunctions.logGamma(1)) < 1e-13 && abs(SpecialFunctions.logGamma(2)) < 1e-13)
        // Γ(x + 1) = x Γ(x) across the range the fits visit.
        for x in stride(from: 0.01, through: 200, by: 0.37) {
            let identity = SpecialFunctions.logGamma(x + 1) - SpecialFunctions.logGamma(x) - log(x)
            #expect(abs(identity) < 1e-9 * max(1, abs(SpecialFunctions.logGamma(x))), "x = \(x)")
        }
    }

    @Test func hypergeometricMatchesClosedForms() {
        for z in [0.0, 0.1, 0.5, 0.9, 0.99] {
            // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z and ₂F₁(a, b; b; z) = (1 − z)^−a.
            let expected = z == 0 ? 1 : -log(1 - z) / z
            #expect(abs(SpecialFunctions.hypergeometric2F1(1, 1, 2, z) - expected) < 1e-9 * expected)
            #expect(abs(SpecialFunctions.hypergeometric2F1(2.5, 3, 3, z) - pow(1 - z, -2.5)) < 1e-9 * pow(1 - z, -2.5))
        }
    }
}

@Suite struct BGNBDTests {
    let model = BGNBD(r: 0.5, alpha: 5, a: 0.8, b: 2.5)

    /// The log-likelihood written in log space equals the paper's formula evaluated directly.
    @Test func logLikelihoodEqualsTheDirectFormula() {
        for (x, tx, T) in [(0, 0.0, 30.0), (1, 10.0, 30.0), (5, 28.0, 40.0), (12, 50.0, 52.0)] {
            let xd = Double(x), (r, al, a, b) = (model.r, model.alpha, model.a, model.b)
            let beta = { (p: Double, q: Double) in exp(lgamma(p) + lgamma(q) - lgamma(p + q)) }
            let common = exp(lgamma(r + xd) - lgamma(r)) * pow(al, r)
            var l = beta(a, b + xd) / beta(a, b) * common / pow(al + T, r + xd)
            if x > 0 { l += beta(a + 1, b + xd - 1) / beta(a, b) * common / pow(al + tx, r + xd) }
            #expect(abs(model.logLikelihood(x: x, tx: tx, T: T) - log(l)) < 1e-9, "x = \(x)")
        }
    }

    /// With (almost) no drop-out the model is the Poisson-gamma one: E[Y(t)] = t (r + x)/(α + T).
    @Test func withoutDropOutTheExpectationIsPoissonGamma() {
        let steady = BGNBD(r: 2, alpha: 10, a: 1e-7, b: 1e4)
        for (x, tx, T) in [(0, 0.0, 20.0), (4, 18.0, 20.0), (9, 40.0, 52.0)] {
            let expected = 26 * (2 + Double(x)) / (10 + T)
            #expect(abs(steady.expectedPurchases(26, x: x, tx: tx, T: T) - expected) < 1e-3 * expected)
            #expect(steady.probabilityAlive(x: x, tx: tx, T: T) > 0.999)
        }
    }

    @Test func aLongSilenceLowersTheChanceOfBeingAlive() {
        let recent = model.probabilityAlive(x: 6, tx: 50, T: 52), silent = model.probabilityAlive(x: 6, tx: 10, T: 52)
        #expect(model.probabilityAlive(x: 0, tx: 0, T: 52) == 1)
        #expect(recent > silent && silent > 0 && recent < 1)
        #expect(model.expectedPurchases(52, x: 6, tx: 50, T: 52) > model.expectedPurchases(52, x: 6, tx: 10, T: 52))
        #expect(model.expectedPurchases(26, x: 6, tx: 50, T: 52) < model.expectedPurchases(52, x: 6, tx: 50, T: 52))
    }

    /// Parameter recovery: histories drawn from known parameters are fitted back to them.
    @Test func theFitRecoversTheParametersItWasSimulatedWith() throws {
        var sim = ValueSimulation(seed: 7)
        let truth = BGNBD(r: 0.5, alpha: 5, a: 0.8, b: 2.5)
        let history = sim.history(truth, GammaGamma(p: 6, q: 4, gamma: 15), customers: 4_000, ages: 30...80)
        let fit = try BGNBD.fit(history)
        #expect(fit.converged)
        // The maximum is at least as likely as the truth, and the estimates are close to it.
        var atTruth = 0.0
        for c in history.buyers { atTruth += truth.logLikelihood(x: history.frequency[c], tx: history.recency[c], T: history.age[c]) }
        #expect(fit.logLikelihood >= atTruth - 1e-6)
        let m = fit.model
        #expect(abs(m.r / truth.r - 1) < 0.15, "r = \(m.r)")
        #expect(abs(m.alpha / truth.alpha - 1) < 0.15, "alpha = \(m.alpha)")
        #expect(abs(m.a / truth.a - 1) < 0.35, "a = \(m.a)")
        #expect(abs(m.b / truth.b - 1) < 0.35, "b = \(m.b)")
    }

    /// The fit's grouped sums are the per-customer formulas added up.
    @Test func theGroupedLikelihoodsEqualThePerCustomerSums() {
        var sim = ValueSimulation(seed: 3)
        let history = sim.history(model, GammaGamma(p: 6, q: 4, gamma: 15), customers: 500, ages: 10...60)
        var direct = 0.0
        for c in history.buyers { direct += model.logLikelihood(x: history.frequency[c], tx: history.recency[c], T: history.age[c]) }
        #expect(abs(GroupedHistory(history, rows: history.buyers).logLikelihood(model) - direct) < 1e-9 * abs(direct))
        let g = GammaGamma(p: 5, q: 3, gamma: 12)
        let rows = history.buyers.filter { history.frequency[$0] > 0 }
        let xs = rows.map { history.frequency[$0] }, ms = rows.map { Double(history.averageRepeatSpend[$0].cents) / 100 }
        let spend = zip(xs, ms).reduce(0.0) { $0 + g.logLikelihood(x: $1.0, m: $1.1) }
        #expect(abs(GroupedSpend(xs: xs, ms: ms).logLikelihood(g) - spend) < 1e-9 * abs(spend))
    }

    @Test func tooFewRepeatBuyersIsAClearError() {
        let few = PurchaseHistory(asOf: Day(iso: "2026-11-24")!, unit: .weeks, frequency: [1, 0, 0], recency: [3, 0, 0],
                                  age: [10, 10, 10], averageRepeatSpend: [Money(cents: 100), .zero, .zero])
        #expect(throws: ValueModelError.self) { try BGNBD.fit(few) }
        do { _ = try BGNBD.fit(few) } catch {
            #expect("\(error)".contains("3 customers bought, 1 of them more than once"))
        }
    }
}

@Suite struct GammaGammaTests {
    @Test func theFitRecoversTheParametersItWasSimulatedWith() throws {
        var sim = ValueSimulation(seed: 11)
        let truth = GammaGamma(p: 6, q: 4, gamma: 15)
        let history = sim.history(BGNBD(r: 2, alpha: 8, a: 0.5, b: 6), truth, customers: 3_000, ages: 40...90)
        let fit = try GammaGamma.fit(history)
        #expect(fit.converged)
        let m = fit.model
        // p, q and γ trade off against each other; their mean spend p·γ/(q − 1) is pinned down best.
        let mean = { (g: GammaGamma) in g.p * g.gamma / (g.q - 1) }
        #expect(abs(mean(m) / mean(truth) - 1) < 0.05, "mean \(mean(m)) vs \(mean(truth))")
        #expect(abs(m.p / truth.p - 1) < 0.25, "p = \(m.p)")
        #expect(abs(m.q / truth.q - 1) < 0.35, "q = \(m.q)")
        #expect(abs(m.gamma / truth.gamma - 1) < 0.45, "gamma = \(m.gamma)")
    }

    @Test func theExpectationShrinksTowardsThePopulationMean() throws {
        let g = GammaGamma(p: 6, q: 4, gamma: 15)
        let population = try #require(g.expectedSpend(x: 0, m: 0))
        #expect(abs(population - 30) < 1e-9)  // p·γ/(q − 1)
        let one = try #require(g.expectedSpend(x: 1, m: 100)), many = try #require(g.expectedSpend(x: 20, m: 100))
        #expect(population < one && one < many && many < 100)
        #expect(GammaGamma(p: 0.2, q: 0.5, gamma: 1).expectedSpend(x: 1, m: 10) == nil)
    }
}
